#include <cli/app.hpp>
#include <cli/common.hpp>

#include <pm/util/cleanup.hpp>
#include <pm/util/text.hpp>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <map>
#include <streambuf>
#include <string_view>
#include <unistd.h>

namespace pm::cli {

i18n::Lang Global::messages() const {
  if (!lang.empty()) return i18n::of_locale(lang);
  if (!locales.empty()) {
    i18n::Lang first = i18n::of_locale(locales.front());
    bool agree = true;
    for (const auto &l : locales) agree = agree && i18n::of_locale(l) == first;
    if (agree) return first;
  }
  for (const char *var : {"PM_LANG", "LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char *v = std::getenv(var);
    if (v && *v) return i18n::of_locale(v);
  }
  return i18n::Lang::en;
}

CLI::Validator whole_number(const Global &g, std::uint64_t min, std::uint64_t max, std::string shown) {
  i18n::Lang lang = g.help;
  return CLI::Validator(
      [lang, min, max](std::string &s) -> std::string {
        auto refuse = [&] {
          return i18n::tr(lang, i18n::msg::cli_whole_number, std::to_string(min), std::to_string(max),
                          util::abbreviate(s, 40));
        };
        if (s.empty() || s.size() > 20 || s.find_first_not_of("0123456789") != std::string::npos) return refuse();
        errno = 0;
        unsigned long long v = std::strtoull(s.c_str(), nullptr, 10);
        if (errno == ERANGE || v < min || v > max) return refuse();
        return "";
      },
      std::move(shown));
}

namespace {
struct Command {
  const char *name;
  const i18n::Message &description;
  Setup setup;
};
// The subcommand table: `pm help` lists these in this order.
const Command commands[] = {
    {"validate", i18n::msg::help_cmd_validate, setup_validate},
    {"staff", i18n::msg::help_cmd_staff, setup_staff},
    {"norms", i18n::msg::help_cmd_norms, setup_norms},
    {"rates", i18n::msg::help_cmd_rates, setup_rates},
    {"init", i18n::msg::help_cmd_init, setup_init},
    {"import", i18n::msg::help_cmd_import, setup_import},
    {"portfolio", i18n::msg::help_cmd_portfolio, setup_portfolio},
    {"diff", i18n::msg::help_cmd_diff, setup_diff},
    {"budget", i18n::msg::help_cmd_budget, setup_budget},
    {"roster", i18n::msg::help_cmd_roster, setup_roster},
    {"report", i18n::msg::help_cmd_report, setup_report},
    {"compare", i18n::msg::help_cmd_compare, setup_compare},
};

// The language of --help: --lang X or --lang=X in argv (up to "--"), else the environment's, as
// Global::messages() chooses. Read before CLI11 parses, since the descriptions are given when
// the options are added.
i18n::Lang help_lang(int argc, char **argv) {
  Global g;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "--lang" && i + 1 < argc)
      g.lang = argv[++i];
    else if (a.starts_with("--lang="))
      g.lang = a.substr(std::string_view("--lang=").size());
  }
  return g.messages();
}

// The long option names of an app and of the apps above it (options fall through).
std::vector<std::string> long_names(const CLI::App *a) {
  std::vector<std::string> out;
  for (; a; a = a->get_parent())
    for (const CLI::Option *o : a->get_options())
      for (const auto &n : o->get_lnames()) out.push_back("--" + n);
  return out;
}

const CLI::Option *find_long(const CLI::App *a, std::string_view name) {
  for (; a; a = a->get_parent())
    for (const CLI::Option *o : a->get_options())
      for (const auto &n : o->get_lnames())
        if (name == "--" + n) return o;
  return nullptr;
}

// Reads argv as CLI11 will, before it does, for the mistakes CLI11 would let by or answer
// poorly: a misspelt command or subcommand (which CLI11 takes for a stray argument, or with
// --help for a request of the main help) and a misspelt long option; each is a usage error
// with the nearest name. Whatever this walk can't tell is left to CLI11.
bool unknown_words(const CLI::App &app, int argc, char **argv, const Global &g) {
  const CLI::App *at = &app;
  bool positional_seen = false;
  for (int i = 1; i < argc; ++i) {
    std::string_view a = argv[i];
    if (a == "--") return true;
    if (a.starts_with("--")) {
      std::string_view name = a.substr(0, a.find('='));
      const CLI::Option *o = find_long(at, name);
      if (!o) {
        i18n::Text t = i18n::both(i18n::msg::cli_unknown_option, std::string(name));
        if (auto m = util::did_you_mean(name, long_names(at))) t += i18n::both(i18n::msg::did_you_mean, *m);
        error(g, t);
        return false;
      }
      if (a.find('=') == std::string_view::npos && o->get_expected_min() > 0 && o->get_type_size() > 0) ++i;
      continue;
    }
    if (a.size() > 1 && a[0] == '-') {
      // A short option: its value, when it takes one, is the next word unless attached.
      std::string name(a.substr(1, 1));
      for (const CLI::App *p = at; p; p = p->get_parent())
        for (const CLI::Option *o : p->get_options())
          for (const auto &n : o->get_snames())
            if (n == name && a.size() == 2 && o->get_expected_min() > 0 && o->get_type_size() > 0) ++i;
      continue;
    }
    std::vector<std::string> subs;
    for (const CLI::App *s : at->get_subcommands([](const CLI::App *) { return true; })) subs.push_back(s->get_name());
    bool descended = false;
    if (!positional_seen)
      for (const CLI::App *s : at->get_subcommands([](const CLI::App *) { return true; }))
        if (s->get_name() == a) {
          at = s;
          descended = true;
          break;
        }
    if (descended) continue;
    bool takes_words = !at->get_options([](const CLI::Option *o) { return o->get_positional(); }).empty();
    if (!takes_words && !subs.empty()) {
      i18n::Text t = i18n::both(i18n::msg::cli_no_command, std::string(a));
      if (auto m = util::did_you_mean(a, subs)) t += i18n::both(i18n::msg::did_you_mean, *m);
      error(g, t);
      return false;
    }
    positional_seen = true;
  }
  return true;
}
} // namespace

