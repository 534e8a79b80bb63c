#include <pm/app/compare.hpp>
#include <pm/catalog/quantities.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/text.hpp>

#include <algorithm>
#include <charconv>
#include <map>
#include <tuple>

namespace pm::app {

namespace {

namespace msg = i18n::msg;
using i18n::both;
using i18n::Text;

std::string_view trim_spec(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// The items of a variant: split at ',' or the full-width '，'.
std::vector<std::string_view> split_items(std::string_view s) {
  std::vector<std::string_view> out;
  const std::string_view wide = "，";
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size();) {
    bool end = i == s.size();
    std::size_t len = end ? 0 : s[i] == ',' ? 1 : s.substr(i, wide.size()) == wide ? wide.size() : 0;
    if (end || len) {
      out.push_back(trim_spec(s.substr(start, i - start)));
      if (end) break;
      i += len;
      start = i;
    } else {
      ++i;
    }
  }
  return out;
}

// The label before ':' or '：', if the colon comes before the first '='.
std::size_t label_end(std::string_view s, std::size_t &colon_len) {
  std::size_t eq = s.find('=');
  std::size_t a = s.find(':'), b = s.find("：");
  std::size_t colon = std::min(a, b);
  colon_len = colon == a ? 1 : std::string_view("：").size();
  return colon < eq ? colon : std::string_view::npos;
}

std::optional<double> positive_number(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || !(v > 0) || v > 1e12) return std::nullopt;
  return v;
}

Text unknown(const Text &what, const std::string &word, const std::vector<std::string> &names) {
  Text t = what;
  if (auto best = util::did_you_mean(word, names)) {
    t += both(msg::did_you_mean, *best);
  } else {
    std::string all;
    for (const auto &n : names) all += (all.empty() ? "" : ", ") + n;
    t += both(msg::available, all);
  }
  return t;
}

// outsource= or inhouse=: one service, or "environment" for cleaning and greening.
std::vector<std::string> services_of(const std::string &value) {
  if (value == "environment") return {"cleaning", "greening"};
  return {value};
}

} // namespace

const std::vector<std::string> &variant_keys() {
  static const std::vector<std::string> k = {"norms", "labor", "rates", "grade", "outsource", "inhouse"};
  return k;
}

const std::vector<std::string> &variant_services() {
  static const std::vector<std::string> s = [] {
    std::vector<std::string> out;
    for (const auto &q : catalog::quantities())
      if (util::starts_with(q.name, "outsourced.")) out.push_back(q.name.substr(11));
    out.push_back("environment");
    return out;
  }();
  return s;
}

