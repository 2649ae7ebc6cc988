#include "kb/tasks/regex.hpp"

#include <pcre2.h>

#include <cstdint>
#include <string>

#include "regex_safety.hpp"

namespace kb::tasks {

namespace {
// Enough for any sensible search over one task line, small enough that
// catastrophic backtracking gives up in milliseconds.
constexpr std::uint32_t kMatchLimit = 1'000'000;
constexpr std::uint32_t kHeapLimitKiB = 20'000;

// JavaScript's message for flags it refuses (unknown, repeated, u with v).
std::string bad_flags(std::string_view flags) {
  std::string message = "Invalid flags supplied to RegExp constructor '";
  message += flags;
  message += '\'';
  return message;
}
}  // namespace

struct RegexMatcher::Compiled {
  pcre2_code* code = nullptr;
  pcre2_match_context* context = nullptr;
  ~Compiled() {
    pcre2_match_context_free(context);
    pcre2_code_free(code);
  }
};

bool RegexMatcher::is_literal(std::string_view literal) {
  const std::size_t last_slash = literal.rfind('/');
  return !literal.empty() && literal[0] == '/' && last_slash != std::string_view::npos &&
         last_slash >= 2;
}

Expected<RegexMatcher, std::string> RegexMatcher::compile(std::string_view literal) {
  using Result = Expected<RegexMatcher, std::string>;
  if (!is_literal(literal)) {
    return Result::failure("a regular expression must look like /pattern/ or /pattern/flags");
  }
  const std::size_t last_slash = literal.rfind('/');
  std::string_view pattern = literal.substr(1, last_slash - 1);
  std::string_view flags = literal.substr(last_slash + 1);

  // JavaScript semantics where PCRE2 offers them: \uHHHH and \u{H..}
  // escapes, [^] as "any character", unset back-references match empty.
  std::uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_ALT_BSUX |
                          PCRE2_ALLOW_EMPTY_CLASS | PCRE2_MATCH_UNSET_BACKREF;
  // JavaScript's RegExp constructor refuses a repeated flag, and u with v.
  for (std::size_t i = 0; i < flags.size(); ++i) {
    if (flags.find(flags[i], i + 1) != std::string_view::npos ||
        (flags[i] == 'u' && flags.find('v') != std::string_view::npos)) {
      return Result::failure(bad_flags(flags));
    }
  }
  for (char flag : flags) {
    switch (flag) {
      case 'i':
        options |= PCRE2_CASELESS;
        break;
      case 'm':
        options |= PCRE2_MULTILINE;
        break;
      case 's':
        options |= PCRE2_DOTALL;
        break;
      case 'g':
      case 'u':
      case 'v':
      case 'y':
      case 'd':
        break;
      default:
        return Result::failure(bad_flags(flags));
    }
  }

  pcre2_compile_context* compile_context = pcre2_compile_context_create(nullptr);
  pcre2_set_compile_extra_options(compile_context, PCRE2_EXTRA_ALT_BSUX);
  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code = pcre2_compile(reinterpret_cast<PCRE2_SPTR>(pattern.data()), pattern.size(),
                                   options, &error_code, &error_offset, compile_context);
  pcre2_compile_context_free(compile_context);
  if (code == nullptr) {
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(error_code, buffer, sizeof buffer);
    // V8 says "Invalid regular expression: /(/: Unterminated group".
    std::string message = "Invalid regular expression: ";
    message += literal;
    message += ": ";
    message += reinterpret_cast<const char*>(buffer);
    message += " at offset ";
    message += std::to_string(error_offset);
    return Result::failure(std::move(message));
  }

  // Like the plugin, check the syntax first, then refuse what may backtrack without end.
  if (auto problem = regex_safety_problem(pattern)) {
    pcre2_code_free(code);
    return Result::failure(std::move(*problem));
  }

  auto compiled = std::make_shared<Compiled>();
  compiled->code = code;
  compiled->context = pcre2_match_context_create(nullptr);
  pcre2_set_match_limit(compiled->context, kMatchLimit);
  pcre2_set_heap_limit(compiled->context, kHeapLimitKiB);
  RegexMatcher matcher;
  matcher.compiled_ = std::move(compiled);
  return matcher;
}

bool RegexMatcher::matches(std::string_view subject) const {
  if (subject.data() == nullptr) subject = "";  // PCRE2 may reject a null subject
  pcre2_match_data* data = pcre2_match_data_create_from_pattern(compiled_->code, nullptr);
  int rc = pcre2_match(compiled_->code, reinterpret_cast<PCRE2_SPTR>(subject.data()),
                       subject.size(), 0, 0, data, compiled_->context);
  pcre2_match_data_free(data);
  return rc >= 0;
}

}  // namespace kb::tasks
