#include <pm/util/cleanup.hpp>
#include <pm/util/file.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <filesystem>
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

Expected<std::string> read_file(const std::string &path, std::size_t max_bytes) {
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
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    out.reserve(std::min<std::size_t>(static_cast<std::size_t>(st.st_size), max_bytes) + 1);
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
} // namespace

Expected<bool> write_file_atomic(const std::string &path, std::string_view data,
                                 const std::vector<std::string> &inputs) {
  for (const auto &in : inputs)
    if (in == path || same_file(in, path)) return failure(Error::Kind::input_file, path);
  fs::path target(path);
  std::error_code ec;
  // Through a symbolic link, write the file it names (as the shell's > does), not over the link.
  if (fs::is_symlink(target, ec)) {
    fs::path resolved = fs::weakly_canonical(target, ec);
    if (!ec) target = resolved;
  }
  struct stat st {};
  bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return failure(Error::Kind::is_directory, path);
  if (exists && !S_ISREG(st.st_mode)) {
    // A device, a FIFO (/dev/null, /dev/stdout, a pipe): write into it; renaming a file over
    // it would replace it.
    int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return failure(Error::Kind::cannot_write, path, errno);
    bool ok = write_all(fd, data);
    int err = errno;
    if (::close(fd) != 0 && ok) ok = false, err = errno;
    if (!ok) return failure(Error::Kind::cannot_write, path, err);
    return true;
  }
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT) {
      Error e = failure(Error::Kind::no_directory, path);
      e.detail = dir.string();
      return e;
    }
    return failure(Error::Kind::cannot_write, path, err);
  }
  track_temp(name.data());
  auto fail = [&](int err) {
    ::close(fd);
    ::unlink(name.data());
    untrack_temp(name.data());
    return failure(Error::Kind::cannot_write, path, err);
  };
  if (!write_all(fd, data)) return fail(errno);
  // mkstemp makes the file 0600: give it the mode of the file it replaces, or else the mode a
  // new file would get from the umask.
  mode_t mode = 0;
  if (exists) {
    mode = st.st_mode & 07777;
  } else {
    mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  }
  if (::fchmod(fd, mode) != 0) return fail(errno);
  if (::fsync(fd) != 0) return fail(errno);
  if (::close(fd) != 0) {
    int err = errno;
    ::unlink(name.data());
    untrack_temp(name.data());
    return failure(Error::Kind::cannot_write, path, err);
  }
  if (::rename(name.data(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(name.data());
    untrack_temp(name.data());
    return failure(Error::Kind::cannot_write, path, err);
  }
  untrack_temp(name.data());
  return true;
}

Expected<bool> write_file_new(const std::string &path, std::string_view data) {
  // Write beside the target, then link(2): it fails if the name exists, so nothing is clobbered
  // even when two writers race.
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmp = (dir / ("." + target.filename().string() + ".new-" + std::to_string(::getpid()))).string();
  auto w = write_file_atomic(tmp, data);
  if (!w) return w;
  if (::link(tmp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(tmp.c_str());
    if (err == EEXIST) return failure(Error::Kind::exists, path);
    return failure(Error::Kind::cannot_write, path, err);
  }
  ::unlink(tmp.c_str());
  return true;
}

Expected<bool> write_files_atomic(const std::vector<std::pair<std::string, std::string>> &files,
                                  const std::vector<std::string> &inputs) {
  for (const auto &[path, data] : files)
    for (const auto &in : inputs)
      if (in == path || same_file(in, path)) return failure(Error::Kind::input_file, path);
  std::vector<std::string> staged;
  auto unstage = [&] {
    for (const auto &t : staged) ::unlink(t.c_str()), untrack_temp(t);
  };
  for (const auto &[path, data] : files) {
    fs::path target(path);
    std::string tmp = ((target.has_parent_path() ? target.parent_path() : fs::path(".")) /
                       ("." + target.filename().string() + ".staged"))
                          .string();
    auto w = write_file_atomic(tmp, data);
    if (!w) {
      unstage();
      Error e = w.error();
      e.path = path;
      return e;
    }
    staged.push_back(tmp);
    track_temp(tmp);
  }
  for (std::size_t i = 0; i < files.size(); ++i)
    if (::rename(staged[i].c_str(), files[i].first.c_str()) != 0) {
      int err = errno;
      for (std::size_t j = i; j < staged.size(); ++j) ::unlink(staged[j].c_str()), untrack_temp(staged[j]);
      return failure(Error::Kind::cannot_write, files[i].first, err);
    } else {
      untrack_temp(staged[i]);
    }
  return true;
}

} // namespace pm::util
