// The document's data as JSON: every section, table, list and chart, with numbers as numbers
// (the shape of schemas/report.schema.json).

#include <pm/doc/render.hpp>

#include <nlohmann/json.hpp>

namespace pm::doc {

using nlohmann::ordered_json;

namespace {

const char *align_name(Align a) { return a == Align::right ? "right" : a == Align::center ? "center" : "left"; }
const char *style_name(Style s) {
  switch (s) {
  case Style::normal:
    return "normal";
  case Style::note:
    return "note";
  case Style::warning:
    return "warning";
  case Style::source:
    return "source";
  }
  return "normal";
}
const char *kind_name(RowKind k) {
  switch (k) {
  case RowKind::body:
    return "body";
  case RowKind::group:
    return "group";
  case RowKind::total:
    return "total";
  case RowKind::note:
    return "note";
  }
  return "body";
}

ordered_json table(const Table &t) {
  ordered_json j;
  j["type"] = "table";
  j["id"] = t.id;
  j["caption"] = t.caption;
  ordered_json cols = ordered_json::array();
  for (const auto &c : t.columns)
    cols.push_back({{"id", c.id}, {"label", c.label}, {"align", align_name(c.align)}, {"decimals", c.decimals}});
  j["columns"] = std::move(cols);
  ordered_json rows = ordered_json::array();
  for (const auto &r : t.rows) {
    ordered_json cells = ordered_json::array();
    for (const auto &c : r.cells) {
      if (c.number)
        cells.push_back(*c.number);
      else
        cells.push_back(c.text);
    }
    rows.push_back({{"kind", kind_name(r.kind)}, {"key", r.key}, {"cells", std::move(cells)}});
  }
  j["rows"] = std::move(rows);
  return j;
}

ordered_json block(const Block &b) {
  if (const auto *p = std::get_if<Paragraph>(&b))
    return {{"type", "paragraph"}, {"style", style_name(p->style)}, {"text", p->text}};
  if (const auto *l = std::get_if<List>(&b)) return {{"type", "list"}, {"ordered", l->ordered}, {"items", l->items}};
  if (const auto *f = std::get_if<Facts>(&b)) {
    ordered_json items = ordered_json::array();
    for (const auto &[k, v] : f->items) items.push_back({{"label", k}, {"value", v}});
    return {{"type", "facts"}, {"items", std::move(items)}};
  }
  if (const auto *t = std::get_if<Table>(&b)) return table(*t);
  if (const auto *c = std::get_if<OrgChart>(&b)) {
    ordered_json nodes = ordered_json::array();
    for (const auto &n : c->nodes)
      nodes.push_back({{"id", n.id},
                       {"parent", n.parent.empty() ? ordered_json(nullptr) : ordered_json(n.parent)},
                       {"title", n.title},
                       {"detail", n.detail},
                       {"lines", n.lines}});
    return {{"type", "org_chart"}, {"id", c->id}, {"caption", c->caption}, {"nodes", std::move(nodes)}};
  }
  const auto &g = std::get<Gantt>(b);
  ordered_json tasks = ordered_json::array();
  for (const auto &t : g.tasks) tasks.push_back({{"id", t.id}, {"label", t.label}, {"from", t.from}, {"to", t.to}});
  return {{"type", "gantt"}, {"id", g.id}, {"caption", g.caption}, {"tasks", std::move(tasks)}};
}

ordered_json section(const Section &s) {
  ordered_json j;
  j["id"] = s.id;
  j["number"] = s.number;
  j["title"] = s.title;
  ordered_json bs = ordered_json::array();
  for (const auto &b : s.blocks) {
    // A workbook's inputs repeat figures the other tables give; JSON readers have the command's own JSON.
    if (const auto *t = std::get_if<Table>(&b); t && t->for_ == Table::For::workbook) continue;
    bs.push_back(block(b));
  }
  j["blocks"] = std::move(bs);
  ordered_json subs = ordered_json::array();
  for (const auto &sub : s.sections) subs.push_back(section(sub));
  j["sections"] = std::move(subs);
  return j;
}

} // namespace

ordered_json to_json(const Document &d) {
  ordered_json j;
  j["format"] = 1;
  j["estate"] = d.estate_id;
  j["lang"] = d.lang;
  j["title"] = d.title;
  j["subtitle"] = d.subtitle;
  j["date"] = d.date.empty() ? ordered_json(nullptr) : ordered_json(d.date);
  ordered_json inputs = ordered_json::array();
  for (const auto &[k, v] : d.inputs) inputs.push_back({{"label", k}, {"value", v}});
  j["inputs"] = std::move(inputs);
  ordered_json notices = ordered_json::array();
  for (const auto &n : d.notices) notices.push_back(n.text);
  j["notices"] = std::move(notices);
  ordered_json secs = ordered_json::array();
  for (const auto &sec : d.sections) secs.push_back(section(sec));
  j["sections"] = std::move(secs);
  return j;
}

} // namespace pm::doc
