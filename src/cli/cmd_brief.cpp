// kb brief NAME: what happened with a person since the last meeting.
#include <fmt/format.h>

#include <memory>

#include "kb/output/brief.hpp"
#include "kb/query/brief.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

Runner define_brief(CLI::App& sub) {
  struct Options {
    std::string name;
    std::string since;
    bool json = false;
    bool markdown = false;
  };
  auto options = std::make_shared<Options>();
  add_name_argument(sub, options->name, kPersonToRead);
  sub.add_option("--since", options->since,
                 "Start the span on this date (YYYY-MM-DD) instead of the last meeting")
      ->type_name("DATE")
      ->check([](const std::string& s) {
        return text::parse_iso_date(s) ? std::string() : "expected a date YYYY-MM-DD";
      });
  auto* json = sub.add_flag("--json", options->json, "Print one JSON object");
  sub.add_flag("--md", options->markdown, "Print Markdown to paste into a note")->excludes(json);
  sub.footer(R"(The span runs from the last meeting (the newest dated note involving the
person before today) or --since, to today (--today), both included. Tasks are
those the person's ```tasks query selects without `not done`, plus those in
notes that involve the person.

Examples:
  kb brief "Asaf Levy"
  kb --today 2025-11-12 brief "Asaf Levy" --since 2025-11-01
  kb brief "Asaf Levy" --md >> "Meetings/2025-11-13 - Asaf sync.md")");
  return [options](Context& context) -> Outcome {
    auto loaded = context.vault();
    if (!loaded) return loaded.error();
    model::Vault* vault = *loaded;
    const auto person = resolve(context, *vault, options->name, kPersonToRead);
    if (!person) return person.error();
    query::BriefOptions brief_options;
    brief_options.today = context.today();
    brief_options.since = text::parse_iso_date(options->since);
    // The person's note; the tasks the brief may show come from the summaries
    // of the notes holding them.
    if (auto failed = context.read_bodies({*person})) return *failed;
    const auto notes = query::brief_task_notes(*vault, *person);
    const auto tasks = query::vault_tasks(*vault, notes);
    auto brief = query::make_brief(*vault, *person, tasks, brief_options);
    if (!brief) return failure(kUsage, brief.error());
    // `show tree`: the lists of the notes holding the tasks listed (the text
    // and --md draw them; --json lists the tasks flat).
    if (brief->show_tree && !options->json) {
      if (auto failed = context.read_bodies(query::listed_notes(*brief))) return *failed;
      if (auto failed = query::add_task_trees(*vault, *brief)) return failure(kNotFound, *failed);
    }
    if (options->json) {
      // Invalid UTF-8 in a note becomes U+FFFD rather than an exception.
      fmt::print("{}\n", output::brief_json(*brief).dump(2, ' ', false,
                                                         nlohmann::json::error_handler_t::replace));
    } else if (options->markdown) {
      fmt::print("{}", output::brief_markdown(*brief));
    } else {
      fmt::print("{}", output::brief_text(*brief, context.style()));
    }
    return kOk;
  };
}

}  // namespace kb::cli
