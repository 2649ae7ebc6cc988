#pragma once
// A `diff -u` style line diff, for `kb regen --diff`: `--- a/<path>` and
// `+++ b/<path>` headers, `@@ -l,n +l,n @@` hunks with `context` unchanged
// lines around each change (hunks closer than 2*context merge). Lines keep
// their bytes ('\r' included); a last line without a newline is followed by
// "\ No newline at end of file", as GNU diff prints it.
#include <string>
#include <string_view>

namespace kb::edit {

// "" when the texts are equal. Myers' O((N+M)D) algorithm on the lines
// between the common prefix and suffix; past a few thousand differing lines
// the middle is shown as one deletion and one insertion instead.
std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view path, int context = 3);

}  // namespace kb::edit
