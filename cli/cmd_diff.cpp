// pm diff OLD NEW: what a change to an estate file does to its staffing, for review.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <nlohmann/json.hpp>
#include <pm/app/diff.hpp>
#include <pm/report/commands.hpp>

namespace pm::cli {

namespace {

struct Options {
  std::string old_path, new_path;
  app::Choices choices;
  std::string format = "text";
};

std::optional<app::EstateInput> load(const app::Context &c, const std::string &path, const Global &g, int &rc) {
  auto loaded = app::load_estate(c, path);
  diag::sort(loaded.diagnostics);
  note_estate(g, loaded.input);
  report(loaded.diagnostics, g);
  if (!loaded.input) rc = exit_of(loaded.status);
  return std::move(loaded.input);
}

int run_diff(const Options &o, const Global &g) {
  if (!stdin_at_most_once({o.old_path, o.new_path}, g)) return Exit::usage;
  int rc = Exit::ok;
  auto c = load_context(o.choices, g, rc);
  if (!c) return rc;
  auto a = load(*c, o.old_path, g, rc);
  if (!a) return rc;
  auto b = load(*c, o.new_path, g, rc);
  if (!b) return rc;
  i18n::Lang lang = g.messages(); // both estates noted: theirs when they agree
  app::Diff d = app::diff(*c, std::move(*a), std::move(*b));
  // The rates the new version was costed at (its city's set, --rates, or the default).
  const budget::Budget *costed = d.after.budget ? &*d.after.budget : nullptr;
  std::string rates = costed ? costed->rates : c->rates->name;
  bool illustrative = costed ? costed->illustrative : c->rates->illustrative;
  std::string text = o.format == "json"
                         ? report::diff_json(d, o.old_path, o.new_path, rates, lang).dump(2) + "\n"
                         : draw(report::diff_document(d, illustrative, lang), o.format == "md" ? "md" : "table");
  return emit("", text, {}, g);
}

} // namespace

Action setup_diff(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  o->choices.rates_needed = o->choices.roster_needed = true;
  app.add_option("old", o->old_path, i18n::tr(g.help, i18n::msg::help_diff_old))->required();
  app.add_option("new", o->new_path, i18n::tr(g.help, i18n::msg::help_diff_new))->required();
  app.add_option("-n,--norms", o->choices.norms, i18n::tr(g.help, i18n::msg::help_diff_norms))
      ->default_str(app::default_norms);
  app.add_option("-l,--labor", o->choices.labor, i18n::tr(g.help, i18n::msg::help_labor_default));
  app.add_option("-r,--rates", o->choices.rates, i18n::tr(g.help, i18n::msg::help_diff_rates));
  app.add_option("-f,--format", o->format, i18n::tr(g.help, i18n::msg::help_diff_format))
      ->check(CLI::IsMember({"text", "md", "json"}));
  return [o, &g] { return run_diff(*o, g); };
}

} // namespace pm::cli
