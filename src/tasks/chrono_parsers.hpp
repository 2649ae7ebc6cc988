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

// What every extractor reads: the whole text and chrono's reference.
struct ParserContext {
  std::string_view text;
  Instant reference;
};
// A result for `text` at `index`, its components implied from the reference.
Result result_at(const ParserContext& context, std::size_t index, std::string_view text);
// A result for the whole match, starting at `start`.
Result result_of(const ParserContext& context, const Found& found, Components start);
int to_int(std::string_view digits);

// chrono_date_parsers.cpp: dates written with month names or digits, each
// reading one match of its parser's pattern (nothing when it declines).
std::optional<Result> month_little_endian(const ParserContext& context, Found& found);
std::optional<Result> month_middle_endian(const ParserContext& context, Found& found);
std::optional<Result> month_name(const ParserContext& context, Found& found);
std::optional<Result> iso_date(const ParserContext& context, Found& found);
std::optional<Result> year_month_day(const ParserContext& context, Found& found);
std::optional<Result> slash_month(const ParserContext& context, Found& found);
std::optional<Result> slash_date(const ParserContext& context, Found& found);

// parseTimeUnits: "2 days", "an hour and a half"... as chrono reads them.
TimeUnits parse_time_units(std::string_view text);

}  // namespace kb::tasks::chrono
