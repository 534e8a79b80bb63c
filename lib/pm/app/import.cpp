#include <pm/app/import.hpp>
#include <pm/app/init.hpp>
#include <pm/app/plan.hpp>
#include <pm/i18n/errors.hpp>
#include <pm/i18n/messages.hpp>
#include <pm/util/csv.hpp>
#include <pm/util/text.hpp>
#include <pm/yaml/document.hpp>
#include <pm/yaml/emit.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <filesystem>
#include <map>
#include <optional>
#include <regex>

namespace pm::app {

using i18n::both;
namespace msg = i18n::msg;

namespace {

enum class Cell { text, id, number, count, boolean, type, tender };

// A column of the ledger: its key (the English name) and the names a ledger may give it. The
// Chinese names are the words bureaus' ledgers use; they are matched, never shown as pm's own
// words (man pm-import(1) lists them).
struct LedgerColumn {
  const char *key;
  std::vector<const char *> names;
  Cell cell;
  bool required = false;
};

const std::vector<LedgerColumn> &ledger_columns() {
  static const std::vector<LedgerColumn> columns = {
      {"id", {"编号", "小区编号", "id"}, Cell::id},
      {"name", {"小区名称", "项目名称", "名称", "name"}, Cell::text, true},
      {"name_en", {"英文名称", "name_en"}, Cell::text},
      {"city", {"城市", "city"}, Cell::text},
      {"district", {"区", "区县", "所在区", "district"}, Cell::text},
      {"address", {"地址", "address"}, Cell::text},
      {"type", {"类型", "物业类型", "type"}, Cell::type},
      {"area", {"建筑面积", "总建筑面积", "area"}, Cell::number, true},
      {"households", {"户数", "households"}, Cell::count},
      {"buildings", {"楼栋数", "栋数", "buildings"}, Cell::count},
      {"floors", {"层数", "floors"}, Cell::count},
      {"company", {"物业企业", "物业服务企业", "company"}, Cell::text},
      {"new_estate", {"新建", "新建小区", "new_estate"}, Cell::boolean},
      {"tendered", {"已招投标", "tendered"}, Cell::boolean},
      {"tender_method", {"招投标方式", "招标方式", "tender_method"}, Cell::tender},
      {"tender_approved", {"招标批准", "tender_approved"}, Cell::boolean},
      {"contract_signed", {"前期物业合同", "contract_signed"}, Cell::boolean},
      {"covenant_signed", {"业主临时公约", "covenant_signed"}, Cell::boolean},
      {"company_licensed", {"企业资质", "company_licensed"}, Cell::boolean},
      {"manager_certified", {"经理持证", "manager_certified"}, Cell::boolean},
      {"owners_committee", {"业主委员会", "owners_committee"}, Cell::boolean},
      {"eligible_for_committee", {"具备成立条件", "eligible_for_committee"}, Cell::boolean},
      {"rectification_open", {"遗留问题未整改", "未整改", "rectification_open"}, Cell::count},
      {"rectification_closed", {"遗留问题已整改", "已整改", "rectification_closed"}, Cell::count},
      {"repairs_due", {"报修", "报修数", "repairs_due"}, Cell::count},
      {"repairs_on_time", {"及时维修", "及时维修数", "repairs_on_time"}, Cell::count},
      {"eligible_for_management", {"具备物业管理条件", "eligible_for_management"}, Cell::boolean},
      {"professionally_managed", {"物业化", "实行物业管理", "professionally_managed"}, Cell::boolean},
      {"credit_file", {"诚信档案", "credit_file"}, Cell::boolean},
  };
  return columns;
}

// Words of a cell: an estate type or a tender method, by the words a ledger may use.
const std::vector<std::pair<const char *, std::vector<const char *>>> &type_words() {
  static const std::vector<std::pair<const char *, std::vector<const char *>>> w = {
      {"residential", {"住宅", "住宅小区", "居民小区"}},
      {"villa", {"别墅"}},
      {"mixed_use", {"商住", "综合"}},
      {"office", {"写字楼", "办公楼"}},
      {"campus_dormitory", {"学生公寓", "高校宿舍"}},
      {"institution", {"机关", "事业单位", "机关事业单位"}},
      {"industrial_park", {"工业园", "产业园"}},
  };
  return w;
}
const std::vector<std::pair<const char *, std::vector<const char *>>> &tender_words() {
  static const std::vector<std::pair<const char *, std::vector<const char *>>> w = {
      {"public", {"公开招标"}},
      {"invited", {"邀请招标"}},
      {"negotiated", {"议标"}},
  };
  return w;
}

std::string lower_ascii(std::string s) {
  for (auto &ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  return s;
}

// The cell without surrounding blanks (ASCII, and the ideographic space U+3000).
std::string trim(std::string_view s) {
  const std::string_view ideographic = "\xE3\x80\x80";
  bool again = true;
  while (again) {
    again = false;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1), again = true;
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1), again = true;
    if (s.starts_with(ideographic)) s.remove_prefix(3), again = true;
    if (s.ends_with(ideographic)) s.remove_suffix(3), again = true;
  }
  return std::string(s);
}

// A header cell as matched: trimmed, lower-case, without a unit in brackets ("建筑面积（m²）").
std::string header_key(const std::string &cell) {
  std::string h = trim(cell);
  for (const char *open : {"(", "\xEF\xBC\x88"}) // ( and the full-width （
    if (auto at = h.find(open); at != std::string::npos && at > 0) h = trim(h.substr(0, at));
  return lower_ascii(h);
}

std::optional<std::string> word_of(const std::vector<std::pair<const char *, std::vector<const char *>>> &words,
                                   const std::string &cell) {
  std::string v = lower_ascii(cell);
  for (const auto &[key, names] : words) {
    if (v == key) return key;
    for (const char *n : names)
      if (v == n) return key;
  }
  return std::nullopt;
}

std::optional<bool> boolean_of(const std::string &cell) {
  std::string v = lower_ascii(cell);
  for (const char *t : {"是", "yes", "y", "true", "1"})
    if (v == t) return true;
  for (const char *f : {"否", "no", "n", "false", "0"})
    if (v == f) return false;
  return std::nullopt;
}

// A non-negative number; thousands separators ("12,345") are allowed.
std::optional<double> number_of(std::string cell) {
  std::erase(cell, ',');
  double d = 0;
  auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), d);
  if (ec != std::errc() || end != cell.data() + cell.size() || cell.empty() || !(d >= 0) || d > 1e9)
    return std::nullopt;
  return d;
}
std::optional<long long> count_of(std::string cell) {
  std::erase(cell, ',');
  long long n = 0;
  auto [end, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), n);
  if (ec != std::errc() || end != cell.data() + cell.size() || cell.empty() || n < 0 || n > 1'000'000)
    return std::nullopt;
  return n;
}

