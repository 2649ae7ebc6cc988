// kb tasks [QUERY]: an Obsidian Tasks query over the whole vault.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <optional>
#include <sstream>

#include "kb/model/tasks_settings.hpp"
#include "kb/query/person.hpp"
#include "kb/tasks/note_lists.hpp"
#include "kb/tasks/query.hpp"
#include "kb/tasks/tree.hpp"
#include "list_output.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

namespace {

constexpr const char* kDefaultQuery = "not done";

struct QuerySource {
  std::string name;  // how errors name it: "<query>", "<stdin>" or the file
  std::string text;
};

// The query text from the argument, --file or stdin.
Expected<QuerySource, Failure> read_query(const std::string& argument, const std::string& file,
                                          bool has_argument) {
  using Result = Expected<QuerySource, Failure>;
  if (has_argument && !file.empty()) {
    return Result::failure({kUsage, "give the query as an argument or with --file, not both"});
  }
  if (!file.empty()) {
    std::ifstream in(file, std::ios::binary);
    if (!in) return Result::failure({kUsage, fmt::format("{}: cannot read the query file", file)});
    std::ostringstream text;
    text << in.rdbuf();
    return QuerySource{file, text.str()};
  }
  if (!has_argument) return QuerySource{"<query>", kDefaultQuery};
  if (argument == "-") {
    return QuerySource{"<stdin>", std::string(std::istreambuf_iterator<char>(std::cin), {})};
  }
  return QuerySource{"<query>", argument};
}

// "3 tasks", "1 task", "2 of 5 tasks" (the plugin's totalTasksCountDisplayText).
std::string task_count_text(std::size_t shown, std::size_t total) {
  const std::string noun = total == 1 ? "task" : "tasks";
  if (shown == total) return fmt::format("{} {}", shown, shown == 1 ? "task" : "tasks");
  return fmt::format("{} of {} {}", shown, total, noun);
}

// The vault path of the --file query file when it is a note of the vault
// ("" otherwise): the note the query is read as written in.
std::string file_in_vault(const Context& context, const std::string& file) {
  if (file.empty() || !file.ends_with(".md")) return {};
  namespace fs = std::filesystem;
  std::error_code ec;
  const fs::path path = fs::weakly_canonical(fs::path(file), ec);
  if (ec) return {};
  const fs::path root = fs::weakly_canonical(fs::path(context.vault_root()), ec);
  if (ec) return {};
  const fs::path relative = path.lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return {};
  return relative.generic_string();
}

// The note named by --in NOTE (a vault path, a link or a name: an entity's,
// else any note's as a link to it resolves), else the --file note; -1 for none.
Expected<model::NoteId, Failure> query_note(Context& context, const model::Vault& vault,
                                            const std::string& in, const std::string& file_path) {
  if (!in.empty()) {
    const auto lookup = query::resolve_name(vault, in, kNoteToRead);
    if (lookup.result == query::NameLookup::Result::NotFound) {
      if (const model::NoteId linked = vault.resolve(in, -1); linked >= 0) return linked;
    }
    return resolve(context, vault, in, kNoteToRead);
  }
  return file_path.empty() ? model::NoteId{-1} : vault.find_path(file_path);
}

// The query parsed, or the failure naming where it went wrong.
Expected<tasks::TasksQuery, Failure> parse_query(const QuerySource& source,
                                                 const tasks::QueryContext& query_context,
                                                 const model::Conventions& conventions) {
  auto query = tasks::TasksQuery::parse(source.text, 1, query_context);
  if (query) return std::move(*query);
  std::string message = query.error().message;
  if (!query_context.file && message.find("needs the note") != std::string::npos) {
    message += "; name one with --in NOTE";
  }
  // Where the bad instruction was written: data.json for the global query,
  // the note for its Query File Defaults, else the query text.
  int line = query.error().line;
  std::string where = source.name;
  if (message.starts_with("in the Tasks global query")) {
    const Diagnostic placed = model::placed_in_global_query(conventions, query.error());
    where = placed.path;
    line = placed.line;
  } else if (message.starts_with("in the note's") && query_context.file) {
    where = std::string(query_context.file->path);
  }
  if (line > 0) where += fmt::format(":{}", line);
  return Expected<tasks::TasksQuery, Failure>::failure(
      {kUsage, fmt::format("{}: {}", where, message)});
}

// A task's line: "- [ ] text", its due marker, urgency and path:line as the
// query's layout says; `nested` for a task drawn under another (show tree).
std::string task_line(const tasks::TaskList& tasks, const tasks::TaskItem& item, bool nested,
                      const tasks::QueryLayout& layout, const tasks::Settings& settings,
                      const output::Style& style, text::Date today) {
  const tasks::Task& task = *item.task;
  // The plugin draws the description without the global filter when the
  // settings say so (TaskLineRenderer.renderDescription).
  std::string out = fmt::format(
      "- [{}] {}", task.status_symbol,
      tasks::shown_text(layout.changes_task_text() ? tasks::task_layout_text(task, layout)
                                                   : std::string(task.text),
                        settings));
  out += output::due_marker_text(task, today, style);
  if (!layout.hide_urgency) out += "  " + tasks::urgency_layout_text(task, today);
  // `hide nested backlink` hides the backlinks of the tasks drawn under
  // another; `hide backlink` all of them (HtmlQueryResultsRenderer.addTask).
  if (!layout.hide_backlinks && !(nested && layout.hide_nested_backlinks)) {
    out += "  " + output::paint(style.color, "2",
                                fmt::format("{}:{}", tasks.notes[item.note].path, item.line));
  }
  return out;
}

// A list item that is not a task, as the plugin's Markdown renderer draws it
// (formatListItem): "- [c] text" or "- text", without a backlink.
std::string list_item_line(std::string_view markdown) {
  const auto item = tasks::list_item_text(markdown);
  std::string out = "- ";
  if (!item.status_symbol.empty()) out += fmt::format("[{}] ", item.status_symbol);
  out += item.description;
  return out;
}

// Markdown headings as the plugin renders groups: h4, h5, then h6 for deeper
// levels; a heading is repeated only when it changes. The query's layout
// decides what each task line shows (`hide due date`, `short mode`, `show
// urgency`, `hide backlink` drops the path:line, `show group count`); with
// `show tree` each found task comes with what is nested under it, four
// spaces further in a level, as the plugin's Markdown renderer indents it.
std::string grouped_text(const tasks::TaskList& tasks, const std::vector<tasks::TaskGroup>& groups,
                         const tasks::QueryLayout& layout, const tasks::Settings& settings,
                         const output::Style& style, text::Date today) {
  std::string out;
  std::vector<std::string> previous;
  for (const auto& group : groups) {
    std::size_t level = 0;
    while (level < group.names.size() && level < previous.size() &&
           group.names[level] == previous[level]) {
      ++level;
    }
    for (; level < group.names.size(); ++level) {
      if (!out.empty()) out += '\n';
      const std::string marks(std::min<std::size_t>(4 + level, 6), '#');
      std::string heading = marks + " " + group.names[level];
      if (!layout.hide_group_count && level + 1 == group.names.size()) {
        heading += " (" + task_count_text(group.items.size(), group.count_before_limit) + ")";
      }
      out += output::paint(style.color, "1", heading) + "\n";
    }
    previous = group.names;
    if (layout.hide_tree) {
      for (const auto& item : group.items) {
        out += task_line(tasks, item, false, layout, settings, style, today) + "\n";
      }
      continue;
    }
    for (const tasks::TreeRow& row : tasks::tree_rows(tasks, group.items)) {
      out += std::string(4 * static_cast<std::size_t>(row.depth), ' ');
      out += row.task ? task_line(tasks, *row.task, row.depth > 0, layout, settings, style, today)
                      : list_item_line(tasks.list_items()[row.list_item].markdown);
      out += '\n';
    }
  }
  return out;
}

output::Table tasks_table(const tasks::TaskList& tasks, const std::vector<tasks::TaskGroup>& groups,
                          const tasks::Settings& settings) {
  output::Table table({{"path"}, {"line"}, {"status"}, {"text"}, {"due"}, {"priority"}, {"group"}},
                      "path");
  for (const auto& group : groups) {
    for (const auto& item : group.items) {
      nlohmann::json row = output::task_json(tasks.notes[item.note].path, item.line, *item.task,
                                             tasks::shown_text(item.task->description, settings));
      row["group"] = group.names;
      table.add(std::move(row));
    }
  }
  return table;
}

}  // namespace