util::Expected<VariantSpec, Text> parse_variant(std::string_view text) {
  VariantSpec v;
  v.text = std::string(trim_spec(text));
  std::string_view rest = v.text;
  std::size_t colon_len = 0;
  if (std::size_t end = label_end(rest, colon_len); end != std::string_view::npos) {
    v.label = std::string(trim_spec(rest.substr(0, end)));
    rest = rest.substr(end + colon_len);
  }
  const std::string &spec = v.text;
  std::vector<std::string> seen;
  for (std::string_view item : split_items(rest)) {
    if (item.empty()) continue;
    std::size_t eq = item.find('=');
    if (eq == std::string_view::npos) return both(msg::compare_spec_not_key_value, spec, std::string(item));
    std::string key(trim_spec(item.substr(0, eq)));
    std::string value(trim_spec(item.substr(eq + 1)));
    const auto &keys = variant_keys();
    if (std::find(keys.begin(), keys.end(), key) == keys.end())
      return unknown(both(msg::compare_spec_unknown_key, spec, key), key, keys);
    if (value.empty()) return both(msg::compare_spec_no_value, spec, key);
    bool once = key != "outsource" && key != "inhouse";
    if (once && std::find(seen.begin(), seen.end(), key) != seen.end())
      return both(msg::compare_spec_repeated, spec, key);
    seen.push_back(key);
    if (key == "norms") {
      v.norms = value;
    } else if (key == "labor") {
      v.labor = value;
    } else if (key == "rates") {
      v.rates = value;
    } else if (key == "grade") {
      int g = 0;
      auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), g);
      if (ec != std::errc() || p != value.data() + value.size() || g < 1 || g > 4)
        return both(msg::compare_spec_bad_grade, spec, value);
      v.grade = g;
    } else {
      std::string service = value, price;
      if (auto colon = value.find(':'); key == "outsource" && colon != std::string::npos) {
        service = std::string(trim_spec(std::string_view(value).substr(0, colon)));
        price = std::string(trim_spec(std::string_view(value).substr(colon + 1)));
      }
      const auto &services = variant_services();
      if (std::find(services.begin(), services.end(), service) == services.end())
        return unknown(both(msg::compare_spec_unknown_service, spec, service), service, services);
      OutsourceChoice choice{service, 0, 0};
      if (!price.empty()) {
        if (service == "environment") return both(msg::compare_spec_price_one_service, spec, value);
        std::string_view amount = price;
        bool per_m2 = false;
        for (std::string_view unit : {"/m2", "/m²"})
          if (util::ends_with(amount, unit)) {
            amount = trim_spec(amount.substr(0, amount.size() - unit.size()));
            per_m2 = true;
            break;
          }
        auto n = positive_number(amount);
        if (!n) return both(msg::compare_spec_bad_price, spec, price);
        (per_m2 ? choice.per_m2_month : choice.annual) = *n;
      }
      for (const auto &s : services_of(service)) {
        bool twice = std::any_of(v.outsource.begin(), v.outsource.end(),
                                 [&](const OutsourceChoice &o) { return o.service == s; }) ||
                     std::find(v.inhouse.begin(), v.inhouse.end(), s) != v.inhouse.end();
        if (twice) return both(msg::compare_spec_service_twice, spec, s);
        if (key == "outsource") {
          choice.service = s;
          v.outsource.push_back(choice);
        } else {
          v.inhouse.push_back(s);
        }
      }
    }
  }
  return v;
}

std::vector<catalog::Text> Comparison::basis(std::size_t variant, const std::string &role) const {
  std::vector<catalog::Text> out;
  if (variant >= variants.size()) return out;
  if (const staff::RoleLine *r = variants[variant].plan.staffing.role(role))
    for (const auto &l : r->lines)
      if (!l.explanation.empty()) out.push_back(l.explanation);
  return out;
}

namespace {

// The estate as a variant changes it.
void apply(const VariantSpec &v, estate::Estate &e) {
  if (v.grade) e.grade = *v.grade;
  for (const auto &s : v.inhouse)
    e.outsourced.erase(std::remove_if(e.outsourced.begin(), e.outsourced.end(),
                                      [&](const estate::Outsourced &o) { return o.service == s; }),
                       e.outsourced.end());
  for (const auto &o : v.outsource) {
    auto it = std::find_if(e.outsourced.begin(), e.outsourced.end(),
                           [&](const estate::Outsourced &x) { return x.service == o.service; });
    if (it == e.outsourced.end()) {
      estate::Outsourced added;
      added.service = o.service;
      it = e.outsourced.insert(e.outsourced.end(), added);
    } else if (!o.priced()) {
      continue; // the estate file's contract, at its price
    }
    if (o.priced()) {
      it->annual_cost = o.annual;
      it->per_m2_month = o.per_m2_month;
      it->area = 0;
      it->per_post_month = 0;
      it->posts = 0;
      it->source.clear();
    }
  }
}

void add_headcounts(std::vector<Headcounts> &rows, std::map<std::string, std::size_t> &index, std::size_t variants,
                    std::size_t i, const std::string &id, const std::string &department, const catalog::Text &name,
                    int headcount) {
  auto it = index.find(id);
  if (it == index.end()) {
    it = index.emplace(id, rows.size()).first;
    rows.push_back({id, department, name, std::vector<int>(variants, 0)});
  }
  rows[it->second].headcount[i] = headcount;
}

} // namespace

