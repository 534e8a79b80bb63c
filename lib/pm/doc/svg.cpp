// Inline SVG for the HTML report: the organisation chart and the programme timeline. Sizes
// come from the text's display width (CJK characters count twice), so boxes fit their labels
// without measuring fonts; the viewBox lets the browser scale the drawing to the page.

#include <pm/doc/render.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <map>

namespace pm::doc {

namespace {

constexpr double char_px = 6.6; // one display column at the 12 px font of the drawings

double text_px(const std::string &s) { return static_cast<double>(util::display_width(s)) * char_px; }

std::string f1(double v) {
  std::string s = fmt::format("{:.1f}", v);
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s;
}

// Cuts a label to at most `px` wide, ending it with "…".
std::string fit(const std::string &s, double px) {
  if (text_px(s) <= px) return s;
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t len = 1;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0xF0)
      len = 4;
    else if (c >= 0xE0)
      len = 3;
    else if (c >= 0xC0)
      len = 2;
    std::string next = out + s.substr(i, len);
    if (text_px(next) + 2 * char_px > px) break;
    out = next;
    i += len;
  }
  return out + "…";
}

// A phase's date as a day number. Phases are real dates (the estate check refuses others with
// bad-date), so the 0 of an unreadable one is never drawn.
int day_of(const std::string &iso) { return util::parse_date(iso).value_or(0); }

} // namespace

