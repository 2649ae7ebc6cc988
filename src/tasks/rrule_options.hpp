#pragma once
// What rrule's English parser reads from a rule (its Options) and how its
// toText writes them back: parse_rule is src/nlp/parsetext.ts, rule_text is
// src/nlp/totext.ts (rrule 2.8), as the Tasks plugin uses them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/text/date.hpp"

namespace kb::tasks::rrule {

enum class Freq { Yearly, Monthly, Weekly, Daily, Hourly, Minutely };

struct Weekday {
  int day = 0;  // 0 Monday .. 6 Sunday
  int n = 0;    // 0: every such day; else the n-th (negative: from the end)
};

// The options parseText sets (rrule's Options), each present or not.
struct Options {
  std::optional<long long> interval;
  Freq freq = Freq::Daily;
  std::optional<std::vector<Weekday>> byweekday;
  std::optional<std::vector<int>> bymonthday;
  std::optional<std::vector<int>> bymonth;
  std::optional<std::vector<long long>> byweekno;
  std::optional<std::vector<long long>> byhour;
  std::optional<long long> count;
  std::optional<text::Date> until;
};

// The options of `rule` ("every 2 weeks on Monday"); nothing when rrule's
// parser fails on it.
std::optional<Options> parse_rule(std::string_view rule);

// rrule's toText of the options ("every 2 weeks on Monday").
std::string rule_text(const Options& options);

}  // namespace kb::tasks::rrule