// The ids of a ledger's rows without one start with an id from its file name:
// "ledgers/Shenyang 2026.csv" -> "shenyang-2026"; "estate" when the name has no ASCII letter or
// digit.
std::string ledger_prefix(const std::string &ledger) { return id_from_file(ledger).substr(0, 48); }

bool valid_id(const std::string &id) {
  static const std::regex pattern("[a-z0-9][a-z0-9_-]*");
  return id.size() <= 64 && std::regex_match(id, pattern);
}

// The building type by floors, as housing is classed in China: 1–6 floors multi-storey, 7–9
// mid-rise, 10 and more high-rise (an assumption the file states).
const char *building_type(long long floors) {
  if (floors >= 10) return "high_rise";
  if (floors >= 7) return "mid_rise";
  return "multi_storey";
}

bool has_non_ascii(const std::string &s) {
  return std::any_of(s.begin(), s.end(), [](char ch) { return static_cast<unsigned char>(ch) >= 0x80; });
}

// The English and Chinese lists of a cell's choices, for a message.
i18n::Text choices_of(const std::vector<std::pair<const char *, std::vector<const char *>>> &words) {
  i18n::Text t;
  for (const auto &[key, names] : words) {
    std::string zh = key;
    for (const char *n : names) zh += std::string("/") + n;
    t.zh += (t.zh.empty() ? "" : "、") + zh;
    t.en += (t.en.empty() ? "" : ", ") + std::string(key);
  }
  return t;
}

struct Row {
  int line = 0;
  std::map<std::string, std::string> cells; // by column key: the non-blank cells
};

} // namespace

