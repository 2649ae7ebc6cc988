// kb person NAME: who this is, what happened with them recently, what is open.
#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>

#include "app.hpp"
#include "kb/output/person.hpp"

namespace kb::cli {

namespace {

Command person_command() {
  return {"person", "Show a person: profile, recent context and open tasks", 10,
          [](CLI::App& sub) -> std::function<int(Context&)> {
            struct Options {
              std::string name;
              bool json = false;
            };
            auto options = std::make_shared<Options>();
            sub.add_option("NAME", options->name, "Name, file stem or alias (case and accents ignored)")
                ->required();
            sub.add_flag("--json", options->json, "Print one JSON object");
            sub.footer(R"(Examples:
  kb person "Asaf Levy"
  kb person "asaf levy" --json | jq '.open_tasks[].text'
  kb --vault ~/notes person "Élodie Marchand")");
            return [options](Context& context) -> int {
              model::Vault* vault = context.vault(Context::Reads::Summary);
              if (!vault) return kUsage;
              int exit_code = kOk;
              const auto person =
                  resolve_entity(*vault, options->name, {model::NoteKind::Person}, exit_code);
              if (!person) return exit_code;
              // Read only the notes the view shows the text of: the person's
              // own, then those holding tasks its query may select.
              if (!context.hydrate({*person}) ||
                  !context.hydrate(query::notes_with_candidate_tasks(*vault, *person))) {
                return kUsage;
              }
              const auto tasks = query::vault_tasks(*vault);
              auto view = query::person_view(*vault, *person, tasks, context.today());
              if (!view) {
                warn(view.error());
                return kUsage;
              }
              if (options->json) {
                // Invalid UTF-8 in a note becomes U+FFFD rather than an exception.
                fmt::print("{}\n", output::person_json(*view).dump(
                                       2, ' ', false, nlohmann::json::error_handler_t::replace));
              } else {
                fmt::print("{}", output::person_text(*view, context.style()));
              }
              return kOk;
            };
          }};
}

const RegisterCommand registered{person_command()};

}  // namespace

}  // namespace kb::cli
