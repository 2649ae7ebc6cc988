#pragma once
// A JavaScript regular expression, as the plugin's `new RegExp(pattern,
// flags)` reads it, rewritten for PCRE2. The syntax is ECMAScript's: with
// flag u or v its strict grammar, else Annex B's looser one (`\q` is `q`,
// `a{` is `a{`, `[\d-z]` holds `-`). PCRE2 reads the same text differently
// in many places (`\v`, `\s`, `$`, `.`, `\p`, `[[:alpha:]]`, `a++`, `(?i)`),
// so kb does not hand it the text: it parses the pattern as V8 does,
// refuses what V8 refuses with V8's message, and writes a PCRE2 pattern
// that matches what the JavaScript one matches (without UCP: \d \w \b stay
// ASCII, as in JavaScript). With u or v the pattern is for PCRE2's 8-bit
// library in UTF mode; without, for its 16-bit library without UTF, run on
// the subject's UTF-16 units as JavaScript runs it (js_regex_units.hpp).
#include <string>
#include <string_view>

#include "kb/util/expected.hpp"

namespace kb::tasks {

struct JsRegexFlags {
  bool unicode = false;       // u or v
  bool unicode_sets = false;  // v (class set notation)
  bool multiline = false;     // m
  bool dot_all = false;       // s
  bool ignore_case = false;   // i (PCRE2_CASELESS is set by the caller)
};

// Why a pattern cannot run: V8's reason for refusing it ("Nothing to
// repeat"), or (unsupported) what V8 accepts and kb cannot run.
struct JsRegexError {
  std::string message;
  bool unsupported = false;
};

// The PCRE2 pattern and how to run it.
struct JsRegexProgram {
  std::string pcre2;
  // Without u, with i and a back-reference: run on the subject's units
  // mapped by Canonicalize (js::canonicalize), where PCRE2's exact
  // back-reference compares what JavaScript's compares (every literal and
  // class already matching whole Canonicalize classes of units).
  bool canonical_subject = false;
  // Some back-references ask js::capture_is_current (a PCRE2 callout)
  // whether their group took part in the current pass of each quantified
  // group around it (js_regex_references.hpp).
  bool uses_callouts = false;
};

// The PCRE2 program, or why there is none.
Expected<JsRegexProgram, JsRegexError> js_regex_to_pcre2(std::string_view pattern,
                                                         JsRegexFlags flags);

}  // namespace kb::tasks
