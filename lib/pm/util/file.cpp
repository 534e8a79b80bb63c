#include <pm/util/file.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace pm::util {

namespace fs = std::filesystem;

namespace {
Error sys_error(const std::string &path, const char *what_en, const char *what_zh, int err) {
  return Error{std::string(what_en) + " " + path + ": " + std::strerror(err),
               std::string(what_zh) + " " + path + "：" + std::strerror(err)};
}
} // namespace

Expected<std::string> read_file(const std::string &path, std::size_t max_bytes) {
  int fd = 0;
  std::string out;
  if (path != "-") {
    // O_NONBLOCK: opening a FIFO would otherwise wait for a writer. What was opened is then
    // checked (not the name, which could change in between): only a regular file is read.
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
    if (fd < 0) return sys_error(path, "cannot read", "无法读取", errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      int err = errno;
      ::close(fd);
      return sys_error(path, "cannot read", "无法读取", err);
    }
    if (!S_ISREG(st.st_mode)) {
      ::close(fd);
      if (S_ISDIR(st.st_mode)) return Error{path + " is a directory", path + " 是目录"};
      return Error{path + " is not a regular file", path + " 不是普通文件"};
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
      return sys_error(path == "-" ? "<stdin>" : path, "cannot read", "无法读取", err);
    }
    if (n == 0) break;
    out.append(buf, static_cast<std::size_t>(n));
    if (out.size() > max_bytes) {
      if (fd != 0) ::close(fd);
      std::string name = path == "-" ? "<stdin>" : path;
      std::string mib = std::to_string(max_bytes >> 20);
      Error e{name + " is larger than " + mib + " MiB; an estate or data file is far smaller",
              name + " 大于 " + mib + " MiB；小区文件或数据文件不应这么大"};
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
    if (in == path || same_file(in, path))
      return Error{"refusing to write over the input file " + path, "拒绝覆盖输入文件 " + path};
  fs::path target(path);
  std::error_code ec;
  // Through a symbolic link, write the file it names (as the shell's > does), not over the link.
  if (fs::is_symlink(target, ec)) {
    fs::path resolved = fs::weakly_canonical(target, ec);
    if (!ec) target = resolved;
  }
  struct stat st {};
  bool exists = ::stat(target.c_str(), &st) == 0;
  if (exists && S_ISDIR(st.st_mode)) return Error{path + " is a directory", path + " 是目录"};
  if (exists && !S_ISREG(st.st_mode)) {
    // A device, a FIFO (/dev/null, /dev/stdout, a pipe): write into it; renaming a file over
    // it would replace it.
    int fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (fd < 0) return sys_error(path, "cannot write", "无法写入", errno);
    bool ok = write_all(fd, data);
    int err = errno;
    if (::close(fd) != 0 && ok) ok = false, err = errno;
    if (!ok) return sys_error(path, "cannot write", "无法写入", err);
    return true;
  }
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) {
    int err = errno;
    if (err == ENOENT)
      return Error{"cannot write " + path + ": the directory " + dir.string() + " does not exist",
                   "无法写入 " + path + "：目录 " + dir.string() + " 不存在"};
    return sys_error(path, "cannot write", "无法写入", err);
  }
  auto fail = [&](int err) {
    ::close(fd);
    ::unlink(name.data());
    return sys_error(path, "cannot write", "无法写入", err);
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
    return sys_error(path, "cannot write", "无法写入", err);
  }
  if (::rename(name.data(), target.c_str()) != 0) {
    int err = errno;
    ::unlink(name.data());
    return sys_error(path, "cannot write", "无法写入", err);
  }
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
    if (err == EEXIST) return Error{path + " already exists", path + " 已存在"};
    return sys_error(path, "cannot write", "无法写入", err);
  }
  ::unlink(tmp.c_str());
  return true;
}

Expected<std::vector<std::string>> find_yaml_files(const std::string &dir) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) return sys_error(dir, "cannot read directory", "无法读取目录", ec.value());
  for (; it != end; it.increment(ec)) {
    if (ec) return sys_error(dir, "cannot read directory", "无法读取目录", ec.value());
    const auto &p = it->path();
    std::string name = p.filename().string();
    // Hidden folders (.git) hold no estates.
    if (it->is_directory(ec) && !name.empty() && name[0] == '.') {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec)) continue;
    std::string ext = p.extension().string();
    if (ext == ".yaml" || ext == ".yml") out.push_back(p.string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace pm::util
