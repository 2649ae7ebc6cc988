#pragma once
// A queue between a walk that lists notes and the threads that read them
// (private to the model: load.cpp's cold path).
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <utility>
#include <vector>

#include "kb/io/fs.hpp"
#include "kb/model/arena.hpp"

namespace kb::model {

// Reads the notes a walk finds while the walk goes on: the walk queues each
// note it lists, worker threads take them off the queue and fill the note's
// Slot, numbered in the order found. finish() drains the queue on the
// calling thread too and joins the workers. The paths are kept in an arena
// (the summaries point at them) and the slots in blocks of a thousand: no
// small allocation per note that would outlive the load's peak.
template <class Slot>
class ReadAhead {
 public:
  using Read = std::function<void(std::string_view path, const io::FileStat& stat, Slot& slot)>;
  ReadAhead(unsigned threads, Read read) : read_(std::move(read)) {
    try {
      for (unsigned t = 1; t < threads; ++t) workers_.emplace_back([this] { run(); });
    } catch (...) {
      // No thread to spare: finish() reads what the started ones do not.
    }
  }
  ReadAhead(const ReadAhead&) = delete;
  ReadAhead& operator=(const ReadAhead&) = delete;
  ~ReadAhead() { stop(); }

  void push(std::size_t found, std::string_view path, const io::FileStat& stat) {
    bool wake = false;
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      if (failure_) return;
      while (found >= blocks_.size() * kBlock) blocks_.push_back(std::make_unique<Slot[]>(kBlock));
      queue_.push_back(Item{&slot(found), paths_.store(path), stat});
      wake = idle_ > 0;
    }
    if (wake) ready_.notify_one();
  }

  // Waits until every note pushed is read; rethrows a worker's failure.
  void finish() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    ready_.notify_all();
    run();
    stop();
    if (failure_) std::rethrow_exception(failure_);
  }

  // The note found `found`-th (once finished).
  Slot& slot(std::size_t found) { return blocks_[found / kBlock][found % kBlock]; }
  Arena& paths() { return paths_; }
  std::vector<std::unique_ptr<Slot[]>> take_blocks() { return std::move(blocks_); }

 private:
  static constexpr std::size_t kBlock = 1024;
  struct Item {
    Slot* slot;
    std::string_view path;
    io::FileStat stat;
  };

  // Takes notes off the queue, a few at a time, until it is empty and the
  // walk is over (or a worker failed).
  void run() noexcept {
    constexpr std::size_t kBatch = 8;
    std::vector<Item> batch;
    try {
      for (;;) {
        {
          std::unique_lock<std::mutex> lock(mutex_);
          ++idle_;
          ready_.wait(lock, [&] { return !queue_.empty() || done_ || failure_; });
          --idle_;
          if (failure_ || queue_.empty()) return;
          batch.clear();
          while (!queue_.empty() && batch.size() < kBatch) {
            batch.push_back(queue_.front());
            queue_.pop_front();
          }
        }
        for (const Item& item : batch) read_(item.path, item.stat, *item.slot);
      }
    } catch (...) {
      {
        const std::lock_guard<std::mutex> lock(mutex_);
        if (!failure_) failure_ = std::current_exception();
      }
      ready_.notify_all();
    }
  }

  void stop() {
    {
      const std::lock_guard<std::mutex> lock(mutex_);
      done_ = true;
    }
    ready_.notify_all();
    for (auto& worker : workers_) worker.join();
    workers_.clear();
  }

  Read read_;
  std::mutex mutex_;
  std::condition_variable ready_;
  std::deque<Item> queue_;
  Arena paths_;
  std::vector<std::unique_ptr<Slot[]>> blocks_;
  unsigned idle_ = 0;  // workers waiting for notes
  bool done_ = false;  // the walk is over
  std::exception_ptr failure_;
  std::vector<std::thread> workers_;
};

}  // namespace kb::model
