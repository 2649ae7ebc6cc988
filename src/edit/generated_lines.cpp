// What `kb regen` generates, checked before any note is touched: each line
// is read by text::scan_markdown as a note of its own and must be plain.
#include "generated_lines.hpp"

#include "kb/text/markdown.hpp"
#include "rewrite_text.hpp"

namespace kb::edit {

bool reads_as_plain_line(std::string_view line) {
  // Two memchr scans: find_first_of("\r\n") searches the set once per byte.
  if (line.find('\n') != std::string_view::npos || line.find('\r') != std::string_view::npos) {
    return false;
  }
  std::string_view trimmed = line;
  while (!trimmed.empty() && detail::is_blank(trimmed.back())) trimmed.remove_suffix(1);
  if (trimmed == "---") return false;
  const text::MarkdownScan scan = text::scan_markdown(line, 0, 1);
  return scan.headings.empty() && scan.tasks.empty() && !scan.unclosed_fence &&
         !scan.unclosed_comment;
}

}  // namespace kb::edit

namespace kb::edit::detail {

// A generated line must read back as the same plain line, or the next run
// would see a task, a heading or a fence and the rewrite would not be stable.
std::optional<Diagnostic> check_generated(const PersonSections& s) {
  if (s.open_tasks_heading.empty() || s.recent_context_heading.empty() ||
      s.open_tasks_heading == s.recent_context_heading) {
    return refusal(0, "cannot regenerate: the two section names must differ and not be empty");
  }
  for (const bool recent : {true, false}) {
    const auto& lines = recent ? s.recent_context_lines : s.open_task_lines;
    const auto& sources = recent ? s.recent_context_sources : s.open_task_sources;
    const auto& checked = recent ? s.recent_context_checked : s.open_task_checked;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      if (i < checked.size() && checked[i] != 0) continue;  // read back once already
      if (reads_as_plain_line(lines[i])) continue;
      const std::string from =
          i < sources.size() && !sources[i].empty() ? " (from " + sources[i] + ")" : "";
      return refusal(0, "cannot regenerate: generated line is not a plain line" + from + ": " +
                            printable(lines[i]));
    }
  }
  if (s.last_contact) {
    const std::string_view date = *s.last_contact;
    bool iso = date.size() == 10;
    for (std::size_t i = 0; iso && i < date.size(); ++i) {
      const bool dash = i == 4 || i == 7;
      iso = dash ? date[i] == '-' : (date[i] >= '0' && date[i] <= '9');
    }
    if (!iso) {
      return refusal(0, "cannot regenerate: last_contact is not YYYY-MM-DD: " + printable(date));
    }
  }
  std::string_view query = s.default_query;
  while (!query.empty()) {
    const Line line = line_at(query, 0);
    if (text::scan_markdown(line.content, 0, 1).unclosed_fence) {
      return refusal(0, "cannot regenerate: the default query contains a fence line");
    }
    query.remove_prefix(line.next);
  }
  return std::nullopt;
}

}  // namespace kb::edit::detail
