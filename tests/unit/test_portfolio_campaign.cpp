#include <doctest/doctest.h>

#include <pm/portfolio/portfolio.hpp>

#include <string>
#include <vector>

using namespace pm;
using namespace pm::portfolio;

namespace {

EstateRow row(const std::string &id, double area, estate::Governance g) {
  g.present = true;
  EstateRow r;
  r.id = id;
  r.area = area;
  r.governance = std::move(g);
  return r;
}

} // namespace

TEST_CASE("the tender threshold: public at or above it, approval below it, unknowns apart") {
  estate::Governance big_invited;
  big_invited.new_estate = true;
  big_invited.tender_method = "invited";
  big_invited.tender_approved = true;
  estate::Governance at_threshold_public = big_invited;
  at_threshold_public.tender_method = "public";
  estate::Governance small_unapproved = big_invited;
  small_unapproved.tender_approved = false;
  estate::Governance small_unsaid = big_invited;
  small_unsaid.tender_approved.reset();
  estate::Governance old_estate = big_invited;
  old_estate.new_estate = false;
  estate::Governance no_method;
  no_method.new_estate = true;
  std::vector<EstateRow> rows = {row("a", 50000, big_invited),      row("b", 50000, at_threshold_public),
                                 row("c", 49999, small_unapproved), row("d", 30000, small_unsaid),
                                 row("e", 90000, old_estate),       row("f", 30000, no_method),
                                 row("g", 30000, big_invited)};
  auto f = check_tenders(rows, TenderThreshold{50000, "invited_or_negotiated_with_approval"});
  using Kind = TenderFinding::Kind;
  REQUIRE(f.size() == 4);
  CHECK((f[0].estate == "a" && f[0].kind == Kind::not_public && f[0].breach()));
  CHECK((f[1].estate == "c" && f[1].kind == Kind::not_approved && f[1].breach()));
  CHECK((f[2].estate == "d" && f[2].kind == Kind::approval_unknown && !f[2].breach()));
  CHECK((f[3].estate == "f" && f[3].kind == Kind::method_unknown && !f[3].breach()));
  // Public tender below the threshold too: the approved small one breaks it.
  auto all_public = check_tenders(rows, TenderThreshold{50000, "public"});
  bool g_found = false;
  for (const auto &x : all_public) g_found = g_found || (x.estate == "g" && x.kind == Kind::not_public);
  CHECK(g_found);
}

TEST_CASE("targets count what estates state; the rest is unknown, never met") {
  estate::Governance yes, no, unsaid;
  yes.credit_file = true;
  yes.eligible_for_management = true;
  yes.professionally_managed = true;
  yes.has_repairs = true;
  yes.repairs_due = 10;
  yes.repairs_on_time = 9;
  no.credit_file = false;
  no.eligible_for_management = false; // not eligible: not counted for 物业化率
  no.professionally_managed = false;
  no.has_repairs = true;
  no.repairs_due = 10;
  no.repairs_on_time = 5;
  Targets t;
  t.targets = {{"credit_files", 1.0, {}}, {"professional_management", 1.0, {}}, {"repairs_on_time", 0.9, {}}};
  auto r = evaluate({row("yes", 1, yes), row("no", 1, no), row("unsaid", 1, unsaid)}, t);
  REQUIRE(r.size() == 3);
  CHECK((r[0].numerator == 1 && r[0].denominator == 2 && !r[0].met));
  CHECK(r[0].unknown == std::vector<std::string>{"unsaid"});
  CHECK((r[1].numerator == 1 && r[1].denominator == 1 && r[1].met));
  CHECK(r[1].unknown == std::vector<std::string>{"unsaid"});
  CHECK((r[2].numerator == 14 && r[2].denominator == 20 && !r[2].met));
  CHECK(r[2].missing == std::vector<std::string>{"no"});
  CHECK(r[2].unknown == std::vector<std::string>{"unsaid"});
}
