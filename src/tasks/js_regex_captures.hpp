#pragma once
// The capturing groups of a JavaScript pattern and their names, found
// before it is read, as V8 finds them (ScanForCaptures): a back-reference
// may come before its group.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kb::tasks::js {

struct Captures {
  int count = 0;
  std::vector<std::pair<std::string, int>> names;  // name, group number

  bool any_named() const { return !names.empty(); }
  std::optional<int> number_of(std::string_view name) const;
};

// With v (`sets`), a '[' inside a class opens a nested one.
Captures scan_captures(std::string_view pattern, bool sets);

}  // namespace kb::tasks::js
