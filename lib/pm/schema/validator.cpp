#define VALIJSON_USE_EXCEPTIONS 1
#include <pm/i18n/messages.hpp>
#include <pm/res/resources.hpp>
#include <pm/schema/validator.hpp>
#include <pm/util/text.hpp>

#include <valijson/adapters/nlohmann_json_adapter.hpp>
#include <valijson/schema.hpp>
#include <valijson/schema_parser.hpp>
#include <valijson/validation_results.hpp>
#include <valijson/validator.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <vector>

namespace pm::schema {

using i18n::both;
using i18n::both_of;
using i18n::Text;
using nlohmann::json;
namespace msg = i18n::msg;

struct Validator::Impl {
  json schema_json;
  valijson::Schema schema;
  // Kept for the validator's life: valijson caches each `pattern`'s compiled std::regex in
  // its Validator, and compiling them again for every file took half of `pm validate`'s time.
  // That cache is not thread-safe: each thread borrows a Validator of its own from here.
  std::mutex mu;
  std::vector<std::unique_ptr<valijson::Validator>> idle;
};

Validator::Validator(std::string_view schema_text) : m(std::make_unique<Impl>()) {
  m->schema_json = json::parse(schema_text);
  valijson::SchemaParser parser(valijson::SchemaParser::kDraft7);
  valijson::adapters::NlohmannJsonAdapter adapter(m->schema_json);
  parser.populateSchema(adapter, m->schema);
}

Validator::~Validator() = default;

const json &Validator::schema() const { return m->schema_json; }

namespace {

const json *resolve(const json &root, const json *node) {
  for (int guard = 0; node && node->is_object() && node->contains("$ref") && guard < 32; ++guard) {
    std::string ref = (*node)["$ref"].get<std::string>();
    if (ref.rfind("#", 0) != 0) return node;
    json::json_pointer p(ref.substr(1));
    node = root.contains(p) ? &root.at(p) : nullptr;
  }
  return node;
}

bool is_integral(const json &v) {
  if (v.is_number_integer() || v.is_number_unsigned()) return true;
  if (!v.is_number_float()) return false;
  double d = v.get<double>();
  return std::isfinite(d) && std::floor(d) == d;
}

// Whether the value has a type the subschema allows (true when it states no type).
bool type_fits(const json &s, const json &v) {
  if (!s.is_object() || !s.contains("type")) return true;
  auto fits = [&](const json &t) {
    if (!t.is_string()) return false;
    std::string n = t.get<std::string>();
    if (n == "object") return v.is_object();
    if (n == "array") return v.is_array();
    if (n == "string") return v.is_string();
    if (n == "boolean") return v.is_boolean();
    if (n == "null") return v.is_null();
    if (n == "number") return v.is_number();
    if (n == "integer") return is_integral(v);
    return false;
  };
  const json &t = s["type"];
  if (t.is_array()) return std::any_of(t.begin(), t.end(), fits);
  return fits(t);
}

// Of the forms a oneOf/anyOf allows, the one whose type fits the value, if exactly one does.
const json *pick_form(const json &root, const json *node, const json *value) {
  if (!node || !node->is_object() || !value) return node;
  for (const char *k : {"oneOf", "anyOf"}) {
    if (!node->contains(k) || !(*node)[k].is_array()) continue;
    const json *found = nullptr;
    int n = 0;
    for (const auto &alt : (*node)[k]) {
      const json *a = resolve(root, &alt);
      if (a && type_fits(*a, *value)) {
        found = a;
        ++n;
      }
    }
    if (n == 1) return found;
  }
  return node;
}

// The subschema that applies to the instance at `pointer`, following properties and items,
// and into the one form of a oneOf/anyOf that fits the value (unless `pick_last` is false,
// for the last step).
const json *subschema_at(const json &root, const std::string &pointer, const json &instance, bool pick_last = true) {
  const json *node = resolve(root, &root);
  const json *inst = &instance;
  json::json_pointer p(pointer);
  std::vector<std::string> tokens;
  for (json::json_pointer q = p; !q.empty(); q = q.parent_pointer()) tokens.insert(tokens.begin(), q.back());
  for (const auto &t : tokens) {
    node = pick_form(root, node, inst);
    if (!node || !node->is_object()) return nullptr;
    if (node->contains("properties") && (*node)["properties"].contains(t))
      node = &(*node)["properties"][t];
    else if (node->contains("items") && (*node)["items"].is_object())
      node = &(*node)["items"];
    else if (node->contains("additionalProperties") && (*node)["additionalProperties"].is_object())
      node = &(*node)["additionalProperties"];
    else
      return nullptr;
    node = resolve(root, node);
    if (inst && inst->is_object() && inst->contains(t))
      inst = &(*inst)[t];
    else if (inst && inst->is_array() && !t.empty() && t.find_first_not_of("0123456789") == std::string::npos &&
             t.size() < 10 && std::stoul(t) < inst->size())
      inst = &(*inst)[std::stoul(t)];
    else
      inst = nullptr;
  }
  return pick_last ? pick_form(root, node, inst) : node;
}

// A number as the user would write it: 80, 2.5, 100000000000000000000.
std::string number_text(const json &v) {
  if (v.is_number_float() && is_integral(v) && std::fabs(v.get<double>()) < 1e21)
    return util::format_number(v.get<double>(), 0);
  return v.dump();
}

// What a value is, in words: "the whole number 80" / "整数 80".
Text describe_type(const json &v) {
  switch (v.type()) {
  case json::value_t::null:
    return both(msg::schema_null);
  case json::value_t::boolean:
    return Text::same(v.get<bool>() ? "true" : "false");
  case json::value_t::number_integer:
  case json::value_t::number_unsigned:
    return both(msg::schema_whole_number_value, v.dump());
  case json::value_t::number_float:
    return both(msg::schema_number_value, number_text(v));
  case json::value_t::string:
    return both(msg::schema_text_value, util::abbreviate(v.get<std::string>()));
  case json::value_t::array:
    return both(msg::schema_list);
  case json::value_t::object:
    return both(msg::schema_mapping);
  default:
    return both(msg::schema_value);
  }
}

// What a subschema wants, in words: "a whole number from 1 to 4" / "1 到 4 之间的整数".
Text expected_type(const json *s) {
  if (!s) return both(msg::schema_other_kind);
  std::string t;
  if (s->contains("type") && (*s)["type"].is_string()) t = (*s)["type"];
  if (t == "integer") {
    bool has_min = s->contains("minimum") && (*s)["minimum"].is_number();
    bool has_max = s->contains("maximum") && (*s)["maximum"].is_number();
    std::string min = has_min ? util::format_number((*s)["minimum"].get<double>(), 0) : "";
    std::string max = has_max ? util::format_number((*s)["maximum"].get<double>(), 0) : "";
    // A small range reads best whole ("1 to 4"); a large one by its floor only.
    if (has_min && has_max && (*s)["maximum"].get<double>() <= 1000)
      return both(msg::schema_whole_number_between, min, max);
    if (has_min) return both(msg::schema_whole_number_from, min);
    return both(msg::schema_whole_number);
  }
  if (t == "number") return both(msg::schema_number);
  if (t == "string") return both(msg::schema_text);
  if (t == "boolean") return both(msg::schema_boolean);
  if (t == "array") return both(msg::schema_list);
  if (t == "object") return both(msg::schema_key_value_mapping);
  return both(msg::schema_other_kind);
}

std::vector<std::string> property_names(const json *s) {
  std::vector<std::string> out;
  if (s && s->contains("properties"))
    for (auto &[k, v] : (*s)["properties"].items()) out.push_back(k);
  return out;
}

std::string join(const std::vector<std::string> &v, const std::string &sep) {
  std::string out;
  for (std::size_t i = 0; i < v.size(); ++i) out += (i ? sep : "") + v[i];
  return out;
}

// Each language's items joined with that language's side of `sep`.
Text join(const std::vector<Text> &v, const i18n::Message &sep) {
  Text out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) out += both(sep);
    out += v[i];
  }
  return out;
}

