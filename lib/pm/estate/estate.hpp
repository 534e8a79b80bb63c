#pragma once
// The estate as the computations see it: typed, defaulted, read from a validated document.

#include <pm/catalog/roles.hpp>
#include <pm/diag/diagnostic.hpp>

#include <nlohmann/json_fwd.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pm::yaml {
struct Document;
}

namespace pm::estate {

struct Areas {
  bool chargeable_given = false; // false: chargeable is total less the underground garage
  double total = 0, chargeable = 0, residential = 0, commercial = 0, office = 0, green = 0, underground_garage = 0,
         hard_landscape = 0, water_features = 0, municipal_roads = 0, river_frontage = 0;
};

struct BuildingGroup {
  std::string name;
  std::string type; // high_rise, mid_rise, multi_storey, villa, dormitory, office
  int count = 0;
  int floors = 0;
  int households = 0;
};

struct Equipment {
  int lifts = 0, substations = 0, high_voltage_rooms = 0, heat_exchange_stations = 0, booster_pump_rooms = 0;
  bool control_room = false, fire_control_room = false, access_control = false;
  bool central_air_conditioning = false; // a central chiller/boiler plant run on site
  bool high_voltage_single_duty = false; // the HV rooms meet the single-watch conditions of DL 408-91
  int cctv_cameras = 0;
};

struct Entrance {
  std::string name;
  bool pedestrians = true, vehicles = false, staffed = true;
  std::string hours = "24h"; // "24h" or "HH:MM-HH:MM"
};

struct Pool {
  std::string name;
  double water_area = 0;  // m² of water surface
  std::string hours = ""; // opening hours, "HH:MM-HH:MM"; "" when not said
};

// A contract that replaces in-house posts: priced as a lump sum a year, per m² a month or per
// post a month, with where the price comes from (a quotation, a signed contract...).
struct Outsourced {
  std::string service;
  std::string contractor;
  double annual_cost = 0;
  double per_m2_month = 0, area = 0; // area 0: the estate's total
  double per_post_month = 0;
  int posts = 0;
  std::string source;
  std::string cost_centre = "owners"; // owners (the property fee), public or business
  // The contract's value a year, however it is priced.
  double annual(double total_area) const {
    if (per_m2_month > 0) return per_m2_month * (area > 0 ? area : total_area) * 12;
    if (per_post_month > 0) return per_post_month * posts * 12;
    return annual_cost;
  }
};

// Income that, as the contract says, is set against what the owners pay (公共收益 used to
// reduce the fee: advertising, rented common parts, temporary parking...).
struct Income {
  catalog::Text name;
  double annual = 0; // 元 a year
  std::string source;
};

struct SpecialService {
  std::string service;
  int owners = 0;
  double owners_per_staff = 0;
  std::string hours;
  bool paid = false;
  // Teams dedicated to owners: a team of `team` people for every `owners_per_team` owners.
  int owners_per_team = 0;
  int team = 0;
};

struct Unavailable {
  std::string from, to; // inclusive ISO dates
};

struct Person {
  std::string id, name, role;
  std::vector<std::string> licences;
  double hours_per_week = 0; // 0: the labour profile's standard
  std::vector<Unavailable> unavailable;
};

// A position of an organisation unit (e.g. an institution's service centre): staffed as given,
// with its job description.
struct Position {
  std::string id;
  catalog::Text name;
  int headcount = 0;
  bool supervisor = false;
  double monthly_wage = 0; // 0: the rates file's
  catalog::Requirements requirements;
  std::vector<catalog::Text> licences; // as written, in both languages (requirements.licences: one)
  std::vector<catalog::Text> duties;
};

struct Unit {
  std::string id;
  catalog::Text name;
  catalog::Text scope;
  std::vector<Position> positions;
  std::string cost_centre = "owners"; // who pays for it (budget cost centres)
};

// An inspection or guidance visit a phase of a programme prepares for or receives.
struct PhaseInspection {
  std::string kind = "inspection"; // preliminary (初检), inspection (迎检), guidance (专家指导)
  std::string level;               // district, city; "" when not said
  catalog::Text by;                // who inspects or guides
};

struct Phase {
  std::string id;
  catalog::Text name;
  std::string from, to; // ISO dates, inclusive
  std::vector<catalog::Text> tasks;
  std::vector<std::string> overlaps = {}; // ids of the phases it overlaps on purpose
  std::optional<PhaseInspection> inspection = std::nullopt;
};

// A programme of dated phases (a model-estate campaign).
struct Programme {
  catalog::Text name, goal;
  catalog::Text basis;    // what it follows (notices, experience)
  catalog::Text standard; // the title of the standard scored against, without 《》
};

// A service offered to owners, free or paid (villa estates).
struct Offer {
  catalog::Text name;
  bool paid = false;
  std::string provider; // a department or role id, or free text
  catalog::Text price;  // empty: by agreement
  bool booking = false;
};

struct EquipmentItem {
  catalog::Text name;
  std::optional<int> count;
  catalog::Text notes;
};

struct CleaningStandard {
  catalog::Text item, standard;
};

// The estate's own inspection rounds of utilities and facilities.
struct Inspections {
  int rounds_per_day = 0;
  std::vector<std::string> times; // HH:MM
  std::vector<catalog::Text> checklist;
};

struct Member {
  std::string name;
  catalog::Text role, affiliation;
};

// A leading group, working group, sub-group or committee.
struct Group {
  std::string id;
  catalog::Text name;
  std::string kind; // leading_group, working_group, sub_group, committee; "" when not said
  std::string parent;
  std::string lead;
  std::vector<std::string> deputies;
  std::vector<catalog::Text> deputy_roles; // deputy_roles[i]: deputies[i]'s role (设备组长), empty when not said
  std::vector<Member> members;
  std::string archive_owner;
  std::vector<catalog::Text> duties;
  catalog::Text meets;
};

struct Governance {
  bool present = false;
  std::string company;
  std::optional<bool> new_estate, tendered, contract_signed, company_licensed, manager_certified, owners_committee,
      eligible_for_committee;
  int rectification_open = 0, rectification_closed = 0;
  // The facts of a city's campaign (issue 16): each one absent is unknown, never met.
  std::string tender_method;           // public, invited, negotiated; "" when not said
  std::optional<bool> tender_approved; // the district housing authority approved invited/negotiated tendering
  std::optional<bool> covenant_signed; // the owners' provisional covenant
  std::optional<bool> eligible_for_management, professionally_managed, credit_file;
  bool has_rectification = false, has_repairs = false;
  int repairs_due = 0, repairs_on_time = 0;
};

// What the file states that its plan does not, and why: `about` names the key it concerns
// ("areas", "escalation[1]"), so the report can mark the figures it qualifies.
struct Assumption {
  std::string about;
  catalog::Text text;
};

// A process the plan lays down (an internal application for posts), its steps in order.
struct Process {
  std::string id;
  catalog::Text name;
  std::vector<catalog::Text> steps;
};

// How often the occupants' opinions are asked, in the plan's words ("每季度或半年"), and how.
struct Surveys {
  catalog::Text frequency, method;
};

// Fire safety as the plan sets it: equipment on every floor of every building, a volunteer
// fire team, and the team's work.
struct FireSafety {
  std::vector<catalog::Text> per_floor;
  catalog::Text team;
  std::vector<catalog::Text> duties;
};

// What the company answers for and what it does not (a college's dormitories).
struct Liability {
  std::vector<catalog::Text> borne, not_borne;
};

// Who the proposal is for and from, for its cover page; empty fields are left off the cover.
struct Proposal {
  catalog::Text client, consultant;
  std::string date;    // YYYY-MM-DD, "" when not given (never today: same input, same bytes)
  std::string version; // "1.0", "送审稿"
};

struct Estate {
  std::string file;
  std::string id;
  catalog::Text name;
  std::string city;
  std::string locale = "zh-CN";
  std::string type;
  int grade = 2;
  Areas areas;
  int households = 0;
  std::vector<BuildingGroup> buildings;
  Equipment equipment;
  std::vector<Entrance> entrances;
  int parking_garages = 0, parking_spaces = 0, parking_entrances = 0;
  int patrol_zones = 0;
  std::vector<Pool> pools;
  std::vector<Outsourced> outsourced;
  std::vector<Income> income;
  std::vector<SpecialService> special_services;
  std::vector<Person> staff;
  std::vector<Unit> units;
  std::vector<Phase> phases;
  std::optional<Programme> programme; // its phases are `phases`
  std::vector<Offer> services;
  std::vector<EquipmentItem> security_equipment;
  std::vector<catalog::Text> rules;
  std::vector<CleaningStandard> cleaning_standards;
  std::optional<Inspections> inspections;
  std::vector<catalog::Text> escalation;
  std::string notes;
  std::vector<Assumption> assumptions;
  std::vector<Process> processes;
  std::optional<Surveys> surveys;
  std::optional<FireSafety> fire_safety;
  std::optional<Liability> liability;
  std::vector<catalog::Text> commitments; // the service promised, as the plan words it
  std::vector<Group> groups;
  Governance governance;
  Proposal proposal;

