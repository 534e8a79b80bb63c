#pragma once
// The quantities and conditions of the norm language (catalog/quantities.hpp), evaluated for an
// estate.

#include <pm/catalog/applies.hpp>
#include <pm/catalog/quantities.hpp>
#include <pm/estate/estate.hpp>

#include <optional>
#include <string>

namespace pm::staff {

// The vocabulary is catalogue data; staff code names it from here.
using catalog::building_type_name;
using catalog::building_types;
using catalog::Condition;
using catalog::parse_condition;
using catalog::quantities;
using catalog::quantity_info;
using catalog::QuantityInfo;

// The value of a quantity for an estate; nullopt for an unknown name.
std::optional<double> quantity(const estate::Estate &e, const std::string &name);
// Whether a condition holds for an estate (an unknown quantity counts as 0).
bool holds(const Condition &c, const estate::Estate &e);
// Whether an item of the data files applies to an estate: any of its plant, all of its conditions.
bool applies(const catalog::AppliesTo &a, const estate::Estate &e);

} // namespace pm::staff
