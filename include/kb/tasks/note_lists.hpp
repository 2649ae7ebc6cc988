#pragma once
// A note's tasks and the list items around them, with their nesting, as
// Obsidian's metadata cache gives them to the Tasks plugin (ListItemCache
// `parent`, read by the plugin's FileParser into ListItem parent/children).
// Nesting follows CommonMark's list items: a list item is nested under the
// nearest open item whose content column (after its marker and the blanks
// after it) its marker does not stand left of; tabs count to the next
// multiple of four. A blank line followed by a line left of an item's content
// column closes that item, as does a heading, a code fence or a thematic
// break; a paragraph line right after an item continues it (lazily).
#include <cstddef>
#include <optional>
#include <string_view>

#include "kb/tasks/settings.hpp"
#include "kb/tasks/task_list.hpp"
#include "kb/text/markdown.hpp"

namespace kb::tasks {

// One note's text and its Markdown scan (text::scan_markdown from
// `body_begin`, the first byte after the front-matter, on line `first_line`).
struct NoteText {
  std::string_view text;
  const text::MarkdownScan* scan = nullptr;
  std::size_t body_begin = 0;
  int first_line = 1;
};

// Appends the tasks of note `note` to `list`, in line order: each checkbox
// line of the scan that read_task makes a task of under `settings` (with
// `filename_date`), with its heading; and the list items that are not tasks
// (plain items, checkbox lines without the global filter, as the plugin
// treats them) that are the ancestors of a task or nested under one. Every
// item knows its parent. A note without such items adds nothing but its tasks.
void add_note_tasks(TaskList& list, int note, const NoteText& note_text, const Settings& settings,
                    std::optional<Date> filename_date = std::nullopt);

// A list item line as the plugin draws a list item that is not a task
// (ListItem.fromListItemLine, nonTaskRegex): the character of its checkbox
// ("" when it has none) and its text after the marker and checkbox, trimmed.
struct ListItemText {
  std::string_view status_symbol;
  std::string_view description;
};
ListItemText list_item_text(std::string_view markdown);

}  // namespace kb::tasks
