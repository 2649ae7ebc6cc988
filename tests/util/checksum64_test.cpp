// checksum64: every change confined to one 8-byte word is caught for certain
// (each step is a bijection of each input), across lengths and chained seeds.
#include "kb/util/checksum64.hpp"

#include <catch2/catch.hpp>
#include <string>

namespace {

// Bytes that are not all alike, so a flip is not hidden by symmetry.
std::string sample(std::size_t size) {
  std::string out(size, '\0');
  std::uint32_t x = 12345;
  for (char& c : out) {
    x = x * 1103515245u + 12345u;
    c = static_cast<char>(x >> 24);
  }
  return out;
}

}  // namespace

TEST_CASE("checksum64 changes with every flipped bit, at every length", "[checksum64]") {
  // Lengths around the 128-byte step and the 8-byte tail.
  for (const std::size_t size : {0u, 1u, 7u, 8u, 9u, 127u, 128u, 129u, 255u, 300u}) {
    const std::string bytes = sample(size);
    const std::uint64_t good = kb::checksum64(bytes);
    for (std::size_t at = 0; at < size; ++at) {
      for (int bit = 0; bit < 8; ++bit) {
        std::string bad = bytes;
        bad[at] = static_cast<char>(bad[at] ^ (1 << bit));
        INFO(size << " " << at << " " << bit);
        CHECK(kb::checksum64(bad) != good);
      }
    }
    // A byte more or less, even a zero one, is another checksum.
    CHECK(kb::checksum64(bytes + std::string(1, '\0')) != good);
    if (size > 0) CHECK(kb::checksum64(std::string_view(bytes).substr(1)) != good);
  }
}

TEST_CASE("checksum64 chains: another seed is another checksum", "[checksum64]") {
  const std::string bytes = sample(1000);
  CHECK(kb::checksum64(bytes, 1) != kb::checksum64(bytes, 0));
  CHECK(kb::checksum64(bytes, 1) == kb::checksum64(bytes, 1));
  CHECK(kb::checksum64("", 1) != kb::checksum64("", 2));
  // Whole 8-byte words swapped (the two halves of one 16-byte step, and two steps).
  std::string swapped = bytes;
  std::swap_ranges(swapped.begin(), swapped.begin() + 8, swapped.begin() + 8);
  CHECK(kb::checksum64(swapped) != kb::checksum64(bytes));
  swapped = bytes;
  std::swap_ranges(swapped.begin(), swapped.begin() + 128, swapped.begin() + 128);
  CHECK(kb::checksum64(swapped) != kb::checksum64(bytes));
}
