#include "kb/query/brief.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "kb/tasks/query_context.hpp"
#include "kb/tasks/settings.hpp"
#include "kb/text/trim.hpp"
#include "kb/text/unicode.hpp"
#include "kb/text/yaml_value.hpp"

namespace kb::query {

namespace {

// Leading indentation in columns (a tab counts as four, as CommonMark's tab stop).
int indent_columns(std::string_view line) {
  int columns = 0;
  for (char c : line) {
    if (c == ' ') {
      ++columns;
    } else if (c == '\t') {
      columns += 4 - columns % 4;
    } else {
      break;
    }
  }
  return columns;
}

// The item text after a list marker ("- ", "* ", "+ ", "1. ", "1) "), or
// nothing when the (already left-trimmed) line is not a list item.
std::optional<std::string_view> list_item_text(std::string_view line) {
  std::size_t marker_end = 0;
  if (!line.empty() && (line[0] == '-' || line[0] == '*' || line[0] == '+')) {
    marker_end = 1;
  } else {
    while (marker_end < line.size() && marker_end < 9 && line[marker_end] >= '0' &&
           line[marker_end] <= '9') {
      ++marker_end;
    }
    if (marker_end == 0 || marker_end >= line.size() ||
        (line[marker_end] != '.' && line[marker_end] != ')')) {
      return std::nullopt;
    }
    ++marker_end;
  }
  if (marker_end == line.size()) return std::string_view{};  // an empty item
  if (line[marker_end] != ' ' && line[marker_end] != '\t') return std::nullopt;
  return text::trim_line(line.substr(marker_end));
}

// In code or in a comment: not a line the reader sees.
bool in_code(const model::NoteBody& note, std::size_t offset) {
  const auto inside = [&](const text::ByteRange& r) { return r.begin <= offset && offset < r.end; };
  return std::any_of(note.scan.code.begin(), note.scan.code.end(), inside) ||
         std::any_of(note.scan.comments.begin(), note.scan.comments.end(),
                     [&](const text::Comment& c) { return inside(c.range); });
}

bool only_mentioned(const model::Involvement& i) {
  return i.mentioned && !i.listed && !i.linked && !i.in_folder;
}

bool in_span(const text::Date& date, const std::optional<text::Date>& since, text::Date today) {
  return (!since || *since <= date) && date <= today;
}

BriefTask brief_task(const model::Vault& vault, const tasks::TaskItem& item) {
  const model::NoteId note = item.note;
  const tasks::Settings& settings = vault.conventions.tasks;
  return BriefTask{note,
                   std::string(vault.notes[note].path),
                   vault.wikilink_to(note),
                   item.line,
                   *item.task,
                   tasks::shown_text(item.task->text, settings),
                   tasks::shown_text(item.task->description, settings),
                   {}};
}

// Sorts by one of the task's dates (all present), then by place.
template <typename DateOf>
void sort_by(std::vector<BriefTask>& tasks, DateOf date_of) {
  std::sort(tasks.begin(), tasks.end(), [&](const BriefTask& a, const BriefTask& b) {
    const text::Date da = *date_of(a.task), db = *date_of(b.task);
    if (da != db) return da < db;
    if (a.path != b.path) return a.path < b.path;
    return a.line < b.line;
  });
}

}  // namespace

std::string_view span_start_name(SpanStart s) {
  switch (s) {
    case SpanStart::LastMeeting:
      return "last_meeting";
    case SpanStart::Since:
      return "since";
    case SpanStart::Everything:
      return "everything";
  }
  return "everything";
}

std::string without_not_done(std::string_view query) {
  // Removed lines stay as blank lines so diagnostics keep their line numbers;
  // a line continuing the one before (which ends in '\') is kept as written.
  std::string out;
  bool continued = false;
  while (!query.empty()) {
    std::size_t end = query.find('\n');
    const std::string_view line = query.substr(0, end);
    query.remove_prefix(end == std::string_view::npos ? query.size() : end + 1);
    const std::string_view instruction = text::trim_line(line);
    if (!continued && text::fold_case(instruction) == "not done") {
      out += '\n';
    } else {
      out += line;
      out += '\n';
    }
    continued = !instruction.empty() && instruction.back() == '\\';
  }
  return out;
}

namespace {

// without_not_done for text spliced into a query (a preset can be a
// placeholder inside a line): no newline added at its end.
std::string without_not_done_in_place(std::string_view text) {
  std::string out = without_not_done(text);
  if (!out.empty() && (text.empty() || text.back() != '\n')) out.pop_back();
  return out;
}

}  // namespace

std::vector<Bullet> section_bullets(const model::NoteBody& note, std::string_view heading) {
  std::vector<Bullet> bullets;
  const std::string wanted = text::fold_case(heading);
  const auto& headings = note.scan.headings;
  for (std::size_t h = 0; h < headings.size(); ++h) {
    if (text::fold_case(headings[h].text) != wanted) continue;
    const text::ByteRange body = text::section_body(note.scan, h, note.text.size());
    const std::string_view text = note.text;
    std::vector<int> indents;  // the indentation of each open list level
    for (std::size_t pos = body.begin; pos < body.end;) {
      std::size_t end = text.find('\n', pos);
      if (end == std::string_view::npos || end > body.end) end = body.end;
      const std::string_view line = text.substr(pos, end - pos);
      const std::size_t line_begin = pos;
      pos = end + 1;
      if (in_code(note, line_begin)) continue;
      const int indent = indent_columns(line);
      const auto item = list_item_text(text::trim_line(line));
      if (!item) continue;
      while (!indents.empty() && indents.back() >= indent) indents.pop_back();
      bullets.push_back(Bullet{static_cast<int>(indents.size()), std::string(*item)});
      indents.push_back(indent);
    }
    break;  // the first section of that name, as a reader sees it
  }
  return bullets;
}

std::vector<model::NoteId> brief_task_notes(const model::Vault& vault, model::NoteId person) {
  std::vector<model::NoteId> notes = notes_with_candidate_tasks(vault, person);
  for (const model::Involvement& i : vault.involvement(person)) {
    if (vault.notes[i.note].task_count != 0) notes.push_back(i.note);
  }
  std::sort(notes.begin(), notes.end());
  notes.erase(std::unique(notes.begin(), notes.end()), notes.end());
  return notes;
}

Expected<Brief> make_brief(const model::Vault& vault, model::NoteId person,
                           const tasks::TaskList& all_tasks, const BriefOptions& options) {
  auto view = person_view(vault, person, all_tasks, options.today);
  if (!view) return Expected<Brief>::failure(view.error());
  const model::NoteSummary& note = vault.notes[person];
  const model::NoteBody& body = **vault.body(person);  // person_view read it

  Brief brief;
  brief.person = person;
  brief.name = view->name;
  brief.path = view->path;
  brief.today = options.today;
  brief.due_window_days = options.due_window_days;

  // The span: --since, else the newest dated note strictly before today.
  if (options.since) {
    brief.since = options.since;
    brief.span_start = SpanStart::Since;
  } else {
    for (const ContextEntry& entry : view->recent_context) {  // newest first
      if (entry.date && *entry.date < options.today) {
        brief.since = entry.date;
        brief.span_start = SpanStart::LastMeeting;
        brief.last_meeting = entry;
        break;
      }
    }
  }

  // Notes in the span, and those that only mention the person.
  const auto& involvement = vault.involvement(person);
  std::unordered_map<model::NoteId, model::Involvement> how;
  for (const model::Involvement& i : involvement) how.emplace(i.note, i);
  for (const ContextEntry& entry : view->recent_context) {
    if (!entry.date || !in_span(*entry.date, brief.since, options.today)) continue;
    BriefNote brief_note{entry, how.at(entry.note)};
    if (only_mentioned(brief_note.involvement)) brief.new_mentions.push_back(entry);
    brief.notes.push_back(std::move(brief_note));
  }

  // The person's tasks: their query without `not done`, plus the tasks of
  // every note that involves them.
  brief.tasks_query = without_not_done(view->tasks_query);
  const int query_line = view->default_query ? 1 : body.scan.task_queries.front().line + 1;
  // `not done` also leaves what the block brings in: the global query, the
  // presets it names and the note's TQ_extra_instructions; else a block of
  // `preset mine` could never show a closed task.
  tasks::Settings settings = vault.conventions.tasks;
  settings.global_query = without_not_done_in_place(settings.global_query);
  for (auto& preset : settings.presets) preset.second = without_not_done_in_place(preset.second);
  text::FrontMatter front_matter = body.fm;
  if (const text::YamlValue* extra = front_matter.find_ci("TQ_extra_instructions")) {
    for (auto& entry : front_matter.entries) {
      if (&entry.second == extra && entry.second.is_scalar()) {
        entry.second.scalar = without_not_done_in_place(entry.second.scalar);
      }
    }
  }
  tasks::QueryContext context = query_context(vault, note, &body);
  context.settings = &settings;
  context.file->front_matter = &front_matter;
  auto query = tasks::TasksQuery::parse(brief.tasks_query, query_line, context);
  if (!query) {
    return Expected<Brief>::failure(
        located_query_error(vault, note, query.error(), view->default_query));
  }
  if (auto failed = query->search_failure(all_tasks, options.today)) {
    return Expected<Brief>::failure(located_query_error(
        vault, note, Diagnostic{"", query_line, std::move(*failed), Severity::Error},
        view->default_query));
  }
  brief.show_tree = !query->layout().hide_tree;
  std::vector<tasks::TaskItem> tasks = query->select(all_tasks, options.today);
  std::unordered_set<const tasks::Task*> seen;
  for (const tasks::TaskItem& item : tasks) seen.insert(item.task);
  std::unordered_set<model::NoteId> involved_notes;
  for (const model::Involvement& i : involvement) involved_notes.insert(i.note);
  for (const tasks::TaskItem& item : all_tasks.items()) {
    if (involved_notes.count(item.note) && seen.insert(item.task).second) tasks.push_back(item);
  }

  const text::Date window_end = options.today.plus_days(options.due_window_days);
  for (const tasks::TaskItem& item : tasks) {
    const tasks::Task& task = *item.task;
    // Only real calendar days: an invalid date is in no span.
    const auto created = tasks::day_of(task.created), done = tasks::day_of(task.done),
               due = tasks::day_of(task.due);
    if (created && in_span(*created, brief.since, options.today)) {
      brief.opened.push_back(brief_task(vault, item));
    }
    if (done && task.status == tasks::StatusType::Done &&
        in_span(*done, brief.since, options.today)) {
      brief.closed.push_back(brief_task(vault, item));
    }
    if (!tasks::is_done(task.status) && due) {
      if (*due < options.today) {
        brief.overdue.push_back(brief_task(vault, item));
      } else if (*due <= window_end) {
        brief.due_soon.push_back(brief_task(vault, item));
      }
    }
  }
  sort_by(brief.opened, [](const tasks::Task& t) { return tasks::day_of(t.created); });
  sort_by(brief.closed, [](const tasks::Task& t) { return tasks::day_of(t.done); });
  sort_by(brief.overdue, [](const tasks::Task& t) { return tasks::day_of(t.due); });
  sort_by(brief.due_soon, [](const tasks::Task& t) { return tasks::day_of(t.due); });

  brief.key_facts = section_bullets(body, kKeyFactsHeading);
  brief.key_decisions = section_bullets(body, kKeyDecisionsHeading);
  return brief;
}

}  // namespace kb::query
