// The proposal as JSON (schemas/report.schema.json): the document's JSON with the key figures
// before its sections.

#include <pm/doc/render.hpp>
#include <pm/report/build.hpp>

#include <nlohmann/json.hpp>

namespace pm::report {

nlohmann::ordered_json to_json(const Document &d) {
  nlohmann::ordered_json base = doc::to_json(d), j;
  const Summary &s = d.summary;
  for (auto &[key, value] : base.items()) {
    if (key == "sections")
      j["summary"] = {
          {"headcount", s.headcount},
          {"area_total", s.area_total},
          {"chargeable_area", s.chargeable_area},
          {"annual_cost", s.annual_cost},
          {"monthly_cost", s.monthly_cost},
          {"fee_charged", s.fee_charged},
          {"fee_per_m2_month", s.fee_charged ? nlohmann::ordered_json{{"lump_sum", s.fee_lump_sum},
                                                                      {"lump_sum_vat", s.fee_lump_sum_vat},
                                                                      {"cost_plus", s.fee_cost_plus}}
                                             : nlohmann::ordered_json(nullptr)},
          {"roster", s.roster},
          {"roster_coverage", s.roster ? nlohmann::ordered_json(s.roster_coverage) : nlohmann::ordered_json(nullptr)}};
    j[key] = std::move(value);
  }
  auto numbered = [](const std::vector<std::string> &list) {
    nlohmann::ordered_json a = nlohmann::ordered_json::array();
    for (std::size_t i = 0; i < list.size(); ++i) a.push_back({{"n", i + 1}, {"text", list[i]}});
    return a;
  };
  j["references"] = numbered(d.references);
  j["assumptions"] = numbered(d.assumptions);
  const auto &p = d.provenance;
  j["provenance"] = {
      {"tool", p.tool},
      {"input", p.input},
      {"norms", p.norms},
      {"labor", p.labor},
      {"rates", p.rates},
      {"rates_year", p.rates_year > 0 ? nlohmann::ordered_json(p.rates_year) : nlohmann::ordered_json(nullptr)},
      {"colophon", d.colophon}};
  return j;
}

} // namespace pm::report
