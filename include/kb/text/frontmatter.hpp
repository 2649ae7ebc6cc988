#pragma once
// Front-matter: the YAML block between a first line `---` and the next line
// `---` or `...`. Pure functions on text; yaml-cpp is included only by
// frontmatter.cpp.
#include <cstddef>
#include <string_view>

#include "kb/text/yaml_value.hpp"
#include "kb/util/diagnostic.hpp"

namespace kb::text {

struct FrontMatterSplit {
  std::size_t bom = 0;         // 3 when the text starts with a UTF-8 BOM, else 0
  bool present = false;        // an opening `---` on line 1 (after any BOM)
  bool terminated = false;     // ...and a closing `---`/`...` line was found
  std::string_view yaml;       // between the fence lines (empty when not present)
  std::size_t yaml_begin = 0;  // byte offset of `yaml` in the text
  std::size_t yaml_end = 0;    // byte offset where the closing fence line starts
  std::size_t body_begin = 0;  // byte offset of the first byte after the closing fence line
  int yaml_first_line = 2;     // 1-based line of the first yaml line
  int body_first_line = 1;     // 1-based line where the body starts
};

// Fence lines may carry trailing spaces/tabs and end in LF or CRLF; a lone
// CR is not a line ending (so old-Mac CR-only files have no front-matter). An
// unterminated block is not front-matter: present=true, terminated=false,
// body_begin = bom.
FrontMatterSplit split_front_matter(std::string_view text);

struct FrontMatterResult {
  FrontMatter fm;
  bool ok = true;           // false: malformed YAML (fm is empty then)
  Diagnostics diagnostics;  // path left empty: the caller knows it
};

// Parses the yaml of a split. A top-level that is not a map, a syntax error,
// excessive nesting or a duplicate key yields diagnostics; never throws.
FrontMatterResult parse_front_matter(std::string_view yaml, int first_line);

}  // namespace kb::text
