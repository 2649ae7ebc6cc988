#include "kb/text/edit_distance.hpp"

#include <algorithm>

namespace kb::text {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

std::vector<std::string> closest_words(std::string_view word,
                                       const std::vector<std::string>& candidates,
                                       std::size_t max_distance, std::size_t max_count) {
  std::vector<std::pair<std::size_t, std::size_t>> scored;  // distance, index
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::size_t distance = edit_distance(word, candidates[i]);
    if (distance <= max_distance) scored.emplace_back(distance, i);
  }
  std::stable_sort(scored.begin(), scored.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> closest;
  for (const auto& [distance, i] : scored) {
    if (closest.size() == max_count) break;
    closest.push_back(candidates[i]);
  }
  return closest;
}

std::vector<std::string> did_you_mean(std::string_view word,
                                      const std::vector<std::string>& known) {
  const std::size_t limit = word.size() < 4 ? 1 : word.size() < 8 ? 2 : 3;
  auto near = closest_words(word, known, limit, known.size());
  if (near.empty()) return near;
  const std::size_t best = edit_distance(word, near.front());
  std::erase_if(near, [&](const std::string& w) { return edit_distance(word, w) > best; });
  return near;
}

}  // namespace kb::text
