#pragma once
// pm validate: estate files (and targets files) checked against the format and its rules,
// directories searched, files checked on parallel threads, results in the order given.

#include <pm/app/context.hpp>

#include <string>
#include <vector>

namespace pm::app {

struct Validation {
  diag::Diagnostics diagnostics; // in the order of the paths, each file's sorted
  struct File {
    std::string name; // as given; "<stdin>" for "-"
    bool valid = false;
    std::string locale; // the `locale` the file states, if any
  };
  std::vector<File> files; // the files checked (not those that could not be read)
  int invalid = 0;
  int unreadable = 0; // paths that could not be read: files, directories, empty directories
  Status status() const {
    if (unreadable) return Status::io;
    return invalid ? Status::invalid : Status::ok;
  }
};

// `jobs`: threads, 0 for one per processor; the result is the same for any number.
Validation validate(const Context &c, const std::vector<std::string> &paths, unsigned jobs = 0);

} // namespace pm::app
