#include <pm/util/cleanup.hpp>
#include <pm/util/file.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
#include <mutex>
#include <set>
#include <sys/stat.h>
#include <unistd.h>

namespace pm::util {

namespace fs = std::filesystem;

namespace {
Error failure(Error::Kind kind, const std::string &path, int err = 0) {
  Error e;
  e.kind = kind;
  e.path = path;
  e.err = err;
  return e;
}
} // namespace

namespace {
// The identities of the files read so far (see read_file).
std::mutex g_inputs_mutex;
std::set<std::pair<dev_t, ino_t>> g_inputs;

void note_stat(const struct stat &st) {
  if (!S_ISREG(st.st_mode)) return;
  std::lock_guard<std::mutex> lock(g_inputs_mutex);
  g_inputs.insert({st.st_dev, st.st_ino});
}
} // namespace

void note_input(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) == 0) note_stat(st);
}

void forget_inputs() {
  std::lock_guard<std::mutex> lock(g_inputs_mutex);
  g_inputs.clear();
}

bool is_input(const std::string &path) {
  struct stat st {};
  if (path == "-" || ::stat(path.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) return false;
  std::lock_guard<std::mutex> lock(g_inputs_mutex);
  return g_inputs.count({st.st_dev, st.st_ino}) > 0;
}

Expected<std::string> read_file(const std::string &path, std::size_t max_bytes, bool note) {
  int fd = 0;
  std::string out;
  if (path != "-") {
    // O_NONBLOCK: opening a FIFO would otherwise wait for a writer. What was opened is then
    // checked (not the name, which could change in between): only a regular file is read.
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return failure(Error::Kind::cannot_read, path, errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      int err = errno;
      ::close(fd);
      return failure(Error::Kind::cannot_read, path, err);
    }
    if (!S_ISREG(st.st_mode)) {
      ::close(fd);
      if (S_ISDIR(st.st_mode)) return failure(Error::Kind::is_directory, path);
      return failure(Error::Kind::not_regular_file, path);
    }
    if (note) note_stat(st);
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    out.reserve(std::min<std::size_t>(static_cast<std::size_t>(st.st_size), max_bytes) + 1);
  } else {
    // `pm staff - -o e.yaml < e.yaml`: what arrives on stdin is an input like any other.
    if (note) note_input(0);
  }
  char buf[65536];
  for (;;) {
    // Never read more than one byte past the limit: standard input may be endless.
    std::size_t want = std::min(sizeof buf, max_bytes + 1 - out.size());
    ssize_t n = ::read(fd, buf, want);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      if (fd != 0) ::close(fd);
      return failure(Error::Kind::cannot_read, path == "-" ? "<stdin>" : path, err);
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > max_bytes) {
      if (fd != 0) ::close(fd);
      Error e = failure(Error::Kind::too_large, path == "-" ? "<stdin>" : path);
      e.limit = max_bytes;
      e.too_large = true;
      return e;
    }
  }
  if (fd != 0) ::close(fd);
  return out;
}

bool same_file(const std::string &a, const std::string &b) {
  if (a == "-" || b == "-") return false;
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

Expected<std::string> output_target(const std::string &path) {
  std::string p = path;
  for (int hops = 0;; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      // Nothing there yet: the file to create (a missing directory is reported when writing).
      if (errno == ENOENT) return p;
      return failure(Error::Kind::cannot_write, path, errno);
    }
    if (!S_ISLNK(st.st_mode)) return p;
    if (hops == 40) return failure(Error::Kind::cannot_write, path, ELOOP);
    std::vector<char> buf(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 255) + 1);
    ssize_t n = ::readlink(p.c_str(), buf.data(), buf.size());
    if (n < 0) return failure(Error::Kind::cannot_write, path, errno);
    if (static_cast<std::size_t>(n) >= buf.size()) return failure(Error::Kind::cannot_write, path, ENAMETOOLONG);
    fs::path link(std::string(buf.data(), static_cast<std::size_t>(n)));
    if (link.is_relative()) link = fs::path(p).parent_path() / link;
    p = link.string();
    if (p.empty()) p = ".";
  }
}

namespace {
// Writes all of `data` to `fd`; false with errno set on failure.
bool write_all(int fd, std::string_view data) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    off += static_cast<std::size_t>(n);
  }
  return true;
}

