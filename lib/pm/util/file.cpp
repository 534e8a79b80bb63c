#include <pm/util/file.hpp>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace pm::util {

namespace fs = std::filesystem;

namespace {
Error sys_error(const std::string& path, const char* what_en, const char* what_zh, int err) {
  return Error{std::string(what_en) + " " + path + ": " + std::strerror(err),
               std::string(what_zh) + " " + path + "：" + std::strerror(err)};
}
} // namespace

Expected<std::string> read_file(const std::string& path, std::size_t max_bytes) {
  int fd = 0;
  if (path != "-") {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return sys_error(path, "cannot read", "无法读取", errno);
    // Opening a FIFO would block until someone writes: refuse anything but a regular file.
    if (S_ISDIR(st.st_mode)) return Error{path + " is a directory", path + " 是目录"};
    if (!S_ISREG(st.st_mode)) return Error{path + " is not a regular file", path + " 不是普通文件"};
    fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return sys_error(path, "cannot read", "无法读取", errno);
  }
  std::string out;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
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
      return Error{name + " is larger than " + mib + " MiB; an estate or data file is far smaller",
                   name + " 大于 " + mib + " MiB；小区文件或数据文件不应这么大"};
    }
  }
  if (fd != 0) ::close(fd);
  return out;
}

bool same_file(const std::string& a, const std::string& b) {
  if (a == "-" || b == "-") return false;
  std::error_code ec;
  return fs::exists(a, ec) && fs::exists(b, ec) && fs::equivalent(a, b, ec);
}

Expected<bool> write_file_atomic(const std::string& path, std::string_view data, const std::vector<std::string>& inputs) {
  for (const auto& in : inputs)
    if (in == path || same_file(in, path))
      return Error{"refusing to write over the input file " + path, "拒绝覆盖输入文件 " + path};
  fs::path target(path);
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  int fd = ::mkstemp(name.data());
  if (fd < 0) return sys_error(path, "cannot write", "无法写入", errno);
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = errno;
      ::close(fd);
      ::unlink(name.data());
      return sys_error(path, "cannot write", "无法写入", err);
    }
    off += static_cast<std::size_t>(n);
  }
  // Keep the permissions a new file would get from the umask (mkstemp makes it 0600).
  mode_t mask = ::umask(0);
  ::umask(mask);
  ::fchmod(fd, 0666 & ~mask);
  if (::fsync(fd) != 0 || ::close(fd) != 0) {
    int err = errno;
    ::unlink(name.data());
    return sys_error(path, "cannot write", "无法写入", err);
  }
  if (::rename(name.data(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(name.data());
    return sys_error(path, "cannot write", "无法写入", err);
  }
  return true;
}

Expected<bool> write_file_new(const std::string& path, std::string_view data) {
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

Expected<std::vector<std::string>> find_yaml_files(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  if (ec) return sys_error(dir, "cannot read directory", "无法读取目录", ec.value());
  for (; it != end; it.increment(ec)) {
    if (ec) return sys_error(dir, "cannot read directory", "无法读取目录", ec.value());
    const auto& p = it->path();
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