  bool is_outsourced(const std::string &service) const;
  std::int64_t buildings_of(const std::string &type) const; // in 64 bits: counts of up to 1,000,000 each
  std::int64_t floors() const; // the floors of all its buildings (count × floors, the usual floors when not given)
  bool zh() const { return locale.rfind("zh", 0) == 0; }
};

// The floors counted for a building group that does not give its own: the middle of its type's
// usual range (GB 50352-2019 3.1.2 heights; villas 3, offices 20). The staffing says when it is used.
int usual_floors(const std::string &building_type);

// A text field written either as a plain string or as {zh, en}.
catalog::Text text_of(const nlohmann::json &v);
// A list of texts (strings or {zh, en}); none when `v` is not a list.
std::vector<catalog::Text> texts_of(const nlohmann::json &v);
// A group as the estate file writes it (targets files reuse the shape).
Group group_of(const nlohmann::json &v);

// The role catalogue extended with the estate's own units (as departments) and positions (as
// roles), so staff may name them and staffing can list them. From the document, as the checks
// need it before the estate is modelled; tolerates values of the wrong type.
catalog::Catalogue roles_for(const nlohmann::json &doc, const catalog::Catalogue &base);
// The same from a modelled estate.
catalog::Catalogue roles_for(const Estate &e, const catalog::Catalogue &base);

// Builds the model from a document that passed validation.
Estate from_document(const yaml::Document &doc);

} // namespace pm::estate
