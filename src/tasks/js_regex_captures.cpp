#include "js_regex_captures.hpp"

namespace kb::tasks::js {

std::optional<int> Captures::number_of(std::string_view name) const {
  for (const auto& [n, number] : names) {
    if (n == name) return number;
  }
  return std::nullopt;
}

Captures scan_captures(std::string_view p, bool sets) {
  Captures captures;
  int class_depth = 0;
  for (std::size_t i = 0; i < p.size(); ++i) {
    const char c = p[i];
    if (c == '\\') {
      ++i;
    } else if (class_depth > 0) {
      if (c == ']') --class_depth;
      if (c == '[' && sets) ++class_depth;
    } else if (c == '[') {
      class_depth = 1;
    } else if (c == '(') {
      if (i + 1 < p.size() && p[i + 1] == '?') {
        if (i + 2 >= p.size() || p[i + 2] != '<' || i + 3 >= p.size() || p[i + 3] == '=' ||
            p[i + 3] == '!') {
          continue;
        }
        const std::size_t close = p.find('>', i + 3);
        ++captures.count;
        if (close != std::string_view::npos) {
          captures.names.emplace_back(std::string(p.substr(i + 3, close - i - 3)), captures.count);
        }
      } else {
        ++captures.count;
      }
    }
  }
  return captures;
}

}  // namespace kb::tasks::js
