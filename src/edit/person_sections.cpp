#include "kb/edit/person_sections.hpp"

namespace kb::edit {

std::string snapshot_line(const model::Vault& vault, const query::OpenTask& task) {
  std::string line = "- ";
  std::string_view text = task.task.text;
  // "- [x] ..." would be a task again: escape a leading bracket.
  if (!text.empty() && text.front() == '[') line += '\\';
  line += text;
  if (task.note >= 0) {
    line += " — ";
    line += vault.wikilink_to(task.note);
  }
  return line;
}

PersonSections person_sections(const model::Vault& vault, const query::PersonView& view) {
  PersonSections sections;
  for (const auto& entry : view.recent_context) {
    sections.recent_context_lines.push_back(query::context_line(entry));
  }
  for (const auto& task : view.open_tasks) {
    sections.open_task_lines.push_back(snapshot_line(vault, task));
  }
  sections.default_query = query::default_tasks_query(view.name);
  if (!sections.default_query.empty() && sections.default_query.back() == '\n') {
    sections.default_query.pop_back();
  }
  for (const auto& entry : view.recent_context) {
    if (entry.date) {
      sections.last_contact = entry.date->iso();  // newest first: the first dated entry
      break;
    }
  }
  sections.recent_context_heading = vault.conventions.recent_context_heading;
  sections.open_tasks_heading = vault.conventions.open_tasks_heading;
  return sections;
}

}  // namespace kb::edit
