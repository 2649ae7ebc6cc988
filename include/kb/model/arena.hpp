#pragma once
// An append-only store for what the vault's summaries point at: strings and
// small arrays copied in once, never moved, freed together. A vault of 100k
// notes makes a few hundred allocations here instead of a few per note.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

namespace kb::model {

class Arena {
 public:
  Arena() = default;
  Arena(Arena&&) noexcept = default;
  Arena& operator=(Arena&&) noexcept = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  std::string_view store(std::string_view s) {
    if (s.empty()) return {};
    char* p = static_cast<char*>(allocate(s.size(), 1));
    std::memcpy(p, s.data(), s.size());
    return {p, s.size()};
  }

  // A copy of `items` (trivially copyable: string_views, small records).
  template <typename T>
  std::span<const T> store_array(std::span<const T> items) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (items.empty()) return {};
    T* p = static_cast<T*>(allocate(items.size_bytes(), alignof(T)));
    std::memcpy(static_cast<void*>(p), items.data(), items.size_bytes());
    return {p, items.size()};
  }

  // Storage for `n` default-constructed T, to fill in place.
  template <typename T>
  std::span<T> make_array(std::size_t n) {
    static_assert(std::is_trivially_copyable_v<T> && std::is_trivially_destructible_v<T>);
    if (n == 0) return {};
    T* p = static_cast<T*>(allocate(n * sizeof(T), alignof(T)));
    for (std::size_t i = 0; i < n; ++i) new (p + i) T();
    return {p, n};
  }

  // Takes over another arena's blocks (what they hold stays where it is).
  void adopt(Arena&& other) {
    for (auto& block : other.blocks_) blocks_.push_back(std::move(block));
    other.blocks_.clear();
    other.next_ = other.end_ = nullptr;
  }

  std::size_t bytes_reserved() const { return reserved_; }

 private:
  static constexpr std::size_t kBlock = std::size_t{64} * 1024;
  void* allocate(std::size_t size, std::size_t align) {
    std::size_t pad = (align - reinterpret_cast<std::uintptr_t>(next_) % align) % align;
    if (next_ == nullptr || static_cast<std::size_t>(end_ - next_) < size + pad) {
      const std::size_t block = size + align > kBlock / 4 ? size + align : kBlock;
      blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(block));  // not zeroed
      reserved_ += block;
      std::byte* start = blocks_.back().get();
      if (block != kBlock) {  // a large object gets a block of its own; keep the current one
        std::byte* p = start;
        p += (align - reinterpret_cast<std::uintptr_t>(p) % align) % align;
        return p;
      }
      next_ = start;
      end_ = start + block;
      pad = (align - reinterpret_cast<std::uintptr_t>(next_) % align) % align;
    }
    std::byte* p = next_ + pad;
    next_ = p + size;
    return p;
  }
  std::vector<std::unique_ptr<std::byte[]>> blocks_;
  std::byte* next_ = nullptr;
  std::byte* end_ = nullptr;
  std::size_t reserved_ = 0;
};

}  // namespace kb::model
