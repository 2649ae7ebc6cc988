#pragma once
// The plugin's "use filename as scheduled date" (src/DateTime/DateFallback.ts):
// a task with no start, scheduled or due date, in a note whose file name
// holds a date, is scheduled on that date. The date is inferred: filters,
// sorts and groups see it; a task drawn from its fields does not show it.
#include <optional>
#include <string>
#include <string_view>

#include "kb/tasks/settings.hpp"
#include "kb/text/date.hpp"

namespace kb::tasks {

// The date the file name of `path` (vault-relative) gives its tasks under
// `settings`: none when the setting is off or the note lies outside every
// listed folder. The file name without its extension is read with the
// settings' format (moment.js, strict), else the first YYYY-MM-DD in it,
// else the first YYYYMMDD; a match naming no calendar day gives none.
std::optional<text::Date> filename_date(std::string_view path, const Settings& settings);

// Why kb cannot read `format` as moment.js would, or "" when it can. kb
// reads [literals], YYYY, YY, MMMM, MMM, MM, M, DD, D, Do, dddd, ddd, dd and
// any character that is not a letter; a format must name the year (without
// one, moment takes today's).
std::string filename_format_problem(std::string_view format);

// `text` read with the moment.js `format` in strict mode (English names):
// the whole text must match; the date must exist (and fall on a named
// weekday). `format` must be one filename_format_problem accepts.
std::optional<text::Date> parse_with_moment_format(std::string_view text, std::string_view format);

}  // namespace kb::tasks
