#define VALIJSON_USE_EXCEPTIONS 1
#include <pm/res/resources.hpp>
#include <pm/schema/validator.hpp>
#include <pm/util/text.hpp>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <map>
#include <mutex>
#include <set>
#include <stdexcept>

namespace pm::schema {

using nlohmann::json;

struct Validator::Impl {
  json schema_json;
  valijson::Schema schema;
};

Validator::Validator(std::string_view schema_text) : m(std::make_unique<Impl>()) {
  m->schema_json = json::parse(schema_text);
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(m->schema_json);
  parser.populateSchema(adapter, m->schema);
}

Validator::~Validator() = default;

const json& Validator::schema() const { return m->schema_json; }

namespace {

const json* resolve(const json& root, const json* node) {
  for (int guard = 0; node && node->is_object() && node->contains("$ref") && guard < 32; ++guard) {
    std::string ref = (*node)["$ref"].get<std::string>();
    if (ref.rfind("#", 0) != 0) return node;
    json::json_pointer p(ref.substr(1));
    node = root.contains(p) ? &root.at(p) : nullptr;
  }
  return node;
}

// The subschema that applies to the instance at `pointer`, following properties and items.
const json* subschema_at(const json& root, const std::string& pointer) {
  // Of several alternative forms, the mapping form is the one that has keys to look into.
  auto mapping_form = [&](const json* n) {
    for (const char* k : {"oneOf", "anyOf"})
      if (n && n->is_object() && n->contains(k))
        for (const auto& alt : (*n)[k]) {
          const json* r = resolve(root, &alt);
          if (r && r->is_object() && r->value("type", "") == "object") return r;
        }
    return n;
  };
  const json* node = mapping_form(resolve(root, &root));
  if (pointer.empty()) return node;
  json::json_pointer p(pointer);
  std::vector<std::string> tokens;
  for (json::json_pointer q = p; !q.empty(); q = q.parent_pointer()) tokens.insert(tokens.begin(), q.back());
  for (const auto& t : tokens) {
    if (!node || !node->is_object()) return nullptr;
    if (node->contains("properties") && (*node)["properties"].contains(t)) node = &(*node)["properties"][t];
    else if (node->contains("items") && (*node)["items"].is_object()) node = &(*node)["items"];
    else if (node->contains("additionalProperties") && (*node)["additionalProperties"].is_object())
      node = &(*node)["additionalProperties"];
    else return nullptr;
    node = mapping_form(resolve(root, node));
  }
  return node;
}

std::string describe_type(const json& v) {
  switch (v.type()) {
  case json::value_t::null: return "nothing (null)";
  case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned: return "the whole number " + v.dump();
  case json::value_t::number_float: return "the number " + util::format_number(v.get<double>(), 6);
  case json::value_t::string: return "the text \"" + v.get<std::string>() + "\"";
  case json::value_t::array: return "a list";
  case json::value_t::object: return "a mapping";
  default: return "a value";
  }
}
std::string describe_type_zh(const json& v) {
  switch (v.type()) {
  case json::value_t::null: return "空值 (null)";
  case json::value_t::boolean: return v.get<bool>() ? "true" : "false";
  case json::value_t::number_integer:
  case json::value_t::number_unsigned: return "整数 " + v.dump();
  case json::value_t::number_float: return "数值 " + util::format_number(v.get<double>(), 6);
  case json::value_t::string: return "文字 \"" + v.get<std::string>() + "\"";
  case json::value_t::array: return "列表";
  case json::value_t::object: return "映射";
  default: return "值";
  }
}

std::pair<std::string, std::string> expected_type(const json* s) {
  if (!s) return {"another kind of value", "其他类型的值"};
  std::string t;
  if (s->contains("type") && (*s)["type"].is_string()) t = (*s)["type"];
  if (t == "integer") {
    bool nonneg = s->contains("minimum") && (*s)["minimum"].get<double>() >= 0;
    return nonneg ? std::pair<std::string, std::string>{"a whole number of 0 or more", "大于等于 0 的整数"}
                  : std::pair<std::string, std::string>{"a whole number", "整数"};
  }
  if (t == "number") return {"a number", "数值"};
  if (t == "string") return {"text", "文字"};
  if (t == "boolean") return {"true or false", "true 或 false"};
  if (t == "array") return {"a list", "列表"};
  if (t == "object") return {"a mapping of keys to values", "键值映射"};
  return {"another kind of value", "其他类型的值"};
}

std::vector<std::string> property_names(const json* s) {
  std::vector<std::string> out;
  if (s && s->contains("properties"))
    for (auto& [k, v] : (*s)["properties"].items()) out.push_back(k);
  return out;
}

std::string join(const std::vector<std::string>& v, const std::string& sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

// The last quoted word of a message: "...: 'name'." -> name.
std::string last_quoted(const std::string& s, char q) {
  auto b = s.rfind(q);
  if (b == std::string::npos || b == 0) return "";
  auto a = s.rfind(q, b - 1);
  if (a == std::string::npos) return "";
  return s.substr(a + 1, b - a - 1);
}

std::string num(const json* s, const char* key) {
  if (!s || !s->contains(key)) return "?";
  return util::format_number((*s)[key].get<double>(), 6);
}

} // namespace

void Validator::validate(yaml::Document& doc) const {
  valijson::Validator validator;
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc.value);
  if (validator.validate(m->schema, target, &results)) return;

