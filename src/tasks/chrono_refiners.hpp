#pragma once
// chrono-node 2.3.9's refiners for English, in its order: overlapping
// results, time zones written after a result, a weekday before a date,
// "2 days after <date>", a date and its time, "<date> to <date>", and the
// filter of unlikely results (plain numbers, days no calendar has).
#include <string_view>
#include <vector>

#include "chrono_components.hpp"

namespace kb::tasks::chrono {

std::vector<Result> refine(std::string_view text, std::vector<Result> results);

}  // namespace kb::tasks::chrono
