#include "kb/query/person.hpp"

#include <algorithm>
#include <optional>

#include "kb/model/context_template.hpp"
#include "kb/model/name_matcher.hpp"
#include "kb/model/tasks_settings.hpp"
#include "kb/tasks/filename_date.hpp"
#include "kb/tasks/note_lists.hpp"
#include "kb/text/markdown_escape.hpp"
#include "kb/text/unicode.hpp"
#include "kb/util/parallel.hpp"

namespace kb::query {

namespace {

// The tasks of `notes` (ascending ids), in vault_tasks order: that list
// follows note order, so each note's tasks are found by binary search.
std::vector<tasks::TaskItem> tasks_of_notes(const tasks::TaskList& all_tasks,
                                            const std::vector<model::NoteId>& notes) {
  const auto& items = all_tasks.items();
  std::vector<tasks::TaskItem> found;
  auto from = items.begin();
  for (const model::NoteId id : notes) {
    from = std::lower_bound(
        from, items.end(), id,
        [](const tasks::TaskItem& item, model::NoteId n) { return item.note < n; });
    auto to = from;
    while (to != items.end() && to->note == id) ++to;
    found.insert(found.end(), from, to);
    from = to;
  }
  return found;
}

// The text a query requires every selected task's path to include, when
// there is one to narrow by (a text that folds to nothing is in every path).
std::optional<std::string_view> narrowing_text(const tasks::TasksQuery& query) {
  auto value = query.required_path_text();
  if (value && text::fold_case(*value).empty()) return std::nullopt;
  return value;
}

std::string_view tasks_query_of(std::string_view name, const model::NoteBody& body,
                                std::string& default_query) {
  if (!body.scan.task_queries.empty()) return body.scan.task_queries.front().query;
  default_query = default_tasks_query(name);
  return default_query;
}

}  // namespace

std::optional<tasks::TasksQuery> person_query(const model::Vault& vault, model::NoteId person) {
  const auto body = vault.body(person);
  if (!body) return std::nullopt;
  std::string default_query;
  const model::NoteSummary& note = vault.notes[person];
  auto query = tasks::TasksQuery::parse(tasks_query_of(note.name, **body, default_query), 1,
                                        query_context(vault, note, *body));
  if (!query) return std::nullopt;
  return std::move(*query);
}

std::vector<std::vector<model::NoteId>> notes_with_candidate_tasks(
    const model::Vault& vault, const std::vector<model::NoteId>& people,
    std::vector<char>* shows_tree, std::vector<std::optional<tasks::TasksQuery>>* queries) {
  // One automaton of every NAME, run once over each folded path: linear in
  // the vault, however many people.
  std::vector<std::vector<model::NoteId>> notes(people.size());
  if (shows_tree != nullptr) shows_tree->assign(people.size(), 0);
  if (queries != nullptr) {
    queries->clear();
    queries->resize(people.size());
  }
  std::vector<std::size_t> reading_all;
  model::NameMatcher names;
  for (std::size_t i = 0; i < people.size(); ++i) {
    // A person whose note cannot be read, or whose query does not parse, has
    // no view (person_view fails on it first): no tasks to read for it.
    std::optional<tasks::TasksQuery> parsed = person_query(vault, people[i]);
    if (!parsed) continue;
    const tasks::TasksQuery* query = &*parsed;
    if (queries != nullptr) query = &((*queries)[i] = std::move(parsed)).value();
    if (shows_tree != nullptr) (*shows_tree)[i] = query->layout().hide_tree ? 0 : 1;
    // A query that compares tasks with all the others needs every note read.
    const auto value = !query->reads_other_tasks() ? narrowing_text(*query) : std::nullopt;
    if (value) {
      names.add(*value, static_cast<int>(i));
    } else {
      reading_all.push_back(i);
    }
  }
  names.build();
  for (model::NoteId id = 0; id < static_cast<model::NoteId>(vault.notes.size()); ++id) {
    if (vault.notes[id].task_count == 0) continue;
    names.scan_substrings(vault.folded_path(id), [&](int i) {
      auto& ids = notes[static_cast<std::size_t>(i)];
      if (ids.empty() || ids.back() != id) ids.push_back(id);
    });
    for (const std::size_t i : reading_all) notes[i].push_back(id);
  }
  return notes;
}

std::vector<model::NoteId> notes_with_candidate_tasks(const model::Vault& vault,
                                                      model::NoteId person) {
  return std::move(notes_with_candidate_tasks(vault, std::vector<model::NoteId>{person}).front());
}

Diagnostic located_query_error(const model::Vault& vault, const model::NoteSummary& note,
                               Diagnostic d, bool default_query) {
  if (d.message.starts_with("in the Tasks global query")) {
    d = model::placed_in_global_query(vault.conventions, std::move(d));
  } else {
    d.path = std::string(note.path);
    if (default_query || d.message.starts_with("in the note's")) d.line = 0;
  }
  return d;
}

tasks::QueryContext query_context(const model::Vault& vault, const model::NoteSummary& note,
                                  const model::NoteBody* body) {
  tasks::QueryContext context;
  context.settings = &vault.conventions.tasks;
  context.file = tasks::QueryFile{note.path, body ? &body->fm : nullptr};
  return context;
}

namespace {

// A task list that knows every note of the vault by its id, holding no task yet.
tasks::TaskList empty_task_list(const model::Vault& vault) {
  tasks::TaskList list;
  list.notes.reserve(vault.notes.size());
  for (const auto& note : vault.notes) list.notes.push_back({note.path});
  return list;
}

// `notes` in id order, each once.
std::vector<model::NoteId> sorted_unique(std::vector<model::NoteId> notes) {
  std::sort(notes.begin(), notes.end());
  notes.erase(std::unique(notes.begin(), notes.end()), notes.end());
  return notes;
}

// The note's entry in `person`'s Recent Context.
ContextEntry context_entry(const model::Vault& vault, model::NoteId note, model::NoteId person) {
  const model::NoteSummary& other = vault.notes[note];
  ContextEntry entry;
  entry.date = other.date;
  entry.note = note;
  entry.stem = other.stem();
  entry.path = other.path;
  entry.link = vault.wikilink_to(note);
  entry.summary =
      text::truncate_chars(text::one_line(other.summary), vault.conventions.summary_length);
  const model::NoteId owner = vault.owner(note);
  if (owner >= 0 && owner != person) entry.via = vault.notes[owner].name;
  entry.line_template = vault.conventions.context_template;
  return entry;
}

}  // namespace

ContextLines::ContextLines(const model::Vault& vault, const std::vector<model::NoteId>& people,
                           const std::function<bool(std::string_view)>& check)
    : vault_(&vault), with_via_(vault.notes.size()), without_via_(vault.notes.size()) {
  // Which kinds of line each note needs: `via` for a person other than its
  // owner (when it has one), none for its owner or when it has none.
  enum : unsigned char { kWithVia = 1, kWithoutVia = 2 };
  std::vector<unsigned char> needs(vault.notes.size(), 0);
  std::vector<model::NoteId> for_person(vault.notes.size(), -1);  // a person it involves
  for (const model::NoteId person : people) {
    for (const auto& involvement : vault.involvement(person)) {
      const model::NoteId owner = vault.owner(involvement.note);
      const auto n = static_cast<std::size_t>(involvement.note);
      needs[n] |= (owner >= 0 && owner != person) ? kWithVia : kWithoutVia;
      if (owner >= 0 && owner != person) for_person[n] = person;
    }
  }
  std::vector<model::NoteId> notes;
  for (std::size_t n = 0; n < needs.size(); ++n) {
    if (needs[n] != 0) notes.push_back(static_cast<model::NoteId>(n));
  }
  // Rendered (and checked) on all cores a chunk at a time, then appended to
  // one buffer: no string per line is kept. Every verdict is in place before
  // the constructor returns, so the threads that read them later (regen's
  // workers) only read.
  constexpr std::size_t kChunk = 512;
  std::vector<std::string> rendered(2 * kChunk);
  std::vector<char> passed(2 * kChunk);
  for (std::size_t first = 0; first < notes.size(); first += kChunk) {
    const std::size_t count = std::min(kChunk, notes.size() - first);
    kb::parallel_for(count, 0, [&](std::size_t k) {
      const model::NoteId note = notes[first + k];
      const auto n = static_cast<std::size_t>(note);
      // The owner sees no `via`; any other person sees the owner's name.
      rendered[2 * k].clear();
      rendered[2 * k + 1].clear();
      if (needs[n] & kWithVia)
        rendered[2 * k] = context_line(context_entry(vault, note, for_person[n]));
      if (needs[n] & kWithoutVia) {
        rendered[2 * k + 1] = context_line(context_entry(vault, note, vault.owner(note)));
      }
      for (const std::size_t r : {2 * k, 2 * k + 1}) {
        const bool needed = (needs[n] & (r == 2 * k ? kWithVia : kWithoutVia)) != 0;
        passed[r] = needed && check && check(rendered[r]) ? 1 : 0;
      }
    });
    for (std::size_t k = 0; k < count; ++k) {
      const auto n = static_cast<std::size_t>(notes[first + k]);
      with_via_[n] = {text_.size(), rendered[2 * k].size(), passed[2 * k] != 0};
      text_ += rendered[2 * k];
      without_via_[n] = {text_.size(), rendered[2 * k + 1].size(), passed[2 * k + 1] != 0};
      text_ += rendered[2 * k + 1];
    }
  }
}

const ContextLines::Piece& ContextLines::piece(model::NoteId note, model::NoteId person) const {
  const model::NoteId owner = vault_->owner(note);
  const auto n = static_cast<std::size_t>(note);
  return owner >= 0 && owner != person ? with_via_[n] : without_via_[n];
}

std::string_view ContextLines::line(model::NoteId note, model::NoteId person) const {
  const Piece& found = piece(note, person);
  return std::string_view(text_).substr(found.at, found.size);
}

bool ContextLines::checked(model::NoteId note, model::NoteId person) const {
  return piece(note, person).checked;
}

tasks::TaskList vault_tasks(const model::Vault& vault, const std::vector<model::NoteId>& notes) {
  tasks::TaskList list = empty_task_list(vault);
  for (const model::NoteId id : sorted_unique(notes)) {
    const model::NoteSummary& note = vault.notes[id];
    if (note.task_count == 0) continue;
    // The plugin's DateFallback: one date per note, from its file name.
    const auto filename_date = tasks::filename_date(note.path, vault.conventions.tasks);
    // Its lines decoded here, one at a time: the notes asked about only.
    for (const model::NoteTask& line : vault.tasks(id)) {
      // Under a global filter, only the lines holding it are tasks.
      if (auto task = tasks::read_task(line.checkbox, vault.conventions.tasks, filename_date)) {
        list.add(id, line.line, line.heading, std::move(*task));
      }
    }
  }
  return list;
}

Expected<tasks::TaskList> vault_tasks_in_lists(const model::Vault& vault,
                                               const std::vector<model::NoteId>& notes) {
  tasks::TaskList list = empty_task_list(vault);
  for (const model::NoteId id : sorted_unique(notes)) {
    const model::NoteSummary& note = vault.notes[id];
    if (note.task_count == 0) continue;
    const auto body = vault.body(id);
    if (!body) return Expected<tasks::TaskList>::failure(body.error());
    const model::NoteBody& read = **body;
    // Under a global filter, only the lines holding it are tasks; the list
    // items around them are kept for their nesting.
    tasks::add_note_tasks(
        list, id, {read.text, &read.scan, read.split.body_begin, read.split.body_first_line},
        vault.conventions.tasks, tasks::filename_date(note.path, vault.conventions.tasks));
  }
  return list;
}

std::string default_tasks_query(std::string_view name) {
  return "path includes " + std::string(name) + "\nnot done\n";
}

Expected<PersonView> person_view(const model::Vault& vault, model::NoteId person,
                                 const tasks::TaskList& all_tasks, text::Date today,
                                 const std::vector<model::NoteId>* candidate_notes,
                                 const ContextLines* lines, const tasks::TasksQuery* parsed) {
  const model::NoteSummary& note = vault.notes[person];
  const auto read = vault.body(person);
  if (!read) return Expected<PersonView>::failure(read.error());
  const model::NoteBody& body = **read;
  PersonView view;
  view.note = person;
  view.name = note.name;
  view.path = note.path;
  view.aliases.assign(note.aliases.begin(), note.aliases.end());
  view.profile = read_profile(body);

  for (const auto& involvement : vault.involvement(person)) {
    if (lines == nullptr) {
      view.recent_context.push_back(context_entry(vault, involvement.note, person));
      continue;
    }
    const model::NoteSummary& other = vault.notes[involvement.note];
    ContextEntry entry;
    entry.date = other.date;
    entry.note = involvement.note;
    entry.path = other.path;
    entry.line = lines->line(involvement.note, person);
    entry.line_checked = lines->checked(involvement.note, person);
    view.recent_context.push_back(std::move(entry));
  }
  std::stable_sort(view.recent_context.begin(), view.recent_context.end(),
                   [](const ContextEntry& a, const ContextEntry& b) {
                     if (a.date.has_value() != b.date.has_value()) return a.date.has_value();
                     if (a.date != b.date) return *a.date > *b.date;
                     return a.path < b.path;
                   });
  for (const ContextEntry& entry : view.recent_context) {
    if (entry.date && *entry.date <= today) {
      view.last_contact = entry.date;
      break;
    }
  }

  int query_line = 0;
  std::string default_query;
  view.tasks_query = tasks_query_of(note.name, body, default_query);
  if (!body.scan.task_queries.empty()) {
    query_line = body.scan.task_queries.front().line;
    view.default_query = false;
  }
  // Parsed here unless the caller parsed it already (person_query reads the
  // same text with the same context; only a parse error's line would differ).
  std::optional<Expected<tasks::TasksQuery>> own;
  if (parsed == nullptr) {
    own.emplace(tasks::TasksQuery::parse(view.tasks_query, query_line + 1,
                                         query_context(vault, note, &body)));
    if (!*own) {
      return Expected<PersonView>::failure(
          located_query_error(vault, note, own->error(), view.default_query));
    }
    parsed = &**own;
  }
  const tasks::TasksQuery* query = parsed;
  // A query that requires a path text selects only tasks of the notes whose
  // paths include it: selecting from those alone gives the same tasks in the
  // same order, and regen --all costs one check per note rather than one per
  // task and person.
  std::vector<tasks::TaskItem> candidates;
  const bool narrowed = narrowing_text(*query).has_value();
  if (narrowed) {
    candidates = tasks_of_notes(
        all_tasks, candidate_notes ? *candidate_notes : notes_with_candidate_tasks(vault, person));
  }
  const std::span<const tasks::TaskItem> items =
      narrowed ? std::span<const tasks::TaskItem>(candidates) : all_tasks.items();
  if (auto failed = query->search_failure(items, all_tasks.notes, today, all_tasks.items())) {
    // The plugin's search fails at run time (`sort by tag 0`): its error, at the block.
    return Expected<PersonView>::failure(located_query_error(
        vault, note, Diagnostic{"", query_line + 1, std::move(*failed), Severity::Error},
        view.default_query));
  }
  view.show_tree = !query->layout().hide_tree;
  int group = 0;
  for (const tasks::TaskGroup& found :
       query->run(items, all_tasks.notes, today, all_tasks.items())) {
    for (const tasks::TaskItem& item : found.items) {
      OpenTask task;
      task.group = group;
      task.note = item.note;
      task.path = all_tasks.notes[static_cast<std::size_t>(item.note)].path;
      task.line = item.line;
      task.task = *item.task;
      task.text = tasks::shown_text(item.task->text, vault.conventions.tasks);
      task.description = tasks::shown_text(item.task->description, vault.conventions.tasks);
      view.open_tasks.push_back(std::move(task));
    }
    ++group;
  }
  return view;
}

std::string context_line(const ContextEntry& entry) {
  if (entry.line) return std::string(*entry.line);
  const std::string date = entry.date ? entry.date->iso() : "unknown";
  // The summary and the owner's name go into a note's line as plain text.
  return model::render_context_line(
      entry.line_template,
      {date, entry.link, text::escape_inline(text::wikilinks_as_text(entry.summary)),
       text::escape_inline(entry.via.value_or(std::string()))});
}

}  // namespace kb::query
