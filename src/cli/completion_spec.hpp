#pragma once
// What the completion scripts are generated from: the command line as CLI11
// defines it (global options, verbs, their options and positionals), and,
// once for every shell, what completes each value: fixed words, folders,
// files, names asked of kb, verbs, or nothing. Each shell's renderer
// (completion_bash.cpp, completion_zsh.cpp, completion_fish.cpp) only says
// how its shell writes these.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

namespace kb::cli::completion {

// How a value is completed.
struct Value {
  enum class Kind {
    None,   // nothing to complete (a flag, a verb without positional)
    Words,  // one of `words` (fixed choices, or the verbs)
    Dirs,
    Files,
    Names,  // names of `name_kind` (PERSON, ENTITY, NOTE), asked of kb __complete
    Free,   // any text: nothing to offer
  };
  Kind kind = Kind::None;
  std::vector<std::string> words;
  std::string name_kind;
};

struct Option {
  std::vector<std::string> names;  // "--json", "-0", ...
  Value value;                     // Kind::None for a flag
  std::string help;
  bool takes_value() const { return value.kind != Value::Kind::None; }
};

struct Verb {
  std::string name, summary;
  std::vector<Option> options;
  Value positional;
};

struct Spec {
  std::vector<Option> globals;
  std::vector<Verb> verbs;  // those `kb --help` lists, in its order
};

Spec describe(const CLI::App& app);

// Helpers the renderers share.
std::string joined(const std::vector<std::string>& words, const char* separator = " ");
std::vector<std::string> verb_names(const Spec& spec);
// Every name of `options`; with `with_value`, only those of options taking a value.
std::vector<std::string> option_names(const std::vector<Option>& options, bool with_value);
bool any_takes_value(const std::vector<Option>& options);
// `s` as one single-quoted shell word ('\'' for a quote; zsh and fish read it so too).
std::string single_quoted(const std::string& s);

std::string bash_script(const Spec& spec);
std::string zsh_script(const Spec& spec);
std::string fish_script(const Spec& spec);

}  // namespace kb::cli::completion
