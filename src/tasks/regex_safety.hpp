#pragma once
// The plugin's guard against catastrophic backtracking (src/lib/RegExpTools.ts
// validateRegExpSafety): a pattern longer than 500 UTF-16 units, or one that
// the safe-regex2 library (over the `ret` tokenizer) finds unsafe, is refused.
#include <optional>
#include <string>
#include <string_view>

namespace kb::tasks {

// The plugin's message when `pattern` (without slashes and flags) is refused,
// nothing when it is accepted.
std::optional<std::string> regex_safety_problem(std::string_view pattern);

}  // namespace kb::tasks
