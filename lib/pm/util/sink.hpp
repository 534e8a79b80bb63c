#pragma once
// Output written as it is made, all or nothing: pm staff, budget and portfolio on a directory
// of thousands of estates write each estate's part before reading the next, so that memory
// does not grow with the output.

#include <pm/util/file.hpp>

#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

namespace pm::util {

// To standard output ("" or "-"), written through; or to a file, as write_file_atomic writes
// one: into a temporary file beside it (removed if a signal ends pm: util/cleanup), renamed
// over it by commit(), removed if commit() is never reached. Refuses to write over any of
// `inputs`; through a symbolic link it writes the file named; a FIFO or a device is written
// into.
class Sink {
public:
  static Expected<Sink> open(const std::string &path, const std::vector<std::string> &inputs = {});
  Sink(Sink &&o) noexcept;
  Sink &operator=(Sink &&) = delete;
  Sink(const Sink &) = delete;
  ~Sink();

  // Appends; a failure is kept and reported by commit().
  void write(std::string_view data);
  // Appends what `f` holds from its start (a spool written with tmpfile()).
  void copy_from(std::FILE *f);
  // Flushes, and for a file renames it into place; the first failure met, if any.
  Expected<bool> commit();
  bool to_stdout() const { return m_stdout; }

private:
  Sink() = default;
  void fail(int err);
  void discard();
  std::string m_path;   // as given
  std::string m_target; // the file written (through a link)
  std::string m_temp;   // "" when writing through (stdout, a FIFO, a device)
  int m_fd = -1;
  bool m_stdout = false;
  bool m_exists = false;
  unsigned m_mode = 0;
  int m_err = 0;
  bool m_done = false;
  std::string m_buf;
};

} // namespace pm::util
