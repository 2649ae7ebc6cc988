#pragma once
// Shell completion, generated from the command definitions themselves (the
// verbs, their options, what each option's value and each verb's NAME is),
// so it cannot drift from the CLI: `kb completions bash|zsh|fish` prints the
// script; the hidden `kb __complete KIND WORD` answers the names it asks for.
#include <CLI/CLI.hpp>
#include <string>

namespace kb::cli {

// The completion script for `shell` ("bash", "zsh" or "fish") for `app`.
std::string completion_script(const CLI::App& app, const std::string& shell);

}  // namespace kb::cli
