#include "kb/output/person.hpp"

#include <fmt/format.h>

namespace kb::output {

namespace {

std::string paint(const Style& style, std::string_view code, std::string_view s) {
  if (!style.color) return std::string(s);
  return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
}

nlohmann::json optional_date(const std::optional<text::Date>& date) {
  return date ? nlohmann::json(date->iso()) : nlohmann::json(nullptr);
}

// A task's date: "YYYY-MM-DD", as written also when it names no calendar day;
// a scheduled date taken from the file name has no text on the line.
nlohmann::json task_date(const std::optional<tasks::TaskDate>& date) {
  if (!date) return nullptr;
  if (date->written.empty() && date->day) return date->day->iso();
  return std::string(date->written);
}

// A field written on the line, or null when it is not.
nlohmann::json optional_text(std::string_view text) {
  return text.empty() ? nlohmann::json(nullptr) : nlohmann::json(std::string(text));
}

template <typename Texts>
nlohmann::json text_list(const Texts& texts) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& t : texts) list.push_back(std::string(t));
  return list;
}

// The entries shown, in order.
std::vector<const query::ContextEntry*> shown_context(const query::PersonView& view,
                                                      const ContextShown& shown) {
  std::vector<const query::ContextEntry*> entries;
  for (const auto& entry : view.recent_context) {
    if (shown.limit > 0 && entries.size() == shown.limit) break;
    if (shown.since && (!entry.date || *entry.date < *shown.since)) continue;
    entries.push_back(&entry);
  }
  return entries;
}

}  // namespace

std::string_view due_marker(const tasks::Task& task, text::Date today) {
  const auto due = tasks::day_of(task.due);
  if (!due || tasks::is_done(task.status)) return {};
  if (*due < today) return "OVERDUE";
  if (*due == today) return "DUE TODAY";
  return {};
}

std::string due_marker_text(const tasks::Task& task, text::Date today, const Style& style) {
  const std::string_view marker = due_marker(task, today);
  if (marker.empty()) return {};
  return "  " + paint(style, marker == "OVERDUE" ? "1;31" : "1;33", marker);
}

std::string task_text(const tasks::Task& task, std::string_view text) {
  return fmt::format("- [{}] {}", task.status_symbol, text);
}

std::string nested_line_text(const query::NestedLine& line, std::string_view path, text::Date today,
                             const Style& style, std::string_view indent) {
  std::string out(indent);
  out += std::string(4 * static_cast<std::size_t>(line.depth), ' ');
  if (!line.task) {
    // A list item that is not a task: "- text" or "- [c] text", no place.
    out += "- ";
    if (!line.status_symbol.empty()) out += fmt::format("[{}] ", line.status_symbol);
    return out + line.text;
  }
  out += task_text(*line.task, line.text);
  out += due_marker_text(*line.task, today, style);
  out += "  " + paint(style, "2", fmt::format("{}:{}", path, line.line));
  return out;
}

nlohmann::json task_json(std::string_view path, int line, const tasks::Task& task,
                         std::string_view description) {
  nlohmann::json j;
  j["path"] = path;
  j["line"] = line;
  j["status"] = std::string(task.status_symbol);
  j["status_type"] = std::string(tasks::status_type_name(task.status));
  j["text"] = std::string(description);
  j["status_name"] = std::string(task.status_name);
  j["due"] = task_date(task.due);
  j["priority"] = task.priority == tasks::Priority::None
                      ? nlohmann::json(nullptr)
                      : nlohmann::json(std::string(tasks::priority_name(task.priority)));
  j["created"] = task_date(task.created);
  j["start"] = task_date(task.start);
  j["scheduled"] = task_date(task.scheduled);
  j["scheduled_inferred"] = task.scheduled_inferred;
  j["done"] = task_date(task.done);
  j["cancelled"] = task_date(task.cancelled);
  j["recurrence"] = optional_text(task.recurrence);
  j["on_completion"] = task.on_completion == tasks::OnCompletion::Keep ? nlohmann::json("keep")
                       : task.on_completion == tasks::OnCompletion::Delete
                           ? nlohmann::json("delete")
                           : nlohmann::json(nullptr);
  j["id"] = optional_text(task.id);
  j["depends_on"] = text_list(task.depends_on);
  j["tags"] = text_list(task.tags);
  return j;
}

std::string person_text(const query::PersonView& view, const Style& style, text::Date today,
                        const ContextShown& shown) {
  std::string out;
  out += paint(style, "1", view.name) + "\n";
  out += paint(style, "2", view.path) + "\n";
  auto field = [&](std::string_view label, std::string_view value) {
    if (!value.empty()) out += fmt::format("{:<14}{}\n", fmt::format("{}:", label), value);
  };
  if (!view.aliases.empty()) {
    std::string aliases;
    for (const auto& a : view.aliases) aliases += (aliases.empty() ? "" : ", ") + a;
    field("Aliases", aliases);
  }
  field("Role", view.profile.role);
  field("Location", view.profile.location);
  field("Relationship", view.profile.relationship);
  field("Last contact", view.profile.last_contact);

  // Appended piece by piece: GCC 12 at -O3 warns falsely (-Wrestrict) on "\n" + string.
  out += '\n';
  const auto entries = shown_context(view, shown);
  std::string heading = fmt::format("Recent Context ({})", view.recent_context.size());
  if (entries.size() < view.recent_context.size()) {
    heading = fmt::format("Recent Context ({} of {}", entries.size(), view.recent_context.size());
    if (shown.since) heading += ", since " + shown.since->iso();
    heading += ")";
  }
  out += paint(style, "1", heading);
  out += '\n';
  for (const auto* entry : entries) out += query::context_line(*entry) + "\n";
  if (entries.empty()) out += "(none)\n";

  out += '\n';
  out += paint(style, "1", fmt::format("Open Tasks ({})", view.open_tasks.size()));
  out += '\n';
  for (const auto& task : view.open_tasks) {
    // With `show tree`, a task drawn under another is not drawn at the left.
    if (task.tree.under_another) continue;
    out += fmt::format("{}{}  {}\n", task_text(task.task, task.text),
                       due_marker_text(task.task, today, style),
                       paint(style, "2", fmt::format("{}:{}", task.path, task.line)));
    for (const auto& line : task.tree.nested) {
      out += nested_line_text(line, task.path, today, style, "") + "\n";
    }
  }
  if (view.open_tasks.empty()) out += "(none)\n";
  return out;
}

nlohmann::json person_json(const query::PersonView& view, const ContextShown& shown) {
  nlohmann::json j;
  j["name"] = view.name;
  j["path"] = view.path;
  j["aliases"] = view.aliases;
  j["profile"] = {{"role", view.profile.role},
                  {"location", view.profile.location},
                  {"relationship", view.profile.relationship},
                  {"last_contact", view.profile.last_contact.empty()
                                       ? nlohmann::json(nullptr)
                                       : nlohmann::json(view.profile.last_contact)}};
  auto& context = j["recent_context"] = nlohmann::json::array();
  for (const auto* shown_entry : shown_context(view, shown)) {
    const query::ContextEntry& entry = *shown_entry;
    context.push_back({{"date", optional_date(entry.date)},
                       {"note", entry.stem},
                       {"path", entry.path},
                       {"summary", entry.summary},
                       {"via", entry.via ? nlohmann::json(*entry.via) : nlohmann::json(nullptr)}});
  }
  auto& tasks = j["open_tasks"] = nlohmann::json::array();
  for (const auto& task : view.open_tasks)
    tasks.push_back(task_json(task.path, task.line, task.task, task.description));
  return j;
}

}  // namespace kb::output
