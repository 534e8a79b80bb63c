#include "catalog_helpers.hpp"

#include <doctest/doctest.h>

#include "fixtures.hpp"

#include <pm/catalog/service_standards.hpp>
#include <pm/data/toml.hpp>

#include <set>

using namespace pm;
using pm::test::TempToml;

TEST_CASE("load_service_standards: every built-in file loads without any diagnostic") {
  auto names = data::embedded_names("standards/service");
  REQUIRE_FALSE(names.empty());
  for (const auto &n : names) {
    CAPTURE(n);
    diag::Diagnostics d;
    auto s = catalog::load_service_standards(n, d);
    INFO(test::dump(d));
    CHECK(s.has_value());
    CHECK(d.empty());
  }
}

TEST_CASE("standards_for: every grade has every item, both languages and a source") {
  const auto &s = (*fx::context().service_standards);
  CHECK_FALSE(s.meta.source.empty());
  for (int g = catalog::min_grade; g <= catalog::max_grade; ++g) {
    CAPTURE(g);
    auto lines = s.standards_for(g);
    CHECK(lines.size() == s.items.size());
    for (const auto &l : lines) {
      CAPTURE(l.id);
      CHECK_FALSE(l.item.zh.empty());
      CHECK_FALSE(l.item.en.empty());
      CHECK_FALSE(l.value.zh.empty());
      CHECK_FALSE(l.value.en.empty());
      CHECK_FALSE(l.category_name.en.empty());
      CHECK_FALSE(l.source.empty());
    }
  }
  CHECK(s.standards_for(0).empty());
  CHECK(s.standards_for(5).empty());
}

TEST_CASE("standards_for: the categories the proposal needs are there, grouped in order") {
  const auto &s = (*fx::context().service_standards);
  for (const char *c : {"patrol", "cleaning_frequency", "cleanliness", "response", "kpi"}) {
    CAPTURE(c);
    CHECK(s.category(c));
  }
  auto lines = s.standards_for(2);
  // Categories come in blocks, in the order of s.categories.
  std::size_t ci = 0;
  for (const auto &l : lines) {
    while (ci < s.categories.size() && s.categories[ci].id != l.category) ++ci;
    CHECK(ci < s.categories.size());
  }
}

TEST_CASE("standards_for: figures of the national grade standard and of plans in practice") {
  const auto &s = (*fx::context().service_standards);
  const auto *sat = s.item("satisfaction");
  REQUIRE(sat);
  REQUIRE(sat->for_grade(1));
  CHECK(sat->for_grade(1)->value.zh.find("80%") != std::string::npos);
  CHECK(sat->for_grade(1)->source.en.find("普通住宅小区物业管理服务等级标准") != std::string::npos);
  const auto *litter = s.item("criteria_litter");
  REQUIRE(litter);
  for (int g = 1; g <= 4; ++g) {
    REQUIRE(litter->for_grade(g));
    CHECK(litter->for_grade(g)->value.en.find("2 scraps of paper per 100 m²") != std::string::npos);
    CHECK(litter->for_grade(g)->source.en.find("college student dormitories") != std::string::npos);
  }
  const auto *bins = s.item("criteria_bins");
  REQUIRE(bins);
  CHECK(bins->for_grade(3)->value.zh.find("离垃圾箱 2 m 无臭味") != std::string::npos);
  // A figure with no verified source says it is an assumption, and is flagged as illustrative.
  const auto *rt = s.item("repair_timeliness");
  REQUIRE(rt);
  CHECK(catalog::illustrative(rt->for_grade(1)->source));
  // The survey a year is the national standard's; its 80 % threshold, known only second-hand,
  // is an assumption, so the figure is marked illustrative.
  CHECK(catalog::illustrative(sat->for_grade(1)->source));
  CHECK(sat->for_grade(1)->source.zh.find("《普通住宅小区物业管理服务等级标准（试行）》") != std::string::npos);
}

TEST_CASE("illustrative: an assumption is flagged like an illustrative figure") {
  using pm::i18n::Text;
  CHECK(catalog::illustrative(Text::same("assumption (illustrative; replace with the contract's standard)")));
  CHECK(catalog::illustrative(Text::same("assumption: one cleaner per office building")));
  CHECK(catalog::illustrative(Text::same("假设：每栋办公楼 1 名保洁员")));
  // Each side is read in its own language.
  CHECK(catalog::illustrative(Text{"假设（示意）", "the contract's standard"}));
  CHECK(catalog::illustrative(Text{"合同标准", "assumption (illustrative)"}));
  CHECK(catalog::illustrative(Text{"示意数值", ""}));
  CHECK_FALSE(catalog::illustrative(Text{"劳动法 第四十一条", "Labour Law art. 41"}));
  CHECK_FALSE(catalog::illustrative(Text::same("practice (物业管理方案实例, college student dormitories): 清洁标准")));
  CHECK(catalog::unverified(Text{"凭记忆引用，此处未核实", "from memory"}));
  CHECK(catalog::unverified(Text{"", "not verified here"}));
  CHECK_FALSE(catalog::unverified(Text{"劳动法 第四十一条", "Labour Law art. 41"}));
}

