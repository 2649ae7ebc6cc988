#pragma once
// A value or an error, for lower layers that must not print or throw across
// their boundary (C++20 has no std::expected).
#include <utility>
#include <variant>

#include "kb/util/diagnostic.hpp"

namespace kb {

template <typename T, typename E = Diagnostic>
class Expected {
 public:
  Expected(T value) : v_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit by design
  static Expected failure(E error) { return Expected(std::in_place_index<1>, std::move(error)); }

  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() { return std::get<0>(v_); }
  const T& value() const { return std::get<0>(v_); }
  T& operator*() { return value(); }
  const T& operator*() const { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  const E& error() const { return std::get<1>(v_); }

 private:
  template <std::size_t I, typename A>
  Expected(std::in_place_index_t<I> i, A&& a) : v_(i, std::forward<A>(a)) {}
  std::variant<T, E> v_;
};

}  // namespace kb
