#include "kb/edit/person_sections.hpp"

#include "kb/text/checkbox.hpp"
#include "kb/text/markdown_escape.hpp"

namespace kb::edit {

std::string snapshot_line(const model::Vault& vault, const query::OpenTask& task) {
  std::string line = "- ";
  // Links and tags stay as the task has them; a comment opener would hide
  // the rest of the person note.
  // The text as the block shows it (without the global filter when the
  // settings remove it), so the snapshot reads as the query's rendering.
  const std::string text = text::escape_comments(task.text);
  line += text;
  if (task.note >= 0) {
    line += " — ";
    line += vault.wikilink_to(task.note);
  }
  // Text that makes the bullet a checkbox again ("[x] ..." after "- ")
  // gets its bracket escaped; a leading link ("[[Bob]] ...") stays a link.
  if (text::checkbox_line(line)) line.insert(2, 1, '\\');
  return line;
}

std::string nested_snapshot_line(const query::NestedLine& line) {
  return std::string(4 * static_cast<std::size_t>(line.depth), ' ') +
         query::nested_line_markdown(line);
}

PersonSections person_sections(const model::Vault& vault, const query::PersonView& view) {
  PersonSections sections;
  for (const auto& entry : view.recent_context) {
    sections.recent_context_lines.push_back(query::context_line(entry));
    sections.recent_context_sources.push_back(entry.path);
    sections.recent_context_checked.push_back(entry.line_checked ? 1 : 0);
  }
  for (const auto& task : view.open_tasks) {
    // With `show tree`, a task drawn under another is written there only.
    if (task.tree.under_another) continue;
    const std::string_view source =
        task.note >= 0 ? vault.notes[task.note].path : std::string_view{};
    sections.open_task_lines.push_back(snapshot_line(vault, task));
    sections.open_task_sources.emplace_back(source);
    for (const auto& nested : task.tree.nested) {
      sections.open_task_lines.push_back(nested_snapshot_line(nested));
      sections.open_task_sources.emplace_back(source);
    }
  }
  sections.default_query = query::default_tasks_query(view.name);
  if (!sections.default_query.empty() && sections.default_query.back() == '\n') {
    sections.default_query.pop_back();
  }
  if (view.last_contact) sections.last_contact = view.last_contact->iso();
  sections.recent_context_heading = vault.conventions.recent_context_heading;
  sections.open_tasks_heading = vault.conventions.open_tasks_heading;
  return sections;
}

}  // namespace kb::edit
