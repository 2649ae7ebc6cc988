// kb person NAME: who this is, what happened with them recently, what is open.
#include <fmt/format.h>

#include <memory>
#include <optional>
#include <vector>

#include "kb/output/person.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

Runner define_person(CLI::App& sub) {
  struct Options {
    std::string name;
    bool json = false;
    std::size_t limit = 0;
    std::string since;
  };
  auto options = std::make_shared<Options>();
  add_name_argument(sub, options->name, kPersonToRead);
  sub.add_option("--limit", options->limit, "Show at most N Recent Context entries (the newest)")
      ->type_name("N")
      ->check(CLI::PositiveNumber);
  sub.add_option("--since", options->since,
                 "Show only Recent Context entries dated on or after DATE (YYYY-MM-DD)")
      ->type_name("DATE")
      ->check([](const std::string& s) {
        return text::parse_iso_date(s) ? std::string() : "expected a date YYYY-MM-DD";
      });
  sub.add_flag("--json", options->json, "Print one JSON object");
  sub.footer(R"(NAME is a full name, alias or file stem (case and accents ignored), a unique
word prefix (announced on stderr), a [[wikilink]] or the note's path. Open
tasks due before today are marked OVERDUE, those due today DUE TODAY (in
colour on a terminal). --limit and --since narrow Recent Context (also in
--json); the Open Tasks are always all shown. With `show tree` in the ```tasks
query, each task is followed by the tasks and list items nested under it.

Examples:
  kb person "Asaf Levy"
  kb person asaf                           # the one person whose name starts so
  kb person asaf --limit 5                 # the five newest notes
  kb person asaf --since 2025-11-01
  kb person "asaf levy" --json | jq '.open_tasks[].text'
  kb --vault ~/notes person "Élodie Marchand")");
  return [options](Context& context) -> Outcome {
    auto vault = context.vault();
    if (!vault) return vault.error();
    const auto person = resolve(context, **vault, options->name, kPersonToRead);
    if (!person) return person.error();
    // Read only the person's own note (its profile and ```tasks query); the
    // tasks its query may select come from the other notes' summaries.
    if (auto failed = context.read_bodies({*person})) return *failed;
    // Its query, parsed once: for its candidates, its view, and afterwards
    // to tell whether a regex gave up.
    std::vector<std::optional<tasks::TasksQuery>> queries;
    const auto candidates =
        std::move(query::notes_with_candidate_tasks(**vault, {*person}, nullptr, &queries).front());
    const auto tasks = query::vault_tasks(**vault, candidates);
    const std::optional<tasks::TasksQuery>& parsed = queries.front();
    auto view = query::person_view(**vault, *person, tasks, context.today(), &candidates, nullptr,
                                   parsed ? &*parsed : nullptr);
    if (!view) return failure(kUsage, view.error());
    // `show tree`: the lists of the notes holding the open tasks (the text
    // draws them; --json lists the tasks flat).
    if (view->show_tree && !options->json) {
      if (auto failed = context.read_bodies(query::listed_notes(*view))) return *failed;
      if (auto failed = query::add_task_trees(**vault, *view)) return failure(kNotFound, *failed);
    }
    output::ContextShown shown;
    shown.since = text::parse_iso_date(options->since);
    shown.limit = options->limit;
    if (options->json) {
      // Invalid UTF-8 in a note becomes U+FFFD rather than an exception.
      fmt::print("{}\n", output::person_json(*view, shown)
                             .dump(2, ' ', false, nlohmann::json::error_handler_t::replace));
    } else {
      fmt::print("{}", output::person_text(*view, context.style(), context.today(), shown));
    }
    if (parsed)
      warn_given_up(*parsed, std::string((*vault)->notes[*person].path), context.globals().quiet);
    return kOk;
  };
}

}  // namespace kb::cli