Compared compare(const CompareRequest &r) {
  Compared out;
  // The data sets, loaded once for each distinct choice of norms, labour profile and rates.
  std::vector<Context> contexts;
  std::map<std::tuple<std::string, std::string, std::string>, std::size_t> loaded;
  auto context_for = [&](const VariantSpec *v) -> const Context * {
    Choices ch = r.choices;
    ch.rates_needed = true;
    if (v && !v->norms.empty()) {
      ch.norms = v->norms;
      // A norm set names its own labour profile: the global --labor still applies to it.
    }
    if (v && !v->labor.empty()) ch.labor = v->labor;
    if (v && !v->rates.empty()) ch.rates = v->rates;
    auto key = std::make_tuple(ch.norms, ch.labor, ch.rates);
    if (auto it = loaded.find(key); it != loaded.end())
      return it->second < contexts.size() ? &contexts[it->second] : nullptr;
    auto lc = load_context(ch);
    out.diagnostics.insert(out.diagnostics.end(), lc.diagnostics.begin(), lc.diagnostics.end());
    if (!lc.context) {
      out.status = worst(out.status, lc.status == Status::ok ? Status::invalid : lc.status);
      loaded[key] = SIZE_MAX;
      return nullptr;
    }
    loaded[key] = contexts.size();
    contexts.push_back(std::move(*lc.context));
    return &contexts.back();
  };

  // What each column is: an estate file as written, or the one estate file and a variant.
  struct Column {
    std::string file;
    const VariantSpec *spec;
  };
  std::vector<Column> columns;
  if (r.variants.empty() || r.estates.size() != 1) {
    for (const auto &f : r.estates) columns.push_back({f, nullptr});
  } else {
    if (r.variants.size() == 1) columns.push_back({r.estates.front(), nullptr});
    for (const auto &v : r.variants) columns.push_back({r.estates.front(), &v});
  }
  // Contexts first, so that a misspelt norm set is reported before any estate is read.
  contexts.reserve(columns.size());
  std::vector<const Context *> ctx;
  for (const auto &col : columns) ctx.push_back(context_for(col.spec));
  if (out.status != Status::ok) return out;

  // Each estate file is read once (the role catalogue it is checked against is the same in
  // every context).
  std::map<std::string, EstateInput> estates;
  std::vector<std::string> read;
  for (const auto &col : columns) {
    if (std::find(read.begin(), read.end(), col.file) != read.end()) continue;
    read.push_back(col.file);
    auto le = load_estate(*ctx.front(), col.file);
    out.diagnostics.insert(out.diagnostics.end(), le.diagnostics.begin(), le.diagnostics.end());
    if (!le.input) {
      out.status = worst(out.status, le.status == Status::ok ? Status::invalid : le.status);
      continue;
    }
    estates.emplace(col.file, std::move(*le.input));
  }
  if (out.status != Status::ok) return out;

  Comparison cmp;
  for (std::size_t i = 0; i < columns.size(); ++i) {
    const auto &col = columns[i];
    EstateInput in = estates.at(col.file);
    if (col.spec) {
      apply(*col.spec, in.estate);
      in.staffing.reset(); // the staffing of the estate as loaded: made again for the variant
    }
    Variant v;
    v.label = col.spec ? col.spec->label : "";
    if (col.spec) v.spec = *col.spec;
    v.file = col.file;
    v.plan = make_plan(*ctx[i], std::move(in), {true, std::nullopt});
    v.labor_title = ctx[i]->labor.title;
    out.diagnostics.insert(out.diagnostics.end(), v.plan.diagnostics.begin(), v.plan.diagnostics.end());
    if (!v.plan.budget) out.status = worst(out.status, v.plan.status == Status::ok ? Status::invalid : v.plan.status);
    cmp.variants.push_back(std::move(v));
  }
  if (out.status != Status::ok) return out;

  std::map<std::string, std::size_t> dep_index, role_index;
  std::vector<Headcounts> roles;
  const std::size_t n = cmp.variants.size();
  for (std::size_t i = 0; i < n; ++i)
    for (const auto &d : cmp.variants[i].plan.staffing.departments) {
      add_headcounts(cmp.departments, dep_index, n, i, d.id, "", d.name, d.headcount);
      for (const auto &rl : d.roles) add_headcounts(roles, role_index, n, i, rl.id, d.id, rl.name, rl.headcount);
    }
  for (auto &rl : roles)
    if (std::adjacent_find(rl.headcount.begin(), rl.headcount.end(), std::not_equal_to<>()) != rl.headcount.end())
      cmp.roles.push_back(std::move(rl));

  for (const auto &f : r.estates) cmp.files.push_back(f);
  for (const auto &c : contexts) cmp.files.insert(cmp.files.end(), c.files.begin(), c.files.end());
  out.comparison = std::move(cmp);
  return out;
}

} // namespace pm::app
