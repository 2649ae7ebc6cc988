#pragma once
// A front-matter value, independent of the YAML library that produced it, so
// that a fast hand-written parser and yaml-cpp fill the same structure.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb::text {

struct YamlValue {
  enum class Kind { Null, Scalar, Sequence, Map };
  Kind kind = Kind::Null;
  std::string scalar;            // Scalar: the value as YAML reads it (quotes removed)
  bool quoted = false;           // Scalar: written in '...' or "..."
  std::vector<YamlValue> items;  // Sequence
  std::vector<std::pair<std::string, YamlValue>> entries;  // Map, in file order
  int line = 0;                                            // 1-based line in the note file

  bool is_null() const { return kind == Kind::Null; }
  bool is_scalar() const { return kind == Kind::Scalar; }
  bool is_sequence() const { return kind == Kind::Sequence; }
  bool is_map() const { return kind == Kind::Map; }

  // Scalars as one string, sequences of scalars as several: how `aliases`,
  // `tags` and `participants` may be written either way.
  std::vector<std::string> as_strings() const;

  bool operator==(const YamlValue&) const = default;
};

// The front-matter: a top-level map, keys in file order.
struct FrontMatter {
  std::vector<std::pair<std::string, YamlValue>> entries;

  const YamlValue* find(std::string_view key) const;     // exact key
  const YamlValue* find_ci(std::string_view key) const;  // ASCII case-insensitive key
  std::string get_string(std::string_view key) const;    // scalar or ""
  bool empty() const { return entries.empty(); }
  bool operator==(const FrontMatter&) const = default;
};

}  // namespace kb::text
