#include <pm/app/plan.hpp>
#include <pm/app/validate.hpp>
#include <pm/estate/check.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/portfolio/portfolio.hpp>
#include <pm/util/file.hpp>
#include <pm/util/walk.hpp>
#include <pm/yaml/document.hpp>

#include <algorithm>
#include <atomic>
#include <exception>
#include <filesystem>
#include <locale>
#include <optional>
#include <system_error>
#include <thread>

namespace pm::app {

namespace {

// One file checked as pm validate checks it: a file over the size limit is invalid
// (too-large), one that can't be read is `unreadable` with one "io" diagnostic.
struct FileCheck {
  std::string name; // as given; "<stdin>" for "-"
  bool unreadable = false;
  diag::Diagnostics diagnostics;
  std::string locale;
};

FileCheck check_file(const Context &c, const std::string &path) {
  FileCheck out;
  out.name = path == "-" ? "<stdin>" : path;
  if (auto text = estate::read_estate(path, out.name, out.diagnostics, out.unreadable)) {
    yaml::Document doc = check_text(c, *text, out.name);
    out.diagnostics = std::move(doc.diagnostics);
    // The language the file asks for, even when it is invalid: its messages speak it. Only a
    // `locale` it states: a fragment under test names none, and speaks the environment's.
    if (doc.value.is_object() && !portfolio::is_targets(doc.value))
      if (auto l = doc.value.find("locale"); l != doc.value.end() && l->is_string()) out.locale = l->get<std::string>();
  }
  return out;
}

std::vector<FileCheck> check_files(const Context &c, const std::vector<std::string> &paths, unsigned jobs) {
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
        results[i] = check_file(c, paths[i]);
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

} // namespace

Validation validate(const Context &c, const std::vector<std::string> &given, unsigned jobs) {
  Validation out;
  // The files to check, in order; a directory that can't be searched is an error in its place.
  struct Item {
    std::size_t file = 0; // index into `paths` when `error` is empty
    std::optional<diag::Diagnostic> error;
  };
  std::vector<std::string> paths;
  std::vector<Item> items;
  auto io_error = [&](const std::string &path, const i18n::Text &t) {
    items.push_back({0, diag::Diagnostic{path, 0, 0, diag::Severity::error, "io", t.en, t.zh, ""}});
  };
  for (const auto &p : given) {
    std::error_code ec;
    if (p != "-" && std::filesystem::is_directory(p, ec)) {
      // Every entry that could not be searched or read is an error in its own name; the
      // files that were found are still checked.
      std::vector<util::Error> problems;
      std::vector<std::string> found = util::walk_yaml_files(p, problems);
      for (const auto &e : problems) io_error(e.path, i18n::describe(e));
      if (!problems.empty() && found.empty()) continue;
      if (found.empty()) {
        io_error(p, i18n::both(i18n::msg::no_yaml_under, p));
        continue;
      }
      for (auto &f : found) {
        items.push_back({paths.size(), std::nullopt});
        paths.push_back(std::move(f));
      }
    } else {
      items.push_back({paths.size(), std::nullopt});
      paths.push_back(p);
    }
  }

  std::vector<FileCheck> checked = check_files(c, paths, jobs);
  for (const Item &item : items) {
    if (item.error) {
      out.diagnostics.push_back(*item.error);
      ++out.unreadable;
      continue;
    }
    const FileCheck &f = checked[item.file];
    if (f.unreadable) {
      ++out.unreadable;
    } else {
      bool valid = !diag::has_errors(f.diagnostics);
      out.files.push_back({f.name, valid, f.locale});
      if (!valid) ++out.invalid;
    }
    out.diagnostics.insert(out.diagnostics.end(), f.diagnostics.begin(), f.diagnostics.end());
  }
  return out;
}

} // namespace pm::app
