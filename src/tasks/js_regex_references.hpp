#pragma once
// Capturing groups and back-references as JavaScript resolves them.
//
// ECMA-262's RepeatMatcher clears the captures inside a quantified group at
// the start of each pass, so a group that did not take part in the last
// pass is undefined (and a reference to it matches empty); PCRE2, like
// Perl, keeps what the group captured on an earlier pass (`/^(?:(a)|b)+\1$/`
// matches "ab" in JavaScript, "aba" in PCRE2). kb puts an empty capturing
// group (a marker) at the start of each such quantified group, so that the
// marker holds where the current pass began, and a reference to a group
// inside becomes a PCRE2 conditional whose condition is a callout: the
// group counts when it was captured at or after every enclosing marker,
// else the reference matches empty.
//
// RepeatMatcher also refuses a pass beyond the group's minimum that matches
// empty ("if min = 0 and y's endIndex = x's endIndex, return failure"),
// where PCRE2 takes it as its last pass: with captures inside, that changes
// what a back-reference sees. With a minimum of 0, each pass of such a
// group (its body can match empty) ends with a callout that fails it when
// it consumed nothing. PCRE2 cannot count passes, so a group with a
// minimum m >= 1 and more passes allowed is unrolled (unrolled()): m - 1
// passes any, capturing into groups of their own (only the last pass's
// captures can be seen after the group), then a PCRE2 branch reset
// `(?|...|...)` of one pass that matches empty or passes that each consume
// (an empty pass followed by another at the same place adds nothing), the
// two copies sharing the group's numbers. Unrolling keeps what can match,
// not the order it is tried in, so inside a positive lookaround (atomic)
// the group keeps PCRE2's loop, a pass after the first failing when it
// matched empty (kConsumedAfterFirst) if the minimum is 1.
//
// The translation therefore writes every capturing group, reference,
// check and branch reset as a placeholder (kOpen ... kClose), and
// resolve() numbers the groups in PCRE2's order and writes them out.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kb::tasks::js {

class GroupReferences {
 public:
  // The text that opens JavaScript capturing group `group` (its '(').
  std::string open_capture(int group);
  // A reference to JavaScript group `group`, as a placeholder; to the
  // first of `groups` that is set (a name that repeats, ES2025).
  static std::string reference(int group);
  static std::string reference(const std::vector<int>& groups);

  // A group quantified to repeat (`group_text`, from its '(' to its ')')
  // closed. When it holds captures, returns the marker to insert at the
  // start of its body and the check, if any, to insert at its end: that
  // the pass consumed something, or that it matched empty.
  // kConsumedAfterFirst: that it consumed unless it started where the
  // group did (its first pass, or one after an empty first pass, which
  // PCRE2 does not try); it also returns the marker to insert before the
  // group (`entry`), where the group starts.
  enum class PassCheck { kNone, kConsumed, kEmpty, kConsumedAfterFirst };
  struct PassTexts {
    std::string start;
    std::string end;
    std::string entry;
  };
  PassTexts repeated(std::string_view group_text, PassCheck check);

  // How a group is quantified: at least `min` (>= 1), at most `max`
  // (nothing: unbounded; more than min), lazily or not.
  struct Repeat {
    std::uint64_t min;
    std::optional<std::uint64_t> max;
    bool lazy;
  };
  // Whether `group_text` holds a capturing group (unrolling matters).
  bool holds_capture(std::string_view group_text) const;
  // `group_text` (a group whose body can match empty) quantified by
  // `repeat`, unrolled as above; it replaces the group and its quantifier.
  std::string unrolled(std::string_view group_text, const Repeat& repeat);

  // `pcre2` with each placeholder written as PCRE2 text; uses_callouts
  // tells whether any needs the callout.
  std::string resolve(std::string_view pcre2, bool& uses_callouts) const;

 private:
  enum class Kind { kCapture, kMarker };
  struct Slot {
    Kind kind;
    std::vector<std::size_t> markers;  // of the repeated groups around a capture
  };
  std::size_t add_slot(Kind kind);
  // A copy of `text` whose groups are new slots; references to groups of
  // the copy point to them, others stay.
  std::string clone(std::string_view text);
  // The slot of a reference's item ("gN": JavaScript group N; "sN": slot N).
  std::size_t slot_of(std::string_view item) const;
  std::string written_reference(std::string_view payload, const std::vector<int>& number,
                                bool& uses_callouts) const;
  // The PCRE2 number of every slot in `pcre2` (branch resets share
  // numbers), and how many numbers it takes.
  struct Numbering {
    std::vector<int> number;
    int count;
  };
  Numbering numbered(std::string_view pcre2) const;

  std::vector<Slot> slots_;
  std::vector<std::size_t> js_slot_;  // per JavaScript group number: its slot
};

// The callout's condition: the callout text is "n,m1,m2..." (PCRE2
// numbers): true when group n is set and starts at or after each marker mK
// (set). `ovector` holds `pairs` pairs.
bool capture_is_current(std::string_view spec, const std::size_t* ovector, std::uint32_t pairs);
// The end-of-pass callout: the callout text is "E,p", "N,p" or "F,p,s" (p:
// the PCRE2 number of the pass's marker, s: of the group's entry marker):
// true (fail the pass) when, ending at `position`, it matched empty (E),
// consumed something (N), or matched empty and started after the group (F).
bool pass_check_fails(std::string_view spec, const std::size_t* ovector, std::uint32_t pairs,
                      std::size_t position);

}  // namespace kb::tasks::js
