#include <pm/app/norms.hpp>
#include <pm/data/toml.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/text.hpp>

namespace pm::app {

std::vector<DataSet> data_sets(const catalog::Catalogue &roles) {
  std::vector<DataSet> out;
  for (const auto &name : data::embedded_names("norms")) {
    diag::Diagnostics d;
    if (auto ns = staff::load_norms(name, roles, d))
      out.push_back({name, DataSet::Kind::norms, static_cast<int>(ns->rules.size()), ns->title, name == default_norms});
  }
  for (const auto &name : data::embedded_names("labor")) {
    diag::Diagnostics d;
    if (auto l = staff::load_labor(name, d)) out.push_back({name, DataSet::Kind::labor, 0, l->title, false});
  }
  return out;
}

std::optional<std::string> data_text(const std::string &name, diag::Diagnostics &out) {
  // A name of either kind: norm sets first, then labour profiles.
  for (const char *kind : {"norms", "labor"}) {
    diag::Diagnostics tmp;
    if (auto src = data::load_source(kind, name, tmp)) return src->text;
    // A file that can't be read says why; a name is looked up in both kinds below.
    if (tmp.empty() || tmp.front().code != "unknown-name") {
      out.insert(out.end(), tmp.begin(), tmp.end());
      return std::nullopt;
    }
  }
  std::vector<std::string> names = data::embedded_names("norms");
  for (const auto &n : data::embedded_names("labor")) names.push_back(n);
  i18n::Text t = i18n::both(i18n::msg::norms_unknown, name);
  if (auto best = util::did_you_mean(name, names)) {
    i18n::Text hint = i18n::both(i18n::msg::did_you_mean, *best);
    t = {t.zh + hint.zh, t.en + hint.en};
  } else {
    std::string all;
    for (const auto &n : names) all += (all.empty() ? "" : ", ") + n;
    i18n::Text hint = i18n::both(i18n::msg::available, all);
    t = {t.zh + hint.zh, t.en + hint.en};
  }
  out.push_back({name, 0, 0, diag::Severity::error, "unknown-name", t.en, t.zh, ""});
  return std::nullopt;
}

diag::Diagnostics check_data_files(const std::vector<std::string> &files, const catalog::Catalogue &roles,
                                   Status &status) {
  diag::Diagnostics all;
  status = Status::ok;
  for (const auto &f : files) {
    diag::Diagnostics d;
    // A file with the tables of a labour profile ([hours], [leave]...) and no [[rule]] is a
    // labour profile; anything else is read as a norm set. A syntax error is reported once.
    auto src = data::load_source("norms", f, d);
    if (!src) {
      status = Status::io;
    } else if (diag::Diagnostics syntax; auto tbl = data::parse_toml(src->text, src->file, syntax)) {
      bool labour =
          !tbl->get("rule") && (tbl->get("hours") || tbl->get("leave") || tbl->get("rostering") || tbl->get("pay"));
      if (labour)
        staff::load_labor(f, d);
      else
        staff::load_norms(f, roles, d);
    } else {
      d.insert(d.end(), syntax.begin(), syntax.end());
    }
    all.insert(all.end(), d.begin(), d.end());
  }
  diag::sort(all);
  if (status == Status::ok && diag::has_errors(all)) status = Status::invalid;
  return all;
}

} // namespace pm::app
