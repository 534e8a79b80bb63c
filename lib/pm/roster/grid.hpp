#pragma once
// The roster as a grid: for each post, who works which shift on each rota day. Computed here
// once for every format that draws it (pm roster's grid, HTML, Markdown; the proposal's
// excerpt).

#include <pm/i18n/lang.hpp>
#include <pm/roster/model.hpp>

#include <optional>
#include <vector>

namespace pm::roster {

// A shift as a grid shows it: night, early, middle, or the only day shift of its post.
enum class ShiftKind { early, middle, night, day, on_call };

ShiftKind shift_kind(const Problem &p, int post, int start, int end);
// Its code, 早/E, 中/M, 夜/N, 白/D, and the style name renderers colour it by (e, m, n, d).
i18n::Text code_of(ShiftKind k);
// Its name: 早班/Early shift, 中班, 夜班, 白班.
i18n::Text name_of(ShiftKind k);
const char *style_of(ShiftKind k);

struct Grid {
  struct Line {
    int person = 0;
    std::vector<std::optional<ShiftKind>> days; // one per rota day; none: off
    int shifts = 0;                             // at this post
    double hours = 0;                           // at this post
  };
  struct Block {
    int post = 0;
    std::vector<Line> lines; // the post's own team first, then anyone else who worked there
  };
  std::vector<Block> blocks; // one per post, in post order
};

Grid grid(const Problem &p, const std::vector<Assignment> &a);

} // namespace pm::roster
