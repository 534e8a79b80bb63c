// pm diff OLD NEW: what a change to an estate file does to its staffing, for review.

#include <cli/app.hpp>
#include <cli/common.hpp>
#include <cli/table.hpp>

#include <pm/staff/engine.hpp>
#include <pm/util/text.hpp>

#include <nlohmann/json.hpp>

#include <iostream>
#include <map>

namespace pm::cli {

namespace {

struct Options {
  std::string old_path, new_path;
  std::string norms, labor;
  std::string format = "text";
};

struct RoleChange {
  std::string department, role;
  catalog::Text name;
  int before = 0, after = 0;
};

std::string signed_int(int v) { return (v > 0 ? "+" : "") + std::to_string(v); }

int run_diff(const Options& o, const Global& g) {
  int code = Exit::ok;
  auto a = load_or_report(o.old_path, o.norms, o.labor, g, code);
  if (!a) return code;
  auto b = load_or_report(o.new_path, o.norms, o.labor, g, code);
  if (!b) return code;
  bool zh = output_zh(g, b->estate);
  auto sa = staff::compute(a->estate, a->norms, a->labor, a->roles);
  auto sb = staff::compute(b->estate, b->norms, b->labor, b->roles);

  // Roles in the order they appear, new ones after.
  std::vector<RoleChange> changes;
  std::map<std::string, std::size_t> index;
  auto collect = [&](const staff::Staffing& s, bool after) {
    for (const auto& d : s.departments)
      for (const auto& r : d.roles) {
        auto it = index.find(r.id);
        if (it == index.end()) {
          index[r.id] = changes.size();
          changes.push_back({d.id, r.id, r.name, 0, 0});
          it = index.find(r.id);
        }
        (after ? changes[it->second].after : changes[it->second].before) = r.headcount;
      }
  };
  collect(sa, false);
  collect(sb, true);
  std::vector<RoleChange> changed;
  for (const auto& c : changes)
    if (c.before != c.after) changed.push_back(c);
  auto warn_codes = [](const staff::Staffing& s) {
    int n = 0;
    for (const auto& w : s.warnings) n += w.code == "unlawful-cover";
    return n;
  };

  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["old"] = o.old_path;
    j["new"] = o.new_path;
    j["staffing"] = {{"before", sa.total}, {"after", sb.total}, {"change", sb.total - sa.total}};
    nlohmann::ordered_json roles = nlohmann::ordered_json::array();
    for (const auto& c : changed)
      roles.push_back({{"department", c.department}, {"role", c.role}, {"name", c.name.get(zh)}, {"before", c.before},
                       {"after", c.after}, {"change", c.after - c.before}});
    j["staffing"]["roles"] = std::move(roles);
    j["unlawful_posts"] = {{"before", warn_codes(sa)}, {"after", warn_codes(sb)}};
    std::cout << j.dump(2) << "\n";
    return Exit::ok;
  }
  std::string out;
  bool md = o.format == "md";
  std::string title = zh ? "人员配置变化" : "Staffing change";
  out += md ? "### " + title + ": " + std::to_string(sa.total) + " → " + std::to_string(sb.total) + " (" +
                  signed_int(sb.total - sa.total) + ")\n\n"
            : title + ": " + std::to_string(sa.total) + " → " + std::to_string(sb.total) + " (" +
                  signed_int(sb.total - sa.total) + ")\n";
  if (changed.empty()) out += zh ? "各岗位人数不变。\n" : "No role changes.\n";
  else if (md) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& c : changed)
      rows.push_back({c.name.get(zh), std::to_string(c.before), std::to_string(c.after), signed_int(c.after - c.before)});
    out += markdown_table({zh ? "岗位" : "Role", zh ? "原" : "Before", zh ? "新" : "After", zh ? "变化" : "Change"}, rows,
                          {false, true, true, true});
  } else {
    Table t({zh ? "岗位" : "Role", zh ? "原" : "Before", zh ? "新" : "After", zh ? "变化" : "Change"},
            {false, true, true, true});
    for (const auto& c : changed)
      t.row({c.name.get(zh), std::to_string(c.before), std::to_string(c.after), signed_int(c.after - c.before)});
    out += t.str();
  }
  int wa = warn_codes(sa), wb = warn_codes(sb);
  if (wa != wb || wb > 0)
    out += std::string(md ? "\n" : "") +
           (zh ? "无法合法排班的岗位：" + std::to_string(wa) + " → " + std::to_string(wb) + "\n"
               : "Posts that can't be rostered lawfully: " + std::to_string(wa) + " → " + std::to_string(wb) + "\n");
  std::cout << out;
  return Exit::ok;
}

} // namespace

Action setup_diff(CLI::App& app, Global& g) {
  auto o = std::make_shared<Options>();
  app.add_option("old", o->old_path, "The estate file before the change")->required();
  app.add_option("new", o->new_path, "The estate file after the change")->required();
  app.add_option("-n,--norms", o->norms, "Norm set")->default_str(staff::default_norms);
  app.add_option("-l,--labor", o->labor, "Labour profile; default: the norm set's");
  app.add_option("-f,--format", o->format, "Output: text, md (for a pull-request comment) or json")
      ->check(CLI::IsMember({"text", "md", "json"}));
  return [o, &g] { return run_diff(*o, g); };
}

} // namespace pm::cli
