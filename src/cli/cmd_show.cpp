// kb show NAME: any person, customer or project with its notes and people.
#include <fmt/format.h>

#include "kb/query/entity.hpp"
#include "list_output.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

namespace {

output::Table notes_table(const query::EntityView& view) {
  output::Table table({{"date"}, {"path", "2"}, {"relations"}, {"via"}, {"summary"}}, "path");
  for (const auto& note : view.notes) {
    table.add({{"date", date_or_null(note.date)},
               {"path", note.path},
               {"summary", note.summary},
               {"via", note.via ? nlohmann::json(*note.via) : nlohmann::json(nullptr)},
               {"relations", note.relations}});
  }
  return table;
}

output::Table people_table(const query::EntityView& view) {
  output::Table table({{"name", "1"}, {"notes"}, {"linked"}, {"path", "2"}}, "path");
  for (const auto& person : view.people) {
    table.add({{"name", person.name},
               {"path", person.path},
               {"notes", person.notes},
               {"linked", person.linked}});
  }
  return table;
}

std::string view_text(const query::EntityView& view, const output::Table& notes,
                      const output::Table& people, const output::TextOptions& options) {
  std::string out = output::paint(options.color, "1", view.name) + " (" + view.kind + ")\n";
  out += output::paint(options.color, "2", view.path) + "\n";
  out +=
      "\n" + output::paint(options.color, "1", fmt::format("Notes ({})", view.notes.size())) + "\n";
  out += notes.empty() ? "(none)\n" : notes.text(options);
  out += "\n" + output::paint(options.color, "1", fmt::format("People ({})", view.people.size())) +
         "\n";
  out += people.empty() ? "(none)\n" : people.text(options);
  return out;
}

}  // namespace

Runner define_show(CLI::App& sub) {
  struct Options {
    ListFlags flags;
    std::string name;
    bool people = false;
  };
  auto options = std::make_shared<Options>();
  add_name_argument(sub, options->name, kEntityToRead);
  sub.add_flag("--people", options->people,
               "With --jsonl, --tsv or -0: list the people instead of the notes");
  add_list_flags(sub, options->flags, "note paths");
  sub.footer(R"(A person's notes are those involving them (in their folder, listing them as a
participant, linking to them, or naming them). A customer's or project's notes
are those in its folder or linking to its note. People are those involved in
these notes and those whose notes link to or from the entity's note.

--json prints one object {name, kind, path, notes, people}; --jsonl, --tsv
and -0 print the notes (date, path, relations, via, summary), or with --people
the people (name, notes, linked, path).

Examples:
  kb show OpenAI
  kb show "Phase Gate 1" --tsv | cut -f1,2
  kb show Customers/OpenAI/OpenAI.md --json | jq '.people[].name'
  kb show asaf --people -0 | xargs -0 grep -l "Tel Aviv")");
  return [options](Context& context) -> Outcome {
    auto loaded = context.vault();
    if (!loaded) return loaded.error();
    model::Vault* vault = *loaded;
    const auto entity = resolve(context, *vault, options->name, kEntityToRead);
    if (!entity) return entity.error();
    const auto view = query::entity_view(*vault, *entity);
    const auto notes = notes_table(view);
    const auto people = people_table(view);
    const auto format = options->flags.format();
    if (format == output::Format::Json) {
      nlohmann::json j{{"name", view.name}, {"kind", view.kind}, {"path", view.path}};
      j["notes"] = nlohmann::json::array();
      for (const auto& row : notes.rows()) j["notes"].push_back(row);
      j["people"] = nlohmann::json::array();
      for (const auto& row : people.rows()) j["people"].push_back(row);
      print_raw(j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
    } else if (format == output::Format::Text) {
      print_raw(view_text(view, notes, people, text_options(context)));
    } else {
      print_table(options->people ? people : notes, options->flags, context);
    }
    return kOk;
  };
}

}  // namespace kb::cli
