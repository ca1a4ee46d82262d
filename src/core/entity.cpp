#include "core/entity.h"

namespace rasso {

std::string_view entity_name(Entity entity) {
  switch (entity) {
    case Entity::Units: return "units";
    case Entity::Officers: return "officers";
    case Entity::Crimes: return "crimes";
    case Entity::Persons: return "persons";
    case Entity::Involvements: return "involvements";
    case Entity::Arrests: return "arrests";
    case Entity::Bail: return "bail";
    case Entity::Orders: return "orders";
    case Entity::Breaches: return "breaches";
    case Entity::VictimContacts: return "victim_contacts";
    case Entity::Biometrics: return "biometrics";
    case Entity::Training: return "training";
  }
  return "unknown";
}

std::optional<Entity> entity_from_name(std::string_view name) {
  for (Entity entity : kEntitiesInLoadOrder) {
    if (entity_name(entity) == name) return entity;
  }
  return std::nullopt;
}

}  // namespace rasso