  // Pointers already reported while reading (e.g. a non-finite number): don't report twice.
  std::set<std::string> reported;
  for (const auto& d : doc.diagnostics) if (!d.pointer.empty()) reported.insert(d.pointer);

  struct Raw {
    std::string pointer;
    std::string description;
  };
  std::vector<Raw> raws;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string ptr;
    for (const auto& c : e.context) {
      if (c == "<root>") continue;
      std::string tok = c.size() >= 2 && c.front() == '[' && c.back() == ']' ? c.substr(1, c.size() - 2) : c;
      ptr += "/" + yaml::pointer_token(tok);
    }
    raws.push_back({ptr, e.description});
  }
  // Where a value must match one of several forms (text or {zh, en}), the forms whose type
  // doesn't fit only confuse; the complaints of the form whose type fits are the useful ones.
  auto is_summary = [](const std::string& d) {
    return util::starts_with(d, "Failed to validate against any child schemas allowed by oneOf") ||
           util::starts_with(d, "Failed to validate against exactly one child schema") ||
           util::starts_with(d, "Failed to validate against any schemas allowed by anyOf");
  };
  auto under = [](const std::string& ptr, const std::string& base) {
    return ptr.size() >= base.size() && ptr.compare(0, base.size(), base) == 0 &&
           (ptr.size() == base.size() || ptr[base.size()] == '/');
  };
  std::set<std::string> alternatives, explained;
  for (const auto& r : raws)
    if (is_summary(r.description)) alternatives.insert(r.pointer);
  for (const auto& a : alternatives)
    for (const auto& r : raws)
      if (under(r.pointer, a) && !is_summary(r.description) &&
          !util::starts_with(r.description, "Failed to validate") &&
          !(r.pointer == a && util::starts_with(r.description, "Value type not permitted")))
        explained.insert(a);
  auto skip_alternative = [&](const Raw& r) {
    for (const auto& a : alternatives) {
      if (!under(r.pointer, a)) continue;
      if (is_summary(r.description)) return r.pointer == a && explained.count(a) > 0;
      if (r.pointer == a && util::starts_with(r.description, "Value type not permitted")) return true;
    }
    return false;
  };

