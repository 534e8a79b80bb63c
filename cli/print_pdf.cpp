// pm report -f pdf: the HTML report printed to PDF by headless Chromium. The library draws the
// HTML (with its print stylesheet: cover, contents, running header, page numbers); the command
// line runs the browser, in a throwaway profile, and writes its PDF like any other output.

#include <cli/print_pdf.hpp>

#include <pm/util/cleanup.hpp>
#include <pm/util/date.hpp>
#include <pm/util/file.hpp>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

namespace pm::cli {

namespace {

namespace fs = std::filesystem;

bool executable(const std::string &path) { return ::access(path.c_str(), X_OK) == 0 && !fs::is_directory(path); }

// The last lines of Chromium's error output, for the message when it fails.
std::string tail_of(const std::string &path) {
  auto text = util::read_file(path, 64u << 20, false);
  if (!text) return "";
  std::string s = *text;
  while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.pop_back();
  std::size_t from = s.size() > 400 ? s.size() - 400 : 0;
  if (std::size_t nl = s.find('\n', from); from > 0 && nl != std::string::npos) from = nl + 1;
  return s.substr(from);
}

// Chromium writes the time of printing as the PDF's CreationDate and ModDate; they become the
// document's date (or 1980-01-01), digit for digit, so the byte offsets of the file stay true.
void normalise_dates(std::string &pdf, const std::string &date) {
  std::string digits = "19800101000000";
  if (util::parse_date(date)) digits = date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) + "000000";
  for (const char *key : {"/CreationDate (D:", "/ModDate (D:"}) {
    std::size_t at = 0;
    while ((at = pdf.find(key, at)) != std::string::npos) {
      at += std::strlen(key);
      std::size_t end = pdf.find(')', at);
      if (end == std::string::npos || end - at < digits.size()) break;
      pdf.replace(at, digits.size(), digits);
      std::string zone = pdf.substr(at + digits.size(), end - at - digits.size());
      if (zone.size() == 7 && (zone[0] == '+' || zone[0] == '-')) pdf.replace(at + digits.size(), 7, "+00'00'");
      at = end;
    }
  }
}

} // namespace

std::string find_chromium() {
  if (const char *env = std::getenv("PM_CHROMIUM"); env && *env) return executable(env) ? env : "";
  const char *path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  std::size_t from = 0;
  for (;;) {
    std::size_t colon = dirs.find(':', from);
    std::string dir = dirs.substr(from, colon == std::string::npos ? std::string::npos : colon - from);
    if (!dir.empty() && executable(dir + "/chromium")) return dir + "/chromium";
    if (colon == std::string::npos) return "";
    from = colon + 1;
  }
}

bool print_pdf(const std::string &chromium, const std::string &html, const std::string &date, std::string &pdf_out,
               std::string &why) {
  const char *tmpdir = std::getenv("TMPDIR");
  std::string name = (tmpdir && *tmpdir ? std::string(tmpdir) : std::string("/tmp")) + "/pm-pdf-XXXXXX";
  // Removed on return, or by the signal handlers (util/cleanup) if pm is stopped meanwhile.
  if (!util::make_temp_dir(name)) return why = std::strerror(errno), false;
  fs::path dir(name);
  struct Cleanup {
    fs::path dir;
    ~Cleanup() {
      std::error_code ec;
      fs::remove_all(dir, ec);
      util::untrack_temp_dir(dir.string());
    }
  } cleanup{dir};
  fs::path page = dir / "report.html", pdf = dir / "report.pdf", log = dir / "chromium.log";
  auto w = util::write_file_atomic(page.string(), html);
  if (!w) return why = page.string(), false;

  std::vector<std::string> args = {chromium,
                                   "--headless",
                                   "--disable-gpu",
                                   "--no-first-run",
                                   "--no-default-browser-check",
                                   "--disable-background-networking",
                                   "--disable-component-update",
                                   "--disable-sync",
                                   "--disable-extensions",
                                   "--user-data-dir=" + (dir / "profile").string(),
                                   "--no-pdf-header-footer",
                                   "--print-to-pdf=" + pdf.string(),
                                   "file://" + page.string()};
  // Chromium refuses to run as root with its sandbox; the page is our own file, without scripts.
  if (::geteuid() == 0) args.insert(args.begin() + 1, "--no-sandbox");
  std::vector<char *> argv;
  for (auto &a : args) argv.push_back(a.data());
  argv.push_back(nullptr);

  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  pid_t pid = 0;
  int rc = ::posix_spawn(&pid, chromium.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (rc != 0) return why = std::strerror(rc), false;
  util::track_child(pid); // killed before its directory is removed, if a signal ends pm
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0)
    if (errno != EINTR) return util::track_child(0), why = std::strerror(errno), false;
  util::track_child(0);
  auto bytes = util::read_file(pdf.string(), 64u << 20, false);
  bool exited_ok = WIFEXITED(status) && WEXITSTATUS(status) == 0;
  if (!exited_ok || !bytes || bytes->compare(0, 5, "%PDF-") != 0) {
    why = tail_of(log.string());
    if (why.empty()) why = WIFEXITED(status) ? "exit " + std::to_string(WEXITSTATUS(status)) : "signal";
    return false;
  }
  pdf_out = std::move(*bytes);
  normalise_dates(pdf_out, date);
  return true;
}

} // namespace pm::cli
