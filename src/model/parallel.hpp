#pragma once
// A parallel loop over indexes for the model's per-note work (reading,
// parsing, resolving, matching): each index runs exactly once, on some
// thread, in chunks so that threads rarely contend on the counter.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <system_error>
#include <thread>
#include <vector>

namespace kb::model {

// threads == 0: one per core. Small loops run on the calling thread alone.
template <typename F>
void parallel_for(std::size_t count, unsigned threads, F&& body) {
  constexpr std::size_t kChunk = 16;
  if (threads == 0) threads = std::thread::hardware_concurrency();
  threads = std::clamp(threads, 1u, 16u);
  if (count < 4 * kChunk) threads = 1;
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t begin = next.fetch_add(kChunk); begin < count;
         begin = next.fetch_add(kChunk)) {
      const std::size_t end = std::min(count, begin + kChunk);
      for (std::size_t i = begin; i < end; ++i) body(i);
    }
  };
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::system_error&) {
    // No more threads: the ones started and this one finish the work.
  }
  work();
  for (auto& thread : pool) thread.join();
}

}  // namespace kb::model