std::string org_chart_svg(const OrgChart &c) {
  if (c.nodes.empty()) return "";
  const OrgNode &root = c.nodes.front();
  std::vector<const OrgNode *> kids;
  for (const auto &n : c.nodes)
    if (n.parent == root.id && &n != &root) kids.push_back(&n);

  constexpr double line_h = 16, pad = 8, gap = 14, top_h = 40;
  auto width_of = [&](const OrgNode &n) {
    double w = text_px(n.title) * 1.1; // bold
    w = std::max(w, text_px(n.detail));
    for (const auto &l : n.lines) w = std::max(w, text_px(l));
    return std::clamp(w + 2 * pad, 110.0, 280.0);
  };
  auto height_of = [&](const OrgNode &n) {
    return pad * 2 + line_h * (1 + (n.detail.empty() ? 0 : 1) + static_cast<double>(n.lines.size())) +
           (n.lines.empty() ? 0 : 4);
  };
  double box_w = 110;
  for (const auto *k : kids) box_w = std::max(box_w, width_of(*k));
  // Many departments wrap onto further rows, so the chart stays legible on A4.
  std::size_t rows = (kids.size() + 3) / 4;
  std::size_t per_row = rows ? (kids.size() + rows - 1) / rows : 1;
  double row_h = 0;
  for (const auto *k : kids) row_h = std::max(row_h, height_of(*k));
  double root_w = width_of(root), root_h = height_of(root);
  double width = std::max(root_w, static_cast<double>(per_row) * (box_w + gap) - gap) + 2 * gap;
  double height = gap + root_h + (rows ? static_cast<double>(rows) * (top_h + row_h) : 0) + gap;

  std::string out = "<svg class=\"chart org\" role=\"img\" viewBox=\"0 0 " + f1(width) + " " + f1(height) +
                    "\" width=\"" + f1(width) + "\" height=\"" + f1(height) + "\"><title>" + html_escape(c.caption) +
                    "</title>";
  auto box = [&](const OrgNode &n, double x, double y, double w, double h, bool is_root) {
    std::string s = "<g class=\"node" + std::string(is_root ? " root" : "") + "\"><rect x=\"" + f1(x) + "\" y=\"" +
                    f1(y) + "\" width=\"" + f1(w) + "\" height=\"" + f1(h) + "\" rx=\"4\"/>";
    double ty = y + pad + 12;
    s += "<text class=\"t\" x=\"" + f1(x + w / 2) + "\" y=\"" + f1(ty) + "\" text-anchor=\"middle\">" +
         html_escape(fit(n.title, w - pad)) + "</text>";
    if (!n.detail.empty()) {
      ty += line_h;
      s += "<text class=\"d\" x=\"" + f1(x + w / 2) + "\" y=\"" + f1(ty) + "\" text-anchor=\"middle\">" +
           html_escape(fit(n.detail, w - pad)) + "</text>";
    }
    if (!n.lines.empty()) {
      ty += 4;
      s += "<line class=\"sep\" x1=\"" + f1(x + pad) + "\" y1=\"" + f1(ty) + "\" x2=\"" + f1(x + w - pad) + "\" y2=\"" +
           f1(ty) + "\"/>";
    }
    for (const auto &l : n.lines) {
      ty += line_h;
      s += "<text class=\"l\" x=\"" + f1(x + pad) + "\" y=\"" + f1(ty) + "\">" + html_escape(fit(l, w - 2 * pad)) +
           "</text>";
    }
    return s + "</g>";
  };
  double rx = (width - root_w) / 2, ry = gap;
  out += box(root, rx, ry, root_w, root_h, true);
  // Rows after the first hang from a trunk down the left margin, clear of the boxes above.
  double trunk_x = gap / 2;
  double prev_bus = 0;
  for (std::size_t r = 0; r < rows; ++r) {
    std::size_t first = r * per_row, last = std::min(kids.size(), first + per_row);
    double row_w = static_cast<double>(last - first) * (box_w + gap) - gap;
    double x0 = (width - row_w) / 2;
    double y = gap + root_h + static_cast<double>(r) * (top_h + row_h) + top_h;
    double bus_y = y - top_h / 2;
    double cx_first = x0 + box_w / 2, cx_last = x0 + static_cast<double>(last - first - 1) * (box_w + gap) + box_w / 2;
    double left = std::min(cx_first, width / 2), right = std::max(cx_last, width / 2);
    if (r == 0) {
      out += "<path class=\"link\" d=\"M" + f1(width / 2) + " " + f1(ry + root_h) + "V" + f1(bus_y) + "\"/>";
      if (rows > 1) left = trunk_x;
    } else {
      out += "<path class=\"link\" d=\"M" + f1(trunk_x) + " " + f1(prev_bus) + "V" + f1(bus_y) + "\"/>";
      left = trunk_x;
      right = cx_last;
    }
    out += "<path class=\"link\" d=\"M" + f1(left) + " " + f1(bus_y) + "H" + f1(right) + "\"/>";
    for (std::size_t i = first; i < last; ++i) {
      double x = x0 + static_cast<double>(i - first) * (box_w + gap);
      out += "<path class=\"link\" d=\"M" + f1(x + box_w / 2) + " " + f1(bus_y) + "V" + f1(y) + "\"/>";
      out += box(*kids[i], x, y, box_w, row_h, false);
    }
    prev_bus = bus_y;
  }
  return out + "</svg>";
}