TEST_CASE("load_service_standards: a malformed file gives located errors") {
  TempToml f(R"([meta]
title_zh = "t"
title_en = "t"
source = "test"

[[category]]
id = "patrol"
zh = "巡逻"
en = "Patrols"

[[item]]
id = "night"
category = "patrl"
zh = "夜间"
en = "Night"

[[item.value]]
grades = [1, 2]
zh = "每小时"
en = "Hourly"
source = "test"

[[item.value]]
grades = [2, 5]
zh = "6 次"
en = "6"
)");
  diag::Diagnostics d;
  auto s = catalog::load_service_standards(f.path(), d);
  INFO(test::dump(d));
  CHECK_FALSE(s.has_value());
  const auto *cat = test::find_code(d, "unknown-category");
  REQUIRE(cat);
  CHECK(cat->line == 13);
  CHECK(cat->message.find("did you mean 'patrol'") != std::string::npos);
  CHECK_FALSE(cat->message_zh.empty());
  const auto *range = test::find_code(d, "out-of-range");
  REQUIRE(range);
  CHECK(range->line == 24);
  const auto *dup = test::find_code(d, "duplicate-grade");
  REQUIRE(dup);
  CHECK(dup->line == 24);
  const auto *src = test::find_code(d, "missing-source");
  REQUIRE(src);
  CHECK(src->line == 23);
}

TEST_CASE("load_service_standards: a grade left without a value is a warning only") {
  TempToml f(R"([meta]
title_zh = "t"
title_en = "t"
source = "test"

[[category]]
id = "kpi"
zh = "指标"
en = "KPIs"

[[item]]
id = "sat"
category = "kpi"
zh = "满意率"
en = "Satisfaction"
source = "test"

[[item.value]]
grades = [1]
zh = "≥ 80%"
en = "≥ 80 %"
)");
  diag::Diagnostics d;
  auto s = catalog::load_service_standards(f.path(), d);
  REQUIRE(s.has_value());
  CHECK(d.size() == 3);
  for (const auto &x : d) {
    CHECK(x.code == "missing-grade");
    CHECK(x.severity == diag::Severity::warning);
  }
  CHECK(s->standards_for(2).empty());
  CHECK(s->standards_for(1).at(0).source == pm::i18n::Text::same("test"));
}

TEST_CASE("load_service_standards: sources in both languages, an item's passed on to its values") {
  TempToml f(R"toml([meta]
title_zh = "t"
title_en = "t"
source_zh = "实例"
source_en = "practice"

[[category]]
id = "kpi"
zh = "指标"
en = "KPIs"

[[item]]
id = "sat"
category = "kpi"
zh = "满意率"
en = "Satisfaction"
source_zh = "假设（示意）"
source_en = "assumption (illustrative)"

[[item.value]]
grades = [1, 2]
zh = "≥ 80%"
en = "≥ 80 %"

[[item.value]]
grades = [3, 4]
zh = "≥ 70%"
en = "≥ 70 %"
source = "GB 1234-2000 4.2"
)toml");
  diag::Diagnostics d;
  auto s = catalog::load_service_standards(f.path(), d);
  INFO(test::dump(d));
  REQUIRE(s.has_value());
  CHECK(d.empty());
  CHECK(s->meta.source == pm::i18n::Text{"实例", "practice"});
  CHECK(s->standards_for(1).at(0).source == pm::i18n::Text{"假设（示意）", "assumption (illustrative)"});
  CHECK(catalog::illustrative(s->standards_for(2).at(0).source));
  CHECK(s->standards_for(3).at(0).source == pm::i18n::Text::same("GB 1234-2000 4.2"));
}

TEST_CASE("load_service_standards: source_zh needs source_en, and neither goes with source") {
  TempToml f(R"toml([meta]
title_zh = "t"
title_en = "t"
source_zh = "实例"

[[category]]
id = "kpi"
zh = "指标"
en = "KPIs"

[[item]]
id = "sat"
category = "kpi"
zh = "满意率"
en = "Satisfaction"

[[item.value]]
grades = [1, 2, 3, 4]
zh = "≥ 80%"
en = "≥ 80 %"
source = "x"
source_en = "x"
)toml");
  diag::Diagnostics d;
  CHECK_FALSE(catalog::load_service_standards(f.path(), d).has_value());
  INFO(test::dump(d));
  CHECK(test::find_code(d, "missing-key"));
  CHECK(test::find_code(d, "conflicting-keys"));
}

TEST_CASE("load_service_standards: an unknown built-in name suggests the right one") {
  diag::Diagnostics d;
  CHECK_FALSE(catalog::load_service_standards("cm", d).has_value());
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "unknown-name");
  CHECK(d[0].message.find("'cn'") != std::string::npos);
}

TEST_CASE("load_service_standards: a TOML syntax error is located") {
  TempToml f("[meta]\nsource = \"x\"\n[[item]\n");
  diag::Diagnostics d;
  CHECK_FALSE(catalog::load_service_standards(f.path(), d).has_value());
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "toml-syntax");
  CHECK(d[0].line == 3);
}