// The message with `arg` put in, for each language whose side of `arg` is not empty ("" for
// the others): the optional tail of a sentence.
Text tail(const i18n::Message &m, const Text &arg) {
  return {arg.zh.empty() ? "" : i18n::tr(i18n::Lang::zh, m, arg.zh),
          arg.en.empty() ? "" : i18n::tr(i18n::Lang::en, m, arg.en)};
}

// The last quoted word of a message: "...: 'name'." -> name.
std::string last_quoted(const std::string &s, char q) {
  auto b = s.rfind(q);
  if (b == std::string::npos || b == 0) return "";
  auto a = s.rfind(q, b - 1);
  if (a == std::string::npos) return "";
  return s.substr(a + 1, b - a - 1);
}

std::string num(const json *s, const char *key) {
  if (!s || !s->contains(key)) return "?";
  return util::format_number((*s)[key].get<double>(), 6);
}

std::string unescape_token(const std::string &t) {
  std::string out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    if (t[i] == '~' && i + 1 < t.size() && (t[i + 1] == '0' || t[i + 1] == '1')) {
      out += t[i + 1] == '0' ? '~' : '/';
      ++i;
    } else {
      out += t[i];
    }
  }
  return out;
}

// How a message names the value at `pointer`: the file, 'key', or item N of 'list'.
Text name_of(const std::string &pointer, const json &root) {
  if (pointer.empty()) return both(msg::schema_the_file);
  auto slash = pointer.rfind('/');
  std::string parent = pointer.substr(0, slash);
  std::string last = unescape_token(pointer.substr(slash + 1));
  json::json_pointer pp(parent);
  bool in_list = root.contains(pp) && root.at(pp).is_array() && !last.empty() && last.size() < 10 &&
                 last.find_first_not_of("0123456789") == std::string::npos;
  if (!in_list) return Text::same("'" + last + "'");
  std::string n = std::to_string(std::stoul(last) + 1); // people count from 1
  return both_of(msg::schema_item_of, n, name_of(parent, root));
}

