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
#include <cstddef>
#include <cstdint>
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
  // A group quantified to repeat has closed: it holds groups first..last,
  // and its marker would stand after `before` groups, `depth` groups deep.
  // Returns the marker to insert at the start of its body.
  std::string repeated(int first, int last, int before, int depth);
  // `pcre2` with each placeholder written as PCRE2 text; uses_callouts
  // tells whether any needs the callout.
  std::string resolve(std::string_view pcre2, bool& uses_callouts) const;

 private:
  struct Marker {
    int before;
    int depth;
  };
  int pcre2_group(int group) const;
  int pcre2_marker(std::size_t marker) const;

  std::vector<Marker> markers_;
  std::vector<std::vector<std::size_t>> markers_around_;  // per group number
};

// The callout's condition: the callout text is "n,m1,m2..." (PCRE2
// numbers): true when group n is set and starts at or after each marker mK
// (set). `ovector` holds `pairs` pairs.
bool capture_is_current(std::string_view spec, const std::size_t* ovector, std::uint32_t pairs);

}  // namespace kb::tasks::js
