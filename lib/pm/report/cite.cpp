// Splitting the data's source strings. A source is a list of parts separated by "；" ("; " in
// English) outside brackets. In a part, what comes before "：" (": ") names the work and what
// follows says what was taken from it; when only the part after the colon names a work (a law,
// a standard, a notice: "证书：保安服务管理条例 第十六条"), that part is the work. A part that
// says 假设 or 示意 (assumption, illustrative) is an assumption: what it assumes goes to the
// assumptions, never to the references. Plans in practice (物业管理方案实例) are one reference,
// the collection of unpublished plans; the parts that follow one without a colon of their own
// ("别墅项目（…）") belong to it.

#include <pm/report/cite.hpp>
#include <pm/report/text.hpp>

#include <algorithm>

namespace pm::report {

namespace {

bool has(const std::string &s, const char *x) { return s.find(x) != std::string::npos; }

bool has_any(const std::string &s, std::initializer_list<const char *> xs) {
  return std::any_of(xs.begin(), xs.end(), [&](const char *x) { return has(s, x); });
}

const std::string open_zh = "（", close_zh = "）";

// Byte offsets of `sep` in `s` outside brackets (（）, (), 《》).
std::vector<std::size_t> top_level(const std::string &s, const std::string &sep) {
  std::vector<std::size_t> out;
  int depth = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (s.compare(i, open_zh.size(), open_zh) == 0 || s.compare(i, 3, "《") == 0) {
      ++depth;
      i += 3;
    } else if (s.compare(i, close_zh.size(), close_zh) == 0 || s.compare(i, 3, "》") == 0) {
      depth = std::max(0, depth - 1);
      i += 3;
    } else if (s[i] == '(') {
      ++depth, ++i;
    } else if (s[i] == ')') {
      depth = std::max(0, depth - 1), ++i;
    } else if (depth == 0 && s.compare(i, sep.size(), sep) == 0) {
      out.push_back(i);
      i += sep.size();
    } else {
      ++i;
    }
  }
  return out;
}

std::string trim(std::string s) {
  auto strip_front = [&](const std::string &x) {
    if (s.compare(0, x.size(), x) == 0) {
      s.erase(0, x.size());
      return true;
    }
    return false;
  };
  auto strip_back = [&](const std::string &x) {
    if (s.size() >= x.size() && s.compare(s.size() - x.size(), x.size(), x) == 0) {
      s.erase(s.size() - x.size());
      return true;
    }
    return false;
  };
  for (bool again = true; again;) {
    again = strip_front(" ") || strip_front("，") || strip_front("、") || strip_front(",") || strip_front("；") ||
            strip_front("：") || strip_front(":") || strip_front(";") || strip_front("——") || strip_front("—");
    again = strip_back(" ") || strip_back("，") || strip_back(",") || strip_back("。") || strip_back("；") ||
            strip_back(";") || strip_back("：") || strip_back(":") || strip_back(".") || strip_back("——") ||
            strip_back("—") || again;
  }
  return s;
}

std::vector<std::string> split_at(const std::string &s, const std::vector<std::string> &seps) {
  std::vector<std::pair<std::size_t, std::size_t>> cuts;
  for (const auto &sep : seps)
    for (auto p : top_level(s, sep)) cuts.emplace_back(p, sep.size());
  std::sort(cuts.begin(), cuts.end());
  std::vector<std::string> out;
  std::size_t from = 0;
  for (const auto &[p, n] : cuts) {
    if (p < from) continue;
    out.push_back(s.substr(from, p - from));
    from = p + n;
  }
  out.push_back(s.substr(from));
  return out;
}

// Names a work a reader can look up: a law, a regulation, a standard, a notice, a publication.
bool cited(const std::string &s) {
  if (has_any(s, {"条例",
                  "办法",
                  "规定",
                  "规则",
                  "规程",
                  "标准",
                  "GB ",
                  "GB/T",
                  "TSG",
                  "DL/T",
                  "DL ",
                  "〔",
                  "号",
                  "通知",
                  "清单",
                  "目录",
                  "意见",
                  "全国年节",
                  "人民政府",
                  "社会保障局",
                  "发展和改革委员会",
                  "采购",
                  "全国统一紧急电话号码",
                  "民法典",
                  "Law",
                  "Regulation",
                  "Measures",
                  "Rules",
                  "Provisions",
                  "Standard",
                  "art.",
                  "Notice",
                  "notice",
                  "Bureau",
                  "Commission",
                  "Government",
                  "procurement",
                  "National emergency",
                  "Civil Code",
                  "〕"}))
    return true;
  // A law by its short name: "消防法 第十六条", "劳动法", "特种设备安全法（…）".
  for (std::size_t p = s.find("法"); p != std::string::npos; p = s.find("法", p + 3)) {
    std::string after = s.substr(p + 3, 3);
    if (after.empty() || after[0] == ' ' || after == "第" || after == "（" || after == "》" || after == "实")
      return true;
  }
  return false;
}

bool assumption(const std::string &s, bool zh) {
  (void)zh;
  return has_any(s, {"假设", "示意", "assumption", "Assumption", "illustrative", "assumed"});
}

bool practice(const std::string &s) {
  return has_any(s, {"物业管理方案实例", "方案实例", "plan in practice", "plans in practice", "practice ("});
}

// Notes about the notes: "法规见各处引用", "标明“假设”之处为假设".
bool about_marks(const std::string &s) {
  return has_any(s, {"见各处引用", "见各项引用", "标明“", "as cited", "cited where", "marked “", "marked \"",
                     "where marked", "见各表引用"});
}

// Removes one bracketed group starting at `at` ("（…）" or "(…)"), nested brackets included.
std::string erase_group(std::string s, std::size_t at) {
  int depth = 0;
  for (std::size_t i = at; i < s.size();) {
    bool open = s.compare(i, 3, "（") == 0 || s[i] == '(';
    bool close = s.compare(i, 3, "）") == 0 || s[i] == ')';
    std::size_t n = s[i] == '(' || s[i] == ')' ? 1 : (open || close ? 3 : 1);
    if (open) ++depth;
    if (close && --depth == 0) return s.erase(at, i + n - at);
    i += n;
  }
  return s.erase(at);
}

// What an assumption part assumes, its markers removed: "5 年：假设（示意）" → "5 年".
std::string assumed(std::string s) {
  for (const char *marker : {"假设", "示意", "assumption", "Assumption", "illustrative", "assumed"}) {
    for (std::size_t p; (p = s.find(marker)) != std::string::npos;) {
      std::size_t end = p + std::string(marker).size();
      // "（假设）", "(assumption)": the whole group.
      std::size_t open = std::string::npos;
      if (p >= 3 && s.compare(p - 3, 3, "（") == 0) open = p - 3;
      if (p >= 1 && s[p - 1] == '(') open = p - 1;
      if (open != std::string::npos) {
        s = erase_group(s, open);
        continue;
      }
      s.erase(p, end - p);
      // "假设（示意；…）", "assumption (illustrative; …)": the group after it.
      std::size_t q = p;
      while (q < s.size() && s[q] == ' ') ++q;
      if (s.compare(q, 3, "（") == 0 || (q < s.size() && s[q] == '(')) s = erase_group(s, q);
    }
  }
  // Colons left at either end, and one between nothing.
  auto parts = split_at(s, {"：", ": "});
  std::string out;
  for (auto &p : parts) {
    p = trim(p);
    if (p.empty()) continue;
    out += (out.empty() ? "" : "：") + p;
  }
  return trim(out);
}

// "特种设备安全监察条例 第三十一条（电梯…）" → "特种设备安全监察条例 第三十一条": a trailing
// bracket that paraphrases the work is dropped; one that identifies it (a number, a year) stays.
std::string work(std::string s) {
  s = trim(s);
  // "工具、家具，企业所得税法实施条例 第六十条": leading words that cite nothing go.
  for (;;) {
    auto cuts = top_level(s, "，");
    std::size_t n = 3;
    auto en = top_level(s, ", ");
    if (!en.empty() && (cuts.empty() || en.front() < cuts.front())) cuts = en, n = 2;
    if (cuts.empty()) break;
    std::string rest = trim(s.substr(cuts.front() + n));
    if (cited(s.substr(0, cuts.front())) || !cited(rest)) break;
    s = rest;
  }
  for (bool again = true; again;) {
    again = false;
    std::string close = s.size() >= 3 && s.compare(s.size() - 3, 3, "）") == 0 ? "）"
                        : !s.empty() && s.back() == ')'                        ? ")"
                                                                               : "";
    if (close.empty()) break;
    // Find the matching opening bracket.
    int depth = 0;
    std::size_t open = std::string::npos;
    for (std::size_t i = s.size(); i > 0;) {
      bool c3 = i >= 3 && s.compare(i - 3, 3, "）") == 0, o3 = i >= 3 && s.compare(i - 3, 3, "（") == 0;
      if (c3 || s[i - 1] == ')') ++depth;
      if (o3 || s[i - 1] == '(') --depth;
      std::size_t n = (c3 || o3) ? 3 : 1;
      i -= n;
      if (depth == 0) {
        open = i;
        break;
      }
    }
    if (open == std::string::npos || open == 0) break;
    std::string inner = s.substr(open);
    std::string rest = trim(s.substr(0, open));
    bool identifies = has_any(
        inner, {"号", "〔", "令", "年", "试行", "No.", "Decree", "19", "20", ".com", ".cn", "http", "online", "网络"});
    if (!identifies && cited(rest)) {
      s = rest;
      again = true;
    }
  }
  return trim(s);
}

// The text before the first bracket: "高校学生公寓（保洁标准）" → "高校学生公寓".
std::string head(const std::string &s) {
  std::size_t a = s.find("（"), b = s.find('(');
  return trim(s.substr(0, std::min(a, b)));
}

// The text of the first bracket: "值班电工须持证（安全生产法 第三十条）" → "安全生产法 第三十条".
std::string inner(const std::string &s) {
  std::size_t a = s.find("（"), b = s.find('(');
  std::size_t at = std::min(a, b);
  if (at == std::string::npos) return "";
  std::string rest = s.substr(at);
  std::string without = erase_group(rest, 0);
  std::string group = rest.substr(0, rest.size() - without.size());
  std::size_t open = group.compare(0, 3, "（") == 0 ? 3 : 1;
  std::size_t close = group.size() >= 3 && group.compare(group.size() - 3, 3, "）") == 0 ? 3 : 1;
  return group.size() > open + close ? trim(group.substr(open, group.size() - open - close)) : "";
}

} // namespace

