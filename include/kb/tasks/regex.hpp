#pragma once
// `regex matches /pattern/flags` in Tasks queries: JavaScript regular
// expressions, read as V8 reads them and run with PCRE2 (the pattern
// rewritten so that it matches what JavaScript matches, src/tasks/js_regex)
// with a match limit so that a pathological pattern fails instead of hanging.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "kb/util/expected.hpp"

namespace kb::tasks {

class RegexMatcher {
 public:
  // `literal` is "/pattern/" or "/pattern/flags" (flags: i case-insensitive,
  // m multi-line, s dot-all, u and v Unicode; g, y and d accepted and
  // ignored). Fails with a message for a malformed literal or pattern,
  // worded as JavaScript's RegExp constructor words it, or for a pattern
  // the plugin's safety check refuses.
  //
  // kPluginSafety runs the plugin's check (validateRegExpSafety) after the
  // syntax, as the plugin does; kSyntaxOnly skips it, for what is not a
  // plugin query (tests of the reading itself).
  enum class Safety { kPluginSafety, kSyntaxOnly };
  static Expected<RegexMatcher, std::string> compile(std::string_view literal,
                                                     Safety safety = Safety::kPluginSafety);

  // True when `literal` has the form /pattern/flags, as the plugin's
  // /^\/(.+)\/([^/]*)$/ (the pattern not empty, no '/' in the flags).
  static bool is_literal(std::string_view literal);

  // True when the pattern matches somewhere in `subject`. A search that hits
  // the match limit counts as no match.
  bool matches(std::string_view subject) const;
  // How many searches so far hit the limit (of this matcher and its
  // copies), so that callers can say their answer may be short.
  std::uint64_t searches_given_up() const;
  // The literal it was compiled from ("/pattern/flags").
  const std::string& literal() const;

 private:
  struct Compiled;
  std::shared_ptr<const Compiled> compiled_;
};

}  // namespace kb::tasks