std::string gantt_svg(const Gantt &g, bool zh) {
  if (g.tasks.empty()) return "";
  int first = day_of(g.tasks.front().from), last = day_of(g.tasks.front().to);
  double label_w = 0;
  for (const auto &t : g.tasks) {
    first = std::min(first, day_of(t.from));
    last = std::max(last, day_of(t.to));
    label_w = std::max(label_w, text_px(t.label));
  }
  label_w = std::clamp(label_w + 12, 120.0, 320.0);
  int span = last - first + 1;
  constexpr double chart_w = 640, row_h = 24, head_h = 28, gap = 10;
  double scale = chart_w / static_cast<double>(span);
  double width = gap + label_w + chart_w + gap, height = head_h + row_h * static_cast<double>(g.tasks.size()) + gap;
  std::string out = "<svg class=\"chart gantt\" role=\"img\" viewBox=\"0 0 " + f1(width) + " " + f1(height) +
                    "\" width=\"" + f1(width) + "\" height=\"" + f1(height) + "\"><title>" + html_escape(g.caption) +
                    "</title>";
  double x0 = gap + label_w;
  // Month boundaries: a grid line and the month's label.
  util::YearMonthDay c = util::civil(first);
  bool labelled = false;
  for (int m = util::month_start(c.year, c.month); m <= last + 1;) {
    util::YearMonthDay mc = util::civil(m);
    int next = util::month_start(mc.year, mc.month + 1);
    double xa = x0 + static_cast<double>(std::max(m, first) - first) * scale;
    double xb = x0 + static_cast<double>(std::min(next, last + 1) - first) * scale;
    if (m >= first)
      out += "<line class=\"grid\" x1=\"" + f1(xa) + "\" y1=\"" + f1(head_h - 6) + "\" x2=\"" + f1(xa) + "\" y2=\"" +
             f1(height - gap) + "\"/>";
    static const i18n::Message *names[] = {&i18n::msg::m_1, &i18n::msg::m_2,  &i18n::msg::m_3,  &i18n::msg::m_4,
                                           &i18n::msg::m_5, &i18n::msg::m_6,  &i18n::msg::m_7,  &i18n::msg::m_8,
                                           &i18n::msg::m_9, &i18n::msg::m_10, &i18n::msg::m_11, &i18n::msg::m_12};
    std::string label = names[mc.month - 1]->get(zh);
    // The year on the first month labelled and on every January.
    if (mc.month == 1 || !labelled) label = i18n::tr(i18n::lang_of(zh), i18n::msg::year_month, mc.year, label);
    if (xb - xa >= text_px(label) + 4) {
      out += "<text class=\"axis\" x=\"" + f1(xa + 3) + "\" y=\"" + f1(head_h - 10) + "\">" + html_escape(label) +
             "</text>";
      labelled = true;
    }
    m = next;
  }
  for (std::size_t i = 0; i < g.tasks.size(); ++i) {
    const auto &t = g.tasks[i];
    double y = head_h + row_h * static_cast<double>(i);
    double xa = x0 + static_cast<double>(day_of(t.from) - first) * scale;
    double w = std::max(2.0, static_cast<double>(day_of(t.to) - day_of(t.from) + 1) * scale);
    out += "<g class=\"task\"><title>" + html_escape(t.label + " " + t.from + " – " + t.to) + "</title>";
    out += "<text class=\"label\" x=\"" + f1(gap) + "\" y=\"" + f1(y + 16) + "\">" +
           html_escape(fit(t.label, label_w - 8)) + "</text>";
    out += "<rect class=\"bar\" x=\"" + f1(xa) + "\" y=\"" + f1(y + 5) + "\" width=\"" + f1(w) + "\" height=\"" +
           f1(row_h - 10) + "\" rx=\"3\"/></g>";
  }
  // Days two phases share, marked on both bars, so that an overlap reads as one.
  for (std::size_t i = 0; i < g.tasks.size(); ++i)
    for (std::size_t k = i + 1; k < g.tasks.size(); ++k) {
      const auto &a = g.tasks[i], &b = g.tasks[k];
      int from = std::max(day_of(a.from), day_of(b.from)), to = std::min(day_of(a.to), day_of(b.to));
      if (to < from) continue;
      double xa = x0 + static_cast<double>(from - first) * scale;
      double w = std::max(2.0, static_cast<double>(to - from + 1) * scale);
      std::string title =
          i18n::tr(i18n::lang_of(zh), i18n::msg::gantt_overlap, std::max(a.from, b.from), std::min(a.to, b.to));
      for (std::size_t row : {i, k}) {
        double y = head_h + row_h * static_cast<double>(row);
        out += "<rect class=\"overlap\" x=\"" + f1(xa) + "\" y=\"" + f1(y + 5) + "\" width=\"" + f1(w) +
               "\" height=\"" + f1(row_h - 10) + "\"><title>" + html_escape(title) + "</title></rect>";
      }
    }
  return out + "</svg>";
}

} // namespace pm::doc
