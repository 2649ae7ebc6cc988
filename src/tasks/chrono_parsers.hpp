#pragma once
// chrono-node 2.3.9's English parsers (its casual configuration, the one the
// Tasks plugin calls): each searches the whole text for its phrases, as
// Chrono.executeParser does, and returns what it read, ordered by position.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "chrono_components.hpp"

namespace kb::tasks::chrono {

// One search hit: its groups in the whole text (groups[0] is the match).
struct Found {
  std::string_view text;
  std::size_t index = 0;  // where groups[0] starts; an extractor may move it
  std::vector<std::optional<std::string_view>> groups;
  bool has(std::size_t i) const { return i < groups.size() && groups[i].has_value(); }
  std::string_view group(std::size_t i) const { return has(i) ? *groups[i] : std::string_view{}; }
};

// ENTimeExpressionParser (chrono_time_parser.cpp): "at 5pm", "17:30",
// "9 - 11am"; `found` is a match of its primary pattern.
std::optional<Result> time_expression(std::string_view text, Instant reference, Found& found);

std::vector<Result> run_parsers(std::string_view text, Instant reference);

// parseTimeUnits: "2 days", "an hour and a half"... as chrono reads them.
TimeUnits parse_time_units(std::string_view text);

}  // namespace kb::tasks::chrono
