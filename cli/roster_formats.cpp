#include <cli/roster_formats.hpp>
#include <cli/table.hpp>

#include <pm/doc/render.hpp>

#include <pm/roster/rules.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <cmath>

namespace pm::cli {

using namespace pm::roster;

namespace {

struct Row {
  int person = 0;
  std::vector<std::string> codes; // per rota day, "" when off
};
struct Block {
  int post = 0;
  std::vector<Row> rows;
};

std::vector<Block> blocks(const RosterView &v, bool zh_codes) {
  std::vector<Block> out;
  for (int post = 0; post < static_cast<int>(v.p.posts.size()); ++post) {
    Block b;
    b.post = post;
    std::vector<int> who;
    for (int i = 0; i < static_cast<int>(v.p.people.size()); ++i)
      if (v.p.people[static_cast<std::size_t>(i)].home == post) who.push_back(i);
    for (const auto &x : v.a)
      if (x.post == post && std::find(who.begin(), who.end(), x.person) == who.end()) who.push_back(x.person);
    std::vector<int> home(who.begin(), who.end());
    std::stable_sort(who.begin(), who.end(), [&](int x, int y) {
      bool hx = v.p.people[static_cast<std::size_t>(x)].home == post,
           hy = v.p.people[static_cast<std::size_t>(y)].home == post;
      return hx != hy ? hx : x < y;
    });
    const PostDemand &d = v.p.posts[static_cast<std::size_t>(post)];
    for (int person : who) {
      Row r;
      r.person = person;
      r.codes.assign(static_cast<std::size_t>(v.p.days), "");
      for (const auto &x : v.a) {
        if (x.post != post || x.person != person) continue;
        int i = shift_of(v.p, x);
        if (i < 0) continue;
        int day = first_calendar_day(x.start - d.shifts.front().start - d.shift_offset(i)) - v.p.first_day;
        if (day >= 0 && day < v.p.days && r.codes[static_cast<std::size_t>(day)].empty())
          r.codes[static_cast<std::size_t>(day)] = shift_code(v.p, post, x.start, x.end, zh_codes);
      }
      b.rows.push_back(std::move(r));
    }
    out.push_back(std::move(b));
  }
  return out;
}

std::string two(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

const char *weekday_name(int day, bool zh) {
  static const char *en[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
  static const char *cn[] = {"一", "二", "三", "四", "五", "六", "日"};
  return zh ? cn[util::iso_weekday(day) - 1] : en[util::iso_weekday(day) - 1];
}

std::string shifts_text(const PostDemand &d) {
  std::string s;
  for (const auto &x : d.shifts)
    s += (s.empty() ? "" : ", ") + staff::format_hhmm(x.start) + "–" + staff::format_hhmm(x.end == 0 ? 1440 : x.end);
  return s;
}

std::string post_heading(const RosterView &v, const PostDemand &d, bool zh) {
  std::string pattern;
  if (!d.pattern.empty())
    pattern = zh ? " · 班制 " + d.pattern : " · pattern " + d.pattern;
  else
    pattern = zh ? " · 排班求解" : " · solved";
  std::string seats =
      zh ? std::to_string(d.seats) + " 人/班" : std::to_string(d.seats) + (d.seats == 1 ? " seat" : " seats");
  (void)v;
  return d.id + " — " + d.name.get(zh) + pattern + " · " + seats + " · " + shifts_text(d) +
         (d.licence.empty() ? "" : (zh ? " · 需持证 " : " · licence ") + d.licence);
}

std::string title(const RosterView &v) {
  const Problem &p = v.p;
  if (v.zh)
    return p.estate_name.get(true) + " — 排班表 " + util::format_date(p.first_day) + " 至 " +
           util::format_date(p.last_day()) + "（" + std::to_string(p.days / 7) + " 周；规范 " + p.norms + "；工时 " +
           p.labor.name + "；种子 " + std::to_string(v.seed) + "）";
  return p.estate_name.get(false) + " — roster " + util::format_date(p.first_day) + " to " +
         util::format_date(p.last_day()) + " (" + std::to_string(p.days / 7) + (p.days == 7 ? " week" : " weeks") +
         "; norms " + p.norms + "; labour " + p.labor.name + "; seed " + std::to_string(v.seed) + ")";
}

std::string fmt1(double v) { return util::format_number(std::round(v * 10) / 10, 1); }

std::string summary_text(const RosterView &v) {
  bool zh = v.zh;
  const Problem &p = v.p;
  Table t({zh ? "人员" : "Person", zh ? "岗位" : "Post", zh ? "班数" : "Shifts", zh ? "小时" : "Hours",
           zh ? "周均" : "h/week", zh ? "加班" : "Overtime", zh ? "夜班" : "Nights", zh ? "周末" : "Weekend",
           zh ? "节假日" : "Holiday"},
          {false, false, true, true, true, true, true, true, true});
  for (const auto &x : v.s.people) {
    const Person &who = p.people[static_cast<std::size_t>(x.person)];
    if (x.shifts == 0 && who.home < 0) continue;
    t.row({who.name.get(zh), who.home < 0 ? "-" : p.posts[static_cast<std::size_t>(who.home)].id,
           std::to_string(x.shifts), fmt1(x.hours), fmt1(x.weekly_average), fmt1(x.overtime), std::to_string(x.nights),
           std::to_string(x.weekends), std::to_string(x.holidays)});
  }
  std::string out = (zh ? "每人汇总\n\n" : "Per person\n\n") + t.str() + "\n";
  Table pt({zh ? "岗位" : "Post", zh ? "覆盖" : "Covered", zh ? "夜班（最少–最多）" : "Nights (min–max)",
            zh ? "周末班（最少–最多）" : "Weekend shifts (min–max)", zh ? "小时（最少–最多）" : "Hours (min–max)"},
           {false, true, true, true, true});
  for (const auto &x : v.s.posts)
    pt.row({p.posts[static_cast<std::size_t>(x.post)].id,
            std::to_string(x.covered) + "/" + std::to_string(x.seat_shifts),
            std::to_string(x.nights.min) + "–" + std::to_string(x.nights.max),
            std::to_string(x.weekends.min) + "–" + std::to_string(x.weekends.max),
            std::to_string(x.hours.min) + "–" + std::to_string(x.hours.max)});
  out += (zh ? "每岗汇总\n\n" : "Per post\n\n") + pt.str() + "\n";
  out += zh ? "覆盖率 " + fmt1(v.s.coverage()) + "%（" + std::to_string(v.s.covered) + "/" +
                  std::to_string(v.s.seat_shifts) + " 个岗位班次）；夜班 " + std::to_string(v.s.nights.min) + "–" +
                  std::to_string(v.s.nights.max) + "，周末班 " + std::to_string(v.s.weekends.min) + "–" +
                  std::to_string(v.s.weekends.max) + "，节假日班 " + std::to_string(v.s.holidays.min) + "–" +
                  std::to_string(v.s.holidays.max) + "（各岗位本岗人员）\n"
            : "Coverage " + fmt1(v.s.coverage()) + "% (" + std::to_string(v.s.covered) + "/" +
                  std::to_string(v.s.seat_shifts) + " seat-shifts); nights " + std::to_string(v.s.nights.min) + "–" +
                  std::to_string(v.s.nights.max) + ", weekend shifts " + std::to_string(v.s.weekends.min) + "–" +
                  std::to_string(v.s.weekends.max) + ", holiday shifts " + std::to_string(v.s.holidays.min) + "–" +
                  std::to_string(v.s.holidays.max) + " (people with a home post)\n";
  if (!v.s.holidays_known)
    out += zh ? "注意：节假日表不覆盖整个排班期，期外的节假日班未计入。\n"
              : "Note: the public-holiday list does not cover the whole period; holiday shifts outside it are not "
                "counted.\n";
  bool duty = std::any_of(p.posts.begin(), p.posts.end(), [](const PostDemand &d) { return d.duty; });
  if (duty)
    out += zh ? "值班岗位由所列工种人员轮流承担；其日常白班工作不在本排班表内，工时只计值班。\n"
              : "Duties are taken in turn by people of the roles listed; their regular day work is not on this roster, "
                "and their hours here are the duty's only.\n";
  return out;
}

std::string colour_code(const std::string &code, bool colour) {
  std::string cell = code.empty() ? "." : code;
  std::string padded = util::pad(cell, 2);
  if (!colour) return padded;
  const char *c = "2";
  if (code == "E" || code == "早")
    c = "30;43";
  else if (code == "M" || code == "中")
    c = "30;46";
  else if (code == "N" || code == "夜")
    c = "97;45";
  else if (code == "D" || code == "白")
    c = "30;42";
  return std::string("\x1b[") + c + "m" + padded + "\x1b[0m";
}

} // namespace

std::string roster_grid(const RosterView &v, bool colour) {
  const Problem &p = v.p;
  bool zh = v.zh;
  std::string out = title(v) + "\n";
  auto bs = blocks(v, zh);
  std::size_t name_w = 4;
  for (const auto &b : bs)
    for (const auto &r : b.rows)
      name_w = std::max(name_w, util::display_width(p.people[static_cast<std::size_t>(r.person)].name.get(zh)));
  name_w += 2;
  const int per_block = 28;
  for (const auto &b : bs) {
    const PostDemand &d = p.posts[static_cast<std::size_t>(b.post)];
    out += "\n" + post_heading(v, d, zh) + "\n";
    for (int from = 0; from < p.days; from += per_block) {
      int to = std::min(p.days, from + per_block);
      std::string h1 = util::pad(from == 0 ? "" : util::format_date(p.first_day + from).substr(0, 7), name_w),
                  h2 = util::pad("", name_w);
      for (int day = from; day < to; ++day) {
        h1 += util::pad(weekday_name(p.first_day + day, zh), 3);
        h2 += two(util::civil(p.first_day + day).day) + " ";
      }
      auto trim = [](std::string s) {
        while (!s.empty() && s.back() == ' ') s.pop_back();
        return s;
      };
      out += trim(h1) + "\n" + trim(h2) + "\n";
      for (const auto &r : b.rows) {
        std::string line = util::pad(p.people[static_cast<std::size_t>(r.person)].name.get(zh), name_w);
        for (int day = from; day < to; ++day) line += colour_code(r.codes[static_cast<std::size_t>(day)], colour) + " ";
        out += trim(line) + "\n";
      }
    }
  }
  out += zh ? "\n代号：早 早班，中 中班，夜 夜班（所在日结束后的午夜起），白 白班，. 休息\n\n"
            : "\nCodes: E early, M middle, N night (from the midnight at the end of that day), D day, . off\n\n";
  out += summary_text(v);
  return out;
}

std::string roster_csv(const RosterView &v) {
  const Problem &p = v.p;
  std::string out = csv_row({"staff_id", "staff_name", "role", "post", "shift", "start", "end", "hours"});
  for (const auto &x : v.a) {
    const Person &who = p.people[static_cast<std::size_t>(x.person)];
    out += csv_row({who.id, who.name.get(v.zh), who.role, p.posts[static_cast<std::size_t>(x.post)].id,
                    shift_code(p, x.post, x.start, x.end, false), format_datetime(x.start), format_datetime(x.end),
                    util::format_number((x.end - x.start) / 60.0, 2)});
  }
  return out;
}

std::string roster_json(const RosterView &v) { return to_json(v.p, v.a, v.s, v.zh, v.seed).dump(2) + "\n"; }

std::string ics_escape(const std::string &s) {
  std::string o;
  for (char c : s) {
    if (c == '\\' || c == ';' || c == ',') {
      o += '\\';
      o += c;
    } else if (c == '\n') {
      o += "\\n";
    } else if (c != '\r') {
      o += c;
    }
  }
  return o;
}

std::string ics_fold(const std::string &line) {
  // Lines longer than 75 octets continue on the next line after CRLF and a space, never
  // splitting a UTF-8 sequence.
  std::string out;
  std::size_t i = 0, limit = 75;
  while (line.size() - i > limit) {
    std::size_t cut = i + limit;
    while (cut > i && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;
    out += line.substr(i, cut - i) + "\r\n ";
    i = cut;
    limit = 74; // the leading space counts
  }
  return out + line.substr(i) + "\r\n";
}

std::string roster_ics(const RosterView &v) {
  const Problem &p = v.p;
  auto stamp = [](int minutes) {
    std::string s = format_datetime(minutes); // YYYY-MM-DDTHH:MM
    return s.substr(0, 4) + s.substr(5, 2) + s.substr(8, 2) + "T" + s.substr(11, 2) + s.substr(14, 2) + "00";
  };
  std::string out;
  auto line = [&](const std::string &l) { out += ics_fold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//pm//roster " PM_VERSION "//EN");
  line("CALSCALE:GREGORIAN");
  line("METHOD:PUBLISH");
  line("X-WR-CALNAME:" + ics_escape(title(v)));
  // DTSTAMP is derived from the roster's start so the same input gives the same bytes.
  std::string dtstamp = stamp(p.first_day * 1440) + "Z";
  for (const auto &x : v.a) {
    const Person &who = p.people[static_cast<std::size_t>(x.person)];
    const PostDemand &d = p.posts[static_cast<std::size_t>(x.post)];
    std::string code = shift_code(p, x.post, x.start, x.end, v.zh);
    line("BEGIN:VEVENT");
    line("UID:" + p.estate_id + "-" + d.id + "-" + who.id + "-" + stamp(x.start) + "@pm-roster");
    line("DTSTAMP:" + dtstamp);
    line("DTSTART:" + stamp(x.start));
    line("DTEND:" + stamp(x.end));
    line("SUMMARY:" + ics_escape(who.name.get(v.zh) + " · " + d.name.get(v.zh) + " · " + code));
    line("DESCRIPTION:" + ics_escape((v.zh ? "岗位 " : "Post ") + d.id + "; " + (v.zh ? "人员 " : "staff ") + who.id +
                                     " (" + who.role + ")"));
    line("CATEGORIES:" + ics_escape(d.id));
    line("TRANSP:OPAQUE");
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

namespace {
const char *code_class(const std::string &c) {
  if (c == "E" || c == "早") return "e";
  if (c == "M" || c == "中") return "m";
  if (c == "N" || c == "夜") return "n";
  if (c == "D" || c == "白") return "d";
  return "o";
}
} // namespace

std::string roster_html(const RosterView &v) {
  const Problem &p = v.p;
  bool zh = v.zh;
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"" + std::string(zh ? "zh-CN" : "en") +
      "\">\n<head>\n<meta charset=\"utf-8\">\n<title>" + doc::html_escape(title(v)) +
      "</title>\n<style>\n"
      "body{font-family:system-ui,\"Noto Sans CJK SC\",\"Microsoft YaHei\",sans-serif;margin:1.5em;color:#222}\n"
      "h1{font-size:1.2em}h2{font-size:1em;margin-top:1.5em}\n"
      "table{border-collapse:collapse;margin:.5em 0;font-size:.8em}\n"
      "th,td{border:1px solid #bbb;padding:.15em .35em;text-align:center}\n"
      "td.name{text-align:left;white-space:nowrap}th.we{background:#eee}\n"
      "td.e{background:#ffe08a}td.m{background:#9fe3f0}td.n{background:#6b4fa0;color:#fff}td.d{background:#b7e4a8}td.o{"
      "color:#aaa}\n"
      "td.num{text-align:right}\n"
      "@media print{body{margin:0}h2{break-after:avoid}table{break-inside:avoid}"
      "td,th{-webkit-print-color-adjust:exact;print-color-adjust:exact}}\n"
      "</style>\n</head>\n<body>\n<h1>" +
      doc::html_escape(title(v)) + "</h1>\n";
  for (const auto &b : blocks(v, zh)) {
    const PostDemand &d = p.posts[static_cast<std::size_t>(b.post)];
    out += "<h2>" + doc::html_escape(post_heading(v, d, zh)) + "</h2>\n<table>\n<tr><th></th>";
    for (int day = 0; day < p.days; ++day) {
      int dn = p.first_day + day;
      util::YearMonthDay c = util::civil(dn);
      out += std::string("<th") + (util::is_weekend(dn) ? " class=\"we\"" : "") + ">" + weekday_name(dn, zh) + "<br>" +
             std::to_string(c.month) + "/" + std::to_string(c.day) + "</th>";
    }
    out += "</tr>\n";
    for (const auto &r : b.rows) {
      out += "<tr><td class=\"name\">" + doc::html_escape(p.people[static_cast<std::size_t>(r.person)].name.get(zh)) +
             "</td>";
      for (const auto &c : r.codes)
        out += std::string("<td class=\"") + code_class(c) + "\">" + (c.empty() ? "·" : doc::html_escape(c)) + "</td>";
      out += "</tr>\n";
    }
    out += "</table>\n";
  }
  out += std::string("<h2>") + (zh ? "每人汇总" : "Per person") + "</h2>\n<table>\n<tr>";
  for (const char *h : {zh ? "人员" : "Person", zh ? "岗位" : "Post", zh ? "班数" : "Shifts", zh ? "小时" : "Hours",
                        zh ? "周均" : "h/week", zh ? "加班" : "Overtime", zh ? "夜班" : "Nights",
                        zh ? "周末" : "Weekend", zh ? "节假日" : "Holiday"})
    out += std::string("<th>") + h + "</th>";
  out += "</tr>\n";
  for (const auto &x : v.s.people) {
    const Person &who = p.people[static_cast<std::size_t>(x.person)];
    if (x.shifts == 0 && who.home < 0) continue;
    out += "<tr><td class=\"name\">" + doc::html_escape(who.name.get(zh)) + "</td><td>" +
           doc::html_escape(who.home < 0 ? "-" : p.posts[static_cast<std::size_t>(who.home)].id) + "</td>";
    for (const std::string &c : {std::to_string(x.shifts), fmt1(x.hours), fmt1(x.weekly_average), fmt1(x.overtime),
                                 std::to_string(x.nights), std::to_string(x.weekends), std::to_string(x.holidays)})
      out += "<td class=\"num\">" + c + "</td>";
    out += "</tr>\n";
  }
  out += "</table>\n<p>" +
         doc::html_escape(zh ? "覆盖率 " + fmt1(v.s.coverage()) + "%" : "Coverage " + fmt1(v.s.coverage()) + "%") +
         "</p>\n</body>\n</html>\n";
  return out;
}

std::string roster_md(const RosterView &v) {
  const Problem &p = v.p;
  bool zh = v.zh;
  std::string out = "# " + title(v) + "\n";
  for (const auto &b : blocks(v, zh)) {
    const PostDemand &d = p.posts[static_cast<std::size_t>(b.post)];
    out += "\n## " + post_heading(v, d, zh) + "\n\n";
    std::vector<std::string> header{zh ? "人员" : "Person"};
    for (int day = 0; day < p.days; ++day) {
      util::YearMonthDay c = util::civil(p.first_day + day);
      header.push_back(std::string(weekday_name(p.first_day + day, zh)) + " " + two(c.month) + "-" + two(c.day));
    }
    std::vector<std::vector<std::string>> rows;
    for (const auto &r : b.rows) {
      std::vector<std::string> row{p.people[static_cast<std::size_t>(r.person)].name.get(zh)};
      for (const auto &c : r.codes) row.push_back(c.empty() ? "·" : c);
      rows.push_back(row);
    }
    out += markdown_table(header, rows);
  }
  out += zh ? "\n代号：早 早班，中 中班，夜 夜班（所在日结束后的午夜起），白 白班，· 休息\n\n## 汇总\n\n"
            : "\nCodes: E early, M middle, N night (from the midnight at the end of that day), D day, · off\n\n## "
              "Summary\n\n";
  std::vector<std::vector<std::string>> rows;
  for (const auto &x : v.s.people) {
    const Person &who = p.people[static_cast<std::size_t>(x.person)];
    if (x.shifts == 0 && who.home < 0) continue;
    rows.push_back({who.name.get(zh), who.home < 0 ? "-" : p.posts[static_cast<std::size_t>(who.home)].id,
                    std::to_string(x.shifts), fmt1(x.hours), fmt1(x.weekly_average), fmt1(x.overtime),
                    std::to_string(x.nights), std::to_string(x.weekends), std::to_string(x.holidays)});
  }
  out += markdown_table({zh ? "人员" : "Person", zh ? "岗位" : "Post", zh ? "班数" : "Shifts", zh ? "小时" : "Hours",
                         zh ? "周均" : "h/week", zh ? "加班" : "Overtime", zh ? "夜班" : "Nights",
                         zh ? "周末" : "Weekend", zh ? "节假日" : "Holiday"},
                        rows, {false, false, true, true, true, true, true, true, true});
  out += "\n" + std::string(zh ? "覆盖率 " : "Coverage ") + fmt1(v.s.coverage()) + "%\n";
  return out;
}

} // namespace pm::cli
