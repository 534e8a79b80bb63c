#pragma once
// Reading and safely writing files.

#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace pm::util {

// An expected failure, in both languages.
struct Error {
  std::string en;
  std::string zh;
  bool too_large = false; // read_file stopped at its limit
};

template <typename T> class Expected {
public:
  Expected(T v) : m_v(std::move(v)) {}
  Expected(Error e) : m_v(std::move(e)) {}
  explicit operator bool() const { return m_v.index() == 0; }
  T &operator*() { return std::get<0>(m_v); }
  const T &operator*() const { return std::get<0>(m_v); }
  T *operator->() { return &std::get<0>(m_v); }
  const Error &error() const { return std::get<1>(m_v); }

private:
  std::variant<T, Error> m_v;
};

// Reads a whole regular file (or stdin for "-"), refusing anything over `max_bytes` after
// reading at most one byte more. Directories, FIFOs and devices are refused without waiting.
Expected<std::string> read_file(const std::string &path, std::size_t max_bytes = 64u << 20);

// Writes `data` to a temporary file beside `path` and renames it over `path`, so that a
// failure never leaves a half-written file. Refuses to write over any of `inputs`.
Expected<bool> write_file_atomic(const std::string &path, std::string_view data,
                                 const std::vector<std::string> &inputs = {});

// Writes a new file: fails, leaving everything as it was, if `path` already exists.
Expected<bool> write_file_new(const std::string &path, std::string_view data);

// Regular files named *.yaml / *.yml under `dir`, recursively, sorted.
Expected<std::vector<std::string>> find_yaml_files(const std::string &dir);

bool same_file(const std::string &a, const std::string &b);

} // namespace pm::util
