#pragma once
// The plugin sorts text with JavaScript's
// `a.localeCompare(b, undefined, {numeric: true})`. This approximates that
// ICU collation without ICU: letters compare case- and accent-insensitively
// first, digit runs compare as numbers, punctuation sorts before digits and
// digits before letters; ties fall back to accents, then lower case first.
#include <string_view>

namespace kb::tasks {

// Negative, zero or positive, like localeCompare. Zero only for equal bytes.
int collate(std::string_view a, std::string_view b);

}  // namespace kb::tasks