// The same, as the noun of "is not a valid ...": 'key', or entry in 'list'.
Text noun_of(const std::string &pointer, const json &root) {
  if (pointer.empty()) return both(msg::schema_file);
  auto slash = pointer.rfind('/');
  std::string parent = pointer.substr(0, slash);
  json::json_pointer pp(parent);
  if (!parent.empty() && root.contains(pp) && root.at(pp).is_array())
    return both_of(msg::schema_entry_in, name_of(parent, root));
  return name_of(pointer, root);
}

// One form of a oneOf/anyOf, in words.
Text describe_form(const json &root, const json &alt) {
  const json *a = resolve(root, &alt);
  if (!a || !a->is_object()) return both(msg::schema_other_kind);
  if (a->contains("pattern") && (*a)["pattern"] == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$") return both(msg::schema_date);
  if (a->contains("type") && (*a)["type"] == "object" && a->contains("required") && !(*a)["required"].empty()) {
    std::vector<Text> req;
    for (const auto &r : (*a)["required"]) req.push_back(Text::same(r.get<std::string>()));
    Text keys;
    for (std::size_t i = 0; i < req.size(); ++i) {
      if (i) keys += both(i + 1 == req.size() ? msg::schema_list_and : msg::schema_list_comma);
      keys += req[i];
    }
    return both_of(msg::schema_mapping_with, keys);
  }
  if (a->contains("type") && (*a)["type"] == "object" && a->contains("properties") && !(*a)["properties"].empty()) {
    // A mapping of optional keys, such as a name {zh, en}: "a mapping of en and/or zh".
    std::vector<Text> names;
    for (const auto &n : property_names(a)) names.push_back(Text::same(n));
    return both_of(msg::schema_mapping_of, join(names, msg::schema_list_and_or));
  }
  return expected_type(a);
}

bool is_forms_summary(const std::string &d) {
  return util::starts_with(d, "Failed to validate against any child schemas allowed by oneOf") ||
         util::starts_with(d, "Failed to validate against exactly one child schema") ||
         util::starts_with(d, "Failed to validate against any schemas allowed by anyOf");
}

// `p` is `a` or lies within it.
bool under(const std::string &p, const std::string &a) {
  return p.size() >= a.size() && p.compare(0, a.size(), a) == 0 && (p.size() == a.size() || p[a.size()] == '/');
}

} // namespace

