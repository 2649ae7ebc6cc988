#pragma once
// The pieces hash64 and checksum64 share: an unaligned 8-byte load, a
// rotation, and murmur3's final avalanche (a bijection of its input).
#include <cstdint>
#include <cstring>

namespace kb::word_mix {

inline std::uint64_t load(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
}

inline std::uint64_t rotl(std::uint64_t x, int r) {
  return (x << r) | (x >> (64 - r));
}

inline std::uint64_t avalanche(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace kb::word_mix
