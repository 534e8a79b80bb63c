// pm roster ESTATE: lawful shift rosters for the covered posts; pm roster check: re-check an
// edited roster CSV.

#include <cli/app.hpp>
#include <cli/common.hpp>
#include <cli/reporters.hpp>
#include <cli/roster_formats.hpp>
#include <cli/table.hpp>

#include <pm/roster/build.hpp>
#include <pm/roster/csv.hpp>
#include <pm/roster/solver.hpp>
#include <pm/staff/engine.hpp>
#include <pm/util/date.hpp>
#include <pm/util/file.hpp>

#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <unistd.h>

namespace pm::cli {

namespace {

struct Options {
  std::string estate;
  std::string norms;
  std::string labor;
  std::string start;
  int weeks = 4;
  std::string pattern;
  std::uint64_t seed = 1;
  std::string format = "grid";
  std::string output;
  // pm roster check
  std::string csv;
  std::string check_estate;
};

// The Monday of the current week, from the local clock: the one input that is not in the
// files, so tests and reproducible runs pass --start.
int this_monday() { return util::week_start(util::today()); }

bool parse_start(const std::string &s, int &day, const Global &g) {
  if (s.empty()) {
    day = this_monday();
    return true;
  }
  auto d = roster::parse_roster_date(s);
  if (!d) {
    error(g, "--start '" + s + "' is not a date written YYYY-MM-DD", "--start '" + s + "' 不是 YYYY-MM-DD 格式的日期");
    return false;
  }
  day = *d;
  return true;
}

std::vector<roster::Pattern> patterns_or_die(const Global &g, bool &ok) {
  diag::Diagnostics d;
  auto all = roster::builtin_patterns(d);
  render_text(std::cerr, d, g.zh());
  ok = !diag::has_errors(d);
  return all;
}

// A directory: whether each estate's posts can be rostered lawfully, and why not; the rosters
// themselves are made one estate at a time.
int run_roster_dir(const Options &o, const Global &g) {
  if (o.format != "grid" && o.format != "md" && o.format != "json") {
    error(g, "for a directory, pm roster prints a summary: use --format grid, md or json",
          "对目录，pm roster 输出汇总：请用 --format grid、md 或 json");
    return Exit::usage;
  }
  int first = 0;
  if (!parse_start(o.start, first, g)) return Exit::usage;
  auto set = load_estates(o.estate, o.norms, o.labor, g);
  if (set.inputs.empty() && set.rc != Exit::ok) return set.rc;
  bool ok = true;
  auto patterns = patterns_or_die(g, ok);
  if (!ok) return Exit::usage;
  bool zh = g.lang.empty() ? set.inputs.front().estate.zh() : g.lang == "zh";
  int rc = set.rc;
  nlohmann::ordered_json j = nlohmann::ordered_json::array();
  std::vector<std::vector<std::string>> rows;
  for (const auto &in : set.inputs) {
    staff::Staffing s = staff::compute(in.estate, in.norms, in.labor, in.roles);
    roster::Problem p = roster::build(in.estate, s, in.labor, {first, o.weeks});
    std::vector<std::string> reasons;
    bool feasible = true;
    std::size_t shifts = 0;
    if (!p.posts.empty()) {
      roster::Result r = roster::make_roster(p, {o.seed, o.pattern}, patterns);
      feasible = r.ok;
      shifts = r.assignments.size();
      for (const auto &t : r.refusal) reasons.push_back(t.get(zh));
      if (!r.ok && reasons.empty())
        for (const auto &v : r.violations) reasons.push_back(v.message.get(zh));
    }
    if (!feasible) rc = std::max(rc, static_cast<int>(Exit::invalid));
    j.push_back({{"estate", in.estate.id},
                 {"file", in.estate.file},
                 {"posts", p.posts.size()},
                 {"people", p.people.size()},
                 {"feasible", feasible},
                 {"shifts", feasible ? nlohmann::ordered_json(shifts) : nlohmann::ordered_json(nullptr)},
                 {"problems", reasons}});
    std::string result = p.posts.empty() ? (zh ? "无需排班" : "nothing to roster")
                         : feasible      ? (zh ? "可以排班" : "rostered")
                                    : (zh ? "无法合法排班：" : "can't be rostered lawfully: ") + reasons.front();
    rows.push_back({in.estate.id, std::to_string(p.posts.size()), std::to_string(p.people.size()), result});
  }
  std::string text;
  std::vector<std::string> header = {zh ? "小区" : "Estate", zh ? "岗位" : "Posts", zh ? "人员" : "People",
                                     zh ? "结果" : "Result"};
  if (o.format == "json")
    text = nlohmann::ordered_json{{"weeks", o.weeks}, {"estates", j}}.dump(2) + "\n";
  else if (o.format == "md")
    text = markdown_table(header, rows, {false, true, true, false});
  else {
    Table t(header, {false, true, true, false});
    for (auto &r : rows) t.row(r);
    text = t.str();
  }
  int w = emit(o.output, text, set.files, g);
  return w != Exit::ok ? w : rc;
}

int run_roster(const Options &o, const Global &g) {
  std::error_code ec;
  if (std::filesystem::is_directory(o.estate, ec)) return run_roster_dir(o, g);
  int first = 0;
  if (!parse_start(o.start, first, g)) return Exit::usage;
  int code = Exit::ok;
  auto in = load_or_report(o.estate, o.norms, o.labor, g, code);
  if (!in) return code;
  bool zh = output_zh(g, in->estate);
  staff::Staffing s = staff::compute(in->estate, in->norms, in->labor, in->roles);
  roster::Problem p = roster::build(in->estate, s, in->labor, {first, o.weeks});
  if (p.posts.empty()) {
    error(g, "the staffing of " + o.estate + " has no covered posts to roster",
          o.estate + " 的人员配置中没有需要排班的岗位");
    return Exit::invalid;
  }
  bool ok = true;
  auto patterns = patterns_or_die(g, ok);
  if (!ok) return Exit::usage;
  roster::Result r = roster::make_roster(p, {o.seed, o.pattern}, patterns);
  if (!r.ok) {
    std::string file = o.estate == "-" ? "<stdin>" : o.estate;
    if (r.usage_error) {
      for (const auto &t : r.refusal) error(g, t.en, t.zh);
      return Exit::usage;
    }
    std::cerr << (g.zh() ? "pm: 无法依法排班，未输出排班表：\n" : "pm: no lawful roster, so none is printed:\n");
    diag::Diagnostics d;
    if (!r.violations.empty())
      for (const auto &v : r.violations) d.push_back({file, 0, 0, v.severity, v.rule, v.message.en, v.message.zh, ""});
    else
      for (const auto &t : r.refusal) d.push_back({file, 0, 0, diag::Severity::error, "unrosterable", t.en, t.zh, ""});
    render_text(std::cerr, d, g.zh());
    return Exit::invalid;
  }
  roster::Summary sum = roster::summarize(p, r.assignments);
  RosterView v{p, r.assignments, sum, zh, o.seed};
  std::string text;
  if (o.format == "csv")
    text = roster_csv(v);
  else if (o.format == "json")
    text = roster_json(v);
  else if (o.format == "ics")
    text = roster_ics(v);
  else if (o.format == "html")
    text = roster_html(v);
  else if (o.format == "md")
    text = roster_md(v);
  else {
    bool to_terminal = (o.output.empty() || o.output == "-") && isatty(STDOUT_FILENO);
    const char *no_colour = std::getenv("NO_COLOR");
    text = roster_grid(v, to_terminal && !(no_colour && *no_colour));
  }
  return emit(o.output, text, in->files, g);
}

int run_check(const Options &o, const Global &g) {
  int code = Exit::ok;
  auto in = load_or_report(o.check_estate, o.norms, o.labor, g, code);
  if (!in) return code;
  // Two years of a large estate's roster is a few MB.
  auto text = util::read_file(o.csv, 16u << 20);
  if (!text) {
    error(g, text.error().en, text.error().zh);
    return Exit::usage;
  }
  staff::Staffing s = staff::compute(in->estate, in->norms, in->labor, in->roles);
  roster::Problem p = roster::build(in->estate, s, in->labor, {0, 1});
  std::string file = o.csv == "-" ? "<stdin>" : o.csv;
  diag::Diagnostics d;
  auto a = roster::read_roster_csv(*text, file, p, d);
  // The period: --start/--weeks if given, else the rota days the rows span.
  auto [first, days] = roster::span_of(p, a);
  if (!o.start.empty()) {
    int day = 0;
    if (!parse_start(o.start, day, g)) return Exit::usage;
    if (days > 0) days += first - day;
    first = day;
  }
  if (o.weeks > 0) days = o.weeks * 7;
  constexpr int max_days = 106 * 7;
  if (days > max_days) {
    d.push_back({file, 0, 0, diag::Severity::error, "too-long",
                 "the rows span " + std::to_string(days) + " days from " + util::format_date(first) +
                     "; a check takes at most 106 weeks: pass --start and --weeks, or split the file",
                 "各行跨越 " + std::to_string(days) + " 天（自 " + util::format_date(first) +
                     " 起）；一次最多检查 106 周：请用 --start 和 --weeks 指定，或拆分文件",
                 ""});
    days = 0;
  }
  p.first_day = first;
  p.days = std::max(days, 0);
  if (p.days > 0)
    for (const auto &v : roster::check(p, a)) {
      int line = v.assignment >= 0 ? a[static_cast<std::size_t>(v.assignment)].line : 0;
      d.push_back({file, line, 0, v.severity, v.rule, v.message.en, v.message.zh, ""});
    }
  else if (a.empty() && !diag::has_errors(d))
    d.push_back({file, 0, 0, diag::Severity::error, "empty", "the roster has no shifts", "排班表中没有班次", ""});
  // Located problems in line order, then the gaps, which have no line.
  std::stable_sort(d.begin(), d.end(), [](const diag::Diagnostic &x, const diag::Diagnostic &y) {
    return (x.line == 0 ? INT32_MAX : x.line) < (y.line == 0 ? INT32_MAX : y.line);
  });
  render_text(std::cerr, d, g.zh());
  return diag::has_errors(d) ? Exit::invalid : Exit::ok;
}

} // namespace

Action setup_roster(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("estate", o->estate, "Estate file (- for stdin)");
  app.add_option("-n,--norms", o->norms, "Norm set: a built-in name (cn-standard, cn-practice) or a TOML file")
      ->default_str(staff::default_norms);
  app.add_option("-l,--labor", o->labor,
                 "Labour profile: a built-in name (cn) or a TOML file; default: the norm set's");
  app.add_option("--start", o->start, "First day, YYYY-MM-DD (default: the Monday of the current week)");
  app.add_option("--weeks", o->weeks, "Weeks to roster (1-106)")->check(CLI::Range(1, 106))->default_val(4);
  app.add_option(
      "--pattern", o->pattern,
      "Use this shift pattern where it fits (four-three, five-three, four-two...), or none for the solver alone; "
      "default: a pattern wherever a team fits one");
  app.add_option("--seed", o->seed, "Seed of the solver's tie-breaking (same seed, same roster)")->default_val(1);
  app.add_option("-f,--format", o->format, "Output: grid, csv, json, ics, html or md")
      ->check(CLI::IsMember({"grid", "csv", "json", "ics", "html", "md"}));
  app.add_option("-o,--output", o->output, "Write to FILE instead of stdout");

  CLI::App *check =
      app.add_subcommand("check", "Re-check a roster CSV (e.g. edited in a spreadsheet) against the hard rules");
  check->add_option("roster", o->csv, "Roster CSV with columns staff_id, post, start, end")->required();
  check->add_option("estate", o->check_estate, "Estate file the roster is for")->required();
  check->add_option("-n,--norms", o->norms, "Norm set (as for pm roster)")->default_str(staff::default_norms);
  check->add_option("-l,--labor", o->labor, "Labour profile (as for pm roster)");
  check->add_option("--start", o->start, "First day of the period (default: the first day in the CSV)");
  check->add_option("--weeks", o->weeks, "Weeks in the period (default: as many days as the CSV spans)")
      ->check(CLI::Range(1, 106));

  return [o, check, &app, &g] {
    if (check->parsed()) {
      if (!check->get_option("--weeks")->count()) o->weeks = 0;
      return run_check(*o, g);
    }
    if (o->estate.empty()) {
      error(g, "pm roster needs an estate file: pm roster ESTATE", "pm roster 需要小区文件：pm roster ESTATE");
      (void)app;
      return static_cast<int>(Exit::usage);
    }
    return run_roster(*o, g);
  };
}

} // namespace pm::cli
