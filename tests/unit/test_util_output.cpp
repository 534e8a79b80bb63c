// Output safety: inputs are never written over whatever their name (stdin included), links on
// -o are followed as the shell's > follows them, temporary files go when a signal ends pm,
// control characters never reach a file, CSV text cells are neutralised against formulas.

#include <doctest/doctest.h>

#include <pm/doc/render.hpp>
#include <pm/roster/csv.hpp>
#include <pm/util/cleanup.hpp>
#include <pm/util/controls.hpp>
#include <pm/util/file.hpp>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <string>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace {

namespace w18fs = std::filesystem;

// A fresh scratch directory, removed at the end of the test.
struct W18Scratch {
  std::string dir;
  W18Scratch() {
    char tmpl[] = "/tmp/pm-output-test-XXXXXX";
    dir = ::mkdtemp(tmpl);
  }
  ~W18Scratch() {
    std::error_code ec;
    w18fs::remove_all(dir, ec);
  }
  std::string operator/(const std::string &name) const { return dir + "/" + name; }
  std::vector<std::string> entries() const {
    std::vector<std::string> out;
    for (const auto &e : w18fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
    return out;
  }
};

std::string w18_read(const std::string &path) {
  auto r = pm::util::read_file(path, 1u << 20, false); // not noted as an input
  return r ? *r : std::string("<unreadable>");
}

} // namespace

TEST_CASE("write_file_atomic refuses any file read so far, whatever name it is given") {
  W18Scratch s;
  pm::util::forget_inputs();
  REQUIRE(pm::util::write_file_atomic(s / "e.yaml", "estate\n"));
  REQUIRE(::link((s / "e.yaml").c_str(), (s / "hard.yaml").c_str()) == 0);
  REQUIRE(::symlink("e.yaml", (s / "soft.yaml").c_str()) == 0);
  // Not read yet: not an input.
  CHECK_FALSE(pm::util::is_input(s / "hard.yaml"));
  REQUIRE(pm::util::read_file(s / "e.yaml"));
  CHECK(pm::util::is_input(s / "e.yaml"));
  for (const char *name : {"e.yaml", "hard.yaml", "soft.yaml"}) {
    auto w = pm::util::write_file_atomic(s / name, "overwritten\n");
    REQUIRE_FALSE(w);
    CHECK(w.error().kind == pm::util::Error::Kind::input_file);
    auto many = pm::util::write_files_atomic({{s / "other.yaml", "x"}, {s / name, "y"}});
    CHECK_FALSE(many);
  }
  CHECK(w18_read(s / "e.yaml") == "estate\n");
  CHECK_FALSE(w18fs::exists(s / "other.yaml")); // all or none
  pm::util::forget_inputs();
  CHECK(pm::util::write_file_atomic(s / "soft.yaml", "now allowed\n"));
  CHECK(w18fs::is_symlink(s / "soft.yaml"));
}

TEST_CASE("what arrives on stdin is an input: pm staff - -o e.yaml < e.yaml writes nothing") {
  W18Scratch s;
  pm::util::forget_inputs();
  REQUIRE(pm::util::write_file_atomic(s / "e.yaml", "estate\n"));
  int saved = ::dup(0);
  int fd = ::open((s / "e.yaml").c_str(), O_RDONLY);
  REQUIRE(fd >= 0);
  ::dup2(fd, 0);
  ::close(fd);
  auto text = pm::util::read_file("-");
  ::dup2(saved, 0);
  ::close(saved);
  REQUIRE(text);
  CHECK(*text == "estate\n");
  auto w = pm::util::write_file_atomic(s / "e.yaml", "");
  REQUIRE_FALSE(w);
  CHECK(w.error().kind == pm::util::Error::Kind::input_file);
  CHECK(w18_read(s / "e.yaml") == "estate\n");
  pm::util::forget_inputs();
}

