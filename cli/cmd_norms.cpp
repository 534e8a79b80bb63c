// pm norms list | show NAME | check FILE...: the norm sets, as data.

#include <cli/app.hpp>
#include <cli/reporters.hpp>
#include <cli/table.hpp>

#include <pm/data/toml.hpp>
#include <pm/staff/inputs.hpp>
#include <pm/staff/labor.hpp>
#include <pm/staff/norms.hpp>
#include <pm/util/text.hpp>

#include <iostream>

namespace pm::cli {

namespace {

struct Options {
  std::string name;
  std::vector<std::string> files;
};

int list(const Global &g) {
  bool zh = g.zh();
  Table t({zh ? "名称" : "Name", zh ? "种类" : "Kind", zh ? "规则" : "Rules", zh ? "说明" : "Title"},
          {false, false, true, false});
  for (const auto &name : data::embedded_names("norms")) {
    diag::Diagnostics d;
    auto ns = staff::load_norms(name, catalog::builtin(), d);
    if (!ns) continue;
    t.row({name + (name == staff::default_norms ? " *" : ""), zh ? "规范集" : "norms", std::to_string(ns->rules.size()),
           ns->title.get(zh)});
  }
  for (const auto &name : data::embedded_names("labor")) {
    diag::Diagnostics d;
    auto l = staff::load_labor(name, d);
    if (!l) continue;
    t.row({name, zh ? "工时规定" : "labor", "", l->title.get(zh)});
  }
  std::cout << t.str() << (zh ? "* 默认规范集\n" : "* the default norm set\n");
  return Exit::ok;
}

int show(const Options &o, const Global &g) {
  // A name of either kind: norm sets first, then labour profiles.
  for (const char *kind : {"norms", "labor"}) {
    diag::Diagnostics tmp;
    if (auto src = data::load_source(kind, o.name, tmp)) {
      std::cout << src->text;
      return Exit::ok;
    }
    // A file that can't be read says why; a name is looked up in both kinds below.
    if (tmp.empty() || tmp.front().code != "unknown-name") {
      render_text(std::cerr, tmp, g.zh());
      return Exit::usage;
    }
  }
  std::vector<std::string> names = data::embedded_names("norms");
  for (const auto &n : data::embedded_names("labor")) names.push_back(n);
  std::string en = "no built-in norm set or labour profile named '" + o.name + "'";
  std::string zh = "没有名为 '" + o.name + "' 的内置规范集或工时规定";
  if (auto best = util::did_you_mean(o.name, names)) {
    en += "; did you mean '" + *best + "'?";
    zh += "；您是否想写 '" + *best + "'？";
  } else {
    std::string all;
    for (const auto &n : names) all += (all.empty() ? "" : ", ") + n;
    en += "; available: " + all;
    zh += "；可用：" + all;
  }
  render_text(std::cerr, {{o.name, 0, 0, diag::Severity::error, "unknown-name", en, zh, ""}}, g.zh());
  return Exit::usage;
}

int check(const Options &o, const Global &g) {
  diag::Diagnostics all;
  bool io = false;
  for (const auto &f : o.files) {
    diag::Diagnostics d;
    // A file with the tables of a labour profile ([hours], [leave]...) and no [[rule]] is a
    // labour profile; anything else is read as a norm set. A syntax error is reported once.
    auto src = data::load_source("norms", f, d);
    if (!src) {
      io = true;
    } else if (diag::Diagnostics syntax; auto tbl = data::parse_toml(src->text, src->file, syntax)) {
      bool labour =
          !tbl->get("rule") && (tbl->get("hours") || tbl->get("leave") || tbl->get("rostering") || tbl->get("pay"));
      if (labour)
        staff::load_labor(f, d);
      else
        staff::load_norms(f, catalog::builtin(), d);
    } else {
      d.insert(d.end(), syntax.begin(), syntax.end());
    }
    all.insert(all.end(), d.begin(), d.end());
  }
  diag::sort(all);
  render_text(std::cerr, all, g.zh());
  if (io) return Exit::usage;
  return diag::has_errors(all) ? Exit::invalid : Exit::ok;
}

} // namespace

Action setup_norms(CLI::App &app, Global &g) {
  auto o = std::make_shared<Options>();
  app.require_subcommand(1);
  auto *l = app.add_subcommand("list", "List the built-in norm sets and labour profiles");
  auto *s = app.add_subcommand("show", "Print a built-in norm set or labour profile (TOML, with its sources)");
  s->add_option("name", o->name, "Name, e.g. cn-standard")->required();
  auto *c = app.add_subcommand("check", "Check norm-set or labour-profile files; errors at FILE:LINE:COL");
  c->add_option("files", o->files, "TOML files")->required();
  return [o, &g, l, s, c]() -> int {
    if (l->parsed()) return list(g);
    if (s->parsed()) return show(*o, g);
    if (c->parsed()) return check(*o, g);
    return Exit::usage;
  };
}

} // namespace pm::cli
