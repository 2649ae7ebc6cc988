#include "kb/output/brief.hpp"

#include <fmt/format.h>

#include <type_traits>

#include "kb/text/unicode.hpp"

namespace kb::output {

namespace {

// Stems of meeting notes run to ~90 characters; the text keeps lines short.
constexpr std::size_t kStemChars = 72;

std::string paint(const Style& style, std::string_view code, std::string_view s) {
  if (!style.color) return std::string(s);
  return fmt::format("\x1b[{}m{}\x1b[0m", code, s);
}

nlohmann::json optional_date(const std::optional<text::Date>& date) {
  return date ? nlohmann::json(date->iso()) : nlohmann::json(nullptr);
}

std::string span_text(const query::Brief& brief) {
  return fmt::format("{} .. {}", brief.since ? brief.since->iso() : "(start)", brief.today.iso());
}

// Why the span starts where it does, in words.
std::string span_reason(const query::Brief& brief) {
  switch (brief.span_start) {
    case query::SpanStart::LastMeeting:
      return fmt::format("since the last meeting, {}",
                         text::truncate_chars(brief.last_meeting->stem, kStemChars));
    case query::SpanStart::Since:
      return "from --since";
    case query::SpanStart::Everything:
      return "no meeting before today";
  }
  return {};
}

std::string due_soon_title(const query::Brief& brief) {
  return fmt::format("Due within {} days", brief.due_window_days);
}

std::string bullet_line(const query::Bullet& bullet) {
  return fmt::format("{}- {}", std::string(2 * static_cast<std::size_t>(bullet.depth), ' '),
                     bullet.text);
}

std::vector<std::string> reasons(const model::Involvement& i) {
  std::vector<std::string> why;
  if (i.listed) why.emplace_back("listed");
  if (i.linked) why.emplace_back("linked");
  if (i.mentioned) why.emplace_back("mentioned");
  if (i.in_folder) why.emplace_back("in_folder");
  return why;
}

// Text: a heading with its count, then at most kBriefTextListLimit lines.
// The count is of every item; with `show tree`, a task drawn under another
// takes no line of its own.
template <typename T, typename Line>
void text_section(std::string& out, const Style& style, std::string_view title,
                  const std::vector<T>& items, Line line) {
  out += fmt::format("\n{}\n", paint(style, "1", fmt::format("{} ({})", title, items.size())));
  std::vector<const T*> drawn;
  for (const T& item : items) {
    if constexpr (std::is_same_v<T, query::BriefTask>) {
      if (item.tree.under_another) continue;
    }
    drawn.push_back(&item);
  }
  for (std::size_t i = 0; i < drawn.size() && i < kBriefTextListLimit; ++i) out += line(*drawn[i]);
  if (drawn.size() > kBriefTextListLimit) {
    out += paint(style, "2", fmt::format("  ... {} more\n", drawn.size() - kBriefTextListLimit));
  }
}

// "People/Asaf Levy/2025-11-04 - Asaf walked through...md:40": where the
// task is, whole, so that an editor or terminal can open it.
std::string task_place(const Style& style, const query::BriefTask& task) {
  return paint(style, "2", fmt::format("{}:{}", task.path, task.line));
}

// Markdown: a task as a plain bullet, so pasting the brief into a note does
// not add a second copy of the task to every Tasks query; with `show tree`,
// what is nested under it as plain bullets too, four spaces a level, and
// nothing for a task drawn under another.
std::string task_markdown(const query::BriefTask& task, std::string_view date_label,
                          const std::optional<text::Date>& date) {
  if (task.tree.under_another) return {};
  std::string line = fmt::format("- {}", task.description);
  if (date) line += fmt::format(" ({} {})", date_label, date->iso());
  if (!task.link.empty()) line += " — " + task.link;
  line += "\n";
  for (const auto& nested : task.tree.nested) {
    line += std::string(4 * static_cast<std::size_t>(nested.depth), ' ');
    line += query::nested_line_markdown(nested) + "\n";
  }
  return line;
}

nlohmann::json entry_json(const query::ContextEntry& entry) {
  return {{"date", optional_date(entry.date)},
          {"note", entry.stem},
          {"path", entry.path},
          {"summary", entry.summary},
          {"via", entry.via ? nlohmann::json(*entry.via) : nlohmann::json(nullptr)}};
}

nlohmann::json tasks_json(const std::vector<query::BriefTask>& tasks) {
  auto list = nlohmann::json::array();
  for (const auto& task : tasks) {
    nlohmann::json j = task_json(task.path, task.line, task.task, task.description);
    j["created"] = optional_date(tasks::day_of(task.task.created));
    j["done"] = optional_date(tasks::day_of(task.task.done));
    list.push_back(std::move(j));
  }
  return list;
}

nlohmann::json bullets_json(const std::vector<query::Bullet>& bullets) {
  auto list = nlohmann::json::array();
  for (const auto& bullet : bullets)
    list.push_back({{"text", bullet.text}, {"depth", bullet.depth}});
  return list;
}

}  // namespace

std::string brief_text(const query::Brief& brief, const Style& style) {
  std::string out;
  out += paint(style, "1", fmt::format("Brief: {}", brief.name)) + "  " +
         paint(style, "2", brief.path) + "\n";
  out += fmt::format("Span: {} ({})\n", span_text(brief), span_reason(brief));

  text_section(out, style, "Notes", brief.notes, [&](const query::BriefNote& note) {
    const auto& e = note.entry;
    std::string line =
        fmt::format("  {}  {}", e.date->iso(), text::truncate_chars(e.stem, kStemChars));
    if (e.via) line += paint(style, "2", fmt::format(" (via {})", *e.via));
    line += "\n";
    if (!e.summary.empty())
      line += paint(style, "2", fmt::format("              {}", e.summary)) + "\n";
    return line;
  });
  text_section(out, style, "New mentions", brief.new_mentions, [&](const query::ContextEntry& e) {
    return fmt::format("  {}  {}\n", e.date->iso(), text::truncate_chars(e.stem, kStemChars));
  });
  // With `show tree`, a task drawn under another is drawn there only.
  auto task_line = [&](const query::BriefTask& task) {
    std::string out =
        fmt::format("  {}{}  {}\n", task_text(task.task, task.text),
                    due_marker_text(task.task, brief.today, style), task_place(style, task));
    for (const auto& line : task.tree.nested) {
      out += nested_line_text(line, task.path, brief.today, style, "  ") + "\n";
    }
    return out;
  };
  text_section(out, style, "Tasks opened", brief.opened, task_line);
  text_section(out, style, "Tasks closed", brief.closed, task_line);
  text_section(out, style, "Overdue", brief.overdue, task_line);
  text_section(out, style, due_soon_title(brief), brief.due_soon, task_line);
  auto bullet = [](const query::Bullet& b) { return fmt::format("  {}\n", bullet_line(b)); };
  text_section(out, style, "Key Facts", brief.key_facts, bullet);
  text_section(out, style, "Key Decisions", brief.key_decisions, bullet);
  return out;
}

std::string brief_markdown(const query::Brief& brief) {
  std::string out;
  out += fmt::format("## Brief: {} ({})\n\n", brief.name, span_text(brief));
  switch (brief.span_start) {
    case query::SpanStart::LastMeeting:
      out += fmt::format("Since the last meeting, {}.\n", brief.last_meeting->link);
      break;
    case query::SpanStart::Since:
      out += fmt::format("Since {}.\n", brief.since->iso());
      break;
    case query::SpanStart::Everything:
      out += "No meeting before today: everything up to today.\n";
      break;
  }
  // Bold labels, not headings: pasted into the person note, the brief must
  // not add a second "Key Facts" section.
  auto section = [&](std::string_view title, bool empty) {
    out += fmt::format("\n**{}**\n", title);
    if (empty) out += "- (none)\n";
  };
  section("Notes", brief.notes.empty());
  for (const auto& note : brief.notes) out += query::context_line(note.entry) + "\n";
  section("New mentions", brief.new_mentions.empty());
  for (const auto& entry : brief.new_mentions) out += query::context_line(entry) + "\n";
  section("Tasks opened", brief.opened.empty());
  for (const auto& task : brief.opened)
    out += task_markdown(task, "created", tasks::day_of(task.task.created));
  section("Tasks closed", brief.closed.empty());
  for (const auto& task : brief.closed)
    out += task_markdown(task, "done", tasks::day_of(task.task.done));
  section("Overdue", brief.overdue.empty());
  for (const auto& task : brief.overdue)
    out += task_markdown(task, "due", tasks::day_of(task.task.due));
  section(due_soon_title(brief), brief.due_soon.empty());
  for (const auto& task : brief.due_soon)
    out += task_markdown(task, "due", tasks::day_of(task.task.due));
  section("Key Facts", brief.key_facts.empty());
  for (const auto& b : brief.key_facts) out += bullet_line(b) + "\n";
  section("Key Decisions", brief.key_decisions.empty());
  for (const auto& b : brief.key_decisions) out += bullet_line(b) + "\n";
  return out;
}

nlohmann::json brief_json(const query::Brief& brief) {
  nlohmann::json j;
  j["name"] = brief.name;
  j["path"] = brief.path;
  j["today"] = brief.today.iso();
  j["since"] = optional_date(brief.since);
  j["span_start"] = std::string(query::span_start_name(brief.span_start));
  j["last_meeting"] =
      brief.last_meeting ? entry_json(*brief.last_meeting) : nlohmann::json(nullptr);
  j["tasks_query"] = brief.tasks_query;
  auto& notes = j["notes"] = nlohmann::json::array();
  for (const auto& note : brief.notes) {
    nlohmann::json n = entry_json(note.entry);
    n["why"] = reasons(note.involvement);
    notes.push_back(std::move(n));
  }
  auto& mentions = j["new_mentions"] = nlohmann::json::array();
  for (const auto& entry : brief.new_mentions) mentions.push_back(entry_json(entry));
  j["tasks_opened"] = tasks_json(brief.opened);
  j["tasks_closed"] = tasks_json(brief.closed);
  j["overdue"] = tasks_json(brief.overdue);
  j["due_soon"] = tasks_json(brief.due_soon);
  j["key_facts"] = bullets_json(brief.key_facts);
  j["key_decisions"] = bullets_json(brief.key_decisions);
  return j;
}

}  // namespace kb::output
