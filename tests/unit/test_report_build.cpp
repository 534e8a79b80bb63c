#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/budget/budget.hpp>
#include <pm/doc/render.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/report/build.hpp>
#include <pm/report/commands.hpp>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

using namespace pm;

namespace {

// A proposal built as pm report builds it. Returned as a prvalue, so the references bind to
// its own plan.
struct Built {
  app::Plan plan;
  report::RosterOutcome roster;
  report::Document doc;
  const staff::Staffing &staffing = plan.staffing;
  const budget::Budget &budget = *plan.budget;
};

Built build(const std::string &example, bool zh, const std::string &date = "") {
  auto req = report::plan_request(date);
  REQUIRE(req);
  app::Plan p = app::make_plan(fx::context(), fx::input(example), *req);
  REQUIRE(p.budget);
  REQUIRE(p.roster);
  auto roster = report::roster_excerpt(*p.roster, fx::context(), !date.empty(), zh);
  auto doc = report::build(fx::context(), p, {zh ? i18n::Lang::zh : i18n::Lang::en, date, "", "pm test", false});
  return Built{std::move(p), std::move(roster), std::move(doc)};
}

std::vector<std::string> ids(const std::vector<report::Section> &s) {
  std::vector<std::string> out;
  for (const auto &x : s) out.push_back(x.id);
  return out;
}

double number(const report::Table &t, const std::string &key, const std::string &col) {
  const auto *r = t.row(key);
  REQUIRE(r);
  int c = t.column(col);
  REQUIRE(c >= 0);
  REQUIRE(r->cells[static_cast<std::size_t>(c)].number);
  return *r->cells[static_cast<std::size_t>(c)].number;
}

} // namespace

TEST_CASE("build: plan 1 has every section, numbered, in order") {
  auto b = build("residential-145k", true);
  CHECK(ids(b.doc.sections) == std::vector<std::string>{"overview", "organisation", "staffing", "duties", "shifts",
                                                        "standards", "maintenance", "emergency", "budget", "references",
                                                        "assumptions"});
  CHECK(b.doc.sections[0].number == "1");
  CHECK(b.doc.sections[4].sections[0].id == "roster");
  CHECK(b.doc.sections[4].sections[0].number == "5.1");
  CHECK(b.doc.title == "某住宅小区（方案一） — 物业管理服务方案");
  // Illustrative rates are an assumption, not a notice; the tool is named in the colophon only.
  CHECK(b.doc.notices.empty());
  CHECK(b.doc.inputs.empty());
  CHECK(std::find(b.doc.assumptions.begin(), b.doc.assumptions.end(),
                  std::string(i18n::msg::assume_illustrative_rates.get(true))) != b.doc.assumptions.end());
  CHECK(b.doc.colophon.find("pm test") != std::string::npos);
  // By name, not id: 北京 for the rates set beijing.
  CHECK(b.doc.colophon.find(b.plan.budget->rates) == std::string::npos);
  CHECK(b.doc.colophon.find(report::data_set_name(b.plan.budget->rates_title, b.plan.budget->rates, i18n::Lang::zh)) !=
        std::string::npos);
  CHECK(b.doc.footer == b.doc.colophon);
}

TEST_CASE("Citations::split: works, plans in practice and assumptions") {
  using report::Citations;
  // The work before the colon, what was taken after it; an assumption read with its context.
  auto p =
      Citations::split("特种设备安全法 第三十六条、第四十五条；年龄、经验和学历：假设（示意）", "电梯管理员", true);
  CHECK(p.references == std::vector<std::string>{"特种设备安全法 第三十六条、第四十五条"});
  CHECK(p.assumptions == std::vector<std::string>{"电梯管理员：年龄、经验和学历"});
  // Only the part after the colon names a work; a paraphrase in brackets is dropped.
  p = Citations::split("证书：保安服务管理条例 第十六条；特种设备安全监察条例 第三十一条（电梯至少每15日维护保养一次）",
                       "", true);
  CHECK(p.references == std::vector<std::string>{"保安服务管理条例 第十六条", "特种设备安全监察条例 第三十一条"});
  CHECK(p.assumptions.empty());
  // Plans in practice are one work; the parts that continue them add none.
  p = Citations::split("物业管理方案实例：14.5 万 m² 小区（门岗）；高校学生公寓（来访登记）；"
                       "物业管理方案实例（某单位改制后的物业管理中心）：45 岁以下；学历：假设（示意）",
                       "门岗", true);
  CHECK(p.references ==
        std::vector<std::string>{i18n::msg::cite_practice.get(true), i18n::msg::cite_practice.get(true)});
  CHECK(p.assumptions == std::vector<std::string>{"门岗：学历"});
  // A number or a year in the brackets identifies the work: it stays.
  p = Citations::split("物业服务定价成本监审办法（试行）（发改价格〔2007〕2285号）：直线法", "", true);
  CHECK(p.references == std::vector<std::string>{"物业服务定价成本监审办法（试行）（发改价格〔2007〕2285号）"});
  // English: "; " and ": ".
  p = Citations::split("pension 16 %: 国办发〔2019〕13号; profit 10 %: assumption (illustrative)", "Fee", false);
  CHECK(p.references == std::vector<std::string>{"国办发〔2019〕13号"});
  CHECK(p.assumptions == std::vector<std::string>{"Fee: profit 10 %"});
}

