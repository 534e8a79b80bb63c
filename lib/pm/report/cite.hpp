#pragma once
// The proposal's references and assumptions: the data's source strings ("物业管理方案实例：…；
// 特种设备安全法 第三十六条；职责：假设（示意）") split into the works they cite, listed once
// each and marked in the text as [1], [2,5], and the assumptions they state, marked [A1].

#include <string>
#include <vector>

namespace pm::report {

class Citations {
public:
  explicit Citations(bool zh) : m_zh(zh) {}

  // The marks of a source string ("[1,3] [A2]"), its parts entered in the lists. `context`
  // names what the source is for (a role, an item), so that an assumption reads on its own.
  std::string cite(const std::string &source, const std::string &context = {});
  // The mark of a reference or an assumption given as a whole ("[4]", "[A1]").
  std::string reference(const std::string &text);
  std::string assume(const std::string &text);

  const std::vector<std::string> &references() const { return m_references; }
  const std::vector<std::string> &assumptions() const { return m_assumptions; }

  // A source string's parts: the works it cites and what it assumes (exposed for tests).
  struct Parts {
    std::vector<std::string> references;
    std::vector<std::string> assumptions;
  };
  static Parts split(const std::string &source, const std::string &context, bool zh);

private:
  bool m_zh;
  std::vector<std::string> m_references, m_assumptions;
  int add(std::vector<std::string> &list, const std::string &text);
};

// "[1,3]" and "[A2]" joined: "[1,3][A2]"; "" when both are empty.
std::string marks(const std::vector<int> &references, const std::vector<int> &assumptions);

} // namespace pm::report
