#pragma once
// What a vault's summaries point into (private to the model).
#include <optional>

#include "kb/io/cache_store.hpp"
#include "kb/io/fs.hpp"
#include "kb/model/arena.hpp"
#include "kb/model/parse_cache.hpp"
#include "kb/model/vault.hpp"

namespace kb::model {

struct Vault::Storage {
  Arena arena;                          // strings and arrays of the notes read
  std::optional<io::Listing> listing;   // the paths of the walk
  std::optional<io::Blob> cache;        // the mapped parse cache the other summaries point into
  std::optional<CacheView> cache_view;  // `cache`, checked (Vault::tasks reads lines from it)
};

}  // namespace kb::model
