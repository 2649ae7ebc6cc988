#pragma once
// FNV-1a, 64 bits: a hash that is the same in every build and on every
// platform (unlike std::hash), for cache keys and checksums. Not for
// anything an adversary chooses.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kb {

class Fnv1a {
 public:
  void add(std::string_view bytes) {
    for (const char c : bytes) {
      hash_ ^= static_cast<unsigned char>(c);
      hash_ *= 0x100000001b3ULL;
    }
  }
  // A field with a terminator, so that ("ab", "c") and ("a", "bc") differ.
  void add_field(std::string_view s) {
    add(s);
    add(std::string_view("\0", 1));
  }
  void add_list(const std::vector<std::string>& items) {
    add_field(std::to_string(items.size()));
    for (const auto& item : items) add_field(item);
  }
  std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 0xcbf29ce484222325ULL;
};

}  // namespace kb
