#include "kb/tasks/regex.hpp"

#include <pcre2.h>

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>

#include "js_regex.hpp"
#include "js_regex_references.hpp"
#include "js_regex_units.hpp"
#include "kb/text/unicode.hpp"
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

// With u or v, a UTF-8 pattern for the 8-bit library; without, a pattern
// over UTF-16 units for the 16-bit one (js_regex.hpp).
struct RegexMatcher::Compiled {
  pcre2_code_8* code8 = nullptr;
  pcre2_match_context_8* context8 = nullptr;
  pcre2_code_16* code16 = nullptr;
  pcre2_match_context_16* context16 = nullptr;
  bool canonical_subject = false;  // JsRegexProgram
  std::string literal;
  // Searches that hit a limit; regen's workers share one matcher.
  mutable std::atomic<std::uint64_t> given_up{0};
  ~Compiled() {
    pcre2_match_context_free_8(context8);
    pcre2_code_free_8(code8);
    pcre2_match_context_free_16(context16);
    pcre2_code_free_16(code16);
  }
};

namespace {
// The subject as JavaScript holds it: UTF-16 (a byte that is not UTF-8 is
// U+FFFD, as when the note was read).
std::u16string utf16(std::string_view s) {
  std::u16string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    const char32_t c = text::decode_utf8(s, i);
    if (c < 0x10000) {
      out += static_cast<char16_t>(c);
    } else {
      out += static_cast<char16_t>(0xD800 + ((c - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((c - 0x10000) & 0x3FF));
    }
  }
  return out;
}

// A back-reference's condition (js_regex_references.hpp): 0 lets it match
// its group, anything else makes it match empty; the end of a repeated
// group's pass ("E,...", "N,..." or "F,..."): 0 lets it end, 1 fails it
// (an empty pass beyond the minimum, or one that must match empty).
int callout_result(std::string_view spec, const std::size_t* ovector, std::uint32_t pairs,
                   std::size_t position) {
  if (!spec.empty() && (spec[0] == 'E' || spec[0] == 'N' || spec[0] == 'F'))
    return js::pass_check_fails(spec, ovector, pairs, position);
  return js::capture_is_current(spec, ovector, pairs) ? 0 : 1;
}
int current_capture_callout_8(pcre2_callout_block_8* block, void*) {
  const std::string_view spec(reinterpret_cast<const char*>(block->callout_string),
                              block->callout_string_length);
  return callout_result(spec, block->offset_vector, block->capture_top, block->current_position);
}
int current_capture_callout_16(pcre2_callout_block_16* block, void*) {
  std::string spec;
  for (PCRE2_SIZE k = 0; k < block->callout_string_length; ++k)
    spec += static_cast<char>(block->callout_string[k]);  // digits, commas, E, N and F
  return callout_result(spec, block->offset_vector, block->capture_top, block->current_position);
}
}  // namespace

bool RegexMatcher::is_literal(std::string_view literal) {
  const std::size_t last_slash = literal.rfind('/');
  return !literal.empty() && literal[0] == '/' && last_slash != std::string_view::npos &&
         last_slash >= 2;
}

Expected<RegexMatcher, std::string> RegexMatcher::compile(std::string_view literal, Safety safety) {
  using Result = Expected<RegexMatcher, std::string>;
  if (!is_literal(literal)) {
    return Result::failure("a regular expression must look like /pattern/ or /pattern/flags");
  }
  const std::size_t last_slash = literal.rfind('/');
  std::string_view pattern = literal.substr(1, last_slash - 1);
  std::string_view flags = literal.substr(last_slash + 1);

  // Without UCP (\d \w \b ASCII, as in JavaScript); back-references to a
  // group that did not take part match empty. Groups are written without
  // their names (js_regex_references.hpp), so no name can clash.
  std::uint32_t options = PCRE2_MATCH_UNSET_BACKREF;
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
        js.unicode = true;
        break;
      case 'v':
        js.unicode = true;
        js.unicode_sets = true;
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
  if (!translated && !translated.error().unsupported) {
    std::string message = "Invalid regular expression: ";
    message += literal;
    message += ": ";
    message += translated.error().message;
    return Result::failure(std::move(message));
  }
  // Like the plugin, check the syntax first, then refuse what may backtrack without end.
  if (safety == Safety::kPluginSafety) {
    if (auto problem = regex_safety_problem(pattern)) return Result::failure(std::move(*problem));
  }

  if (!translated) {
    std::string message = "kb cannot run the regular expression ";
    message += literal;
    message += ": ";
    message += translated.error().message;
    return Result::failure(std::move(message));
  }

  int error_code = 0;
  PCRE2_SIZE error_offset = 0;
  auto compiled = std::make_shared<Compiled>();
  if (js.unicode) {
    compiled->code8 = pcre2_compile_8(
        reinterpret_cast<PCRE2_SPTR8>(translated->pcre2.data()), translated->pcre2.size(),
        options | PCRE2_UTF | PCRE2_MATCH_INVALID_UTF, &error_code, &error_offset, nullptr);
  } else {
    // The translation is ASCII text (every other character escaped).
    const std::u16string wide(translated->pcre2.begin(), translated->pcre2.end());
    compiled->code16 = pcre2_compile_16(reinterpret_cast<PCRE2_SPTR16>(wide.data()), wide.size(),
                                        options, &error_code, &error_offset, nullptr);
  }
  const bool failed = compiled->code8 == nullptr && compiled->code16 == nullptr;
  if (failed && error_code == PCRE2_ERROR_UNKNOWN_UNICODE_PROPERTY) {
    std::string message = "Invalid regular expression: ";  // a script V8 would not know either
    message += literal;
    message += ": Invalid property name";
    return Result::failure(std::move(message));
  }
  if (failed) {
    // JavaScript reads it, PCRE2 cannot run it (a Unicode property PCRE2
    // does not know, a lookbehind of varying length).
    PCRE2_UCHAR8 buffer[256];
    pcre2_get_error_message_8(error_code, buffer, sizeof buffer);
    std::string message = "kb cannot run the regular expression ";
    message += literal;
    message += ": ";
    message += reinterpret_cast<const char*>(buffer);
    return Result::failure(std::move(message));
  }

  if (compiled->code8 != nullptr) {
    compiled->context8 = pcre2_match_context_create_8(nullptr);
    pcre2_set_match_limit_8(compiled->context8, kMatchLimit);
    pcre2_set_heap_limit_8(compiled->context8, kHeapLimitKiB);
    if (translated->uses_callouts)
      pcre2_set_callout_8(compiled->context8, current_capture_callout_8, nullptr);
  } else {
    compiled->context16 = pcre2_match_context_create_16(nullptr);
    pcre2_set_match_limit_16(compiled->context16, kMatchLimit);
    pcre2_set_heap_limit_16(compiled->context16, kHeapLimitKiB);
    if (translated->uses_callouts)
      pcre2_set_callout_16(compiled->context16, current_capture_callout_16, nullptr);
  }
  compiled->canonical_subject = translated->canonical_subject;
  compiled->literal = literal;
  RegexMatcher matcher;
  matcher.compiled_ = std::move(compiled);
  return matcher;
}

bool RegexMatcher::matches(std::string_view subject) const {
  if (subject.data() == nullptr) subject = "";  // PCRE2 may reject a null subject
  int rc = 0;
  if (compiled_->code16 != nullptr) {
    std::u16string units = utf16(subject);
    if (compiled_->canonical_subject) {
      for (char16_t& unit : units) unit = js::canonicalize(unit);
    }
    pcre2_match_data_16* data = pcre2_match_data_create_from_pattern_16(compiled_->code16, nullptr);
    rc = pcre2_match_16(compiled_->code16, reinterpret_cast<PCRE2_SPTR16>(units.data()),
                        units.size(), 0, 0, data, compiled_->context16);
    pcre2_match_data_free_16(data);
  } else {
    pcre2_match_data_8* data = pcre2_match_data_create_from_pattern_8(compiled_->code8, nullptr);
    rc = pcre2_match_8(compiled_->code8, reinterpret_cast<PCRE2_SPTR8>(subject.data()),
                       subject.size(), 0, 0, data, compiled_->context8);
    pcre2_match_data_free_8(data);
  }
  // Anything but a match or "no match" is a search given up: the match,
  // heap or depth limit, or memory.
  if (rc < 0 && rc != PCRE2_ERROR_NOMATCH)
    compiled_->given_up.fetch_add(1, std::memory_order_relaxed);
  return rc >= 0;
}

std::uint64_t RegexMatcher::searches_given_up() const {
  return compiled_->given_up.load(std::memory_order_relaxed);
}

const std::string& RegexMatcher::literal() const {
  return compiled_->literal;
}

}  // namespace kb::tasks
