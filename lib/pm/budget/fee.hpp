#pragma once
// The property fee per m² of chargeable area per month implied by an annual cost
// (物业服务收费管理办法, 发改价格〔2003〕1864号, art. 9 and 11). Results are unrounded 元/m²/month.

#include <cstdint>

namespace pm::budget {

// Lump-sum contract (包干制), taxes included in the fee:
// annual cost × (1 + profit rate) ÷ (1 − tax rate) ÷ 12 ÷ chargeable area.
// The textbook example: fee_lump_sum(5'000'000, 200'000, 0.10, 0.055) = 2.425… → 2.43.
double fee_lump_sum(double annual_cost, double chargeable_area, double profit_rate, double tax_rate);

// Lump-sum contract priced before VAT, the VAT (增值税) invoiced on top:
// annual cost × (1 + profit rate) ÷ 12 ÷ chargeable area; with_vat() gives what the owner pays.
double fee_lump_sum_vat(double annual_cost, double chargeable_area, double profit_rate);

// A price before VAT with the VAT added: fee × (1 + VAT rate).
double with_vat(double fee, double vat_rate);

// Cost-plus contract (酬金制): expenditure × (1 + remuneration rate) ÷ 12 ÷ chargeable area,
// before VAT.
double fee_cost_plus(double annual_expenditure, double chargeable_area, double remuneration_rate);

// Money is kept in whole fen (0.01 元), rounded half away from zero.
std::int64_t to_cents(double yuan);
double round_cents(double yuan);

} // namespace pm::budget