TEST_CASE("-o through a dangling link creates its target; a link loop is an error naming the path") {
  W18Scratch s;
  pm::util::forget_inputs();
  REQUIRE(::symlink("target.csv", (s / "link.csv").c_str()) == 0);
  REQUIRE(pm::util::write_file_atomic(s / "link.csv", "a,b\r\n"));
  CHECK(w18fs::is_symlink(s / "link.csv"));
  CHECK(w18_read(s / "target.csv") == "a,b\r\n");
  // A chain of links, one relative to its own directory.
  w18fs::create_directory(s / "sub");
  REQUIRE(::symlink("../link.csv", (s / "sub/chain.csv").c_str()) == 0);
  REQUIRE(pm::util::write_files_atomic({{s / "sub/chain.csv", "c\r\n"}}));
  CHECK(w18fs::is_symlink(s / "sub/chain.csv"));
  CHECK(w18_read(s / "target.csv") == "c\r\n");

  REQUIRE(::symlink("loop-b", (s / "loop-a").c_str()) == 0);
  REQUIRE(::symlink("loop-a", (s / "loop-b").c_str()) == 0);
  for (auto w : {pm::util::write_file_atomic(s / "loop-a", "x"), pm::util::write_files_atomic({{s / "loop-a", "x"}}),
                 pm::util::write_file_new(s / "loop-a", "x")}) {
    REQUIRE_FALSE(w);
    CHECK(w.error().path == s / "loop-a");
  }
  auto t = pm::util::output_target(s / "loop-a");
  REQUIRE_FALSE(t);
  CHECK(t.error().err == ELOOP);
  CHECK(w18fs::is_symlink(s / "loop-a"));
  // pm init never writes through a link, dangling or not.
  REQUIRE(::symlink("new-target.yaml", (s / "init.yaml").c_str()) == 0);
  auto n = pm::util::write_file_new(s / "init.yaml", "x");
  REQUIRE_FALSE(n);
  CHECK(n.error().kind == pm::util::Error::Kind::exists);
  CHECK_FALSE(w18fs::exists(s / "new-target.yaml"));
  // No temporary file is left behind by any of this.
  for (const auto &e : s.entries()) CHECK(e.find(".tmp-") == std::string::npos);
}

TEST_CASE("a signal while writing removes the temporary file and ends pm by that signal") {
  W18Scratch s;
  // A child writes a large file through the real writer; the moment its temporary file appears
  // (inotify), it is sent SIGTERM. Writing 256 MB takes far longer than the notification, so
  // the signal arrives mid-write; should the child ever finish first, the run is repeated.
  std::string data(std::size_t(256) << 20, 'x');
  bool caught = false;
  for (int attempt = 0; attempt < 3 && !caught; ++attempt) {
    int in = ::inotify_init1(IN_CLOEXEC);
    REQUIRE(in >= 0);
    REQUIRE(::inotify_add_watch(in, s.dir.c_str(), IN_CREATE) >= 0);
    pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      pm::util::install_cleanup_handlers();
      auto w = pm::util::write_file_atomic(s / "big.out", data);
      ::_exit(w ? 0 : 3);
    }
    alignas(struct inotify_event) char buf[4096];
    bool sent = false;
    while (!sent) {
      ssize_t n = ::read(in, buf, sizeof buf);
      if (n <= 0) break;
      for (ssize_t off = 0; off < n;) {
        const auto *ev = reinterpret_cast<const struct inotify_event *>(buf + off);
        off += static_cast<ssize_t>(sizeof(struct inotify_event) + ev->len);
        if (ev->len && std::string(ev->name).find(".big.out.tmp-") == 0 && !sent) {
          ::kill(child, SIGTERM);
          sent = true;
        }
      }
    }
    ::close(in);
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    if (WIFSIGNALED(status)) {
      CHECK(WTERMSIG(status) == SIGTERM);
      caught = true;
      CHECK(s.entries().empty()); // neither the temporary file nor a half-written big.out
    } else {
      CHECK(WEXITSTATUS(status) == 0);
      std::error_code ec;
      w18fs::remove(s / "big.out", ec);
    }
  }
  CHECK(caught);
}

TEST_CASE("a signal removes a tracked temporary directory with all it holds") {
  W18Scratch s;
  pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    pm::util::install_cleanup_handlers();
    std::string dir = s / "pm-pdf-x";
    w18fs::create_directories(dir + "/profile/Default/Cache");
    pm::util::track_temp_dir(dir);
    for (int i = 0; i < 300; ++i) std::fclose(std::fopen((dir + "/profile/f" + std::to_string(i)).c_str(), "w"));
    std::fclose(std::fopen((dir + "/profile/Default/Cache/data").c_str(), "w"));
    ::raise(SIGINT);
    ::_exit(0);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  CHECK(WIFSIGNALED(status));
  CHECK(WTERMSIG(status) == SIGINT);
  CHECK(s.entries().empty());
}

