// Documents without control characters: every renderer draws the document this gives, so that
// no escape sequence, NUL or other control from the data (an estate's name, a data file's
// title) reaches a terminal or a file, whatever the format.

#include <pm/doc/render.hpp>
#include <pm/util/controls.hpp>

namespace pm::doc {

namespace {
// Calls f on every string of the document a renderer may show.
template <typename D, typename F> void each_text(D &d, const F &f) {
  auto pairs = [&](auto &items) {
    for (auto &[k, v] : items) f(k), f(v);
  };
  auto block = [&](auto &b) {
    std::visit(
        [&](auto &x) {
          using T = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<T, Paragraph>) {
            f(x.text);
          } else if constexpr (std::is_same_v<T, List>) {
            for (auto &i : x.items) f(i);
          } else if constexpr (std::is_same_v<T, Facts>) {
            pairs(x.items);
          } else if constexpr (std::is_same_v<T, Table>) {
            f(x.caption);
            for (auto &c : x.columns) f(c.label), f(c.brief);
            for (auto &r : x.rows)
              for (auto &c : r.cells) f(c.text);
          } else if constexpr (std::is_same_v<T, OrgChart>) {
            f(x.caption);
            for (auto &n : x.nodes) {
              f(n.title), f(n.detail);
              for (auto &l : n.lines) f(l);
            }
          } else if constexpr (std::is_same_v<T, Gantt>) {
            f(x.caption);
            for (auto &t : x.tasks) f(t.label), f(t.from), f(t.to);
          }
        },
        b);
  };
  auto section = [&](auto &self, auto &s) -> void {
    f(s.number), f(s.title);
    for (auto &b : s.blocks) block(b);
    for (auto &sub : s.sections) self(self, sub);
  };
  f(d.title), f(d.subtitle), f(d.date), f(d.running), f(d.footer);
  pairs(d.inputs);
  pairs(d.cover);
  for (auto &n : d.notices) f(n.text);
  for (auto &s : d.sections) section(section, s);
  for (auto &s : d.sheets) f(s.label);
}
} // namespace

const Document &printable(const Document &d, std::optional<Document> &storage) {
  bool dirty = false;
  each_text(d, [&](const std::string &s) { dirty = dirty || util::has_controls(s); });
  if (!dirty) return d;
  storage = d;
  each_text(*storage, [](std::string &s) {
    if (util::has_controls(s)) s = util::printable(s);
  });
  return *storage;
}

} // namespace pm::doc
