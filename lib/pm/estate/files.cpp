#include <pm/estate/check.hpp>
#include <pm/util/file.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <locale>
#include <system_error>
#include <thread>

namespace pm::estate {

std::optional<std::string> read_estate(const std::string &path, const std::string &name, diag::Diagnostics &out,
                                       bool &unreadable) {
  const yaml::Limits limits;
  // A file over the size limit is an invalid estate (too-large), not an I/O error. read_file
  // reads no more than one byte over the limit, from a file or standard input.
  auto text = util::read_file(path, limits.max_bytes);
  if (text) return std::move(*text);
  if (text.error().too_large) {
    out.push_back(yaml::too_large(name, limits));
  } else {
    unreadable = true;
    out.push_back({name, 0, 0, diag::Severity::error, "io", text.error().en, text.error().zh, ""});
  }
  return std::nullopt;
}

FileCheck check_file(const std::string &path, const catalog::Catalogue &roles) {
  FileCheck out;
  out.name = path == "-" ? "<stdin>" : path;
  if (auto text = read_estate(path, out.name, out.diagnostics, out.unreadable))
    out.diagnostics = load_and_check(*text, out.name, roles).diagnostics;
  return out;
}

std::vector<FileCheck> check_files(const std::vector<std::string> &paths, const catalog::Catalogue &roles,
                                   unsigned jobs) {
  std::vector<FileCheck> results(paths.size());
  if (jobs == 0) jobs = std::max(1u, std::thread::hardware_concurrency());
  jobs = static_cast<unsigned>(std::min<std::size_t>(jobs, paths.size()));
  // Each file is its own job, taken in turn by the next free thread; every result has its
  // own slot, so the order of the results never depends on the threads' timing.
  std::vector<std::exception_ptr> failures(paths.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) {
      try {
        results[i] = check_file(paths[i], roles);
      } catch (...) {
        failures[i] = std::current_exception();
      }
    }
  };
  if (jobs > 1) {
    // libstdc++'s ctype<char>::narrow fills a cache on first use of each character, which
    // std::regex (valijson's `pattern`) does on every thread: fill it here first, so that the
    // threads only read it (ThreadSanitizer saw the writes race; GCC bug 77704).
    const auto &ctype = std::use_facet<std::ctype<char>>(std::locale());
    for (int c = 0; c < 256; ++c) ctype.narrow(static_cast<char>(c), '\0');
  }
  {
    // This thread works too; if the system refuses more threads, fewer do the work.
    std::vector<std::jthread> threads;
    try {
      for (unsigned t = 1; t < jobs; ++t) threads.emplace_back(work);
    } catch (const std::system_error &) {
    }
    work();
  }
  // An unexpected failure (out of memory...) surfaces as it would have without threads: the first in order.
  for (auto &f : failures)
    if (f) std::rethrow_exception(f);
  return results;
}

} // namespace pm::estate