Citations::Parts Citations::split(const std::string &source, const std::string &context, bool zh) {
  Parts out;
  bool in_practice = false;
  auto assume_text = [&](const std::string &what) {
    std::string w = what;
    if (!context.empty()) w = w.empty() ? context : context + msg::colon.get(zh) + w;
    if (what.empty())
      w = context.empty() ? std::string(msg::cite_assumed_generic.get(zh))
                          : context + msg::colon.get(zh) + msg::cite_assumed_generic.get(zh);
    out.assumptions.push_back(w);
  };
  for (std::string part : split_at(source, {"；", "; "})) {
    part = trim(part);
    if (part.empty() || about_marks(part)) continue;
    auto colon = split_at(part, {"：", ": "});
    std::string before = trim(colon.front());
    std::string after =
        colon.size() > 1
            ? trim(part.substr(colon.front().size() + (part.compare(colon.front().size(), 3, "：") == 0 ? 3 : 2)))
            : "";
    bool has_colon = colon.size() > 1;
    if (practice(before) || (!has_colon && practice(part))) {
      in_practice = true;
      out.references.push_back(msg::cite_practice.get(zh));
      if (assumption(after, zh)) {
        // "物业管理方案实例（…）：…（学历：假设，示意）": the plan, and what is assumed.
        std::string a = after;
        std::size_t p = a.find("假设");
        if (p == std::string::npos) p = a.find("assumption");
        if (p != std::string::npos) {
          std::size_t open = a.rfind("（", p);
          if (open == std::string::npos) open = a.rfind('(', p);
          if (open != std::string::npos) a = a.substr(open);
        }
        assume_text(assumed(a));
      }
      continue;
    }
    if (assumption(part, zh)) {
      in_practice = false;
      std::string what;
      if (has_colon && assumption(before, zh) && !assumption(after, zh))
        what = after;
      else if (has_colon && assumption(after, zh) && !assumption(before, zh)) {
        what = before;
        // "5 年：工具、家具，企业所得税法实施条例 第六十条" has no marker; "原值：假设（示意），每个
        // 巡逻区一辆" keeps what follows the marker.
        std::string rest = assumed(after);
        if (!rest.empty()) what += msg::colon.get(zh) + rest;
      } else
        what = assumed(part);
      // A law named inside an assumption is a reference too: "…（特种设备安全法 第四十五条），…".
      assume_text(trim(what));
      continue;
    }
    if (has_any(part, {"小区文件", "estate file", ".yaml", ".yml"})) {
      // What the client gave: the estate's own figures.
      in_practice = false;
      out.references.push_back(msg::ref_client_data.get(zh));
      if (std::string law = inner(part); cited(law)) out.references.push_back(work(law));
      continue;
    }
    if (has_any(part, {"未核实", "not verified"})) {
      in_practice = false;
      assume_text(part);
      continue;
    }
    // A continuation of a plan in practice ("别墅项目（…）", "高校学生公寓（保洁标准）").
    if (in_practice && !has_colon && !cited(head(part))) continue;
    std::string name = part;
    if (has_colon) name = cited(after) && !cited(before) ? after : before;
    // "值班电工须持高压电工作业操作证（安全生产法 第三十条）": the work is in the brackets.
    if (!cited(head(name)) && cited(inner(name)) && !head(name).empty()) name = inner(name);
    if (!cited(name)) {
      if (!cited(part)) {
        assume_text(part);
        continue;
      }
      name = part;
    }
    in_practice = false;
    out.references.push_back(work(name));
  }
  return out;
}

int Citations::add(std::vector<std::string> &list, const std::string &text) {
  auto it = std::find(list.begin(), list.end(), text);
  if (it != list.end()) return static_cast<int>(it - list.begin()) + 1;
  list.push_back(text);
  return static_cast<int>(list.size());
}

std::string marks(const std::vector<int> &references, const std::vector<int> &assumptions) {
  auto list = [](std::vector<int> v, const std::string &prefix) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
    std::string out;
    for (int n : v) out += (out.empty() ? "[" : ",") + prefix + std::to_string(n);
    return out.empty() ? out : out + "]";
  };
  return list(references, "") + list(assumptions, "A");
}

std::string Citations::cite(const std::string &source, const std::string &context) {
  Parts p = split(source, context, m_zh);
  std::vector<int> r, a;
  for (const auto &x : p.references) r.push_back(add(m_references, x));
  for (const auto &x : p.assumptions) a.push_back(add(m_assumptions, x));
  return marks(r, a);
}

std::string Citations::reference(const std::string &text) { return marks({add(m_references, text)}, {}); }
std::string Citations::assume(const std::string &text) { return marks({}, {add(m_assumptions, text)}); }

} // namespace pm::report
