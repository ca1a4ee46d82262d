#pragma once
// The entities of an RMS extract (DESIGN.md §3), one extract file each, in the order an import
// must load them so that every reference points at something already loaded.

#include <array>
#include <optional>
#include <string_view>

namespace rasso {

enum class Entity {
  Units,
  Officers,
  Crimes,
  Persons,
  Involvements,
  Arrests,
  Bail,
  Orders,
  Breaches,
  VictimContacts,
  Biometrics,
  Training,
};

/// Every entity, in load order (referenced entities before the entities that refer to them).
inline constexpr std::array<Entity, 12> kEntitiesInLoadOrder = {
    Entity::Units,    Entity::Officers, Entity::Crimes,         Entity::Persons,
    Entity::Involvements, Entity::Arrests, Entity::Bail,       Entity::Orders,
    Entity::Breaches, Entity::VictimContacts, Entity::Biometrics, Entity::Training,
};

/// The entity's file stem and table name, e.g. "victim_contacts".
std::string_view entity_name(Entity entity);

/// The entity whose file stem or table name is `name`, or nullopt.
std::optional<Entity> entity_from_name(std::string_view name);

}  // namespace rasso