  std::set<std::pair<std::string, std::string>> seen;
  for (const auto& r : raws) {
    const std::string& d = r.description;
    if (skip_alternative(r)) continue;
    if (util::starts_with(d, "Failed to validate against schema associated with property name") ||
        util::starts_with(d, "Failed to validate against child schema #") ||
        util::starts_with(d, "Failed to validate item #") ||
        util::starts_with(d, "Failed to validate against additional properties schema") ||
        util::starts_with(d, "Failed to validate against schema associated with pattern") ||
        util::starts_with(d, "Failed to validate against dependent schema"))
      continue;
    if (reported.count(r.pointer)) continue;

    diag::Diagnostic out;
    out.file = doc.file;
    out.pointer = r.pointer;
    const json* sub = subschema_at(m->schema_json, r.pointer);
    json::json_pointer jp(r.pointer);
    const json* value = doc.value.contains(jp) ? &doc.value.at(jp) : nullptr;
    std::string where = r.pointer.empty() ? "the file" : "'" + r.pointer.substr(r.pointer.rfind('/') + 1) + "'";
    std::string where_zh = r.pointer.empty() ? "文件" : "'" + r.pointer.substr(r.pointer.rfind('/') + 1) + "'";
    bool at_key = false;

    if (util::starts_with(d, "Object contains a property that could not be validated")) {
      std::string key = last_quoted(d, '\'');
      out.pointer = r.pointer + "/" + yaml::pointer_token(key);
      out.code = "unknown-key";
      at_key = true;
      auto names = property_names(sub);
      out.message = "unknown key '" + key + "'";
      out.message_zh = "未知的键 '" + key + "'";
      if (auto best = util::did_you_mean(key, names)) {
        out.message += "; did you mean '" + *best + "'?";
        out.message_zh += "；您是否想写 '" + *best + "'？";
      } else if (!names.empty()) {
        out.message += "; expected one of: " + join(names, ", ");
        out.message_zh += "；可用的键：" + join(names, ", ");
      }
    } else if (util::starts_with(d, "Missing required property")) {
      std::string key = last_quoted(d, '\'');
      out.code = "missing-key";
      at_key = true;
      out.message = (r.pointer.empty() ? "the file" : where) + " lacks the required key '" + key + "'";
      out.message_zh = (r.pointer.empty() ? "文件" : where_zh) + " 缺少必填的键 '" + key + "'";
    } else if (util::starts_with(d, "Value type not permitted")) {
      auto [en, zh] = expected_type(sub);
      out.code = "wrong-type";
      out.message = where + " must be " + en + (value ? ", not " + describe_type(*value) : "");
      out.message_zh = where_zh + " 应为" + zh + (value ? "，而不是" + describe_type_zh(*value) : "");
    } else if (util::starts_with(d, "Failed to match against any enum values")) {
      std::vector<std::string> allowed;
      if (sub && sub->contains("enum"))
        for (const auto& v : (*sub)["enum"]) allowed.push_back(v.is_string() ? v.get<std::string>() : v.dump());
      out.code = "not-allowed";
      std::string got = value ? (value->is_string() ? value->get<std::string>() : value->dump()) : "?";
      out.message = "'" + got + "' is not allowed for " + where;
      out.message_zh = "'" + got + "' 不是 " + where_zh + " 的可选值";
      if (auto best = value && value->is_string() ? util::did_you_mean(got, allowed) : std::nullopt) {
        out.message += "; did you mean '" + *best + "'?";
        out.message_zh += "；您是否想写 '" + *best + "'？";
      } else {
        out.message += "; expected one of: " + join(allowed, ", ");
        out.message_zh += "；可选值：" + join(allowed, ", ");
      }
    } else if (util::starts_with(d, "Failed to match expected value set by 'const'") ||
               util::starts_with(d, "Target value and comparison value are not equal")) {
      out.code = "not-allowed";
      std::string c = sub && sub->contains("const") ? (*sub)["const"].dump() : "?";
      out.message = where + " must be " + c;
      out.message_zh = where_zh + " 必须为 " + c;
    } else if (util::starts_with(d, "Expected number greater than or equal to")) {
      out.code = "out-of-range";
      out.message = where + " must be at least " + num(sub, "minimum") + (value ? ", not " + value->dump() : "");
      out.message_zh = where_zh + " 不能小于 " + num(sub, "minimum") + (value ? "（现为 " + value->dump() + "）" : "");
    } else if (util::starts_with(d, "Expected number greater than")) {
      out.code = "out-of-range";
      out.message = where + " must be greater than " + num(sub, "exclusiveMinimum") + (value ? ", not " + value->dump() : "");
      out.message_zh = where_zh + " 必须大于 " + num(sub, "exclusiveMinimum") + (value ? "（现为 " + value->dump() + "）" : "");
    } else if (util::starts_with(d, "Expected number less than or equal to")) {
      out.code = "out-of-range";
      out.message = where + " must be at most " + num(sub, "maximum") + (value ? ", not " + value->dump() : "");
      out.message_zh = where_zh + " 不能大于 " + num(sub, "maximum") + (value ? "（现为 " + value->dump() + "）" : "");
    } else if (util::starts_with(d, "Expected number less than")) {
      out.code = "out-of-range";
      out.message = where + " must be less than " + num(sub, "exclusiveMaximum");
      out.message_zh = where_zh + " 必须小于 " + num(sub, "exclusiveMaximum");
    } else if (util::starts_with(d, "Failed to match regex")) {
      out.code = "bad-format";
      std::string hint = sub && sub->contains("description") ? (*sub)["description"].get<std::string>() : "";
      if (sub && sub->contains("pattern") && (*sub)["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        hint = "a date such as 2026-03-01";
      if (sub && sub->contains("pattern") && (*sub)["pattern"] == "^[a-z0-9][a-z0-9_-]*$")
        hint = "lower-case letters, digits, '-' and '_'";
      std::string got = value && value->is_string() ? value->get<std::string>() : "?";
      out.message = "'" + got + "' is not a valid " + where + (hint.empty() ? "" : "; expected " + hint);
      out.message_zh = "'" + got + "' 不是有效的 " + where_zh + (hint.empty() ? "" : "；应为 " + hint);
    } else if (util::starts_with(d, "String should be no fewer")) {
      out.code = "empty";
      out.message = where + " must not be empty";
      out.message_zh = where_zh + " 不能为空";
    } else if (util::starts_with(d, "String should be no more")) {
      out.code = "too-long";
      out.message = where + " is too long (at most " + num(sub, "maxLength") + " characters)";
      out.message_zh = where_zh + " 过长（最多 " + num(sub, "maxLength") + " 个字符）";
    } else if (util::starts_with(d, "Object should have no fewer")) {
      out.code = "empty";
      auto names = property_names(sub);
      out.message = where + " needs at least one of: " + join(names, ", ");
      out.message_zh = where_zh + " 至少需要以下之一：" + join(names, ", ");
    } else if (util::starts_with(d, "Elements at indexes")) {
      out.code = "duplicate-item";
      out.message = where + " lists the same item twice";
      out.message_zh = where_zh + " 中有重复项";
    } else if (util::starts_with(d, "Failed to validate against any child schemas allowed by oneOf") ||
               util::starts_with(d, "Failed to validate against exactly one child schema") ||
               util::starts_with(d, "Failed to validate against any schemas allowed by anyOf")) {
      out.code = "wrong-type";
      out.message = where + " matches none of its allowed forms" + (value ? " (got " + describe_type(*value) + ")" : "");
      out.message_zh = where_zh + " 不符合任何允许的形式" + (value ? "（现为" + describe_type_zh(*value) + "）" : "");
    } else {
      out.code = "schema";
      out.message = where + ": " + d;
      out.message_zh = where_zh + "：" + d;
    }
    if (!seen.insert({out.pointer, out.code + out.message}).second) continue;
    yaml::Position p = doc.position(out.pointer, at_key);
    out.line = p.line;
    out.column = p.column;
    doc.diagnostics.push_back(std::move(out));
  }
}

const Validator& embedded(std::string_view name) {
  static std::mutex mu;
  static std::map<std::string, std::unique_ptr<Validator>, std::less<>> cache;
  std::lock_guard lock(mu);
  auto it = cache.find(name);
  if (it != cache.end()) return *it->second;
  auto text = res::get("schemas/" + std::string(name) + ".schema.json");
  if (!text) throw std::runtime_error("no embedded schema named " + std::string(name));
  auto v = std::make_unique<Validator>(*text);
  return *cache.emplace(std::string(name), std::move(v)).first->second;
}

} // namespace pm::schema
