#pragma once
// A fast 64-bit hash of bytes, the same in every build and on every
// little-endian machine: four independent lanes of 8-byte words, so it runs
// at several bytes per cycle where FNV-1a does one. For checksums of the
// parse cache and for telling whether a note's text is the one a summary was
// made from; not for anything an adversary chooses.
#include <cstdint>
#include <cstring>
#include <string_view>

#include "kb/util/word_mix.hpp"

namespace kb {

namespace hash64_detail {
using word_mix::rotl;
constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
inline std::uint64_t mix(std::uint64_t h, std::uint64_t word) {
  h ^= word * 0xC2B2AE3D27D4EB4FULL;
  return rotl(h, 31) * kMul;
}
inline std::uint64_t word_at(const char* p) {
  return word_mix::load(p);
}
}  // namespace hash64_detail

inline std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0) {
  using namespace hash64_detail;
  const char* p = bytes.data();
  std::size_t n = bytes.size();
  std::uint64_t a = seed ^ 0x243F6A8885A308D3ULL, b = seed ^ 0x13198A2E03707344ULL,
                c = seed ^ 0xA4093822299F31D0ULL, d = seed ^ 0x082EFA98EC4E6C89ULL;
  for (; n >= 32; p += 32, n -= 32) {
    a = mix(a, word_at(p));
    b = mix(b, word_at(p + 8));
    c = mix(c, word_at(p + 16));
    d = mix(d, word_at(p + 24));
  }
  std::uint64_t h = rotl(a, 1) + rotl(b, 7) + rotl(c, 12) + rotl(d, 18);
  for (; n >= 8; p += 8, n -= 8) h = mix(h, word_at(p));
  std::uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h = mix(h, tail ^ (static_cast<std::uint64_t>(n) << 56));
  h ^= bytes.size();
  return word_mix::avalanche(h);
}

}  // namespace kb