namespace {
// Standard output through write(2), remembering the first error: a full disk or a closed
// pipe is then said once, at the end, whichever command wrote (std::cout's own state loses
// the reason).
class StdoutBuf : public std::streambuf {
public:
  int error() const { return m_err; }

protected:
  int_type overflow(int_type c) override {
    if (!drain()) return traits_type::eof();
    if (!traits_type::eq_int_type(c, traits_type::eof())) {
      *pptr() = traits_type::to_char_type(c);
      pbump(1);
    }
    return traits_type::not_eof(c);
  }
  int sync() override { return drain() ? 0 : -1; }

private:
  bool drain() {
    if (!pbase()) setp(m_buf, m_buf + sizeof m_buf);
    const char *p = pbase();
    while (!m_err && p < pptr()) {
      ssize_t n = ::write(STDOUT_FILENO, p, static_cast<std::size_t>(pptr() - p));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0)
        m_err = n < 0 ? errno : EIO;
      else
        p += n;
    }
    setp(m_buf, m_buf + sizeof m_buf);
    return !m_err;
  }
  char m_buf[1 << 16];
  int m_err = 0;
};

// Standard error without control characters: diagnostics and messages quote names from the
// data (an estate's, a file's), and an escape sequence in one would otherwise retitle or clear
// the terminal. C0 controls other than line feed and tab, DEL and C1 controls (U+0080 to
// U+009F in UTF-8) are dropped; pm's own messages hold none. Unbuffered, as stderr is.
class StderrBuf : public std::streambuf {
protected:
  int_type overflow(int_type c) override {
    if (traits_type::eq_int_type(c, traits_type::eof())) return traits_type::not_eof(c);
    char ch = traits_type::to_char_type(c);
    return xsputn(&ch, 1) == 1 ? c : traits_type::eof();
  }
  std::streamsize xsputn(const char *s, std::streamsize n) override {
    std::string out;
    out.reserve(static_cast<std::size_t>(n));
    for (std::streamsize i = 0; i < n; ++i) {
      auto u = static_cast<unsigned char>(s[i]);
      if (m_c2) {
        m_c2 = false;
        if (u >= 0x80 && u <= 0x9f) continue; // a C1 control: dropped with its lead byte
        out += '\xc2';
      }
      if (u == 0xc2) {
        m_c2 = true;
        continue;
      }
      if ((u < 0x20 && u != '\n' && u != '\t') || u == 0x7f) continue;
      out += s[i];
    }
    std::size_t off = 0;
    while (off < out.size()) {
      ssize_t w = ::write(STDERR_FILENO, out.data() + off, out.size() - off);
      if (w < 0 && errno == EINTR) continue;
      if (w <= 0) break; // nowhere left to say it
      off += static_cast<std::size_t>(w);
    }
    return n;
  }

private:
  bool m_c2 = false; // a 0xc2 byte held back: the lead byte of a C1 control, or of text
};

