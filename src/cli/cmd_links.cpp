// kb links NAME: where a note's links go, and which ones go nowhere.
#include "kb/query/links.hpp"
#include "list_output.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

namespace {

std::string_view link_kind(const query::LinkRef& link) {
  if (link.note >= 0) return "note";
  if (link.attachment) return "attachment";
  return "unresolved";
}

}  // namespace

Runner define_links(CLI::App& sub) {
  struct Options {
    ListFlags flags;
    std::string name;
  };
  auto options = std::make_shared<Options>();
  add_name_argument(sub, options->name, kNoteToRead);
  add_list_flags(sub, options->flags, "the resolved paths");
  sub.footer(R"(Body links and front-matter links (a property value "[[X]]"), resolved as
Obsidian does: exact path, the note's own folder, then the shortest path
ending in the link; attachments (![[diagram.png]]) resolve to the file.
Fields: line, link (as written, without #heading and |alias), kind (note,
attachment or unresolved), path (empty or null when unresolved); --json and
--jsonl add embed and front_matter (booleans).

Examples:
  kb links "Asaf Levy"
  kb links "Asaf Levy" --tsv | awk -F'\t' '$3 == "unresolved"'
  kb links Inbox.md --json
  kb links Cloud -0 | xargs -0 wc -l)");
  return [options](Context& context) -> Outcome {
    auto loaded = context.vault();
    if (!loaded) return loaded.error();
    model::Vault* vault = *loaded;
    const auto note = resolve(context, *vault, options->name, kNoteToRead);
    if (!note) return note.error();
    Diagnostics ignored;  // the vault's own load already warned about the walk
    const auto files = context.fs().list_files(ignored);
    const query::AttachmentIndex attachments(files ? *files : std::vector<std::string>{});
    output::Table table({{"line"}, {"link"}, {"kind"}, {"path", "2", "-"}}, "path");
    for (const auto& link : query::outgoing_links(*vault, *note, attachments)) {
      nlohmann::json path = nullptr;
      if (link.note >= 0) path = vault->notes[link.note].path;
      if (link.attachment) path = *link.attachment;
      table.add({{"line", link.line},
                 {"link", std::string(link.target)},
                 {"kind", std::string(link_kind(link))},
                 {"path", path},
                 {"embed", link.embed},
                 {"front_matter", link.front_matter}});
    }
    print_table(table, options->flags, context);
    return kOk;
  };
}

}  // namespace kb::cli
