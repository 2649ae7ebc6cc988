// kb completions SHELL (the script, rendered from the command line's own
// definitions: completion_spec.hpp) and the hidden kb __complete KIND WORD
// that the scripts ask for names.
#include "completions.hpp"

#include <fmt/format.h>

#include "completion_spec.hpp"
#include "kb/query/resolve.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

std::string completion_script(const CLI::App& app, const std::string& shell) {
  const completion::Spec spec = completion::describe(app);
  if (shell == "bash") return completion::bash_script(spec);
  if (shell == "zsh") return completion::zsh_script(spec);
  return completion::fish_script(spec);
}

Runner define_completions(CLI::App& sub) {
  auto shell = std::make_shared<std::string>();
  sub.add_option("SHELL", *shell, "bash, zsh or fish")
      ->required()
      ->type_name("SHELL")
      ->check(CLI::IsMember({"bash", "zsh", "fish"}));
  sub.footer(R"(The script completes verbs, options, option values and names (people,
customers, projects, notes) from the vault the command line names, ignoring
case and accents. cmake --install puts it where each shell looks.

Examples:
  source <(kb completions bash)     # bash, e.g. in ~/.bashrc
  mkdir -p ~/.zfunc && kb completions zsh > ~/.zfunc/_kb    # zsh: fpath+=(~/.zfunc) before compinit
  mkdir -p ~/.config/fish/completions && kb completions fish > ~/.config/fish/completions/kb.fish)");
  const CLI::App* app = sub.get_parent();
  return [app, shell](Context&) -> Outcome {
    fmt::print("{}", completion_script(*app, *shell));
    return kOk;
  };
}

Runner define_complete(CLI::App& sub) {
  struct Options {
    std::string kind, typed;
  };
  auto options = std::make_shared<Options>();
  sub.add_option("KIND", options->kind)->required();
  sub.add_option("WORD", options->typed);
  return [options](Context& context) -> Outcome {
    const query::NameRules& rules = options->kind == "PERSON"   ? kPersonToRead
                                    : options->kind == "ENTITY" ? kEntityToRead
                                                                : kNoteToRead;
    auto vault = context.vault();
    if (!vault) return kNotFound;  // nothing to offer; the shell shows nothing
    for (const auto& name : query::complete_name(**vault, options->typed, rules)) {
      fmt::print("{}\n", name);
    }
    return kOk;
  };
}

}  // namespace kb::cli
