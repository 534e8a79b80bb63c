#include <pm/app/rates.hpp>
#include <pm/budget/rates.hpp>
#include <pm/data/toml.hpp>

namespace pm::app {

std::vector<RateSet> rate_sets(const catalog::Catalogue &roles) {
  std::vector<RateSet> out;
  for (const auto &name : data::embedded_names("rates")) {
    diag::Diagnostics d;
    if (auto r = budget::load_rates(name, roles, d))
      out.push_back({name, r->title, r->illustrative, name == budget::default_rates, r->city, r->year,
                     r->guide_price.present, r->parking.present});
  }
  return out;
}

std::optional<std::string> rates_text(const std::string &name, diag::Diagnostics &out) {
  auto src = data::load_source("rates", name, out);
  if (!src) return std::nullopt;
  return src->text;
}

diag::Diagnostics check_rate_files(const std::vector<std::string> &files, const catalog::Catalogue &roles,
                                   Status &status) {
  diag::Diagnostics all;
  status = Status::ok;
  for (const auto &f : files) {
    diag::Diagnostics d;
    bool io = false;
    budget::load_rates(f, roles, d, &io);
    if (io) status = Status::io;
    all.insert(all.end(), d.begin(), d.end());
  }
  diag::sort(all);
  if (status == Status::ok && diag::has_errors(all)) status = Status::invalid;
  return all;
}

} // namespace pm::app
