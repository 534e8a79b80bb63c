#include <pm/roster/capacity.hpp>
#include <pm/roster/minimum.hpp>
#include <pm/util/date.hpp>

#include <nlohmann/json.hpp>

#include <cmath>

namespace pm::roster {

namespace {

// The post alone with `n` interchangeable full-time people of its role, all homed there.
Problem alone_with(const Problem &p, int post, int n) {
  Problem q = p;
  PostDemand d = p.posts[static_cast<std::size_t>(post)];
  d.people = n;
  d.pattern.clear();
  d.cycle = 0;
  q.posts = {d};
  q.people.clear();
  std::string role = post_role(p, post);
  for (int i = 1; i <= n; ++i) {
    Person x;
    x.id = role + "-" + std::to_string(i);
    x.name = catalog::Text::same(x.id);
    x.role = role;
    x.placeholder = true;
    x.home = 0;
    q.people.push_back(std::move(x));
  }
  return q;
}

} // namespace

std::vector<PostMinimum> minimum_headcounts(const Problem &p, const Options &o, const std::vector<Pattern> &patterns,
                                            int tries) {
  std::vector<PostMinimum> out;
  Options quiet = o;
  quiet.find_add = false;
  quiet.fair_effort = 0;
  for (int post = 0; post < static_cast<int>(p.posts.size()); ++post) {
    const PostDemand &d = p.posts[static_cast<std::size_t>(post)];
    if (d.duty) continue;
    PostMinimum m;
    m.post = post;
    m.staffed = d.people;
    Problem none = alone_with(p, post, 0);
    m.bound = lower_bound(none, {0});
    for (int n = std::max(1, m.bound.people); n <= std::max(1, m.bound.people) + tries; ++n) {
      Problem q = alone_with(p, post, n);
      if (make_roster(q, quiet, patterns).ok) {
        m.found = n;
        break;
      }
    }
    out.push_back(std::move(m));
  }
  return out;
}

nlohmann::ordered_json minimum_json(const Problem &p, const std::vector<PostMinimum> &m, bool zh) {
  using J = nlohmann::ordered_json;
  J j;
  j["estate"] = p.estate_id;
  j["start"] = util::format_date(p.first_day);
  j["weeks"] = p.days / 7;
  j["labor"] = p.labor.name;
  J posts = J::array();
  for (const auto &x : m) {
    const PostDemand &d = p.posts[static_cast<std::size_t>(x.post)];
    J e;
    e["post"] = d.id;
    e["name"] = d.name.get(zh);
    e["role"] = post_role(p, x.post);
    e["seats"] = d.seats;
    e["staffed"] = x.staffed;
    e["lower_bound"] = x.bound.people;
    e["minimum"] = x.found > 0 ? J(x.found) : J(nullptr);
    e["proven"] = x.proven();
    J w;
    w["from"] = util::format_date(x.bound.window.first);
    w["to"] = util::format_date(x.bound.window.last);
    w["kind"] = x.bound.on_call ? "on_call_seven_days" : x.bound.seven_days ? "seven_days" : "averaging_period";
    w["period"] = x.bound.seven_days ? J(nullptr) : J(x.bound.window.label);
    // On-call nights are not working time: the bound counts nights there.
    w[x.bound.on_call ? "demand_nights" : "demand_hours"] = std::round(x.bound.demand * 100) / 100;
    w[x.bound.on_call ? "per_person_nights" : "per_person_hours"] = std::round(x.bound.per_person * 100) / 100;
    e["binding"] = x.bound.people > 0 ? w : J(nullptr);
    posts.push_back(std::move(e));
  }
  j["posts"] = std::move(posts);
  return j;
}

} // namespace pm::roster
