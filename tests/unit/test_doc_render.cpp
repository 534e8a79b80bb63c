#include <doctest/doctest.h>

#include <pm/doc/render.hpp>

#include <nlohmann/json.hpp>
#include <string>

using namespace pm::doc;

namespace {

Document small() {
  Document d;
  d.estate_id = "t";
  d.lang = "en";
  d.title = "A <title> & more";
  d.subtitle = "sub";
  Section s{"staffing", "1", "Staff | people", {}, {}};
  Table t;
  t.id = "staffing";
  t.sheet = "staffing";
  t.caption = "cap";
  t.columns = {{"role", "Role", Align::left, 0, false},
               {"headcount", "People", Align::right, 0, false},
               {"cost", "Cost", Align::right, 2, false}};
  t.rows = {
      {RowKind::group, "sec", {Cell::of("Security"), Cell::num(3, "sum:children"), Cell::num(1234.5, "sum:children")}},
      {RowKind::body, "gate", {Cell::of("Gate | guard"), Cell::num(2), Cell::num(1000)}},
      {RowKind::body, "patrol", {Cell::of("Patrol *guard*"), Cell::num(1), Cell::num(234.5)}},
      {RowKind::total, "total", {Cell::of("Total"), Cell::num(3, "sum:groups"), Cell::num(1234.5, "sum:groups")}}};
  s.blocks.push_back(Paragraph{"1. not a list <b>", Style::normal});
  s.blocks.push_back(t);
  s.blocks.push_back(
      OrgChart{"org", "Chart", {{"root", "", "Manager \"A\"", "", {}}, {"d1", "root", "Dept", "2 people", {"x × 2"}}}});
  s.blocks.push_back(Gantt{"g", "Timeline", {{"p1", "Phase: one", "2026-02-17", "2026-03-31"}}});
  d.sections.push_back(s);
  return d;
}

} // namespace

TEST_CASE("markdown_escape: markup and list markers stay text") {
  CHECK(markdown_escape("a|b") == "a\\|b");
  CHECK(markdown_escape("*x* _y_ `z` <b> [l](u)") == "\\*x\\* \\_y\\_ \\`z\\` \\<b\\> \\[l\\](u)");
  CHECK(markdown_escape("1. one") == "1\\. one");
  CHECK(markdown_escape("- dash") == "\\- dash");
  CHECK(markdown_escape("$5 @cite") == "\\$5 \\@cite");
  CHECK(markdown_escape("line\nbreak") == "line break");
  CHECK(markdown_escape("2026-01-05 1.5") == "2026-01-05 1.5");
}

TEST_CASE("to_markdown: pipe tables with escaped cells, bold subtotals, Mermaid charts") {
  std::string md = to_markdown(small());
  CHECK(md.find("# A \\<title\\> & more\n") == 0);
  CHECK(md.find("## 1 Staff \\| people\n") != std::string::npos);
  CHECK(md.find("1\\. not a list \\<b\\>") != std::string::npos);
  CHECK(md.find("| Role | People | Cost |\n|---|---:|---:|\n") != std::string::npos);
  CHECK(md.find("| **Security** | **3** | **1,234.50** |") != std::string::npos);
  CHECK(md.find("| Gate \\| guard | 2 | 1,000.00 |") != std::string::npos);
  CHECK(md.find("| **Total** | **3** | **1,234.50** |") != std::string::npos);
  CHECK(md.find("```mermaid\nflowchart TD\n  n0[\"<b>Manager #quot;A#quot;</b>\"]") != std::string::npos);
  CHECK(md.find("  n0 --> n1\n") != std::string::npos);
  // Gantt ends are exclusive in Mermaid: the day after the phase's last; ':' would end the name.
  CHECK(md.find("  Phase  one :p1, 2026-02-17, 2026-04-01\n") != std::string::npos);
}

