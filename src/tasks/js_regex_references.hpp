#pragma once
// Back-references as JavaScript resolves them. ECMA-262's RepeatMatcher
// clears the captures inside a quantified group at the start of each pass,
// so a group that did not take part in the last pass is undefined (and a
// reference to it matches empty); PCRE2, like Perl, keeps what the group
// captured on an earlier pass (`/^(?:(a)|b)+\1$/` matches "ab" in
// JavaScript, "aba" in PCRE2). kb puts an empty capturing group (a marker)
// at the start of each such quantified group, so that the marker holds
// where the current pass began, and a reference to a group inside becomes
// a PCRE2 conditional whose condition is a callout: the group counts when
// it was captured at or after every enclosing marker, else the reference
// matches empty. The markers shift PCRE2's group numbers, so the
// translation writes references as placeholders and resolve() writes them
// out once every marker is known.
//
// RepeatMatcher also refuses a pass beyond the group's minimum that matches
// empty ("if min = 0 and y's endIndex = x's endIndex, return failure"),
// where PCRE2 takes it (as its last pass): with captures inside, that
// changes what a back-reference sees. Such a group, when its body can match
// empty, gets a callout at the end of each pass that fails the pass when it
// consumed nothing: with a minimum of 0, every pass; with a minimum of 1, a
// pass that starts after where the group started (an empty group before it
// marks that place), which is a pass beyond the first. Larger minimums are
// left to PCRE2, which cannot count passes.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kb::tasks::js {

class GroupReferences {
 public:
  // A reference to JavaScript group `group`, as a placeholder; to the
  // first of `groups` that is set (a name that repeats, ES2025).
  static std::string reference(int group);
  static std::string reference(const std::vector<int>& groups);
  // Where a marker stands: after `before` groups, at `at` in the
  // JavaScript pattern (which orders markers as the translation does).
  struct Place {
    int before;
    std::size_t at;
  };
  // A group quantified to repeat has closed: it holds groups first..last;
  // its pass marker stands at `body`, the start of its body. Returns the
  // texts to insert before the group (`entry`), at the start and at the
  // end of its body (all empty without a group inside). `empty_check_min`
  // (0 or 1), when set, asks for the empty-pass check, the group standing
  // at `group`.
  struct PassTexts {
    std::string entry;
    std::string start;
    std::string end;
  };
  PassTexts repeated(int first, int last, Place body, Place group,
                     std::optional<int> empty_check_min);
  // `pcre2` with each placeholder written as PCRE2 text; uses_callouts
  // tells whether any needs the callout.
  std::string resolve(std::string_view pcre2, bool& uses_callouts) const;

 private:
  // A marker is an empty group at the start of each pass, or (entry) just
  // before the group, where its first pass starts.
  struct Marker {
    Place place;
    bool entry = false;
    // Textual order: at one place, a pass marker comes before the entry
    // of a group that opens its body.
    bool precedes(const Marker& other) const {
      return place.at < other.place.at || (place.at == other.place.at && !entry && other.entry);
    }
  };
  int pcre2_group(int group) const;
  int pcre2_marker(std::size_t marker) const;
  // Each group's empty-pass check: its pass marker, its entry marker (for
  // a minimum of 1; else none).
  struct Check {
    std::size_t pass;
    std::optional<std::size_t> entry;
  };
  std::vector<Check> checks_;

  std::vector<Marker> markers_;
  std::vector<std::vector<std::size_t>> markers_around_;  // per group number
};

// The callout's condition: the callout text is "n,m1,m2..." (PCRE2
// numbers): true when group n is set and starts at or after each marker mK
// (set). `ovector` holds `pairs` pairs.
bool capture_is_current(std::string_view spec, const std::size_t* ovector, std::uint32_t pairs);
// The end-of-pass callout: the callout text is "E,p" or "E,p,s" (PCRE2
// numbers of the pass's marker and of the group's entry marker): true
// (fail the pass) when it matched empty at `position` and, with s, started
// after the group did.
bool empty_pass_refused(std::string_view spec, const std::size_t* ovector, std::uint32_t pairs,
                        std::size_t position);

}  // namespace kb::tasks::js
