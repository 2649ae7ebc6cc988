#include "search_pattern.hpp"

#include <pcre2.h>

#include <cstdint>
#include <cstdlib>
#include <utility>

namespace kb::tasks {

struct SearchPattern::Compiled {
  pcre2_code* code = nullptr;
  ~Compiled() { pcre2_code_free(code); }
};

SearchPattern::SearchPattern(std::string_view pattern, bool ignore_case) {
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  auto compiled = std::make_shared<Compiled>();
  compiled->code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                 PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_DOLLAR_ENDONLY |
                                     (ignore_case ? PCRE2_CASELESS : 0u),
                                 &error_code, &error_offset, nullptr);
  if (compiled->code == nullptr) std::abort();  // a bug in a constant pattern
  compiled_ = std::move(compiled);
}

std::optional<PatternMatch> SearchPattern::find(std::string_view subject) const {
  if (subject.data() == nullptr) subject = "";
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(compiled_->code, nullptr);
  const int rc = pcre2_match(compiled_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()),
                             subject.size(), 0, 0, data, nullptr);
  std::optional<PatternMatch> match;
  if (rc > 0) {
    std::uint32_t count = pcre2_get_ovector_count(data);
    const PCRE2_SIZE* ovector = pcre2_get_ovector_pointer(data);
    match.emplace();
    match->groups.resize(count);
    for (std::size_t i = 0; i < count; ++i) {
      if (ovector[2 * i] == PCRE2_UNSET) continue;
      match->groups[i] = PatternMatch::Span{ovector[2 * i], ovector[2 * i + 1]};
    }
  }
  pcre2_match_data_free(data);
  return match;
}

}  // namespace kb::tasks
