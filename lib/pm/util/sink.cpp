#include <pm/util/cleanup.hpp>
#include <pm/util/sink.hpp>

#include <cerrno>
#include <fcntl.h>
#include <filesystem>
#include <sys/stat.h>
#include <unistd.h>

namespace pm::util {

namespace fs = std::filesystem;

namespace {

Error sink_error(Error::Kind kind, const std::string &path, int err = 0) {
  Error e;
  e.kind = kind;
  e.path = path;
  e.err = err;
  return e;
}

bool write_fd(int fd, std::string_view data, int &err) {
  std::size_t off = 0;
  while (off < data.size()) {
    ssize_t n = ::write(fd, data.data() + off, data.size() - off);
    if (n < 0) {
      if (errno == EINTR) continue;
      err = errno;
      return false;
    }
    off += static_cast<std::size_t>(n);
  }
  return true;
}

constexpr std::size_t buffer_bytes = 1u << 16;

} // namespace

Expected<Sink> Sink::open(const std::string &path, const std::vector<std::string> &inputs) {
  Sink s;
  s.m_path = path;
  if (path.empty() || path == "-") {
    s.m_stdout = true;
    s.m_fd = STDOUT_FILENO;
    return s;
  }
  // The same guards as write_file_atomic: no file read in this run (by name or by identity,
  // stdin's included) is written over, and links are followed as the shell's > follows them.
  for (const auto &in : inputs)
    if (in == path || same_file(in, path)) return sink_error(Error::Kind::input_file, path);
  if (is_input(path)) return sink_error(Error::Kind::input_file, path);
  auto resolved = output_target(path);
  if (!resolved) return resolved.error();
  fs::path target(*resolved);
  s.m_target = target.string();
  struct stat st {};
  s.m_exists = ::stat(target.c_str(), &st) == 0;
  if (s.m_exists && S_ISDIR(st.st_mode)) return sink_error(Error::Kind::is_directory, path);
  if (s.m_exists && !S_ISREG(st.st_mode)) {
    // A device or a FIFO: write into it; renaming a file over it would replace it.
    s.m_fd = ::open(target.c_str(), O_WRONLY | O_CLOEXEC);
    if (s.m_fd < 0) return sink_error(Error::Kind::cannot_write, path, errno);
    return s;
  }
  s.m_mode = s.m_exists ? (st.st_mode & 07777) : 0;
  if (!s.m_exists) {
    mode_t mask = ::umask(0);
    ::umask(mask);
    s.m_mode = 0666 & ~mask;
  }
  fs::path dir = target.has_parent_path() ? target.parent_path() : fs::path(".");
  std::string tmpl = (dir / ("." + target.filename().string() + ".tmp-XXXXXX")).string();
  std::vector<char> name(tmpl.begin(), tmpl.end());
  name.push_back('\0');
  std::string temp(name.data());
  s.m_fd = make_temp(temp); // tracked for removal on a signal from the moment it exists
  if (s.m_fd < 0) {
    int err = errno;
    if (err == ENOENT) {
      Error e = sink_error(Error::Kind::no_directory, path);
      e.detail = dir.string();
      return e;
    }
    return sink_error(Error::Kind::cannot_write, path, err);
  }
  s.m_temp = temp;
  return s;
}

Sink::Sink(Sink &&o) noexcept
    : m_path(std::move(o.m_path)), m_target(std::move(o.m_target)), m_temp(std::move(o.m_temp)), m_fd(o.m_fd),
      m_stdout(o.m_stdout), m_exists(o.m_exists), m_mode(o.m_mode), m_err(o.m_err), m_done(o.m_done),
      m_buf(std::move(o.m_buf)) {
  o.m_fd = -1;
  o.m_temp.clear();
  o.m_done = true;
}

Sink::~Sink() {
  if (!m_done) discard();
}

void Sink::discard() {
  m_done = true;
  if (m_fd >= 0 && !m_stdout) ::close(m_fd);
  m_fd = -1;
  if (!m_temp.empty()) {
    ::unlink(m_temp.c_str());
    untrack_temp(m_temp);
    m_temp.clear();
  }
}

void Sink::fail(int err) {
  if (!m_err) m_err = err ? err : EIO;
}

void Sink::write(std::string_view data) {
  if (m_err || m_done) return;
  m_buf.append(data);
  if (m_buf.size() < buffer_bytes) return;
  int err = 0;
  if (!write_fd(m_fd, m_buf, err)) fail(err);
  m_buf.clear();
}

void Sink::copy_from(std::FILE *f) {
  std::rewind(f);
  char buf[buffer_bytes];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) write(std::string_view(buf, n));
  if (std::ferror(f)) fail(errno);
}

Expected<bool> Sink::commit() {
  if (m_done) return sink_error(Error::Kind::cannot_write, m_path, EBADF);
  int err = 0;
  if (!m_err && !m_buf.empty() && !write_fd(m_fd, m_buf, err)) fail(err);
  m_buf.clear();
  if (m_stdout) {
    m_done = true;
    if (m_err) return sink_error(Error::Kind::cannot_write, "<stdout>", m_err);
    return true;
  }
  if (!m_err && !m_temp.empty()) {
    // mkstemp makes the file 0600: give it the mode of the file it replaces, or else the mode
    // a new file would get from the umask.
    if (::fchmod(m_fd, static_cast<mode_t>(m_mode)) != 0 || ::fsync(m_fd) != 0) fail(errno);
  }
  int fd = m_fd;
  m_fd = -1;
  if (::close(fd) != 0) fail(errno);
  if (!m_err && !m_temp.empty()) {
    if (::rename(m_temp.c_str(), m_target.c_str()) != 0)
      fail(errno);
    else {
      untrack_temp(m_temp);
      m_temp.clear();
    }
  }
  int e = m_err;
  discard();
  if (e) return sink_error(Error::Kind::cannot_write, m_path, e);
  return true;
}

} // namespace pm::util
