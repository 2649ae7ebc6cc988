// kb people: every person, one a line, for terminals and pipelines.
#include "app.hpp"
#include "kb/query/people.hpp"
#include "list_output.hpp"

namespace kb::cli {

namespace {

Command people_command() {
  return {"people", "List every person: name, path, last contact, notes, role", 20,
          [](CLI::App& sub) -> std::function<int(Context&)> {
            auto flags = std::make_shared<ListFlags>();
            add_list_flags(sub, *flags, "note paths");
            sub.footer(R"(Fields: name, path, last_contact, notes (how many meeting and other notes
involve the person), role; --json and --jsonl add aliases.

Examples:
  kb people
  kb people --tsv | tail -n +2 | cut -f1          names only
  kb people --json | jq -r '.[] | select(.notes == 0) | .name'
  kb people -0 | xargs -0 grep -l "Tel Aviv")");
            return [flags](Context& context) -> int {
              model::Vault* vault = context.vault();
              if (!vault) return kUsage;
              output::Table table(
                  {{"name", "1"}, {"path", "2"}, {"last_contact"}, {"notes"}, {"role"}}, "path");
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
          }};
}

const RegisterCommand registered{people_command()};

}  // namespace

}  // namespace kb::cli
