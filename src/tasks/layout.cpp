// Layout instructions and the task drawn under them. The plugin draws a
// task in its renderer from the task's fields, not from its line: the
// description, then each shown component in TaskLayoutComponent order,
// each written by DefaultTaskSerializer.componentToString.
#include "kb/tasks/layout.hpp"

#include <cmath>
#include <cstdio>
#include <optional>
#include <utility>

#include "cursor.hpp"
#include "fields.hpp"

namespace kb::tasks {
namespace {

std::string lowered(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = ascii_lower(c);
  return out;
}

// ` 📅 2025-11-07`, or ` 📅` in short mode; nothing without the date.
std::string date_part(const std::optional<TaskDate>& date, std::string_view symbol,
                      bool short_mode) {
  if (!date) return {};
  std::string out = " ";
  out += symbol;
  if (!short_mode) {
    out += ' ';
    out += date->valid() ? std::string(date->written) : std::string("Invalid date");
  }
  return out;
}

std::string value_part(std::string_view value, std::string_view symbol, bool short_mode) {
  if (value.empty()) return {};
  std::string out = " ";
  out += symbol;
  if (!short_mode) {
    out += ' ';
    out += value;
  }
  return out;
}

bool is_tag_character(char c) {
  return std::string_view(" \t!@#$%^&*(),.?\":{}|<>").find(c) == std::string_view::npos;
}

// The description without its tags (the plugin hides them: `(^|\s)#tag`),
// each with the blank before it.
std::string without_tags(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    const bool starts_tag = text[i] == '#' && (i == 0 || is_blank(text[i - 1])) &&
                            i + 1 < text.size() && is_tag_character(text[i + 1]);
    if (!starts_tag) {
      out += text[i++];
      continue;
    }
    while (!out.empty() && is_blank(out.back())) out.pop_back();
    ++i;
    while (i < text.size() && is_tag_character(text[i])) ++i;
  }
  return std::string(trim_blanks(out));
}

std::string_view priority_symbol(Priority priority) {
  switch (priority) {
    case Priority::Highest:
      return "🔺";
    case Priority::High:
      return "⏫";
    case Priority::Medium:
      return "🔼";
    case Priority::Low:
      return "🔽";
    case Priority::Lowest:
      return "⏬";
    case Priority::None:
      break;
  }
  return {};
}

std::string component_text(const Task& task, TaskComponent component, const QueryLayout& layout) {
  const bool brief = layout.short_mode;
  switch (component) {
    case TaskComponent::Description:
      return layout.tags_shown ? task.description : without_tags(task.description);
    case TaskComponent::Id:
      return value_part(task.id, "🆔", brief);
    case TaskComponent::DependsOn: {
      std::string ids;
      for (std::string_view id : task.depends_on) {
        if (!ids.empty()) ids += ',';
        ids += id;
      }
      return value_part(ids, "⛔", brief);
    }
    case TaskComponent::Priority: {
      const std::string_view symbol = priority_symbol(task.priority);
      std::string out;
      if (!symbol.empty()) {
        out += ' ';
        out += symbol;
      }
      return out;
    }
    case TaskComponent::RecurrenceRule:
      return value_part(task.recurrence_rule, "🔁", brief);
    case TaskComponent::OnCompletion:
      return value_part(task.on_completion == OnCompletion::Keep     ? "keep"
                        : task.on_completion == OnCompletion::Delete ? "delete"
                                                                     : "",
                        "🏁", brief);
    case TaskComponent::CreatedDate:
      return date_part(task.created, "➕", brief);
    case TaskComponent::StartDate:
      return date_part(task.start, "🛫", brief);
    case TaskComponent::ScheduledDate:
      // An inferred date is not drawn (DefaultTaskSerializer.componentToString).
      return task.scheduled_inferred ? std::string() : date_part(task.scheduled, "⏳", brief);
    case TaskComponent::DueDate:
      return date_part(task.due, "📅", brief);
    case TaskComponent::CancelledDate:
      return date_part(task.cancelled, "❌", brief);
    case TaskComponent::DoneDate:
      return date_part(task.done, "✅", brief);
    case TaskComponent::BlockLink:
      return std::string(task.block_link);
  }
  return {};
}

}  // namespace

bool QueryLayout::changes_task_text() const {
  if (short_mode || !tags_shown) return true;
  for (bool component_shown : shown) {
    if (!component_shown) return true;
  }
  return false;
}

bool apply_show_hide(QueryLayout& layout, std::string_view option, bool hide) {
  const std::string name = lowered(option);
  const auto starts = [&](std::string_view key) { return name.starts_with(key); };
  // parseQueryShowHideOptions first, then parseTaskShowHideOptions.
  const std::pair<std::string_view, bool QueryLayout::*> query_options[] = {
      {"backlink", &QueryLayout::hide_backlinks},
      {"edit button", &QueryLayout::hide_edit_button},
      {"nested backlink", &QueryLayout::hide_nested_backlinks},
      {"postpone button", &QueryLayout::hide_postpone_button},
      {"task count", &QueryLayout::hide_task_count},
      {"group count", &QueryLayout::hide_group_count},
      {"toolbar", &QueryLayout::hide_toolbar},
      {"tree", &QueryLayout::hide_tree},
      {"urgency", &QueryLayout::hide_urgency},
  };
  for (const auto& [key, member] : query_options) {
    if (starts(key)) {
      layout.*member = hide;
      return true;
    }
  }
  const std::pair<std::string_view, TaskComponent> task_options[] = {
      {"cancelled date", TaskComponent::CancelledDate},
      {"created date", TaskComponent::CreatedDate},
      {"depends on", TaskComponent::DependsOn},
      {"done date", TaskComponent::DoneDate},
      {"due date", TaskComponent::DueDate},
      {"id", TaskComponent::Id},
      {"on completion", TaskComponent::OnCompletion},
      {"priority", TaskComponent::Priority},
      {"recurrence rule", TaskComponent::RecurrenceRule},
      {"scheduled date", TaskComponent::ScheduledDate},
      {"start date", TaskComponent::StartDate},
  };
  for (const auto& [key, component] : task_options) {
    if (starts(key)) {
      layout.shown[static_cast<std::size_t>(component)] = !hide;
      return true;
    }
  }
  if (starts("tags")) {
    layout.tags_shown = !hide;
    return true;
  }
  return false;
}

std::string urgency_layout_text(const Task& task, text::Date today) {
  // HtmlQueryResultsRenderer: new Intl.NumberFormat().format(urgency).
  return intl_number_text(urgency(task, today));
}

std::string task_layout_text(const Task& task, const QueryLayout& layout) {
  std::string out;
  for (std::size_t i = 0; i < kTaskComponentCount; ++i) {
    if (layout.shown[i]) out += component_text(task, static_cast<TaskComponent>(i), layout);
  }
  return out;
}

}  // namespace kb::tasks
