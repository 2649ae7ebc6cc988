#pragma once
// A parallel loop over indexes for per-note and per-person work (reading,
// parsing, resolving, matching, regen's rewrites): each index runs exactly
// once, on some thread, in chunks so that threads rarely contend on the
// counter.
//
// An exception thrown by `body` on any thread stops the loop (no new chunk
// starts), every thread is joined, and the first exception is rethrown on
// the calling thread: a worker never ends the process with std::terminate.
#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace kb {

// threads == 0: one per core. Small loops run on the calling thread alone.
template <typename F>
void parallel_for(std::size_t count, unsigned threads, F&& body) {
  constexpr std::size_t kChunk = 16;
  if (threads == 0) threads = std::thread::hardware_concurrency();
  threads = std::clamp(threads, 1u, 16u);
  if (count < 4 * kChunk) threads = 1;
  std::atomic<std::size_t> next{0};
  std::mutex failure_mutex;
  std::exception_ptr failure;
  auto work = [&]() noexcept {
    try {
      for (std::size_t begin = next.fetch_add(kChunk); begin < count;
           begin = next.fetch_add(kChunk)) {
        const std::size_t end = std::min(count, begin + kChunk);
        for (std::size_t i = begin; i < end; ++i) body(i);
      }
    } catch (...) {
      next.store(count);  // the other threads take no new chunk
      const std::lock_guard<std::mutex> lock(failure_mutex);
      if (!failure) failure = std::current_exception();
    }
  };
  // Joins on every way out, including an exception while starting threads.
  struct Pool {
    std::vector<std::thread> threads;
    ~Pool() {
      for (auto& thread : threads) thread.join();
    }
  } pool;
  try {
    pool.threads.reserve(threads - 1);
    for (unsigned t = 1; t < threads; ++t) pool.threads.emplace_back(work);
  } catch (...) {
    // No more threads (or no memory to start one): the ones started and
    // this one finish the work.
  }
  work();
  for (auto& thread : pool.threads) thread.join();
  pool.threads.clear();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace kb
