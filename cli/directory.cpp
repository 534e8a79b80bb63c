#include <cli/common.hpp>
#include <cli/directory.hpp>

#include <pm/i18n/errors.hpp>

#include <cerrno>

namespace pm::cli {

bool directory_ok(const app::DirectoryScan &s, const Global &g, int &rc) {
  auto locales = s.locales();
  g.locales.insert(g.locales.end(), locales.begin(), locales.end());
  for (const auto &t : s.errors) error(g, t);
  diag::Diagnostics d = s.diagnostics;
  diag::sort(d);
  report(d, g);
  if (s.status == app::Status::ok) return true;
  rc = exit_of(s.status);
  return false;
}

std::string draw_section(const doc::Section &s, const std::string &lang, const std::string &format) {
  doc::Document d;
  d.lang = lang;
  d.title = "-";
  std::string head = draw(d, format);
  d.sections.push_back(s);
  std::string all = draw(d, format);
  if (all.compare(0, head.size(), head) != 0) return all; // not reached: the title comes first
  return all.substr(head.size());
}

Spool::Spool() : m_f(std::tmpfile()) {
  if (!m_f) m_err = errno ? errno : EIO;
}
Spool::~Spool() {
  if (m_f) std::fclose(m_f);
}
void Spool::write(const std::string &s) {
  if (!m_f || m_err) return;
  if (std::fwrite(s.data(), 1, s.size(), m_f) != s.size()) m_err = errno ? errno : EIO;
}

bool spool_ok(const Spool &s, const Global &g) {
  if (s.ok()) return true;
  util::Error e;
  e.kind = util::Error::Kind::cannot_write;
  e.path = "tmpfile()";
  e.err = s.err();
  error(g, i18n::describe(e));
  return false;
}

std::optional<util::Sink> open_sink(const std::string &out_path, const std::vector<std::string> &inputs,
                                    const Global &g) {
  auto s = util::Sink::open(out_path, inputs);
  if (!s) {
    error(g, i18n::describe(s.error()));
    return std::nullopt;
  }
  return std::move(*s);
}

int commit_sink(util::Sink &sink, const Global &g) {
  auto r = sink.commit();
  if (!r) {
    error(g, i18n::describe(r.error()));
    return Exit::usage;
  }
  return Exit::ok;
}

std::string indented(const std::string &json, const std::string &by) {
  std::string out = by;
  for (char ch : json) {
    out += ch;
    if (ch == '\n') out += by;
  }
  return out;
}

} // namespace pm::cli
