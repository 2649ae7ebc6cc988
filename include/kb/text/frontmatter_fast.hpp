#pragma once
// The two front-matter parsers behind parse_front_matter, exposed so that a
// differential test can hold one against the other.
//
// Most notes' front-matter is flat: `key: value` lines with plain or quoted
// scalars, one-line flow lists and block lists of scalars, comments and
// empty values. The fast parser reads exactly that subset by hand, about
// fifty times faster than building yaml-cpp's node tree, and declines
// (nullopt) anything else: nesting, multi-line scalars, anchors, tags, block
// scalars, tabs, unusual escapes, invalid UTF-8. Where it accepts, its result
// (values, quoted flags, lines, diagnostics) is the one yaml-cpp gives.
#include <optional>
#include <string_view>

#include "kb/text/frontmatter.hpp"

namespace kb::text {

// nullopt when the yaml is outside the flat subset: the caller then uses yaml-cpp.
std::optional<FrontMatterResult> parse_front_matter_fast(std::string_view yaml, int first_line);

// yaml-cpp only, never the fast path: the reference the fast path must equal.
FrontMatterResult parse_front_matter_yaml_cpp(std::string_view yaml, int first_line);

}  // namespace kb::text