TEST_CASE("Citations: each work and assumption listed once, marks in order") {
  report::Citations c(true);
  CHECK(c.cite("劳动法 第三十六条；假设（示意）", "保安") == "[1][A1]");
  CHECK(c.cite("消防法 第十六条；劳动法 第三十六条") == "[1,2]");
  CHECK(c.references() == std::vector<std::string>{"劳动法 第三十六条", "消防法 第十六条"});
  CHECK(c.assumptions().front() == std::string("保安：") + i18n::msg::cite_assumed_generic.get(true));
  CHECK(c.assume(c.assumptions().front()) == "[A1]");
  CHECK(c.assumptions().size() == 1);
}

TEST_CASE("build: tables carry the staffing's and the budget's numbers") {
  auto b = build("residential-145k", false);
  const auto *st = b.doc.table("staffing");
  REQUIRE(st);
  CHECK(number(*st, "total", "headcount") == b.staffing.total);
  CHECK(number(*st, "gate_guard", "headcount") == b.staffing.headcount("gate_guard"));
  CHECK(number(*st, "security", "headcount") == 24);
  const auto *bi = b.doc.table("budget_items");
  REQUIRE(bi);
  CHECK(number(*bi, "total", "annual") == doctest::Approx(b.budget.annual_cost()));
  CHECK(number(*bi, "total", "monthly") == doctest::Approx(b.budget.monthly_cost()));
  const auto *fee = b.doc.table("fee");
  REQUIRE(fee);
  CHECK(number(*fee, "lump_sum", "per_m2_month") ==
        doctest::Approx(budget::round_cents(b.budget.fee.lump_sum.per_m2_month)));
  CHECK(b.doc.summary.headcount == b.staffing.total);
  // Totals are formulas in the workbook.
  CHECK(st->row("total")->cells[1].formula == "sum:groups");
  CHECK(bi->row("wages")->cells[1].formula == "sum:children");
}

TEST_CASE("build: the roster excerpt is pm roster's, the posts' patterns are the roster's") {
  auto b = build("residential-145k", true, "2026-01-05");
  REQUIRE(b.roster.excerpt);
  const auto &x = *b.roster.excerpt;
  CHECK(x.dated);
  CHECK(x.first_day == "2026-01-05");
  CHECK(x.day_labels.size() == 28);
  CHECK(x.day_labels[0] == "周一 01-05");
  CHECK(x.coverage == doctest::Approx(100.0));
  int shifts = 0;
  for (const auto &p : x.people) shifts += p.shifts;
  CHECK(shifts == 560); // gate 84 + patrol 84 + control room 168 + HV room 168 + car park 56
  const auto *posts = b.doc.table("posts");
  REQUIRE(posts);
  // The pattern, and the swaps that evened out its shares (roster/fair).
  CHECK(posts->row("gate")->cells[4].text.rfind("五班三运转（为均衡夜班、周末班调换 ", 0) == 0);
  // Without a date: the default start, labelled as a cycle.
  auto u = build("residential-145k", false);
  REQUIRE(u.roster.excerpt);
  CHECK_FALSE(u.roster.excerpt->dated);
  CHECK(u.roster.excerpt->first_day == report::default_roster_start);
  CHECK(u.roster.excerpt->day_labels[0] == "W1 Mon");
  CHECK(u.roster.excerpt->day_labels[27] == "W4 Sun");
}