void Validator::validate(yaml::Document &doc) const {
  valijson::ValidationResults results;
  valijson::adapters::NlohmannJsonAdapter target(doc.value);
  std::unique_ptr<valijson::Validator> validator;
  {
    std::lock_guard lock(m->mu);
    if (!m->idle.empty()) {
      validator = std::move(m->idle.back());
      m->idle.pop_back();
    }
  }
  if (!validator) validator = std::make_unique<valijson::Validator>();
  // Without a results object valijson stops at the first error and keeps no context: most
  // files are valid, so look for one quickly and collect the errors only when there are some.
  bool valid = validator->validate(m->schema, target, nullptr) || validator->validate(m->schema, target, &results);
  {
    std::lock_guard lock(m->mu);
    m->idle.push_back(std::move(validator));
  }
  if (valid) return;

  // Pointers already reported while reading (e.g. a non-finite number): don't report twice.
  std::set<std::string> reported;
  for (const auto &d : doc.diagnostics)
    if (!d.pointer.empty()) reported.insert(d.pointer);

  struct Raw {
    std::string pointer;
    std::string description;
  };
  std::vector<Raw> raws;
  valijson::ValidationResults::Error e;
  while (results.popError(e)) {
    std::string ptr;
    for (const auto &c : e.context) {
      if (c == "<root>") continue;
      std::string tok = c.size() >= 2 && c.front() == '[' && c.back() == ']' ? c.substr(1, c.size() - 2) : c;
      ptr += "/" + yaml::pointer_token(tok);
    }
    raws.push_back({ptr, e.description});
  }

  // Where a value may take one of several forms (oneOf/anyOf), valijson lists each form's
  // complaints, each followed by "Failed to validate against child schema #k", then a
  // summary. When exactly one form has the value's type (a date given as text, a period
  // as a mapping), its complaints are the useful ones; otherwise only the summary is.
  std::vector<Raw> kept;
  for (auto &r : raws) {
    if (!is_forms_summary(r.description)) {
      kept.push_back(std::move(r));
      continue;
    }
    std::size_t start = kept.size();
    while (start > 0 && under(kept[start - 1].pointer, r.pointer)) --start;
    std::vector<std::vector<Raw>> forms(1);
    for (std::size_t i = start; i < kept.size(); ++i) {
      if (kept[i].pointer == r.pointer &&
          util::starts_with(kept[i].description, "Failed to validate against child schema #"))
        forms.emplace_back();
      else
        forms.back().push_back(kept[i]);
    }
    const std::vector<Raw> *fitting = nullptr;
    int n_fitting = 0;
    for (const auto &f : forms) {
      if (f.empty()) continue;
      bool wrong_type = std::any_of(f.begin(), f.end(), [&](const Raw &x) {
        return x.pointer == r.pointer && util::starts_with(x.description, "Value type not permitted");
      });
      if (!wrong_type) {
        fitting = &f;
        ++n_fitting;
      }
    }
    std::vector<Raw> replacement = n_fitting == 1 ? *fitting : std::vector<Raw>{r};
    kept.resize(start);
    for (auto &x : replacement) kept.push_back(std::move(x));
  }

  // valijson names only the first unknown key of a mapping: name them all.
  std::vector<Raw> expanded;
  const std::string unknown = "Object contains a property that could not be validated";
  for (auto &r : kept) {
    json::json_pointer jp(r.pointer);
    const json *obj = doc.value.contains(jp) ? &doc.value.at(jp) : nullptr;
    const json *sub = subschema_at(m->schema_json, r.pointer, doc.value);
    if (!util::starts_with(r.description, unknown) || !obj || !obj->is_object() || !sub || !sub->is_object() ||
        sub->contains("patternProperties")) {
      expanded.push_back(std::move(r));
      continue;
    }
    for (const auto &[key, v] : obj->items())
      if (!sub->contains("properties") || !(*sub)["properties"].contains(key))
        expanded.push_back({r.pointer, unknown + ": '" + key + "'."});
  }

  std::set<std::pair<std::string, std::string>> seen;
  for (const auto &r : expanded) {
    const std::string &d = r.description;
    if (util::starts_with(d, "Failed to validate against schema associated with property name") ||
        util::starts_with(d, "Failed to validate item #") ||
        util::starts_with(d, "Failed to validate against child schema #") ||
        util::starts_with(d, "Failed to validate against additional properties schema") ||
        util::starts_with(d, "Failed to validate against schema associated with pattern") ||
        util::starts_with(d, "Failed to validate against dependent schema"))
      continue;
    if (reported.count(r.pointer)) continue;

    diag::Diagnostic out;
    out.file = doc.file;
    out.pointer = r.pointer;
    const json *sub = subschema_at(m->schema_json, r.pointer, doc.value);
    json::json_pointer jp(r.pointer);
    const json *value = doc.value.contains(jp) ? &doc.value.at(jp) : nullptr;
    Text where = name_of(r.pointer, doc.value);
    Text message;
    bool at_key = false;

    if (util::starts_with(d, "Object contains a property that could not be validated")) {
      std::string key = last_quoted(d, '\'');
      out.pointer = r.pointer + "/" + yaml::pointer_token(key);
      out.code = "unknown-key";
      at_key = true;
      auto names = property_names(sub);
      message = both(msg::unknown_key, util::abbreviate(key));
      if (auto best = util::did_you_mean(key, names))
        message += both(msg::did_you_mean, *best);
      else if (!names.empty())
        message += both(msg::schema_expected_keys, join(names, ", "));
    } else if (util::starts_with(d, "Missing required property")) {
      out.code = "missing-key";
      at_key = true;
      message = both_of(msg::schema_missing_key, where, last_quoted(d, '\''));
    } else if (util::starts_with(d, "Value type not permitted")) {
      // JSON Schema counts 80.0 as an integer; valijson does not.
      if (sub && value && sub->contains("type") && (*sub)["type"] == "integer" && is_integral(*value)) continue;
      out.code = "wrong-type";
      message = both_of(msg::schema_must_be, where, expected_type(sub));
      if (value) message += both_of(msg::schema_not, describe_type(*value));
    } else if (util::starts_with(d, "Failed to match against any enum values")) {
      std::vector<std::string> allowed;
      if (sub && sub->contains("enum"))
        for (const auto &v : (*sub)["enum"]) allowed.push_back(v.is_string() ? v.get<std::string>() : v.dump());
      out.code = "not-allowed";
      std::string got = value ? (value->is_string() ? value->get<std::string>() : value->dump()) : "?";
      message = both_of(msg::schema_not_allowed, got, where);
      if (auto best = value && value->is_string() ? util::did_you_mean(got, allowed) : std::nullopt)
        message += both(msg::did_you_mean, *best);
      else
        message += both(msg::schema_expected_values, join(allowed, ", "));
    } else if (util::starts_with(d, "Failed to match expected value set by 'const'") ||
               util::starts_with(d, "Target value and comparison value are not equal")) {
      out.code = "not-allowed";
      std::string c = sub && sub->contains("const") ? (*sub)["const"].dump() : "?";
      message = both_of(msg::schema_must_equal, where, c);
      if (value)
        message +=
            both_of(msg::schema_now, value->is_number() ? Text::same(number_text(*value)) : describe_type(*value));
    } else if (util::starts_with(d, "Expected number greater than or equal to")) {
      out.code = "out-of-range";
      message = both_of(msg::schema_at_least, where, num(sub, "minimum"));
      if (value) message += both(msg::schema_now, number_text(*value));
    } else if (util::starts_with(d, "Expected number greater than")) {
      out.code = "out-of-range";
      message = both_of(msg::schema_greater_than, where, num(sub, "exclusiveMinimum"));
      if (value) message += both(msg::schema_now, number_text(*value));
    } else if (util::starts_with(d, "Expected number less than or equal to")) {
      out.code = "out-of-range";
      message = both_of(msg::schema_at_most, where, num(sub, "maximum"));
      if (value) message += both(msg::schema_now, number_text(*value));
    } else if (util::starts_with(d, "Expected number less than")) {
      out.code = "out-of-range";
      message = both_of(msg::schema_less_than, where, num(sub, "exclusiveMaximum"));
      if (value) message += both(msg::schema_now, number_text(*value));
    } else if (util::starts_with(d, "Failed to match regex")) {
      out.code = "bad-format";
      // The schema's description says what the value should be; a few forms are said better here.
      std::string description = sub && sub->contains("description") ? (*sub)["description"].get<std::string>() : "";
      if (!description.empty() && description.back() == '.') description.pop_back();
      Text hint = Text::same(description);
      std::string pattern = sub && sub->contains("pattern") ? (*sub)["pattern"].get<std::string>() : "";
      if (pattern == "^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
        hint = both(msg::schema_date);
      else if (pattern == "^[a-z0-9][a-z0-9_-]*$")
        hint = both(msg::schema_id_characters);
      else if (util::starts_with(pattern, "^(24h|"))
        hint.zh = i18n::tr(i18n::Lang::zh, msg::schema_hours);
      std::string got = value && value->is_string() ? value->get<std::string>() : "?";
      message = both_of(msg::schema_not_valid, got, noun_of(r.pointer, doc.value));
      message += tail(msg::schema_expected, hint);
    } else if (util::starts_with(d, "String should be no fewer")) {
      out.code = "empty";
      message = both_of(msg::schema_empty, where);
    } else if (util::starts_with(d, "String should be no more")) {
      out.code = "too-long";
      message = both_of(msg::schema_too_long, where, num(sub, "maxLength"));
    } else if (util::starts_with(d, "Object should have no fewer")) {
      out.code = "empty";
      message = both_of(msg::schema_needs_one_of, where, join(property_names(sub), ", "));
    } else if (util::starts_with(d, "Elements at indexes")) {
      // "Elements at indexes #0 and #1 violate uniqueness constraint.": point at the repeat.
      out.code = "duplicate-item";
      unsigned long first = 0, second = 0;
      bool known = std::sscanf(d.c_str(), "Elements at indexes #%lu and #%lu", &first, &second) == 2 && value &&
                   value->is_array() && second < value->size();
      if (known) {
        const json &item = (*value)[second];
        std::string shown = item.is_string() ? item.get<std::string>() : item.dump();
        out.pointer = r.pointer + "/" + std::to_string(second);
        message = both_of(msg::schema_listed_twice, where, shown, first + 1, second + 1);
      } else {
        message = both_of(msg::schema_duplicate_item, where);
      }
    } else if (is_forms_summary(d)) {
      out.code = "wrong-type";
      const json *node = subschema_at(m->schema_json, r.pointer, doc.value, false);
      std::vector<Text> forms;
      for (const char *k : {"oneOf", "anyOf"})
        if (node && node->contains(k) && (*node)[k].is_array())
          for (const auto &alt : (*node)[k]) forms.push_back(describe_form(m->schema_json, alt));
      if (forms.empty()) {
        message = both_of(msg::schema_no_form, where);
        if (value) message += both_of(msg::schema_got, describe_type(*value));
      } else {
        message = both_of(msg::schema_must_be, where, join(forms, msg::schema_or));
        if (value) message += both_of(msg::schema_not, describe_type(*value));
      }
    } else if (util::starts_with(d, "Target should not validate against schema specified in 'not'")) {
      // Keys that exclude each other: name the ones given together.
      out.code = "conflicting-keys";
      std::vector<std::string> given;
      if (sub && sub->contains("not") && value && value->is_object())
        for (const auto &alt : (*sub)["not"].value("anyOf", json::array())) {
          bool all = alt.contains("required");
          for (const auto &k : alt.value("required", json::array())) all = all && value->contains(k.get<std::string>());
          if (all)
            for (const auto &k : alt["required"])
              if (std::find(given.begin(), given.end(), k.get<std::string>()) == given.end())
                given.push_back(k.get<std::string>());
        }
      message = both_of(msg::schema_conflicting_keys, where, join(given, ", "));
    } else if (util::starts_with(d, "Missing dependency")) {
      // "Missing dependency 'posts'.": the key that needs it is the one given.
      out.code = "missing-key";
      std::string missing = last_quoted(d, '\'');
      std::string needing;
      if (sub && sub->contains("dependencies") && value && value->is_object())
        for (const auto &[k, deps] : (*sub)["dependencies"].items())
          if (value->contains(k) && deps.is_array())
            for (const auto &x : deps)
              if (x == missing) needing = k;
      message = both_of(msg::schema_missing_dependency, where, needing, missing);
    } else {
      // valijson's own words.
      out.code = "schema";
      message = both_of(msg::schema_other, where, d);
    }
    out.message = message.en;
    out.message_zh = message.zh;
    if (!seen.insert({out.pointer, out.code + out.message}).second) continue;
    yaml::Position p = doc.position(out.pointer, at_key);
    out.line = p.line;
    out.column = p.column;
    doc.diagnostics.push_back(std::move(out));
  }
}

const Validator &embedded(std::string_view name) {
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
