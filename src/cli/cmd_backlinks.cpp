// kb backlinks NAME: every link into a note, with where it is written.
#include "kb/query/links.hpp"
#include "list_output.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

Runner define_backlinks(CLI::App& sub) {
  struct Options {
    ListFlags flags;
    std::string name;
  };
  auto options = std::make_shared<Options>();
  add_name_argument(sub, options->name, kNoteToRead);
  add_list_flags(sub, options->flags, "the linking notes' paths (each once)");
  sub.footer(R"(Body links and front-matter links from other notes that resolve to this
note, by path then line. Fields: path, line, link (as written, without
#heading and |alias); --json and --jsonl add embed and front_matter.

Examples:
  kb backlinks OpenAI
  kb backlinks "Jeff Denworth" --tsv --no-header | cut -f1 | sort | uniq -c
  kb backlinks Cloud -0 | xargs -0 grep -n "Cloud")");
  return [options](Context& context) -> Outcome {
    auto loaded = context.vault();
    if (!loaded) return loaded.error();
    model::Vault* vault = *loaded;
    const auto note = resolve(context, *vault, options->name, kNoteToRead);
    if (!note) return note.error();
    output::Table table({{"path", "2"}, {"line"}, {"link"}}, "path");
    for (const auto& link : query::incoming_links(*vault, *note)) {
      table.add({{"path", vault->notes[link.from].path},
                 {"line", link.line},
                 {"link", std::string(link.target)},
                 {"embed", link.embed},
                 {"front_matter", link.front_matter}});
    }
    print_table(table, options->flags, context);
    return kOk;
  };
}

}  // namespace kb::cli
