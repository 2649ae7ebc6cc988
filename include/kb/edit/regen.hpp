#pragma once
// `kb regen`'s pure rewrite of a person note: the generated "Open Tasks" and
// "Recent Context" sections and the front-matter `last_contact` are replaced;
// every other byte of the note is kept (other sections, trailing spaces,
// CRLF, BOM, the final newline or its absence).
//
// Rules:
// - A section is the heading whose trimmed text equals the name (any level,
//   outside code) up to the next heading of ANY level: a user's sub-heading
//   and what follows it are kept, never swallowed.
// - Generated lines use the note's line ending (CRLF when its first line ends
//   in CRLF).
// - Recent Context body: blank line, the lines, blank line. Open Tasks body:
//   blank line, the section's ```tasks block byte for byte (or a new one
//   holding default_query), then a blank line and the snapshot lines if any,
//   then a blank line. At the end of the note the closing blank line is left
//   out and the last line ends in a newline only if the note did.
// - A missing Open Tasks section goes after the "Profile" section; without
//   Profile, before the first of Recent Context, Key Facts, Topics, Key
//   Decisions, Related Customers, Related Projects, Related; else at the end.
//   A missing Recent Context goes right after Open Tasks. New headings are H2.
// - last_contact: the top-level `last_contact:` line of the front-matter gets
//   the new date in its own quoting style ('..', "..", bare); when absent it
//   is added as `last_contact: "YYYY-MM-DD"` after the `title:` entry (else
//   at the end of the front-matter). No front-matter: nothing is added.
// - Refused (a Diagnostic with an empty path and the line concerned): a
//   duplicate section heading, a checkbox task inside a generated section, a
//   second ```tasks block in Open Tasks, an unterminated code fence anywhere
//   (outside blockquotes, as text::scan_markdown reads fences),
//   a last_contact value kb cannot edit safely, or generated lines that
//   would not read back as the same plain lines (text::scan_markdown finds
//   no heading, task or fence in them).
// One scan of the note, one plan of replacements of its original bytes.
// The rewrite is idempotent: rewrite(rewrite(x)) == rewrite(x).
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/util/expected.hpp"

namespace kb::edit {

struct PersonSections {
  // Full lines without line endings, e.g.
  // "- 2025-11-07: [[X]] - summary (via Jeff Denworth)".
  std::vector<std::string> recent_context_lines;
  // Snapshot bullets without line endings, e.g.
  // "- Send deck 📅 2025-11-10 — [[2025-10 - Asaf Levy]]".
  std::vector<std::string> open_task_lines;
  // The vault path each line above comes from (may be shorter, or empty):
  // a refusal names the note that caused it.
  std::vector<std::string> recent_context_sources;
  std::vector<std::string> open_task_sources;
  // Per line above (may be shorter): nonzero when the line was found to
  // read back as a plain line already (reads_as_plain_line), so the rewrite
  // does not check it again: a Recent Context line is checked once per note
  // for all the people it names (query::ContextLines), not once per person.
  std::vector<char> recent_context_checked;
  std::vector<char> open_task_checked;
  // Query lines ('\n'-separated) for a new ```tasks block, e.g.
  // "path includes Asaf Levy\nnot done".
  std::string default_query;
  // "YYYY-MM-DD"; nullopt leaves the key alone.
  std::optional<std::string> last_contact;
  std::string recent_context_heading = "Recent Context";
  std::string open_tasks_heading = "Open Tasks";
};

// Whether `line`, read by text::scan_markdown as a note of its own, is plain
// text that reads back as itself: one line, no heading, no task, no fence,
// no comment left open, no front-matter fence. Every generated line must be.
bool reads_as_plain_line(std::string_view line);

// The new text of the note, or a Diagnostic when it must refuse.
Expected<std::string> rewrite_person_note(std::string_view old_text, const PersonSections& s);

}  // namespace kb::edit
