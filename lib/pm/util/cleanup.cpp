#include <pm/util/cleanup.hpp>

#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <pthread.h>
#include <sys/wait.h>
#include <unistd.h>

namespace pm::util {

namespace {
// A signal handler may only call async-signal-safe functions (unlink, raise, sigaction): the
// paths live in fixed slots, each published by an atomic flag once its bytes are written.
constexpr int slots = 64;
constexpr std::size_t path_max = 4096;
char g_paths[slots][path_max];
bool g_is_dir[slots];
std::atomic<int> g_used[slots];
std::atomic<int> g_child{0};

// Removes `name` in the directory `parent`, a file or a directory with all it holds: with
// system calls only (getdents64, unlinkat), as a signal handler may.
void remove_tree(int parent, const char *name, int depth) {
  if (::unlinkat(parent, name, 0) == 0 || depth > 32) return;
  // Several passes: entries removed while a directory is read may hide others.
  for (int pass = 0; pass < 3; ++pass) {
    int fd = ::openat(parent, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) return;
    alignas(8) char buf[4096];
    ssize_t n = 0;
    while ((n = ::getdents64(fd, buf, sizeof buf)) > 0)
      for (ssize_t off = 0; off < n;) {
        const auto *d = reinterpret_cast<const struct dirent64 *>(buf + off);
        off += d->d_reclen;
        if (std::strcmp(d->d_name, ".") != 0 && std::strcmp(d->d_name, "..") != 0)
          remove_tree(fd, d->d_name, depth + 1);
      }
    ::close(fd);
    if (::unlinkat(parent, name, AT_REMOVEDIR) == 0 || errno != ENOTEMPTY) return;
  }
}

extern "C" void on_signal(int sig) {
  int saved = errno;
  if (int child = g_child.load(); child > 0) {
    ::kill(child, SIGKILL);
    ::waitpid(child, nullptr, 0);
  }
  for (int i = 0; i < slots; ++i)
    if (g_used[i].load() == 2) {
      if (g_is_dir[i])
        remove_tree(AT_FDCWD, g_paths[i], 0);
      else
        ::unlink(g_paths[i]);
    }
  errno = saved;
  // Die of the same signal, so that the shell sees what happened (exit 130 for Ctrl-C).
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}
} // namespace

void install_cleanup_handlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
  // A write past the file size limit (ulimit -f) fails with EFBIG, said like any write error,
  // instead of killing pm with SIGXFSZ before it can remove its temporary file.
  std::signal(SIGXFSZ, SIG_IGN);
  for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) {
    struct sigaction old {};
    ::sigaction(sig, nullptr, &old);
    // A signal the caller chose to ignore (nohup, a shell's trap '' ) stays ignored.
    if (old.sa_handler == SIG_IGN) continue;
    struct sigaction sa {};
    sa.sa_handler = on_signal;
    sigemptyset(&sa.sa_mask);
    ::sigaction(sig, &sa, nullptr);
  }
}

namespace {
void track(const std::string &path, bool dir) {
  if (path.size() >= path_max) return;
  for (int i = 0; i < slots; ++i) {
    int expected = 0;
    if (g_used[i].compare_exchange_strong(expected, 1)) {
      std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
      g_is_dir[i] = dir;
      g_used[i].store(2);
      return;
    }
  }
}

void untrack(const std::string &path, bool dir) {
  for (int i = 0; i < slots; ++i)
    if (g_used[i].load() == 2 && g_is_dir[i] == dir && path == g_paths[i]) {
      g_used[i].store(0);
      return;
    }
}
} // namespace

namespace {
// Holds SIGINT, SIGTERM, SIGHUP and SIGPIPE while alive: one that arrives meanwhile is
// delivered when it ends.
class HeldSignals {
public:
  HeldSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGPIPE}) sigaddset(&set, sig);
    ::pthread_sigmask(SIG_BLOCK, &set, &m_old);
  }
  ~HeldSignals() { ::pthread_sigmask(SIG_SETMASK, &m_old, nullptr); }
  HeldSignals(const HeldSignals &) = delete;
  HeldSignals &operator=(const HeldSignals &) = delete;

private:
  sigset_t m_old;
};
} // namespace

int make_temp(std::string &tmpl) {
  HeldSignals held;
  int fd = ::mkstemp(tmpl.data());
  if (fd >= 0) track(tmpl, false);
  return fd;
}

bool make_temp_dir(std::string &tmpl) {
  HeldSignals held;
  if (!::mkdtemp(tmpl.data())) return false;
  track(tmpl, true);
  return true;
}

void track_temp(const std::string &path) { track(path, false); }
void untrack_temp(const std::string &path) { untrack(path, false); }
void track_temp_dir(const std::string &path) { track(path, true); }
void untrack_temp_dir(const std::string &path) { untrack(path, true); }
void track_child(int pid) { g_child.store(pid); }

} // namespace pm::util
