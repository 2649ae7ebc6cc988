#pragma once
// One line of Markdown or YAML without the spaces and tabs around it, nor the
// CR that a CRLF line keeps once the text is split at '\n'.
#include <string_view>

namespace kb::text {

inline std::string_view trim_line(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) {
    s.remove_suffix(1);
  }
  return s;
}

}  // namespace kb::text
