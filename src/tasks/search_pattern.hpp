#pragma once
// A regular expression (case-insensitive unless asked) searched for its first match and
// groups (PCRE2 in its JavaScript-like options): the patterns of the date
// phrases chrono-node finds in a text (chrono_parsers.cpp). Patterns are
// kb's own constants, never text from a vault.
#include <cstddef>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

namespace kb::tasks {

struct PatternMatch {
  // Byte offsets into the searched text; groups[0] is the whole match.
  struct Span {
    std::size_t begin = 0, end = 0;
  };
  std::vector<std::optional<Span>> groups;
};

class SearchPattern {
 public:
  // Aborts on a pattern PCRE2 refuses: they are compile-time constants, and
  // the tests run every one.
  explicit SearchPattern(std::string_view pattern, bool ignore_case = true);

  // The first match in `subject`, searched as JavaScript's RegExp.exec
  // searches it (`^` is the start of `subject`).
  std::optional<PatternMatch> find(std::string_view subject) const;

 private:
  struct Compiled;
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace kb::tasks
