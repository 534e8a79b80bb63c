#pragma once
// Helpers for the catalogue loader tests: a TOML file written to a temporary path, and lookups
// in diagnostics.

#include <pm/diag/diagnostic.hpp>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace pm::test {

// A file that exists for the lifetime of the object; its name ends in ".toml" so loaders read it
// as a path, not as a built-in name.
class TempToml {
public:
  explicit TempToml(const std::string &text) {
    static std::atomic<int> counter{0};
    m_path = std::filesystem::temp_directory_path() /
             ("pm-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++) + ".toml");
    std::ofstream(m_path, std::ios::binary) << text;
  }
  ~TempToml() {
    std::error_code ec;
    std::filesystem::remove(m_path, ec);
  }
  TempToml(const TempToml &) = delete;
  TempToml &operator=(const TempToml &) = delete;
  std::string path() const { return m_path.string(); }

private:
  std::filesystem::path m_path;
};

inline const diag::Diagnostic *find_code(const diag::Diagnostics &d, const std::string &code) {
  for (const auto &x : d)
    if (x.code == code) return &x;
  return nullptr;
}

inline std::string dump(const diag::Diagnostics &d) {
  std::string s;
  for (const auto &x : d)
    s += x.file + ":" + std::to_string(x.line) + ":" + std::to_string(x.column) + ": " + x.message + " [" + x.code +
         "]\n";
  return s;
}

} // namespace pm::test
