// kb people: every person, one a line, for terminals and pipelines.
#include "kb/query/people.hpp"
#include "list_output.hpp"
#include "verbs.hpp"

namespace kb::cli {

Runner define_people(CLI::App& sub) {
  auto flags = std::make_shared<ListFlags>();
  add_list_flags(sub, *flags, "note paths");
  sub.footer(R"(Fields: name, path, last_contact, notes (how many meeting and other notes
involve the person), role; --json and --jsonl add aliases.

Examples:
  kb people
  kb people --tsv --no-header | cut -f1          # names only
  kb people --json | jq -r '.[] | select(.notes == 0) | .name'
  kb people -0 | xargs -0 grep -l "Tel Aviv")");
  return [flags](Context& context) -> Outcome {
    auto loaded = context.vault();
    if (!loaded) return loaded.error();
    model::Vault* vault = *loaded;
    output::Table table({{"name", "1"}, {"path", "2"}, {"last_contact"}, {"notes"}, {"role"}},
                        "path");
    for (const auto& person : query::list_people(*vault)) {
      table.add({{"name", person.name},
                 {"path", person.path},
                 {"aliases", person.aliases},
                 {"role", string_or_null(person.role)},
                 {"last_contact", string_or_null(person.last_contact)},
                 {"notes", person.notes}});
    }
    print_table(table, *flags, context);
    return kOk;
  };
}

}  // namespace kb::cli