Runner define_tasks(CLI::App& sub) {
  struct Options {
    ListFlags flags;
    std::string query, file, in;
    CLI::Option* query_option = nullptr;
    std::optional<Expected<QuerySource, Failure>> source;
  };
  auto options = std::make_shared<Options>();
  options->query_option =
      sub.add_option("QUERY", options->query,
                     "Query text, one instruction a line (default: not done); - reads stdin")
          ->type_name("QUERY");
  sub.add_option("-f,--file", options->file, "Read the query from this file")->type_name("FILE");
  sub.add_option("--in", options->in,
                 "Read the query as written in this note: its {{query.file.*}} placeholders and "
                 "Query File Defaults (default: the --file note when it lies in the vault)")
      ->type_name("NOTE");
  add_list_flags(sub, options->flags, "the paths of the notes holding the tasks");
  sub.footer(R"(The query language is the Obsidian Tasks plugin's: filters (not done, due
before today, path includes X, tags include #x, description includes x,
priority is high, heading includes x, ...), boolean combinations ((A) AND
(B)), sort by, group by, limit. Text output prints groups as the plugin does
(#### headings) and each task as "- [ ] text  path:line"; the layout
instructions change it as they change the plugin's view (hide due date, short
mode, show urgency, show group count, hide backlink drops path:line, ...).
`show tree` draws each found
task with the tasks and list items nested under it, four spaces a level.
Fields of --json,
--jsonl and --tsv: path, line, status, status_type, text, due, priority, group
(the group headings, outermost first); layout instructions, show tree too,
change the text only.

The vault's Tasks plugin settings apply (.obsidian/plugins/obsidian-tasks-plugin/
data.json; kb config shows them): only lines holding the global filter are
tasks, the global query runs first, presets, custom statuses and the Dataview
format are read as the plugin reads them. A query using {{query.file.path}} or
another placeholder needs a note to expand it from: --in NOTE, or a --file
that is a note of the vault; without one kb exits 2 naming the placeholder.

