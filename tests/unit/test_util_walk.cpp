// util::walk_yaml_files (nothing skipped silently) and util::Sink (output written as it is
// made, all or nothing).

#include <doctest/doctest.h>
#include <pm/util/sink.hpp>
#include <pm/util/walk.hpp>

#include <filesystem>
#include <fstream>
#include <sys/stat.h>
#include <unistd.h>

namespace {

namespace fs = std::filesystem;

struct WalkScratch {
  fs::path root;
  WalkScratch() {
    std::string t = (fs::temp_directory_path() / "pm-walk-XXXXXX").string();
    root = ::mkdtemp(t.data());
  }
  ~WalkScratch() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
  std::string file(const std::string &rel, const std::string &text = "x: 1\n") const {
    fs::create_directories((root / rel).parent_path());
    std::ofstream(root / rel) << text;
    return (root / rel).string();
  }
};

std::vector<pm::util::Error::Kind> kinds_of(const std::vector<pm::util::Error> &problems) {
  std::vector<pm::util::Error::Kind> out;
  for (const auto &e : problems) out.push_back(e.kind);
  return out;
}

} // namespace

TEST_CASE("walk: estate files in path order, hidden entries and other names left out") {
  WalkScratch s;
  s.file("b.yaml");
  s.file("a-x.yml");
  s.file("a/c.yaml");
  s.file("notes.txt");
  s.file(".git/x.yaml");
  s.file(".hidden.yaml");
  std::vector<pm::util::Error> problems;
  auto files = pm::util::walk_yaml_files(s.root.string(), problems);
  CHECK(problems.empty());
  std::string r = s.root.string() + "/";
  CHECK(files == std::vector<std::string>{r + "a-x.yml", r + "a/c.yaml", r + "b.yaml"});
}

TEST_CASE("walk: dangling links, loops and FIFOs are problems naming their paths, all of them") {
  WalkScratch s;
  s.file("ok.yaml");
  fs::create_symlink("nowhere.yaml", s.root / "dangling.yaml");
  fs::create_symlink("self", s.root / "self");
  fs::create_directories(s.root / "sub");
  fs::create_directory_symlink("..", s.root / "sub" / "up");
  REQUIRE(::mkfifo((s.root / "pipe.yaml").c_str(), 0600) == 0);
  REQUIRE(::mkfifo((s.root / "pipe").c_str(), 0600) == 0); // not an estate's name: passed over
  fs::create_directories(s.root / "other");
  s.file("other/o.yaml");
  fs::create_directory_symlink(s.root / "other", s.root / "linked"); // followed
  std::vector<pm::util::Error> problems;
  auto files = pm::util::walk_yaml_files(s.root.string(), problems);
  using K = pm::util::Error::Kind;
  std::string r = s.root.string() + "/";
  CHECK(kinds_of(problems) == std::vector<K>{K::dangling_link, K::not_regular_file, K::link_loop, K::link_loop});
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].path == r + "dangling.yaml");
  CHECK(problems[1].path == r + "pipe.yaml");
  CHECK(problems[2].path == r + "self");
  CHECK(problems[3].path == r + "sub/up");
  CHECK(files == std::vector<std::string>{r + "linked/o.yaml", r + "ok.yaml", r + "other/o.yaml"});
}

TEST_CASE("sink: the file appears whole on commit, never before; without commit nothing is left") {
  WalkScratch s;
  std::string out = (s.root / "out.txt").string();
  {
    auto sink = pm::util::Sink::open(out);
    REQUIRE(sink);
    sink->write("one ");
    sink->write(std::string(100000, 'x'));
    CHECK_FALSE(fs::exists(out));
    REQUIRE(sink->commit());
  }
  CHECK(fs::file_size(out) == 100004);
  {
    auto sink = pm::util::Sink::open(out);
    REQUIRE(sink);
    sink->write("half");
  } // dropped: the old file stays, the temporary file goes
  CHECK(fs::file_size(out) == 100004);
  std::size_t entries = 0;
  for ([[maybe_unused]] const auto &e : fs::directory_iterator(s.root)) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("sink: refuses an input, a directory and a missing directory") {
  WalkScratch s;
  std::string in = s.file("in.yaml");
  using K = pm::util::Error::Kind;
  auto a = pm::util::Sink::open(in, {in});
  REQUIRE_FALSE(a);
  CHECK(a.error().kind == K::input_file);
  auto b = pm::util::Sink::open(s.root.string());
  REQUIRE_FALSE(b);
  CHECK(b.error().kind == K::is_directory);
  auto c = pm::util::Sink::open((s.root / "no" / "x").string());
  REQUIRE_FALSE(c);
  CHECK(c.error().kind == K::no_directory);
}
