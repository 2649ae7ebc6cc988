#pragma once
// A note's checkbox lines (what task queries read), where they lie: in the
// vault's arena for a note read this run, or in the mapped parse cache for a
// note taken from it, where each line is decoded only when it is read. A
// warm run decodes no line of a note no query asks about.
//
// Immutable: what a TaskLines points into is written before the vault is
// returned and never changed after (the arena's arrays, a read-only mapped
// file), so any number of threads may read the same lines at once.
#include <cstddef>
#include <cstdint>
#include <span>

#include "kb/model/note.hpp"
#include "kb/model/view_iterator.hpp"

namespace kb::model {

class TaskLines {
 public:
  TaskLines() = default;
  // Lines in memory (a note read this run).
  explicit TaskLines(std::span<const NoteTask> lines)
      : lines_(lines.data()), count_(static_cast<std::uint32_t>(lines.size())) {}
  // `count` task records of a checked cache file at `records`, their strings
  // in the string table at `strings` (parse_cache_format.hpp).
  TaskLines(const char* records, const char* strings, std::uint32_t count)
      : records_(records), strings_(strings), count_(count) {}

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  // Line i (i < size()); its strings point into the vault's storage.
  NoteTask operator[](std::size_t i) const { return lines_ != nullptr ? lines_[i] : decode(i); }

  using iterator = ViewIterator<TaskLines, NoteTask>;
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, count_}; }

 private:
  NoteTask decode(std::size_t i) const;  // from the cache's record i
  const NoteTask* lines_ = nullptr;
  const char* records_ = nullptr;
  const char* strings_ = nullptr;
  std::uint32_t count_ = 0;
};

}  // namespace kb::model
