#pragma once
// A Markdown list item with a checkbox, as Obsidian draws one:
// `- [c] text`, with `-`, `*`, `+` or `1.`/`1)` markers at any indentation,
// inside blockquotes and callouts too. Only the line's shape: what the text
// means (an Obsidian Tasks task and its fields) is kb::tasks' business.
#include <optional>
#include <string_view>

namespace kb::text {

struct CheckboxLine {
  std::string_view indentation;    // the blanks and '>' before the list marker, as written
  std::string_view marker;         // "-", "*", "+", "1." or "1)"
  std::string_view status_symbol;  // the one code point between [ and ]
  std::string_view text;           // after "]", without blanks at its ends
};

// The checkbox of one line (without its line ending; a trailing '\r' is
// ignored), or nothing when the line is not a list item with a checkbox.
std::optional<CheckboxLine> checkbox_line(std::string_view line);

}  // namespace kb::text
