#pragma once
// chrono-node 2.3.9's English vocabulary (locales/en/constants.ts): the
// alternations its patterns are built from and how each word reads.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "chrono_components.hpp"

namespace kb::tasks::chrono {

// Pattern text (PCRE2) for the dictionaries, longest words first.
const std::string& weekday_words();
const std::string& month_words();
const std::string& time_unit_words();
const std::string& number_pattern();            // NUMBER_PATTERN
const std::string& ordinal_number_pattern();    // ORDINAL_NUMBER_PATTERN
const std::string& year_pattern();              // YEAR_PATTERN
const std::string& time_units_pattern();        // TIME_UNITS_PATTERN (no groups)
const std::string& single_time_unit_pattern();  // two groups: number, unit

// Values; each takes a word the matching pattern matched (any case).
int weekday_value(std::string_view word);
int month_value(std::string_view word);
bool is_full_month_name(std::string_view word);
Unit time_unit_value(std::string_view word);
double number_value(std::string_view text);
int ordinal_value(std::string_view text);
std::int64_t year_value(std::string_view text);

// calculation/years.ts.
std::int64_t most_likely_ad_year(std::int64_t year);
std::int64_t year_closest_to(Instant reference, int day, int month);

std::string lower(std::string_view text);

}  // namespace kb::tasks::chrono
