#pragma once
// Emergency procedures (fire, flooding, lift entrapment, power cut, violence, theft), each with
// its steps, escalation chain and outside numbers, from lib/data/standards/emergency/<name>.toml.

#include <pm/catalog/applies.hpp>
#include <pm/catalog/text.hpp>
#include <pm/diag/diagnostic.hpp>

#include <optional>
#include <string>
#include <vector>

namespace pm::catalog {

struct EscalationStep {
  Text who;    // "值班物业经理" / "Duty manager"
  Text action; // what they do
  Text source;
  AppliesTo applies_to; // e.g. a control room for the control room's link in the chain
};

// An outside service a procedure may call.
struct Contact {
  std::string id;     // "police"
  std::string number; // "110"; empty when it is estate-specific (the lift contractor)
  Text name;
  Text source;
};

struct ProcedureStep {
  Text text;
  Text source;          // the step's own, or the procedure's
  AppliesTo applies_to; // e.g. lifts for "stop the lifts"; a variant for estates without says `when = "not lifts"`
};

struct Procedure {
  std::string id; // "fire", "flooding", "lift_entrapment", "power_cut", "violence", "theft"
  Text name;
  AppliesTo applies_to; // e.g. lifts for lift entrapment
  std::vector<ProcedureStep> steps;
  std::vector<EscalationStep> escalation; // its own chain, or the file's default chain
  Text escalation_note;                   // a departure from the chain (fire: call 119 at once); may be empty
  Text escalation_note_source;
  std::vector<std::string> calls; // Contact ids, in order
  Text source;
};

struct EmergencyProcedures {
  Meta meta;
  std::vector<EscalationStep> escalation; // the default chain (lib/data/standards/emergency)
  std::vector<Contact> contacts;
  std::vector<Procedure> procedures; // in file order

  const Procedure *procedure(const std::string &id) const;
  const Contact *contact(const std::string &id) const;
};

std::optional<EmergencyProcedures> load_emergency_procedures(const std::string &name_or_path, diag::Diagnostics &out);

} // namespace pm::catalog
