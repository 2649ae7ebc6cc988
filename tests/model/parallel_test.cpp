#include "../../src/model/parallel.hpp"

#include <catch2/catch.hpp>
#include <new>
#include <stdexcept>
#include <vector>

using kb::model::parallel_for;

TEST_CASE("parallel_for runs every index exactly once", "[parallel]") {
  for (const std::size_t count : {0u, 1u, 63u, 64u, 1000u}) {
    std::vector<std::atomic<int>> runs(count);
    parallel_for(count, 4, [&](std::size_t i) { runs[i].fetch_add(1); });
    for (std::size_t i = 0; i < count; ++i) CHECK(runs[i].load() == 1);
  }
}

TEST_CASE("parallel_for carries a worker's exception to the caller and joins", "[parallel]") {
  // Every thread throws on its first index: whichever comes first is
  // rethrown here, after all the threads have been joined (a thread left
  // joinable would end the process in std::terminate).
  for (int round = 0; round < 20; ++round) {
    std::atomic<int> started{0};
    CHECK_THROWS_AS(parallel_for(10000, 8,
                                 [&](std::size_t i) {
                                   started.fetch_add(1);
                                   if (i % 7 == 3) throw std::bad_alloc();
                                 }),
                    std::bad_alloc);
    CHECK(started.load() < 10000);  // the loop stopped early
  }
  CHECK_THROWS_WITH(parallel_for(10, 1,
                                 [](std::size_t i) {
                                   if (i == 5) throw std::runtime_error("five");
                                 }),
                    "five");
}
