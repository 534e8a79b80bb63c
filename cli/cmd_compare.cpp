// pm compare ESTATE [ESTATE...] [--variant SPEC]...: options for one estate side by side.

#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/app/compare.hpp>
#include <pm/doc/render.hpp>
#include <pm/report/commands.hpp>

#include <nlohmann/json.hpp>

namespace pm::cli {

namespace {

struct Options {
  std::vector<std::string> estates;
  std::vector<std::string> variants;
  app::Choices choices;
  std::string format = "table";
  std::string output;
};

const std::vector<std::string> compare_formats = {"table", "md", "csv", "html", "json", "xlsx", "docx", "pdf"};

int run_compare(const Options &o, bool format_given, const Global &g) {
  if (!stdin_at_most_once(o.estates, g)) return Exit::usage;
  if (o.estates.size() > 1 && !o.variants.empty()) {
    error(g, i18n::msg::cli_compare_variant_one_estate, o.estates.size());
    return Exit::usage;
  }
  if (o.estates.size() < 2 && o.variants.empty()) {
    error(g, i18n::msg::cli_compare_needs_two);
    return Exit::usage;
  }
  app::CompareRequest req{o.choices, o.estates, {}};
  for (const auto &text : o.variants) {
    auto v = app::parse_variant(text);
    if (!v) {
      error(g, v.error());
      return Exit::usage;
    }
    for (const auto &earlier : req.variants)
      if (!v->label.empty() && earlier.label == v->label) {
        error(g, i18n::msg::compare_label_twice, v->label);
        return Exit::usage;
      }
    req.variants.push_back(std::move(*v));
  }
  std::string format = o.format;
  if (!format_given && !o.output.empty() && o.output != "-") {
    format = format_of_path(o.output, compare_formats);
    if (format.empty()) format = "table";
  }
  bool to_stdout = o.output.empty() || o.output == "-";
  // Checked before any work: a binary file's bytes would garble a terminal; PDF needs Chromium.
  if (!binary_output_ok(format, to_stdout, g)) return Exit::usage;

  app::Compared done = app::compare(req);
  diag::sort(done.diagnostics);
  report(done.diagnostics, g);
  if (!done.comparison) return exit_of(done.status);
  const app::Comparison &cmp = *done.comparison;
  i18n::Lang lang = output_lang(g, cmp.variants.front().plan.estate);
  if (format == "xlsx" || format == "docx" || format == "pdf")
    return emit_binary(o.output, report::compare_document(cmp, lang), format, "", cmp.files, g);
  std::string text = format == "json" ? report::compare_json(cmp, lang).dump(2) + "\n"
                                      : draw(report::compare_document(cmp, lang), format);
  return emit(o.output, csv_for(g, format, std::move(text)), cmp.files, g);
}

} // namespace

Action setup_compare(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.add_option("estates", o->estates, i18n::tr(g.help, i18n::msg::help_compare_estates))->required();
  app.add_option("--variant", o->variants, i18n::tr(g.help, i18n::msg::help_compare_variant))->allow_extra_args(false);
  app.add_option("-n,--norms", o->choices.norms, i18n::tr(g.help, i18n::msg::help_compare_norms))
      ->default_str(app::default_norms);
  app.add_option("-l,--labor", o->choices.labor, i18n::tr(g.help, i18n::msg::help_compare_labor));
  app.add_option("-r,--rates", o->choices.rates, i18n::tr(g.help, i18n::msg::help_compare_rates));
  auto *fmt = app.add_option("-f,--format", o->format, i18n::tr(g.help, i18n::msg::help_compare_format))
                  ->check(CLI::IsMember(compare_formats));
  app.add_option("-o,--output", o->output, i18n::tr(g.help, i18n::msg::help_output));
  return [o, fmt, &g] { return run_compare(*o, fmt->count() > 0, g); };
}

} // namespace pm::cli