Examples:
  kb tasks
  kb tasks 'due before tomorrow'
  kb tasks $'not done\npath includes Asaf Levy\ngroup by filename'
  kb tasks --file weekly.query --json | jq -r '.[].text'
  printf 'not done\ngroup by due\n' | kb tasks -
  kb tasks 'tags include #followup' -0 | xargs -0 $EDITOR
  kb tasks 'path includes {{query.file.filenameWithoutExtension}}' --in "Asaf Levy")");
  return [options](Context& context) -> Outcome {
    // Read once: stdin is gone when the verb runs again (Context::retrying).
    if (!options->source) {
      options->source.emplace(
          read_query(options->query, options->file, options->query_option->count() > 0));
    }
    const auto& source = *options->source;
    if (!source) return source.error();
    const auto conventions = context.conventions();
    if (!conventions) return conventions.error();
    // Without a note to read it in, a bad query fails before the vault loads.
    const std::string file_note = file_in_vault(context, options->file);
    std::optional<tasks::TasksQuery> query;
    if (options->in.empty() && file_note.empty()) {
      auto parsed = parse_query(*source, {&(*conventions)->tasks, std::nullopt}, **conventions);
      if (!parsed) return parsed.error();
      query.emplace(std::move(*parsed));
    }
    auto loaded = context.vault();
    if (!loaded) return loaded.error();
    model::Vault* vault = *loaded;
    if (!query) {
      const auto note = query_note(context, *vault, options->in, file_note);
      if (!note) return note.error();
      tasks::QueryContext query_context{&vault->conventions.tasks, std::nullopt};
      if (*note >= 0) {
        // Its front-matter: what placeholders and Query File Defaults read.
        if (auto failed = context.read_bodies({*note})) return *failed;
        query_context =
            query::query_context(*vault, vault->notes[*note], vault->body(*note).value());
      }
      auto parsed = parse_query(*source, query_context, vault->conventions);
      if (!parsed) return parsed.error();
      query.emplace(std::move(*parsed));
    }
    // Every note holding a checkbox line, and no other (from their summaries).
    const auto all_tasks = query::vault_tasks(*vault, vault->notes_with_tasks());
    // The plugin's search itself can fail (`sort by tag 0`): its error, as it shows it.
    if (auto failed = query->search_failure(all_tasks, context.today())) {
      return Failure{kUsage, fmt::format("{}: {}", source->name, *failed)};
    }
    auto groups = query->run(all_tasks, context.today());
    if (options->flags.format() != output::Format::Text) {
      print_table(tasks_table(all_tasks, groups, vault->conventions.tasks), options->flags,
                  context);
      warn_given_up(*query, source->name, context.globals().quiet);
      return kOk;
    }
    // `show tree` draws what is nested under the found tasks: the lists of
    // their notes, read from the bodies of those notes only.
    std::optional<tasks::TaskList> in_lists;
    if (!query->layout().hide_tree) {
      std::vector<model::NoteId> found_notes;
      for (const auto& group : groups) {
        for (const auto& item : group.items) found_notes.push_back(item.note);
      }
      std::sort(found_notes.begin(), found_notes.end());
      found_notes.erase(std::unique(found_notes.begin(), found_notes.end()), found_notes.end());
      if (auto failed = context.read_bodies(found_notes)) return *failed;
      auto read = query::vault_tasks_in_lists(*vault, found_notes);
      if (!read) return failure(kNotFound, read.error());
      in_lists.emplace(std::move(*read));
      // The same tasks, as that list knows them (with their list items).
      for (auto& group : groups) {
        for (auto& item : group.items) {
          if (const tasks::TaskItem* same = in_lists->find(item.note, item.line)) item = *same;
        }
      }
    }
    const tasks::TaskList& tasks = in_lists ? *in_lists : all_tasks;
    const output::Style style = context.style();
    const tasks::QueryLayout& layout = query->layout();
    std::string out;
    // `explain`: the plugin's explanation above the results, as it renders it.
    if (layout.explain) out = query->explanation(context.today()) + "\n";
    out += grouped_text(tasks, groups, layout, vault->conventions.tasks, style, context.today());
    if (context.globals().terminal && !layout.hide_task_count) {
      std::size_t count = 0;
      for (const auto& group : groups) count += group.items.size();
      out += output::paint(style.color, "2",
                           fmt::format("\n{} task{}", count, count == 1 ? "" : "s")) +
             "\n";
    }
    print_raw(out);
    warn_given_up(*query, source->name, context.globals().quiet);
    return kOk;
  };
}

}  // namespace kb::cli