// Where `path` may be written: its target through links, which must be none of the inputs
// (named in `inputs`, or read so far) nor a directory. `st` and `exists` describe the target.
Expected<std::string> checked_target(const std::string &path, const std::vector<std::string> &inputs, struct stat &st,
                                     bool &exists) {
  for (const auto &in : inputs)
    if (in == path || same_file(in, path)) return failure(Error::Kind::input_file, path);
  auto target = output_target(path);
  if (!target) return target;
  if (is_input(*target)) return failure(Error::Kind::input_file, path);
  exists = ::stat(target->c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return failure(Error::Kind::is_directory, path);
  return target;
}

// A device or FIFO (/dev/null, /dev/stdout, a pipe) is written into: renaming a file over it
// would replace it.
Expected<bool> write_into(const std::string &target, std::string_view data, const std::string &path) {
  int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
  if (fd < 0) return failure(Error::Kind::cannot_write, path, errno);
  bool ok = write_all(fd, data);
  int err = errno;
  if (::close(fd) != 0 && ok) ok = false, err = errno;
  if (!ok) return failure(Error::Kind::cannot_write, path, err);
  return true;
}

// Writes `data` to a new temporary file beside `target` (".NAME.tmp-XXXXXX", tracked for the
// signal handlers until the caller renames or removes it), synced, with the mode of the file
// it replaces or else the one the umask gives a new file. Errors name `path`.
Expected<std::string> write_temp(const std::string &target, std::string_view data, const struct stat *replaced,
                                 const std::string &path) {
  fs::path t(target);
  fs::path dir = t.has_parent_path() ? t.parent_path() : fs::path(".");
  std::string name = (dir / ("." + t.filename().string() + ".tmp-XXXXXX")).string();
  int fd = make_temp(name); // tracked for the signal handlers until renamed or removed
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) {
      Error e = failure(Error::Kind::no_directory, path);
      e.detail = dir.string();
      return e;
    }
    return failure(Error::Kind::cannot_write, path, err);
  }
  auto fail = [&](int err, bool open) {
    if (open) ::close(fd);
    ::unlink(name.c_str());
    untrack_temp(name);
    return failure(Error::Kind::cannot_write, path, err);
  };
  if (!write_all(fd, data)) return fail(errno, true);
  mode_t mode = 0;
  if (replaced) {
    mode = replaced->st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0) return fail(errno, true);
  if (::fsync(fd) != 0) return fail(errno, true);
  if (::close(fd) != 0) return fail(errno, false);
  return name;
}
} // namespace

Expected<bool> write_file_atomic(const std::string &path, std::string_view data,
                                 const std::vector<std::string> &inputs) {
  struct stat st {};
  bool exists = false;
  auto target = checked_target(path, inputs, st, exists);
  if (!target) return target.error();
  if (exists && !S_ISREG(st.st_mode)) return write_into(*target, data, path);
  auto tmp = write_temp(*target, data, exists ? &st : nullptr, path);
  if (!tmp) return tmp.error();
  if (::rename(tmp->c_str(), target->c_str()) != 0) {
    int err = errno;
    ::unlink(tmp->c_str());
    untrack_temp(*tmp);
    return failure(Error::Kind::cannot_write, path, err);
  }
  untrack_temp(*tmp);
  return true;
}

Expected<bool> write_file_new(const std::string &path, std::string_view data) {
  // Write beside the target, then link(2): it fails if the name exists (a dangling link
  // included), so nothing is clobbered even when two writers race.
  auto tmp = write_temp(path, data, nullptr, path);
  if (!tmp) return tmp.error();
  int err = ::link(tmp->c_str(), path.c_str()) != 0 ? errno : 0;
  ::unlink(tmp->c_str());
  untrack_temp(*tmp);
  if (err == EEXIST) return failure(Error::Kind::exists, path);
  if (err) return failure(Error::Kind::cannot_write, path, err);
  return true;
}

Expected<bool> write_files_atomic(const std::vector<std::pair<std::string, std::string>> &files,
                                  const std::vector<std::string> &inputs) {
  struct Staged {
    std::string target, tmp; // tmp empty: a device or FIFO, written into at the end
  };
  std::vector<Staged> staged;
  auto unstage = [&](std::size_t from) {
    for (std::size_t j = from; j < staged.size(); ++j)
      if (!staged[j].tmp.empty()) ::unlink(staged[j].tmp.c_str()), untrack_temp(staged[j].tmp);
  };
  for (const auto &[path, data] : files) {
    struct stat st {};
    bool exists = false;
    auto target = checked_target(path, inputs, st, exists);
    if (!target) {
      unstage(0);
      return target.error();
    }
    if (exists && !S_ISREG(st.st_mode)) {
      staged.push_back({*target, ""});
      continue;
    }
    auto tmp = write_temp(*target, data, exists ? &st : nullptr, path);
    if (!tmp) {
      unstage(0);
      return tmp.error();
    }
    staged.push_back({*target, *tmp});
  }
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (staged[i].tmp.empty()) {
      auto w = write_into(staged[i].target, files[i].second, files[i].first);
      if (!w) {
        unstage(i + 1);
        return w;
      }
      continue;
    }
    if (::rename(staged[i].tmp.c_str(), staged[i].target.c_str()) != 0) {
      int err = errno;
      unstage(i);
      return failure(Error::Kind::cannot_write, files[i].first, err);
    }
    untrack_temp(staged[i].tmp);
  }
  return true;
}

} // namespace pm::util
