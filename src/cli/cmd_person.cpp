// kb person NAME: who this is, what happened with them recently, what is open.
#include <fmt/format.h>

#include <memory>

#include "kb/output/person.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

Runner define_person(CLI::App& sub) {
  struct Options {
    std::string name;
    bool json = false;
  };
  auto options = std::make_shared<Options>();
  add_name_argument(sub, options->name, kPersonToRead);
  sub.add_flag("--json", options->json, "Print one JSON object");
  sub.footer(R"(NAME is a full name, alias or file stem (case and accents ignored), a unique
word prefix (announced on stderr), a [[wikilink]] or the note's path.

Examples:
  kb person "Asaf Levy"
  kb person asaf                           # the one person whose name starts so
  kb person "asaf levy" --json | jq '.open_tasks[].text'
  kb --vault ~/notes person "Élodie Marchand")");
  return [options](Context& context) -> Outcome {
    auto vault = context.vault(Context::Reads::Summary);
    if (!vault) return vault.error();
    const auto person = resolve(context, **vault, options->name, kPersonToRead);
    if (!person) return person.error();
    // Read only the notes the view shows the text of: the person's own, then
    // those holding tasks its query may select.
    if (auto failed = context.hydrate({*person})) return *failed;
    if (auto failed = context.hydrate(query::notes_with_candidate_tasks(**vault, *person))) {
      return *failed;
    }
    const auto tasks = query::vault_tasks(**vault);
    auto view = query::person_view(**vault, *person, tasks, context.today());
    if (!view) return failure(kUsage, view.error());
    if (options->json) {
      // Invalid UTF-8 in a note becomes U+FFFD rather than an exception.
      fmt::print("{}\n", output::person_json(*view).dump(2, ' ', false,
                                                         nlohmann::json::error_handler_t::replace));
    } else {
      fmt::print("{}", output::person_text(*view, context.style()));
    }
    return kOk;
  };
}

}  // namespace kb::cli
