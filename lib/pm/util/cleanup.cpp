#include <pm/util/cleanup.hpp>

#include <atomic>
#include <csignal>
#include <cstring>
#include <unistd.h>

namespace pm::util {

namespace {
// A signal handler may only call async-signal-safe functions (unlink, raise, sigaction): the
// paths live in fixed slots, each published by an atomic flag once its bytes are written.
constexpr int slots = 64;
constexpr std::size_t path_max = 4096;
char g_paths[slots][path_max];
std::atomic<int> g_used[slots];

extern "C" void on_signal(int sig) {
  for (int i = 0; i < slots; ++i)
    if (g_used[i].load() == 2) ::unlink(g_paths[i]);
  // Die of the same signal, so that the shell sees what happened (exit 130 for Ctrl-C).
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}
} // namespace

void install_cleanup_handlers() {
  static bool installed = false;
  if (installed) return;
  installed = true;
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

void track_temp(const std::string &path) {
  if (path.size() >= path_max) return;
  for (int i = 0; i < slots; ++i) {
    int expected = 0;
    if (g_used[i].compare_exchange_strong(expected, 1)) {
      std::memcpy(g_paths[i], path.c_str(), path.size() + 1);
      g_used[i].store(2);
      return;
    }
  }
}

void untrack_temp(const std::string &path) {
  for (int i = 0; i < slots; ++i)
    if (g_used[i].load() == 2 && path == g_paths[i]) {
      g_used[i].store(0);
      return;
    }
}

} // namespace pm::util