TEST_CASE("html_escape and to_html: everything escaped, no script, inline SVG") {
  CHECK(html_escape("<a href=\"x\">'&'</a>") == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  std::string h = to_html(small());
  CHECK(h.find("<title>A &lt;title&gt; &amp; more</title>") != std::string::npos);
  CHECK(h.find("<script") == std::string::npos);
  CHECK(h.find("http://") == std::string::npos);
  CHECK(h.find("https://") == std::string::npos);
  CHECK(h.find("@page{size:A4") != std::string::npos);
  CHECK(h.find("<svg class=\"chart org\"") != std::string::npos);
  CHECK(h.find("<svg class=\"chart gantt\"") != std::string::npos);
  CHECK(h.find("Manager &quot;A&quot;") != std::string::npos);
  CHECK(h.find("<tr class=\"total\" data-key=\"total\"><td>Total</td><td class=\"r\">3</td>") != std::string::npos);
}

TEST_CASE("gantt_svg: months on the axis, one bar per phase") {
  Gantt g{"g", "T", {{"a", "A", "2026-02-17", "2026-03-31"}, {"b", "B", "2026-04-01", "2026-09-30"}}};
  std::string svg = gantt_svg(g, false);
  CHECK(svg.find(">2026 Mar<") != std::string::npos); // February's sliver is too narrow to label
  CHECK(svg.find(">Sep<") != std::string::npos);
  std::size_t bars = 0;
  for (std::size_t p = 0; (p = svg.find("class=\"bar\"", p)) != std::string::npos; ++p) ++bars;
  CHECK(bars == 2);
  CHECK(gantt_svg(g, true).find(">2026年3月<") != std::string::npos);
  CHECK(gantt_svg(g, true).find(">4月<") != std::string::npos);
}

TEST_CASE("to_json: numbers stay numbers, rows keep their kind and key") {
  auto j = to_json(small());
  CHECK(j["format"] == 1);
  CHECK(j["date"].is_null());
  const auto &t = j["sections"][0]["blocks"][1];
  CHECK(t["type"] == "table");
  CHECK(t["rows"][0]["kind"] == "group");
  CHECK(t["rows"][1]["key"] == "gate");
  CHECK(t["rows"][1]["cells"][1] == 2);
  CHECK(t["rows"][3]["cells"][2] == 1234.5);
  CHECK(j["sections"][0]["blocks"][2]["nodes"][0]["parent"].is_null());
}

TEST_CASE("xlsx_bytes: a zip with the same bytes each time") {
  auto a = xlsx_bytes(small());
  auto b = xlsx_bytes(small());
  REQUIRE(a);
  REQUIRE(b);
  CHECK(a->substr(0, 2) == "PK");
  CHECK(*a == *b);
  // The creation date is fixed unless the document has one.
  Document dated = small();
  dated.date = "2026-03-02";
  auto c = xlsx_bytes(dated);
  REQUIRE(c);
  CHECK(*c != *a);
}

TEST_CASE("write_xlsx: refuses an input, fails cleanly in a missing directory") {
  auto r = write_xlsx(small(), "/nonexistent-dir-for-pm/x.xlsx");
  CHECK_FALSE(r);
  CHECK(r.error().en.find("cannot write") != std::string::npos);
  auto in = write_xlsx(small(), "same.xlsx", {"same.xlsx"});
  CHECK_FALSE(in);
  CHECK(in.error().en.find("refusing") != std::string::npos);
}

TEST_CASE("to_html: a proposal's cover, numbered contents and print margin boxes") {
  Document d = small();
  CHECK(to_html(d).find("@bottom-center") == std::string::npos); // no cover: no print layout
  d.sections.push_back(Section{"budget", "2", "Budget", {}, {Section{"fee", "2.1", "Fee", {}, {}}}});
  d.cover = {{"Client", "Owners \"A\""}, {"Version", "1.0"}};
  std::string html = to_html(d);
  CHECK(html.find("<header class=\"cover proposal\">") != std::string::npos);
  CHECK(html.find("<dt>Client</dt><dd>Owners &quot;A&quot;</dd>") != std::string::npos);
  CHECK(html.find("<span class=\"n\">2.1</span>Fee") != std::string::npos);
  CHECK(html.find("@top-center{content:\"A <title> & more\"") == std::string::npos); // "<" escaped in CSS
  CHECK(html.find("@top-center{content:\"A \\3c title> & more\"") != std::string::npos);
  CHECK(html.find("@bottom-center{content:\"Page \" counter(page) \" of \" counter(pages) ;") != std::string::npos);
  CHECK(html.find("@page:first{@top-center{content:none}") != std::string::npos);
}

TEST_CASE("to_docx: Word parts, the chart as a PNG, the same bytes each time") {
  Document d = small();
  d.cover = {{"Client", "C & Co"}};
  std::string a = to_docx(d), b = to_docx(d);
  CHECK(a == b);
  REQUIRE(a.size() > 1000);
  CHECK(a.compare(0, 4, "PK\x03\x04") == 0);
  for (const char *part : {"word/document.xml", "word/styles.xml", "word/footer1.xml", "word/header1.xml",
                           "word/media/image1.png", "word/media/image2.png", "[Content_Types].xml"})
    CHECK_MESSAGE(a.find(part) != std::string::npos, part);
}
