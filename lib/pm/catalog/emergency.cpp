#include <pm/catalog/emergency.hpp>
#include <pm/catalog/reader.hpp>
#include <pm/i18n/messages.hpp>

#include <stdexcept>

namespace pm::catalog {

using i18n::both;
namespace msg = i18n::msg;

const Procedure *EmergencyProcedures::procedure(const std::string &id) const {
  for (const auto &p : procedures)
    if (p.id == id) return &p;
  return nullptr;
}

const Contact *EmergencyProcedures::contact(const std::string &id) const {
  for (const auto &c : contacts)
    if (c.id == id) return &c;
  return nullptr;
}

namespace {

std::vector<EscalationStep> read_chain(detail::Reader &rd, const toml::array &arr) {
  std::vector<EscalationStep> out;
  for (auto &n : arr) {
    const auto &t = *n.as_table();
    rd.keys(t, {"who_zh", "who_en", "action_zh", "action_en", "source", "source_zh", "source_en", "equipment", "when"});
    EscalationStep s;
    s.applies_to = rd.applies_to(t);
    s.who = rd.text(t, "who_zh", "who_en");
    s.action = rd.text(t, "action_zh", "action_en");
    s.source = rd.source_text(t);
    out.push_back(std::move(s));
  }
  return out;
}

} // namespace

std::optional<EmergencyProcedures> load_emergency_procedures(const std::string &name_or_path, diag::Diagnostics &out) {
  using detail::Need;
  auto src = data::load_source("standards/emergency", name_or_path, out);
  if (!src) return std::nullopt;
  auto tbl = data::parse_toml(src->text, src->file, out);
  if (!tbl) return std::nullopt;
  detail::Reader rd(src->file, out);
  EmergencyProcedures ep;
  rd.keys(*tbl, {"meta", "escalation", "contact", "procedure"});
  ep.meta = rd.meta(*tbl, src->name);
  if (auto chain = rd.tables(*tbl, "escalation", Need::required)) ep.escalation = read_chain(rd, *chain);

  std::set<std::string> contact_ids;
  if (auto contacts = rd.tables(*tbl, "contact"))
    for (auto &n : *contacts) {
      const auto &t = *n.as_table();
      rd.keys(t, {"id", "number", "zh", "en", "source", "source_zh", "source_en"});
      Contact c;
      c.id = rd.id(t, contact_ids, both(msg::catalog_what_contact));
      c.number = rd.str(t, "number");
      c.name = rd.text(t, "zh", "en");
      c.source = rd.source_text(t);
      ep.contacts.push_back(std::move(c));
    }

  std::set<std::string> ids;
  if (auto procs = rd.tables(*tbl, "procedure", Need::required))
    for (auto &n : *procs) {
      const auto &t = *n.as_table();
      rd.keys(t, {"id", "zh", "en", "source", "source_zh", "source_en", "equipment", "when", "calls",
                  "escalation_note_zh", "escalation_note_en", "escalation_note_source", "escalation_note_source_zh",
                  "escalation_note_source_en", "step", "escalation"});
      Procedure p;
      p.id = rd.id(t, ids, both(msg::catalog_what_procedure));
      p.name = rd.text(t, "zh", "en");
      p.source = rd.source_text(t);
      p.applies_to = rd.applies_to(t);
      for (const toml::node *c : rd.string_nodes(t, "calls")) {
        p.calls.push_back(*c->value_exact<std::string>());
        if (!ep.contact(p.calls.back()))
          rd.unknown(*c, "unknown-contact", both(msg::catalog_what_contact), p.calls.back(),
                     std::vector<std::string>(contact_ids.begin(), contact_ids.end()));
      }
      p.escalation_note = rd.text(t, "escalation_note_zh", "escalation_note_en", Need::optional);
      if (!p.escalation_note.empty()) {
        if (p.escalation_note.zh.empty() || p.escalation_note.en.empty())
          rd.error(t, "missing-key", both(msg::catalog_escalation_both));
        p.escalation_note_source = rd.optional_source_text(t, "escalation_note_source");
        if (p.escalation_note_source.empty()) p.escalation_note_source = p.source;
      }
      if (auto steps = rd.tables(t, "step", Need::required))
        for (auto &sn : *steps) {
          const auto &st = *sn.as_table();
          rd.keys(st, {"zh", "en", "source", "source_zh", "source_en", "equipment", "when"});
          ProcedureStep step;
          step.applies_to = rd.applies_to(st);
          step.text = rd.text(st, "zh", "en");
          step.source = rd.source_text(st, p.source);
          p.steps.push_back(std::move(step));
        }
      if (auto own = rd.tables(t, "escalation"))
        p.escalation = read_chain(rd, *own);
      else
        p.escalation = ep.escalation;
      ep.procedures.push_back(std::move(p));
    }
  if (rd.failed()) return std::nullopt;
  return ep;
}

} // namespace pm::catalog
