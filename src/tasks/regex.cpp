#include "kb/tasks/regex.hpp"

#include <pcre2.h>

#include <cstdint>
#include <string>

#include "js_regex.hpp"
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

  // PCRE2 in UTF mode without UCP (\d \w \b ASCII, as in JavaScript);
  // back-references to a group that did not take part match empty.
  std::uint32_t options = PCRE2_UTF | PCRE2_MATCH_INVALID_UTF | PCRE2_MATCH_UNSET_BACKREF;
  JsRegexFlags js;
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
        js.ignore_case = true;
        break;
      case 'm':
        js.multiline = true;
        break;
      case 's':
        js.dot_all = true;
        break;
      case 'u':
      case 'v':
        js.unicode = true;
        break;
      case 'g':
      case 'y':
      case 'd':
        break;
      default:
        return Result::failure(bad_flags(flags));
    }
  }

  // V8 reads the pattern first ("Invalid regular expression: /(/: Unterminated group").
  auto translated = js_regex_to_pcre2(pattern, js);
  if (!translated) {
    std::string message = "Invalid regular expression: ";
    message += literal;
    message += ": ";
    message += translated.error();
    return Result::failure(std::move(message));
  }
  // Like the plugin, check the syntax first, then refuse what may backtrack without end.
  if (auto problem = regex_safety_problem(pattern)) return Result::failure(std::move(*problem));

  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  pcre2_code* code =
      pcre2_compile(reinterpret_cast<PCRE2_SPTR>(translated->data()), translated->size(), options,
                    &error_code, &error_offset, nullptr);
  if (code == nullptr && error_code == PCRE2_ERROR_UNKNOWN_UNICODE_PROPERTY) {
    std::string message = "Invalid regular expression: ";  // a script V8 would not know either
    message += literal;
    message += ": Invalid property name";
    return Result::failure(std::move(message));
  }
  if (code == nullptr) {
    // JavaScript reads it, PCRE2 cannot run it (a Unicode property PCRE2
    // does not know, a lookbehind of varying length).
    PCRE2_UCHAR buffer[256];
    pcre2_get_error_message(error_code, buffer, sizeof buffer);
    std::string message = "kb cannot run the regular expression ";
    message += literal;
    message += ": ";
    message += reinterpret_cast<const char*>(buffer);
    return Result::failure(std::move(message));
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
