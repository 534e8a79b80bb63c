#include <cli/table.hpp>

#include <pm/util/text.hpp>

#include <algorithm>

namespace pm::cli {

Table::Table(std::vector<std::string> header, std::vector<bool> right_aligned)
    : m_header(std::move(header)), m_right(std::move(right_aligned)) {
  m_right.resize(m_header.size(), false);
}

void Table::row(std::vector<std::string> cells) {
  cells.resize(m_header.size());
  m_rows.push_back(std::move(cells));
  m_notes.resize(m_rows.size());
}

void Table::rule() {
  m_rows.emplace_back();
  m_notes.resize(m_rows.size());
}

void Table::note(std::string text) {
  m_rows.emplace_back();
  m_notes.resize(m_rows.size());
  m_notes.back() = std::move(text);
}

std::string Table::str() const {
  std::vector<std::size_t> w(m_header.size(), 0);
  for (std::size_t i = 0; i < m_header.size(); ++i) w[i] = util::display_width(m_header[i]);
  for (const auto &r : m_rows)
    for (std::size_t i = 0; i < r.size(); ++i) w[i] = std::max(w[i], util::display_width(r[i]));
  auto line = [&](const std::vector<std::string> &cells) {
    std::string out;
    for (std::size_t i = 0; i < cells.size(); ++i) {
      bool last = i + 1 == cells.size();
      std::string cell = (last && !m_right[i]) ? cells[i] : util::pad(cells[i], w[i], m_right[i]);
      out += cell + (last ? "" : "  ");
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out + "\n";
  };
  std::size_t total = 0;
  for (auto x : w) total += x + 2;
  std::string sep(total > 2 ? total - 2 : 0, '-');
  std::string out = line(m_header) + sep + "\n";
  for (std::size_t i = 0; i < m_rows.size(); ++i) {
    if (!m_notes[i].empty())
      out += m_notes[i] + "\n";
    else
      out += m_rows[i].empty() ? sep + "\n" : line(m_rows[i]);
  }
  return out;
}

std::string markdown_table(const std::vector<std::string> &header, const std::vector<std::vector<std::string>> &rows,
                           const std::vector<bool> &right_aligned) {
  auto esc = [](const std::string &s) {
    std::string o;
    for (char c : s) {
      if (c == '|')
        o += "\\|";
      else if (c == '\n')
        o += ' ';
      else
        o += c;
    }
    return o;
  };
  std::string out = "|";
  for (const auto &h : header) out += " " + esc(h) + " |";
  out += "\n|";
  for (std::size_t i = 0; i < header.size(); ++i)
    out += (i < right_aligned.size() && right_aligned[i]) ? "---:|" : "---|";
  out += "\n";
  for (const auto &r : rows) {
    out += "|";
    for (std::size_t i = 0; i < header.size(); ++i) out += " " + esc(i < r.size() ? r[i] : "") + " |";
    out += "\n";
  }
  return out;
}

std::string csv_field(const std::string &s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string o = "\"";
  for (char c : s) {
    if (c == '"')
      o += "\"\"";
    else
      o += c;
  }
  return o + "\"";
}

std::string csv_row(const std::vector<std::string> &cells) {
  std::string out;
  for (std::size_t i = 0; i < cells.size(); ++i) out += (i ? "," : "") + csv_field(cells[i]);
  return out + "\r\n";
}

} // namespace pm::cli