// Whatever is left goes out; a failure to write standard output, at any point of the run,
// is said and ends the run with exit 2, whatever the command would have returned.
int finish_stdout(int rc, const Global &g, StdoutBuf &buf, std::streambuf *original) {
  std::cout.flush();
  std::cout.rdbuf(original);
  int err = buf.error();
  if (!err && std::fflush(stdout) != 0) err = errno;
  if (!err && std::ferror(stdout)) err = EIO;
  // A file system may report a failed write only when the file is closed (NFS).
  if (!err && ::close(STDOUT_FILENO) != 0 && errno != EBADF && errno != EINTR) err = errno;
  if (!err) return rc;
  error(g, i18n::msg::cli_stdout_failed, std::string(std::strerror(err)));
  return Exit::usage;
}

int run_command(int argc, char **argv, Global &g);
} // namespace

int run(int argc, char **argv) {
  util::install_cleanup_handlers();
  static StdoutBuf buf;
  static StderrBuf err;
  std::streambuf *original = std::cout.rdbuf(&buf);
  std::streambuf *original_err = std::cerr.rdbuf(&err);
  Global g;
  int rc = run_command(argc, argv, g);
  rc = finish_stdout(rc, g, buf, original);
  std::cerr.rdbuf(original_err);
  return rc;
}

namespace {
int run_command(int argc, char **argv, Global &g) {
  g.help = help_lang(argc, argv);
  const i18n::Lang h = g.help;
  CLI::App app{i18n::tr(h, i18n::msg::help_app), "pm"};
  // Before the subcommands are added: they copy the help flag, description included.
  app.set_help_flag("-h,--help", i18n::tr(h, i18n::msg::help_help_flag));
  app.set_version_flag("-V,--version", std::string("pm ") + PM_VERSION, i18n::tr(h, i18n::msg::help_version_flag));
  app.require_subcommand(1);
  app.fallthrough();
  app.add_option("--lang", g.lang, i18n::tr(h, i18n::msg::help_lang))->check(CLI::IsMember({"zh", "en"}));
  app.add_flag("--bom", g.bom, i18n::tr(h, i18n::msg::help_bom));
  app.footer(i18n::tr(h, i18n::msg::help_footer));

  std::map<CLI::App *, Action> actions;
  for (const auto &c : commands) {
    CLI::App *sub = app.add_subcommand(c.name, i18n::tr(h, c.description));
    actions[sub] = c.setup(*sub, g);
  }
  CLI::App *help = app.add_subcommand("help", i18n::tr(h, i18n::msg::help_cmd_help));
  std::string help_topic;
  help->add_option("command", help_topic, i18n::tr(h, i18n::msg::help_help_command));

  if (!unknown_words(app, argc, argv, g)) return Exit::usage;
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    std::cerr << i18n::tr(g.messages(), i18n::msg::cli_usage_error, e.what()) << "\n";
    return Exit::usage;
  }

  if (help->parsed()) {
    if (help_topic.empty()) {
      // CLI11 prints the help of the parsed subcommand ("help" itself) unless reset.
      app.clear();
      std::cout << app.help();
      return Exit::ok;
    }
    for (auto *sub : app.get_subcommands({}))
      if (sub->get_name() == help_topic) {
        std::cout << sub->help();
        return Exit::ok;
      }
    i18n::Text t = i18n::both(i18n::msg::cli_no_command, help_topic);
    std::vector<std::string> names;
    for (auto *sub : app.get_subcommands({})) names.push_back(sub->get_name());
    if (auto m = util::did_you_mean(help_topic, names)) t += i18n::both(i18n::msg::did_you_mean, *m);
    error(g, t);
    return Exit::usage;
  }
  try {
    for (auto &[sub, action] : actions)
      if (sub->parsed()) return action();
  } catch (const std::exception &e) {
    // Only defects reach here: expected failures are returned as values.
    error(g, i18n::msg::cli_internal_error, e.what());
    return Exit::usage;
  }
  return Exit::usage;
}
} // namespace

} // namespace pm::cli
