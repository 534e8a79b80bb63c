#include <doctest/doctest.h>

#include <pm/roster/csv.hpp>

using namespace pm::roster;

TEST_CASE("parse_csv: RFC 4180 quoting, CRLF, BOM and embedded newlines") {
  pm::diag::Diagnostics d;
  auto r = parse_csv("\xEF\xBB\xBF"
                     "a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",z\r\n",
                     "t.csv", d);
  CHECK(d.empty());
  REQUIRE(r.size() == 3);
  CHECK(r[0].fields[0] == "a");
  CHECK(r[1].fields[0] == "x,1");
  CHECK(r[1].fields[1] == "say \"hi\"");
  CHECK(r[2].fields[0] == "two\nlines");
  CHECK(r[2].line == 3);
}

TEST_CASE("parse_csv: malformed quoting is located, and parsing goes on") {
  pm::diag::Diagnostics d;
  auto r = parse_csv("a,b\nx\"y,1\n\"p\"q,2\nok,3\n\"open,4\n", "t.csv", d);
  REQUIRE(d.size() == 3);
  CHECK(d[0].line == 2);
  CHECK(d[0].column == 2);
  CHECK(d[1].line == 3);
  CHECK(d[2].line == 5);
  CHECK(d[2].code == "csv-syntax");
  REQUIRE(r.size() == 2);
  CHECK(r[1].fields[0] == "ok");
}

// One day post at the gate and its one guard.
Problem gate_problem() {
  Problem p;
  p.labor.name = "cn";
  PostDemand post;
  post.id = "gate";
  post.roles = {"gate_guard"};
  post.shifts = {{480, 960}};
  p.posts.push_back(post);
  Person x;
  x.id = "gate_guard-01";
  x.role = "gate_guard";
  p.people.push_back(x);
  return p;
}

TEST_CASE("read_roster_csv: the post's id is in post_id beside its name, or in post in the earlier layout") {
  Problem p = gate_problem();
  pm::diag::Diagnostics d;
  auto now = read_roster_csv("staff_id,staff_name,role_id,role,post_id,post,shift_id,shift,start,end,hours\n"
                             "gate_guard-01,Guard 1,gate_guard,Gate guard,gate,Main gate,D,Day shift,"
                             "2026-01-05T08:00,2026-01-05T16:00,8\n",
                             "r.csv", p, d);
  CHECK(d.empty());
  REQUIRE(now.size() == 1);
  CHECK(now[0].post == 0);
  auto before = read_roster_csv("staff_id,staff_name,role,post,shift,start,end,hours\n"
                                "gate_guard-01,Guard 1,gate_guard,gate,D,2026-01-05T08:00,2026-01-05T16:00,8\n",
                                "r.csv", p, d);
  CHECK(d.empty());
  REQUIRE(before.size() == 1);
  CHECK(before[0].post == 0);
  // Without post_id, post holds the id: a name there is an unknown post.
  read_roster_csv("staff_id,post,start,end\ngate_guard-01,Main gate,2026-01-05T08:00,2026-01-05T16:00\n", "r.csv", p,
                  d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "unknown-post");
}

TEST_CASE("read_roster_csv: unknown people, posts and bad times are reported with their line") {
  Problem p = gate_problem();
  pm::diag::Diagnostics d;
  auto a = read_roster_csv("staff_id,post,start,end\n"
                           "gate_guard-01,gate,2026-01-05T08:00,2026-01-05T16:00\n"
                           "gate_guard-02,gate,2026-01-06T08:00,2026-01-06T16:00\n"
                           "gate_guard-01,gates,2026-01-06T08:00,2026-01-06T16:00\n"
                           "gate_guard-01,gate,2026-01-06 8:0,2026-01-06T16:00\n"
                           "gate_guard-01,gate,2026-01-07T16:00,2026-01-07T08:00\n"
                           "gate_guard-01,gate\n",
                           "r.csv", p, d);
  REQUIRE(a.size() == 1);
  CHECK(a[0].line == 2);
  REQUIRE(d.size() == 5);
  CHECK(d[0].code == "unknown-staff");
  CHECK(d[0].line == 3);
  CHECK(d[0].message.find("did you mean 'gate_guard-01'") != std::string::npos);
  CHECK(d[1].code == "unknown-post");
  CHECK(d[2].code == "bad-time");
  CHECK(d[2].column == 3);
  CHECK(d[3].code == "bad-time");
  CHECK(d[4].code == "csv-columns");

  d.clear();
  read_roster_csv("who,post\n", "r.csv", p, d);
  CHECK(d.size() == 3); // staff_id, start, end missing
  d.clear();
  read_roster_csv("", "r.csv", p, d);
  CHECK(d.size() == 1);
  d.clear();
  read_roster_csv("staff_id\xff\n", "r.csv", p, d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "not-utf8");
}

TEST_CASE("read_roster_csv: a roster saved by Chinese Excel or WPS (GB18030, CRLF, slashed dates) reads as pm's") {
  Problem p = gate_problem();
  pm::diag::Diagnostics d;
  auto ours = read_roster_csv("staff_id,name,post,start,end\n"
                              "gate_guard-01,门岗,gate,2026-01-05T08:00,2026-01-05T16:00\n",
                              "r.csv", p, d);
  REQUIRE(d.empty());
  // The same in GB18030 (门岗 is C3 C5 B8 DA), CRLF line ends, as Excel writes dates.
  auto theirs = read_roster_csv("staff_id,name,post,start,end\r\n"
                                "gate_guard-01,\xC3\xC5\xB8\xDA,gate,2026/1/5 8:00,2026/1/5 16:00\r\n",
                                "r.csv", p, d);
  REQUIRE(d.empty());
  REQUIRE(theirs.size() == 1);
  REQUIRE(ours.size() == 1);
  CHECK(theirs[0].start == ours[0].start);
  CHECK(theirs[0].end == ours[0].end);
  // Bytes that are neither UTF-8 nor GB18030 are still refused.
  read_roster_csv("staff_id,post,start,end\n\xFF\xFF,gate,x,y\n", "r.csv", p, d);
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "not-utf8");
}
