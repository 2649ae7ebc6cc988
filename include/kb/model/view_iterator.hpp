#pragma once
// An input iterator over a view whose items are made when read (TaskLines,
// NoteLinks): `*it` is view[i], by value.
#include <cstddef>
#include <iterator>

namespace kb::model {

template <typename View, typename T>
class ViewIterator {
 public:
  using iterator_category = std::input_iterator_tag;
  using value_type = T;
  using difference_type = std::ptrdiff_t;
  using pointer = void;
  using reference = T;
  ViewIterator() = default;
  ViewIterator(const View* view, std::size_t at) : view_(view), at_(at) {}
  T operator*() const { return (*view_)[at_]; }
  ViewIterator& operator++() {
    ++at_;
    return *this;
  }
  ViewIterator operator++(int) {
    ViewIterator before = *this;
    ++at_;
    return before;
  }
  bool operator==(const ViewIterator& other) const { return at_ == other.at_; }

 private:
  const View* view_ = nullptr;
  std::size_t at_ = 0;
};

}  // namespace kb::model
