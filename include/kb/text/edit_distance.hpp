#pragma once
// How far apart two words are, for "did you mean ..." suggestions.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace kb::text {

// Levenshtein distance in bytes: insertions, deletions and substitutions.
std::size_t edit_distance(std::string_view a, std::string_view b);

// The candidates at most `max_distance` edits from `word`, closest first (ties
// in the candidates' order), at most `max_count` of them.
std::vector<std::string> closest_words(std::string_view word,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max_distance, std::size_t max_count = 3);

// "Did you mean ...": the known words nearest a mistyped one, all those at
// the smallest distance, when it is small for the word's length (1 edit
// below 4 bytes, 2 below 8, else 3); none otherwise.
std::vector<std::string> did_you_mean(std::string_view word, const std::vector<std::string>& known);

}  // namespace kb::text
