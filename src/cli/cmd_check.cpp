// kb check: lint the vault, one problem a line, like a compiler.
#include <fmt/format.h>

#include <set>

#include "kb/query/check.hpp"
#include "list_output.hpp"
#include "verbs.hpp"

namespace kb::cli {

Runner define_check(CLI::App& sub) {
  auto flags = std::make_shared<ListFlags>();
  add_list_flags(sub, *flags, "the paths of the notes with problems (each once)");
  sub.footer(R"(Checks: front-matter (malformed YAML, no closing ---), duplicate-key
(a front-matter key written twice; the first value counts), load (notes
skipped or unreadable), broken-link (a wikilink to no note or file),
accent-link and alias-link (a link Obsidian leaves unresolved although it
differs from a note's name only in accents, or matches only an alias),
duplicate-name (two people, customers or projects answering to one name),
no-tasks-block (a person note without a ```tasks block).

Prints "path:line: message" per problem on stdout and a count on stderr.
Fields of --json, --jsonl and --tsv: path, line, check, message.
Exit code 1 when a problem is found, 0 when none.

Examples:
  kb check
  kb check --tsv | awk -F'\t' '$3 == "broken-link"'
  kb check --json | jq 'group_by(.check) | map({(.[0].check): length}) | add'
  kb check -0 | xargs -0 $EDITOR)");
  return [flags](Context& context) -> Outcome {
    // The load diagnostics are this verb's output, so it loads the
    // vault itself rather than have Context print them as warnings.
    const auto conventions = context.conventions();
    if (!conventions) return conventions.error();
    model::LoadOptions options;
    options.keep_bodies = true;  // every note's body is checked
    auto vault = model::load_vault(context.fs(), **conventions, options);
    if (!vault) return failure(kUsage, vault.error());
    Diagnostics ignored;  // the same walk as the load, which reported its problems
    const auto files = context.fs().list_files(ignored);
    const query::AttachmentIndex attachments(files ? *files : std::vector<std::string>{});
    const auto problems = query::check_vault(*vault, attachments);

    output::Table table({{"path"}, {"line"}, {"check"}, {"message"}}, "path");
    std::set<std::string> paths;
    std::string text;
    for (const auto& problem : problems) {
      const int line = problem.path.empty() ? 0 : std::max(problem.line, 1);
      table.add({{"path", problem.path},
                 {"line", line},
                 {"check", problem.check},
                 {"message", problem.message}});
      if (!problem.path.empty()) paths.insert(problem.path);
      text += problem.path.empty()
                  ? problem.message + "\n"
                  : fmt::format("{}:{}: {}\n", problem.path, line, problem.message);
    }
    if (flags->format() == output::Format::Text) {
      print_raw(text);
    } else {
      print_table(table, *flags, context);
    }
    if (problems.empty()) return kOk;
    if (!context.globals().quiet) {
      fmt::print(stderr, "kb: {} problem{} in {} note{}\n", problems.size(),
                 problems.size() == 1 ? "" : "s", paths.size(), paths.size() == 1 ? "" : "s");
    }
    return kNotFound;
  };
}

}  // namespace kb::cli
