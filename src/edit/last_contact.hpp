#pragma once
// The front-matter's `last_contact` line as `kb regen` edits it: the new
// date in the value's own quoting style, or a line added after `title:`.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/text/frontmatter.hpp"
#include "kb/util/diagnostic.hpp"
#include "rewrite_text.hpp"

namespace kb::edit::detail {

// Appends to `plan` the edit of the top-level `last_contact:` line (or the
// line to add); a refusal when there are two, or its value has a form kb
// cannot edit safely. No front-matter, or an unterminated one: no edit.
std::optional<Diagnostic> plan_last_contact(std::string_view text,
                                            const text::FrontMatterSplit& split,
                                            std::string_view date, const std::string& eol,
                                            std::vector<Replacement>& plan);

}  // namespace kb::edit::detail
