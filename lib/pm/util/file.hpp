#pragma once
// Reading and safely writing files.

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace pm::util {

// An expected failure, as data: what went wrong, with which file and why. Its wording, in both
// languages, is i18n::describe's (pm/i18n/errors.hpp).
struct Error {
  enum class Kind {
    cannot_read,           // opening, examining or reading `path` failed: `err`
    cannot_write,          // writing `path` failed: `err`, or `detail` (a writer's own reason) if given
    cannot_read_directory, // listing the directory `path` failed: `err`
    is_directory,          // `path` is a directory
    not_regular_file,      // `path` is a FIFO, a device...
    too_large,             // `path` is larger than `limit` bytes
    input_file,            // `path` is one of the inputs: not written over
    no_directory,          // the directory `detail` that would hold `path` does not exist
    exists,                // `path` exists already
    dangling_link,         // `path` is a symbolic link to nothing (util/walk)
    link_loop,             // `path` is a symbolic link that leads back to itself or above it (util/walk)
    too_many_entries,      // the tree under `path` has more than `limit` entries (util/walk)
  };
  Kind kind = Kind::cannot_read;
  std::string path;
  int err = 0;            // the errno, when the system said why
  std::string detail;     // see the kinds
  std::size_t limit = 0;  // too_large: the limit in bytes
  bool too_large = false; // read_file stopped at its limit (kind too_large)
};

// A value, or what went wrong: by default a util::Error; layers that word their failures
// themselves give an error type of their own (doc:: gives an i18n::Text).
template <typename T, typename E = Error> class Expected {
public:
  Expected(T v) : m_v(std::move(v)) {}
  Expected(E e) : m_v(std::move(e)) {}
  explicit operator bool() const { return m_v.index() == 0; }
  T &operator*() { return std::get<0>(m_v); }
  const T &operator*() const { return std::get<0>(m_v); }
  T *operator->() { return &std::get<0>(m_v); }
  const E &error() const { return std::get<1>(m_v); }

private:
  std::variant<T, E> m_v;
};

// Reads a whole regular file (or stdin for "-"), refusing anything over `max_bytes` after
// reading at most one byte more. Directories, FIFOs and devices are refused without waiting.
// The identity (device and inode) of what was read is noted, stdin's too when it is a regular
// file: the writers below refuse to write over any file read so far, whatever its name. pm's
// own temporary files (a workbook, a printed PDF) are read with `note` false.
Expected<std::string> read_file(const std::string &path, std::size_t max_bytes = 64u << 20, bool note = true);

// Whether `path` (symbolic links followed) is a file read_file has read, or one noted with
// note_input. Thread-safe.
bool is_input(const std::string &path);
// Notes the open file `fd` as an input (when it is a regular file): for readers other than
// read_file. forget_inputs empties the list (for tests).
void note_input(int fd);
void forget_inputs();

// The file a write to `path` lands on: symbolic links are followed as the shell's > follows
// them (a dangling link names the file to create, not the link to replace); a loop, or more
// than 40 links, is an error (ELOOP) naming `path`.
Expected<std::string> output_target(const std::string &path);

// Writes `data` to a temporary file beside `path` and renames it over `path`, so that a
// failure never leaves a half-written file. Refuses to write over any of `inputs`.
Expected<bool> write_file_atomic(const std::string &path, std::string_view data,
                                 const std::vector<std::string> &inputs = {});

// Writes several files, all or none as far as the system allows: each to a temporary file
// beside it first, and only when all are written, renamed into place. Refuses to write over
// any of `inputs`. On failure the temporary files are removed and no file is replaced.
Expected<bool> write_files_atomic(const std::vector<std::pair<std::string, std::string>> &files,
                                  const std::vector<std::string> &inputs = {});

// Writes a new file: fails, leaving everything as it was, if `path` already exists (as a file
// or as a link, dangling or not).
Expected<bool> write_file_new(const std::string &path, std::string_view data);

bool same_file(const std::string &a, const std::string &b);

} // namespace pm::util