TEST_CASE("control characters: dropped from documents, escaped in messages") {
  using pm::util::escape_controls;
  using pm::util::has_controls;
  using pm::util::printable;
  std::string evil = "A\x1b]0;pwned\a\x1b[2J\xc2\x9b"
                     "31mB\tC\nD\x7f\x01";
  CHECK(has_controls(evil));
  CHECK_FALSE(has_controls("物业\n管理"));
  CHECK(printable(evil) == "A]0;pwned[2J31mB C\nD");
  CHECK(printable(evil, true) == "A]0;pwned[2J31mB\tC\nD");
  CHECK(escape_controls(evil) == "A\\x1b]0;pwned\\x07\\x1b[2J\\u009b31mB\\tC\\nD\\x7f\\x01");
  // A C1 control is two bytes in UTF-8; other characters with the same lead byte stay.
  CHECK(printable("\xc2\xa9 \xc2\x85") == "\xc2\xa9 ");

  pm::doc::Document d;
  d.title = "Estate\x1b[2J";
  d.sections.push_back(pm::doc::Section{"s", "1", "Name\x1b]0;x\a", {pm::doc::Paragraph{"NUL\x00here"}}, {}});
  std::get<pm::doc::Paragraph>(d.sections[0].blocks[0]).text = std::string("NUL\0here", 8);
  pm::doc::Table t;
  t.id = "t";
  t.columns.resize(1);
  t.columns[0].id = "name";
  t.rows.push_back({pm::doc::RowKind::body, "", {pm::doc::Cell::of("=1+1\x1b")}});
  d.sections[0].blocks.push_back(t);
  for (const std::string &out : {pm::doc::to_text(d), pm::doc::to_markdown(d), pm::doc::to_html(d), pm::doc::to_csv(d)})
    for (char c : out) {
      auto u = static_cast<unsigned char>(c);
      CHECK_MESSAGE((u >= 0x20 || c == '\n' || c == '\r'), "control byte ", int(u));
    }
  CHECK_FALSE(pm::doc::to_docx(d).empty());
  CHECK(pm::doc::to_text(d).find("NULhere") != std::string::npos);
}

TEST_CASE("CSV: text cells that a spreadsheet would run as formulas get a ' before them; numbers do not") {
  using pm::doc::csv_field;
  using pm::doc::csv_unquote;
  CHECK(csv_field("=HYPERLINK(\"http://x\",\"y\")") == "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
  CHECK(csv_field("+1+cmd") == "'+1+cmd");
  CHECK(csv_field("-2+3") == "'-2+3");
  CHECK(csv_field("@SUM(A1)") == "'@SUM(A1)");
  CHECK(csv_field("\tx") == "'\tx");
  CHECK(csv_field("\r=x") == "'=x"); // the CR is dropped as a control; the = still neutralised
  CHECK(csv_field("-") == "'-");
  CHECK(csv_field("-5") == "-5");
  CHECK(csv_field("+2") == "+2");
  CHECK(csv_field("-1.5%") == "-1.5%");
  CHECK(csv_field("保安 A") == "保安 A");
  CHECK(pm::doc::csv_number("-5.00") == "-5.00");
  CHECK(csv_unquote("'=x") == "=x");
  CHECK(csv_unquote("'x") == "'x");

  pm::doc::Document d;
  pm::doc::Table t;
  t.id = "t";
  t.columns.resize(2);
  t.columns[0].id = "name";
  t.columns[1].id = "delta";
  t.columns[1].decimals = 0;
  t.rows.push_back({pm::doc::RowKind::body, "", {pm::doc::Cell::of("=2*3"), pm::doc::Cell::num(-5)}});
  d.sections.push_back(pm::doc::Section{"s", "", "", {t}, {}});
  CHECK(pm::doc::to_csv(d) == "name,delta\r\n'=2*3,-5\r\n");
}

TEST_CASE("read_roster_csv: a duplicated column is an error at the header; a neutralised id reads back") {
  pm::roster::Problem p;
  p.labor.name = "cn";
  pm::roster::PostDemand post;
  post.id = "gate";
  post.roles = {"gate_guard"};
  post.shifts = {{480, 960}};
  p.posts.push_back(post);
  pm::roster::Person x;
  x.id = "-guard";
  x.role = "gate_guard";
  p.people.push_back(x);
  pm::diag::Diagnostics d;
  auto a = pm::roster::read_roster_csv("staff_id,post_id,start,end,staff_id\n"
                                       "-guard,gate,2026-01-05T08:00,2026-01-05T16:00,other\n",
                                       "r.csv", p, d);
  CHECK(a.empty());
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "duplicate-column");
  CHECK(d[0].line == 1);
  CHECK(d[0].column == 5);
  CHECK(d[0].message.find("staff_id") != std::string::npos);
  d.clear();
  a = pm::roster::read_roster_csv("staff_id,post_id,start,end\n'-guard,gate,2026-01-05T08:00,2026-01-05T16:00\n",
                                  "r.csv", p, d);
  CHECK(d.empty());
  CHECK(a.size() == 1);
}
