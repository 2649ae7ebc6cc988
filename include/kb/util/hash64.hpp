#pragma once
// A fast 64-bit hash of bytes, the same in every build and on every
// little-endian machine: four independent lanes of 8-byte words, so it runs
// at several bytes per cycle where FNV-1a does one. For checksums of the
// parse cache and for telling whether a note's text is the one a summary was
// made from; not for anything an adversary chooses.
#include <cstdint>
#include <cstring>
#include <string_view>

namespace kb {

namespace hash64_detail {
constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ULL;
inline std::uint64_t mix(std::uint64_t h, std::uint64_t word) {
  h ^= word * 0xC2B2AE3D27D4EB4FULL;
  h = (h << 31) | (h >> 33);
  return h * kMul;
}
inline std::uint64_t word_at(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, sizeof w);
  return w;
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
  std::uint64_t h = ((a << 1) | (a >> 63)) + ((b << 7) | (b >> 57)) + ((c << 12) | (c >> 52)) +
                    ((d << 18) | (d >> 46));
  for (; n >= 8; p += 8, n -= 8) h = mix(h, word_at(p));
  std::uint64_t tail = 0;
  std::memcpy(&tail, p, n);
  h = mix(h, tail ^ (static_cast<std::uint64_t>(n) << 56));
  h ^= bytes.size();
  // Final avalanche (murmur3's).
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDULL;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ULL;
  h ^= h >> 33;
  return h;
}

}  // namespace kb
