#include <pm/doc/document.hpp>
#include <pm/util/text.hpp>

namespace pm::doc {

int Table::column(const std::string &col_id) const {
  for (std::size_t i = 0; i < columns.size(); ++i)
    if (columns[i].id == col_id) return static_cast<int>(i);
  return -1;
}

const Row *Table::row(const std::string &key) const {
  for (const auto &r : rows)
    if (r.key == key) return &r;
  return nullptr;
}

namespace {
const Table *find_table(const std::vector<Section> &sections, const std::string &id) {
  for (const auto &s : sections) {
    for (const auto &b : s.blocks)
      if (const auto *t = std::get_if<Table>(&b); t && t->id == id) return t;
    if (const Table *t = find_table(s.sections, id)) return t;
  }
  return nullptr;
}
} // namespace

const Table *Document::table(const std::string &id) const { return find_table(sections, id); }

std::string format_cell(const Cell &c, const Column &col) {
  if (!c.number) return c.text;
  if (col.decimals < 0) return util::format_number(*c.number, 6);
  return util::group_thousands(*c.number, col.decimals);
}

} // namespace pm::doc