Imported import_ledger(const Context &c, std::string_view bytes, const std::string &ledger, const std::string &dir,
                       i18n::Lang lang) {
  Imported out;
  auto error = [&](int line, int column, const char *code, const i18n::Text &message) {
    out.diagnostics.push_back(diag::make(ledger, line, column, diag::Severity::error, code, message));
  };
  std::string decoded;
  if (auto bad = util::find_bad_utf8(bytes)) {
    // Chinese Excel and WPS save CSV in GB18030: read it as that when it is valid GB18030.
    auto gb = bad->nul ? std::nullopt : util::gb18030_to_utf8(bytes);
    if (!gb) {
      error(bad->line, bad->column, bad->nul ? "nul-byte" : "not-utf8",
            both(bad->nul ? msg::roster_csv_nul : msg::roster_csv_not_utf8));
      return out;
    }
    decoded = std::move(*gb);
    bytes = decoded;
  }
  util::Csv csv = util::parse_csv(bytes);
  for (const auto &p : csv.problems) error(p.line, p.column, "csv-syntax", i18n::describe(p));
  if (csv.records.empty()) {
    if (csv.problems.empty()) error(1, 0, "import-empty", both(msg::import_no_header));
    return out;
  }

  // The header: each cell a known column, else a warning (its values are left out).
  const auto &columns = ledger_columns();
  const util::CsvRecord &header = csv.records.front();
  std::vector<const LedgerColumn *> column_of(header.fields.size(), nullptr);
  std::map<std::string, std::size_t> index; // column key -> cell index
  std::vector<std::string> known;
  for (const auto &col : columns)
    for (const char *n : col.names) known.push_back(n);
  for (std::size_t i = 0; i < header.fields.size(); ++i) {
    std::string h = header_key(header.fields[i]);
    int at = static_cast<int>(i) + 1;
    if (h.empty()) continue;
    const LedgerColumn *found = nullptr;
    for (const auto &col : columns)
      for (const char *n : col.names)
        if (h == n) found = &col;
    if (!found) {
      i18n::Text m = both(msg::import_unknown_column, trim(header.fields[i]));
      if (auto hint = util::did_you_mean(h, known)) m += both(msg::roster_csv_did_you_mean, *hint);
      out.diagnostics.push_back(
          diag::make(ledger, header.line, at, diag::Severity::warning, "import-unknown-column", m));
      continue;
    }
    if (auto seen = index.find(found->key); seen != index.end()) {
      error(header.line, at, "import-duplicate-column",
            both(msg::import_duplicate_column, trim(header.fields[i]), seen->second + 1,
                 trim(header.fields[seen->second])));
      continue;
    }
    index[found->key] = i;
    column_of[i] = found;
  }
  for (const auto &col : columns)
    if (col.required && !index.count(col.key)) {
      std::string names;
      for (const char *n : col.names) names += (names.empty() ? "" : " / ") + std::string(n);
      error(header.line, 0, "import-missing-column", both(msg::import_missing_column, names));
    }
  if (diag::has_errors(out.diagnostics)) return out;
  if (csv.records.size() == 1) {
    error(header.line, 0, "import-empty", both(msg::import_no_rows));
    return out;
  }
  auto name_of = [&](const char *key) { return trim(header.fields[index.at(key)]); };
  auto column = [&](const char *key) { return static_cast<int>(index.at(key)) + 1; };

  // The rows: cells checked one by one, then each estate made and validated in memory.
  const std::size_t rows = csv.records.size() - 1;
  const std::string prefix = ledger_prefix(ledger);
  const int width = std::max<int>(3, static_cast<int>(std::to_string(rows).size()));
  std::map<std::string, int> ids, names; // -> the line that has it first
  for (std::size_t r = 1; r < csv.records.size(); ++r) {
    const util::CsvRecord &rec = csv.records[r];
    // Spreadsheets save the empty rows below a table as ",,,": nothing to import.
    if (std::all_of(rec.fields.begin(), rec.fields.end(), [](const std::string &f) { return trim(f).empty(); }))
      continue;
    const std::size_t errors_before = out.diagnostics.size();
    Row row;
    row.line = rec.line;
    for (std::size_t i = 0; i < rec.fields.size(); ++i) {
      std::string v = trim(rec.fields[i]);
      if (v.empty()) continue;
      if (i >= header.fields.size()) {
        error(rec.line, static_cast<int>(i) + 1, "import-row-length",
              both(msg::import_row_length, rec.fields.size(), header.fields.size()));
        break;
      }
      if (column_of[i]) row.cells[column_of[i]->key] = v;
    }
    auto cell = [&](const char *key) -> const std::string * {
      auto it = row.cells.find(key);
      return it == row.cells.end() ? nullptr : &it->second;
    };
    for (const auto &col : columns)
      if (col.required && !cell(col.key))
        error(rec.line, column(col.key), "import-missing-value", both(msg::import_missing_value, name_of(col.key)));

    nlohmann::ordered_json e = nlohmann::ordered_json::object();
    yaml::Comments comments;
    std::map<std::string, nlohmann::ordered_json> v; // typed cells by key
    for (const auto &col : columns) {
      const std::string *s = cell(col.key);
      if (!s) continue;
      int at = column(col.key);
      switch (col.cell) {
      case Cell::text:
        v[col.key] = *s;
        break;
      case Cell::id:
        if (!valid_id(*s))
          error(rec.line, at, "import-bad-id", both(msg::import_bad_id, *s));
        else
          v[col.key] = *s;
        break;
      case Cell::number:
        if (auto d = number_of(*s))
          v[col.key] = *d == static_cast<double>(static_cast<long long>(*d))
                           ? nlohmann::ordered_json(static_cast<long long>(*d))
                           : nlohmann::ordered_json(*d);
        else
          error(rec.line, at, "import-bad-number", both(msg::import_bad_number, name_of(col.key), *s));
        break;
      case Cell::count:
        if (auto n = count_of(*s))
          v[col.key] = *n;
        else
          error(rec.line, at, "import-bad-number", both(msg::import_bad_count, name_of(col.key), *s));
        break;
      case Cell::boolean:
        if (auto b = boolean_of(*s))
          v[col.key] = *b;
        else
          error(rec.line, at, "import-bad-boolean", both(msg::import_bad_boolean, name_of(col.key), *s));
        break;
      case Cell::type:
      case Cell::tender: {
        const auto &words = col.cell == Cell::type ? type_words() : tender_words();
        if (auto w = word_of(words, *s)) {
          v[col.key] = *w;
        } else {
          i18n::Text list = choices_of(words);
          error(rec.line, at, "import-bad-value",
                {i18n::tr(i18n::Lang::zh, msg::import_bad_value, name_of(col.key), *s, list.zh),
                 i18n::tr(i18n::Lang::en, msg::import_bad_value, name_of(col.key), *s, list.en)});
        }
        break;
      }
      }
    }
    // Pairs that go together.
    auto label = [&](const char *key) { return index.count(key) ? name_of(key) : std::string(key); };
    for (auto [a, b] : {std::pair{"rectification_open", "rectification_closed"}, {"repairs_due", "repairs_on_time"}}) {
      bool has_a = cell(a) != nullptr, has_b = cell(b) != nullptr;
      if (has_a == has_b) continue;
      const char *given = has_a ? a : b, *missing = has_a ? b : a;
      error(rec.line, column(index.count(missing) ? missing : given), "import-incomplete",
            both(msg::import_incomplete, label(a), label(b)));
    }
    if (v.count("repairs_due") && v.count("repairs_on_time") &&
        v["repairs_on_time"].get<long long>() > v["repairs_due"].get<long long>())
      error(
          rec.line, column("repairs_on_time"), "import-inconsistent",
          both(msg::import_on_time_exceeds, v["repairs_on_time"].get<long long>(), v["repairs_due"].get<long long>()));

    // The id: the ledger's, else from the ledger's name and the row's number.
    std::string id = v.count("id") ? v["id"].get<std::string>() : "";
    bool derived = false;
    if (id.empty() && !cell("id")) {
      id = fmt::format("{}-{:0{}}", prefix, r, width);
      derived = true;
    }
    if (!id.empty()) {
      auto [it, fresh] = ids.try_emplace(util::fold(id), rec.line); // NFKC: ids equal to a reader
      if (!fresh)
        error(rec.line, derived ? 0 : column("id"), "import-duplicate-id",
              both(msg::import_duplicate_id, id, it->second));
    }
    if (const std::string *n = cell("name")) {
      auto [it, fresh] = names.try_emplace(util::fold(*n), rec.line);
      if (!fresh)
        error(rec.line, column("name"), "import-duplicate-name", both(msg::import_duplicate_name, *n, it->second));
    }
    if (out.diagnostics.size() != errors_before) continue; // the row has errors

    // The estate: what the row says, and the fields the format requires.
    const std::string path = (std::filesystem::path(dir) / (id + ".yaml")).string();
    comments.head.push_back(i18n::tr(lang, msg::import_file_header, ledger, rec.line, r));
    comments.head.push_back(i18n::tr(lang, msg::import_file_header_rest));
    std::vector<std::pair<std::string, const i18n::Message *>> assumed;
    e["format"] = 1;
    e["id"] = id;
    if (derived) comments.after["/id"] = i18n::tr(lang, msg::import_derived_id);
    nlohmann::ordered_json name = nlohmann::ordered_json::object();
    // The ledger's name is the Chinese one when it has a non-ASCII character or an English name
    // is given beside it.
    if (v.count("name"))
      name[has_non_ascii(v["name"].get<std::string>()) || v.count("name_en") ? "zh" : "en"] = v["name"];
    if (v.count("name_en")) name["en"] = v["name_en"];
    e["name"] = name;
    for (const char *k : {"city", "district", "address"})
      if (v.count(k)) e[k] = v[k];
    if (v.count("type")) {
      e["type"] = v["type"];
    } else {
      e["type"] = "residential";
      comments.after["/type"] = i18n::tr(lang, msg::import_assumed_type);
      assumed.emplace_back("type", &msg::import_assumption_type);
    }
    e["areas"] = {{"total", v["area"]}};
    if (v.count("households")) e["households"] = v["households"];
    if (v.count("buildings")) {
      nlohmann::ordered_json b = nlohmann::ordered_json::object();
      const std::string type = e["type"].get<std::string>();
      if (type == "villa" || type == "office") {
        b["type"] = type;
      } else if (type == "campus_dormitory") {
        b["type"] = "dormitory";
      } else if (v.count("floors")) {
        b["type"] = building_type(v["floors"].get<long long>());
        comments.after["/buildings/0/type"] = i18n::tr(lang, msg::import_assumed_building_type);
        assumed.emplace_back("buildings", &msg::import_assumption_building_type);
      } else {
        b["type"] = "multi_storey";
        comments.after["/buildings/0/type"] = i18n::tr(lang, msg::import_assumed_no_floors);
        assumed.emplace_back("buildings", &msg::import_assumption_no_floors);
      }
      b["count"] = v["buildings"];
      if (v.count("floors")) b["floors"] = v["floors"];
      e["buildings"] = nlohmann::ordered_json::array({b});
    }
    nlohmann::ordered_json g = nlohmann::ordered_json::object();
    for (const char *k :
         {"company", "new_estate", "tendered", "tender_method", "tender_approved", "contract_signed", "covenant_signed",
          "company_licensed", "manager_certified", "owners_committee", "eligible_for_committee"})
      if (v.count(k)) g[k] = v[k];
    if (v.count("rectification_open") && v.count("rectification_closed"))
      g["rectification"] = {{"open", v["rectification_open"]}, {"closed", v["rectification_closed"]}};
    if (v.count("repairs_due") && v.count("repairs_on_time"))
      g["repairs"] = {{"due", v["repairs_due"]}, {"on_time", v["repairs_on_time"]}};
    for (const char *k : {"eligible_for_management", "professionally_managed", "credit_file"})
      if (v.count(k)) g[k] = v[k];
    if (!g.empty()) e["governance"] = g;
    // What the file states beyond the ledger, in the list the report prints under its assumptions.
    for (const auto &[about, m] : assumed)
      e["assumptions"].push_back({{"about", about}, {"zh", m->get(i18n::Lang::zh)}, {"en", m->get(i18n::Lang::en)}});

    std::string text = yaml::emit(e, comments);
    // Validated as pm validate would read the file; a problem is the row's, at its cell.
    yaml::Document doc = check_text(c, text, path);
    for (const auto &d : doc.diagnostics) {
      if (d.severity != diag::Severity::error) continue;
      static const std::vector<std::pair<std::string, const char *>> cell_of_pointer = {
          {"/id", "id"},
          {"/name", "name"},
          {"/areas", "area"},
          {"/households", "households"},
          {"/buildings/0/count", "buildings"},
          {"/buildings/0/floors", "floors"},
          {"/governance/rectification", "rectification_open"},
          {"/governance/repairs", "repairs_due"}};
      int at = 0;
      for (const auto &[pointer, key] : cell_of_pointer)
        if (d.pointer.starts_with(pointer) && index.count(key)) at = column(key);
      if (!at && d.pointer.starts_with("/governance/")) {
        std::string key = d.pointer.substr(12, d.pointer.find('/', 12) - 12);
        if (index.count(key)) at = column(key.c_str());
      }
      diag::Diagnostic moved = d;
      moved.file = ledger;
      moved.line = rec.line;
      moved.column = at;
      moved.pointer.clear();
      out.diagnostics.push_back(moved);
    }
    out.estates.push_back({path, id, std::move(text), rec.line});
  }
  if (diag::has_errors(out.diagnostics)) out.estates.clear();
  diag::sort(out.diagnostics);
  return out;
}

} // namespace pm::app
