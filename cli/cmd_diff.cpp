// pm diff OLD NEW: what a change to an estate file does to its staffing, for review.

#include <cli/app.hpp>
#include <cli/common.hpp>
#include <cli/reporters.hpp>
#include <cli/table.hpp>

#include <pm/budget/budget.hpp>
#include <pm/roster/build.hpp>
#include <pm/roster/capacity.hpp>
#include <pm/staff/engine.hpp>
#include <pm/util/date.hpp>
#include <pm/util/text.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <iostream>
#include <map>

namespace pm::cli {

namespace {

struct Options {
  std::string old_path, new_path;
  std::string norms, labor, rates;
  std::string format = "text";
};

struct RoleChange {
  std::string department, role;
  catalog::Text name;
  int before = 0, after = 0;
};

std::string signed_int(int v) { return (v > 0 ? "+" : "") + std::to_string(v); }

// Whether the posts can be covered lawfully (pm roster's capacity check, over 4 weeks), and
// the reasons they can't.
std::vector<catalog::Text> roster_problems(const staff::Inputs &in, const staff::Staffing &s) {
  roster::Period period{util::day_number(2026, 1, 5), 4};
  roster::Problem p = roster::build(in.estate, s, in.labor, period);
  std::vector<catalog::Text> out = roster::impossible_posts(p);
  for (const auto &f : roster::shortfalls(p)) out.push_back(f.message);
  return out;
}

struct Money {
  std::optional<double> annual, fee;
};

Money cost_of(const staff::Inputs &in, const staff::Staffing &s, const budget::Rates &rates) {
  auto c = budget::compute(in.estate, s, rates, in.roles);
  if (!c.budget) return {};
  return {c.budget->annual_cost(), c.budget->fee.lump_sum.per_m2_month};
}

std::string money(std::optional<double> v, int decimals) { return v ? util::group_thousands(*v, decimals) : "—"; }
std::string signed_money(std::optional<double> a, std::optional<double> b, int decimals) {
  if (!a || !b) return "—";
  double d = *b - *a;
  return (d > 0 ? "+" : "") + util::group_thousands(d, decimals);
}

int run_diff(const Options &o, const Global &g) {
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
  auto collect = [&](const staff::Staffing &s, bool after) {
    for (const auto &d : s.departments)
      for (const auto &r : d.roles) {
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
  for (const auto &c : changes)
    if (c.before != c.after) changed.push_back(c);
  auto ra = roster_problems(*a, sa), rb = roster_problems(*b, sb);
  diag::Diagnostics rd;
  bool rates_io = false;
  auto rates = budget::load_rates(o.rates, catalog::builtin(), rd, &rates_io);
  if (!rates) {
    diag::sort(rd);
    render_text(std::cerr, rd, g.zh());
    return rates_io ? Exit::usage : Exit::invalid;
  }
  Money ma = cost_of(*a, sa, *rates), mb = cost_of(*b, sb, *rates);

  if (o.format == "json") {
    nlohmann::ordered_json j;
    j["old"] = o.old_path;
    j["new"] = o.new_path;
    j["staffing"] = {{"before", sa.total}, {"after", sb.total}, {"change", sb.total - sa.total}};
    nlohmann::ordered_json roles = nlohmann::ordered_json::array();
    for (const auto &c : changed)
      roles.push_back({{"department", c.department},
                       {"role", c.role},
                       {"name", c.name.get(zh)},
                       {"before", c.before},
                       {"after", c.after},
                       {"change", c.after - c.before}});
    j["staffing"]["roles"] = std::move(roles);
    auto problems = [&](const std::vector<catalog::Text> &v) {
      nlohmann::ordered_json arr = nlohmann::ordered_json::array();
      for (const auto &t : v) arr.push_back(t.get(zh));
      return arr;
    };
    j["roster"] = {{"before", {{"feasible", ra.empty()}, {"problems", problems(ra)}}},
                   {"after", {{"feasible", rb.empty()}, {"problems", problems(rb)}}}};
    auto num = [](std::optional<double> v) {
      return v ? nlohmann::ordered_json(std::round(*v * 100) / 100) : nlohmann::ordered_json(nullptr);
    };
    j["budget"] = {{"rates", rates->name},
                   {"annual_cost", {{"before", num(ma.annual)}, {"after", num(mb.annual)}}},
                   {"fee_per_m2_month", {{"before", num(ma.fee)}, {"after", num(mb.fee)}}}};
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
  if (changed.empty())
    out += zh ? "各岗位人数不变。\n" : "No role changes.\n";
  else if (md) {
    std::vector<std::vector<std::string>> rows;
    for (const auto &c : changed)
      rows.push_back(
          {c.name.get(zh), std::to_string(c.before), std::to_string(c.after), signed_int(c.after - c.before)});
    out += markdown_table({zh ? "岗位" : "Role", zh ? "原" : "Before", zh ? "新" : "After", zh ? "变化" : "Change"},
                          rows, {false, true, true, true});
  } else {
    Table t({zh ? "岗位" : "Role", zh ? "原" : "Before", zh ? "新" : "After", zh ? "变化" : "Change"},
            {false, true, true, true});
    for (const auto &c : changed)
      t.row({c.name.get(zh), std::to_string(c.before), std::to_string(c.after), signed_int(c.after - c.before)});
    out += t.str();
  }
  auto feasible = [&](const std::vector<catalog::Text> &v) {
    return v.empty() ? std::string(zh ? "可以合法排班" : "can be rostered lawfully")
                     : std::string(zh ? "无法合法排班" : "can't be rostered lawfully");
  };
  out +=
      md ? std::string("\n### ") + (zh ? "排班" : "Roster") + "\n\n" : std::string("\n") + (zh ? "排班：" : "Roster: ");
  out += (md ? "" : "") + feasible(ra) + " → " + feasible(rb) + "\n";
  for (const auto &t : rb) out += (md ? "- " : "  ") + t.get(zh) + "\n";
  out +=
      md ? std::string("\n### ") + (zh ? "费用" : "Budget") + "\n\n" : std::string("\n") + (zh ? "费用：" : "Budget: ");
  out += (zh ? "年度成本 " : "annual cost ") + money(ma.annual, 2) + " → " + money(mb.annual, 2) + " (" +
         signed_money(ma.annual, mb.annual, 2) + ")" + (md ? "; " : "; ") + (zh ? "包干制物业费 " : "lump-sum fee ") +
         money(ma.fee, 2) + " → " + money(mb.fee, 2) + (zh ? " 元/m²·月" : " yuan/m²/month") + " (" +
         signed_money(ma.fee, mb.fee, 2) + ")\n";
  if (rates->illustrative) out += zh ? "（费率为示意数字）\n" : "(illustrative rates)\n";
  std::cout << out;
  return Exit::ok;
}

} // namespace

Action setup_diff(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("old", o->old_path, "The estate file before the change")->required();
  app.add_option("new", o->new_path, "The estate file after the change")->required();
  app.add_option("-n,--norms", o->norms, "Norm set")->default_str(staff::default_norms);
  app.add_option("-l,--labor", o->labor, "Labour profile; default: the norm set's");
  app.add_option("-r,--rates", o->rates, "Rates for the budget: a built-in name (example) or a TOML file")
      ->default_str(budget::default_rates);
  app.add_option("-f,--format", o->format, "Output: text, md (for a pull-request comment) or json")
      ->check(CLI::IsMember({"text", "md", "json"}));
  return [o, &g] { return run_diff(*o, g); };
}

} // namespace pm::cli