TEST_CASE("build: the extra sections of plans 2 to 5") {
  auto p2 = build("model-estate-campaign", false);
  CHECK(ids(p2.doc.sections)[1] == "programme");
  CHECK(p2.doc.table("groups"));
  CHECK(p2.doc.table("programme")->rows.size() == 6);
  auto p3 = build("villa-riverside", false);
  CHECK(p3.doc.table("services_free"));
  CHECK(p3.doc.table("services_paid"));
  CHECK(p3.doc.table("security_equipment"));
  auto p4 = build("institution-centre", false);
  CHECK(p4.doc.sections[1].title == "Organisation");
  bool job_descriptions = false;
  for (const auto &s : p4.doc.sections)
    if (s.id == "duties") job_descriptions = s.title == "Job descriptions";
  CHECK(job_descriptions);
  const auto p4_ids = ids(p4.doc.sections);
  CHECK(std::find(p4_ids.begin(), p4_ids.end(), "processes") != p4_ids.end());
  auto p5 = build("college-dormitories", false);
  CHECK(p5.doc.table("cleaning_standards"));
  // Fire equipment on every floor: one row per item, counted as the buildings' floors.
  const auto *fire = p5.doc.table("fire_per_floor");
  REQUIRE(fire);
  REQUIRE(fire->rows.size() == 3);
  CHECK(fire->rows[0].cells[2].number == std::optional<double>(p5.plan.estate.floors()));
  const auto p5_ids = ids(p5.doc.sections);
  for (const char *id : {"commitments", "fire-safety", "liability"})
    CHECK(std::find(p5_ids.begin(), p5_ids.end(), id) != p5_ids.end());
  bool rules = false, committee = false;
  for (const auto &s : p5.doc.sections) {
    rules = rules || s.id == "rules";
    for (const auto &sub : s.sections) committee = committee || sub.id == "committee-committee";
  }
  CHECK(rules);
  CHECK(committee);
}

TEST_CASE("build: the same inputs give the same document bytes") {
  auto a = build("villa-riverside", true);
  auto b = build("villa-riverside", true);
  CHECK(doc::to_markdown(a.doc) == doc::to_markdown(b.doc));
  CHECK(doc::to_html(a.doc) == doc::to_html(b.doc));
  CHECK(report::to_json(a.doc).dump() == report::to_json(b.doc).dump());
}

TEST_CASE("pattern_name: the common names of shift patterns from a post's shape") {
  staff::Post p;
  p.shifts = {{480, 960}, {960, 0}, {0, 480}};
  p.seats = 1;
  p.people = 4;
  CHECK(report::pattern_name(p, true).rfind("四班三运转", 0) == 0);
  p.people = 5;
  CHECK(report::pattern_name(p, true).rfind("五班三运转", 0) == 0);
  p.seats = 2;
  p.people = 6;
  CHECK(report::pattern_name(p, false).rfind("three shifts", 0) == 0);
  p.shifts = {{480, 1200}, {1200, 480}};
  p.seats = 1;
  p.people = 4;
  CHECK(report::pattern_name(p, true).rfind("四班两倒", 0) == 0);
  p.shifts = {{360, 840}, {840, 1320}};
  CHECK(report::pattern_name(p, false) == "2 shifts of 8 h, 4 people per seat");
  p.duty = true;
  CHECK(report::pattern_name(p, false).empty());
}

TEST_CASE("build: the estate file's assumptions are listed and mark the facts they concern") {
  auto in = fx::input("residential-145k");
  in.estate.assumptions = {{"areas.green", {"绿化面积按总平面图估算", "green area measured from the site plan"}},
                           {"escalation[1]", {"第二步为补充", "step 2 added"}},
                           {"staff", {"另一项假设", "another assumption"}}};
  in.estate.escalation = {{"报警", "alert"}, {"赶赴现场", "attend"}};
  auto req = report::plan_request("");
  REQUIRE(req);
  app::Plan p = app::make_plan(fx::context(), in, *req);
  auto doc = report::build(fx::context(), p, {i18n::Lang::zh, "", "", "pm test", false});
  auto index = [&](const std::string &text) {
    auto it = std::find(doc.assumptions.begin(), doc.assumptions.end(), text);
    REQUIRE(it != doc.assumptions.end());
    return "[A" + std::to_string(it - doc.assumptions.begin() + 1) + "]";
  };
  // Each listed once, whether or not a section marked it.
  const auto green = index("绿化面积按总平面图估算"), step = index("第二步为补充");
  index("另一项假设");
  const auto md = doc::to_text(doc);
  CHECK(md.find("17,000 m²" + green) != std::string::npos);
  CHECK(md.find("赶赴现场" + step) != std::string::npos);
  CHECK(md.find("报警[A") == std::string::npos);
}
