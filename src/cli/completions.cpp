#include "completions.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "kb/query/resolve.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

namespace {

// What the command line is, as the scripts need it.
struct OptionSpec {
  std::vector<std::string> names;  // "--json", "-0", ...
  std::string value;               // "" for a flag, else its type: DIR, FILE, PERSON, DATE, ...
  std::vector<std::string> choices;
  std::string help;
};

struct VerbSpec {
  std::string name, summary;
  std::vector<OptionSpec> options;
  std::string positional;  // its type: PERSON, ENTITY, NOTE, VERB, QUERY, SHELL, or ""
  std::vector<std::string> positional_choices;
};

struct Spec {
  std::vector<OptionSpec> globals;
  std::vector<VerbSpec> verbs;
};

// "WHEN:{auto,always,never}" -> WHEN and its choices.
void read_type(const std::string& full, std::string& type, std::vector<std::string>& choices) {
  const std::size_t colon = full.find(':');
  type = full.substr(0, colon);
  if (colon == std::string::npos) return;
  const std::string rest = full.substr(colon + 1);
  if (rest.size() < 2 || rest.front() != '{' || rest.back() != '}') return;
  std::size_t start = 1;
  while (start < rest.size() - 1) {
    std::size_t comma = rest.find(',', start);
    if (comma == std::string::npos || comma > rest.size() - 1) comma = rest.size() - 1;
    choices.push_back(rest.substr(start, comma - start));
    start = comma + 1;
  }
}

bool known(const std::vector<OptionSpec>& options, const std::string& name) {
  for (const auto& option : options) {
    if (std::find(option.names.begin(), option.names.end(), name) != option.names.end()) {
      return true;
    }
  }
  return false;
}

void read_options(const CLI::App& app, std::vector<OptionSpec>& out) {
  for (const CLI::Option* option : app.get_options()) {
    if (!option->nonpositional()) continue;
    // Option groups share their verb's --help: each option once.
    if (!option->get_lnames().empty() && known(out, "--" + option->get_lnames().front())) continue;
    OptionSpec spec;
    for (const auto& name : option->get_lnames()) spec.names.push_back("--" + name);
    for (const auto& name : option->get_snames()) spec.names.push_back("-" + name);
    if (option->get_items_expected_max() > 0) {
      read_type(option->get_type_name(), spec.value, spec.choices);
    }
    spec.help = option->get_description();
    out.push_back(std::move(spec));
  }
  for (const CLI::App* group : app.get_subcommands({})) {
    if (group->get_name().empty()) read_options(*group, out);  // option groups
  }
}

Spec describe(const CLI::App& app) {
  Spec spec;
  read_options(app, spec.globals);
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (sub->get_name().empty() || sub->get_group().empty()) continue;  // groups, hidden verbs
    VerbSpec verb{sub->get_name(), sub->get_description(), {}, {}, {}};
    read_options(*sub, verb.options);
    for (const CLI::Option* option : sub->get_options()) {
      if (option->nonpositional()) continue;
      read_type(option->get_type_name(), verb.positional, verb.positional_choices);
      if (verb.positional == "TEXT") verb.positional = option->get_name();
    }
    spec.verbs.push_back(std::move(verb));
  }
  return spec;
}

std::string joined(const std::vector<std::string>& words, const char* separator = " ") {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : separator) + word;
  return out;
}

std::vector<std::string> verb_names(const Spec& spec) {
  std::vector<std::string> names;
  for (const auto& verb : spec.verbs) names.push_back(verb.name);
  return names;
}

std::vector<std::string> option_names(const std::vector<OptionSpec>& options, bool with_value) {
  std::vector<std::string> names;
  for (const auto& option : options) {
    if (with_value && option.value.empty()) continue;
    names.insert(names.end(), option.names.begin(), option.names.end());
  }
  return names;
}

// A shell word in single quotes.
std::string single_quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

bool is_name_kind(const std::string& type) {
  return type == "PERSON" || type == "ENTITY" || type == "NOTE";
}

bool takes_values(const std::vector<OptionSpec>& options) {
  for (const auto& option : options) {
    if (!option.value.empty()) return true;
  }
  return false;
}

// ---- bash -----------------------------------------------------------------

// The bash lines completing an option's or positional's value of `type`.
std::string bash_value(const std::string& type, const std::vector<std::string>& choices,
                       const Spec& spec) {
  if (!choices.empty()) return fmt::format("_kb_words {}", single_quoted(joined(choices)));
  if (type == "DIR") return "_kb_dirs";
  if (type == "FILE") return "_kb_files";
  if (is_name_kind(type)) return fmt::format("_kb_names {} \"$cur\"", type);
  if (type == "VERB") return fmt::format("_kb_words {}", single_quoted(joined(verb_names(spec))));
  return "COMPREPLY=()";
}

const char* kBashHead =
    R"SH(# bash completion for kb                                   -*- shell-script -*-
# Generated by `kb completions bash` from kb's own command definitions (the
# build writes the installed copy the same way); do not edit.
# Installed as share/bash-completion/completions/kb; or: source <(kb completions bash)

# Sets REPLY to $1 as one shell word, each special character escaped.
_kb_escape() {
  local s=$1 out= c i
  for ((i = 0; i < ${#s}; i++)); do
    c=${s:i:1}
    case $c in
      [[:space:]\'\"\\\$\`\(\)\&\;\<\>\|\*\?\[\]\#\~\!\{\}\=\:]) out+=\\$c ;;
      *) out+=$c ;;
    esac
  done
  REPLY=$out
}

_kb_words() {
  local IFS=$' \t\n'
  COMPREPLY=($(compgen -W "$1" -- "$cur"))
}

_kb_dirs() {
  compopt -o dirnames 2>/dev/null
  COMPREPLY=()
}

_kb_files() {
  compopt -o default 2>/dev/null
  COMPREPLY=()
}

# The names of kind $1 (PERSON, ENTITY, NOTE) that complete the word $2,
# asked of kb itself (accents and case ignored), on the vault the command
# line names; quoted for the line as it stands.
_kb_names() {
  local -a global=()
  local i word value
  for ((i = 1; i < COMP_CWORD; i++)); do
    word=${COMP_WORDS[i]}
    case $word in
      --vault | --config)
        value=${COMP_WORDS[i + 1]}
        [[ $value == = ]] && value=${COMP_WORDS[i + 2]}
        [[ $value == \~ || $value == \~/* ]] && value=$HOME${value:1}
        global+=("$word" "$value") ;;
    esac
  done
  local typed=$2 quote=
  case $typed in
    \"*) quote=\" typed=${typed:1} ;;
    \'*) quote=\' typed=${typed:1} ;;
    *) typed=${typed//\\/} ;;
  esac
  local IFS=$'\n' name
  COMPREPLY=()
  for name in $(kb "${global[@]}" __complete "$1" "$typed" 2>/dev/null); do
    if [[ $quote == \' ]]; then
      COMPREPLY+=("${name//\'/\'\\\'\'}")
    elif [[ $quote == \" ]]; then
      name=${name//\\/\\\\} name=${name//\"/\\\"} name=${name//\$/\\\$} name=${name//\`/\\\`}
      COMPREPLY+=("$name")
    else
      _kb_escape "$name"
      COMPREPLY+=("$REPLY")
    fi
  done
}

_kb() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  # "--vault=dir": bash splits the word at "=".
  [[ $cur == = ]] && cur=
  [[ $prev == = && $COMP_CWORD -ge 2 ]] && prev=${COMP_WORDS[COMP_CWORD - 2]}

  # The verb: the first word that is neither an option nor an option's value.
  local verb= i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
)SH";

std::string bash_script(const Spec& spec) {
  std::string out = kBashHead;
  out += fmt::format("      {})\n", joined(option_names(spec.globals, true), " | "));
  out += R"SH(        ((i++))
        [[ ${COMP_WORDS[i]} == = ]] && ((i++)) ;;
      -*) ;;
      *) verb=${COMP_WORDS[i]}; break ;;
    esac
  done

  case $prev in
)SH";
  for (const auto& option : spec.globals) {
    if (option.value.empty()) continue;
    out += fmt::format("    {}) {}; return ;;\n", joined(option.names, " | "),
                       bash_value(option.value, option.choices, spec));
  }
  out += "  esac\n\n";
  out +=
      fmt::format("  local global={}\n", single_quoted(joined(option_names(spec.globals, false))));
  out += "  local opts= positional=\n  case $verb in\n";
  out += fmt::format(
      "    \"\") if [[ $cur == -* ]]; then _kb_words \"$global\"; else _kb_words {}; fi\n"
      "      return ;;\n",
      single_quoted(joined(verb_names(spec))));
  for (const auto& verb : spec.verbs) {
    out += fmt::format("    {})\n", verb.name);
    if (takes_values(verb.options)) {
      out += "      case $prev in\n";
      for (const auto& option : verb.options) {
        if (option.value.empty()) continue;
        out += fmt::format("        {}) {}; return ;;\n", joined(option.names, " | "),
                           bash_value(option.value, option.choices, spec));
      }
      out += "      esac\n";
    }
    out += fmt::format("      opts={}\n", single_quoted(joined(option_names(verb.options, false))));
    out += fmt::format("      positional={} ;;\n",
                       single_quoted(bash_value(verb.positional, verb.positional_choices, spec)));
  }
  out += R"SH(    *) return ;;
  esac
  if [[ $cur == -* ]]; then
    _kb_words "$opts $global"
  else
    eval "$positional"
  fi
}

complete -F _kb kb
)SH";
  return out;
}

// ---- zsh ------------------------------------------------------------------

// Help text inside a single-quoted compadd description.
std::string zsh_help(const std::string& help) {
  std::string out;
  for (const char c : help) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out;
}

std::string zsh_value(const std::string& type, const std::vector<std::string>& choices,
                      const Spec& spec) {
  if (!choices.empty()) return fmt::format("compadd -- {}", joined(choices));
  if (type == "DIR") return "_directories";
  if (type == "FILE") return "_files";
  if (is_name_kind(type)) return fmt::format("_kb_names {}", type);
  if (type == "VERB") return fmt::format("compadd -- {}", joined(verb_names(spec)));
  return ":";
}

// The option names and, in the same order, their descriptions for compadd -d.
std::string zsh_options(const std::vector<OptionSpec>& options, const std::string& indent) {
  std::string names = indent + "opts+=(";
  std::string descriptions = indent + "descs+=(";
  for (const auto& option : options) {
    for (const auto& name : option.names) {
      names += " " + name;
      descriptions += " '" + name + "  -- " + zsh_help(option.help) + "'";
    }
  }
  return names + " )\n" + descriptions + " )\n";
}

const char* kZshHead = R"SH(#compdef kb
# zsh completion for kb. Generated by `kb completions zsh` from kb's own command
# definitions (the build writes the installed copy the same way); do not edit.
# Installed as _kb in zsh's completion folder; or put its folder on $fpath
# before compinit.

# The names of kind $1 (PERSON, ENTITY, NOTE) that complete the current word,
# asked of kb itself (accents and case ignored) on the vault the command line
# names; zsh quotes them as the word is quoted.
_kb_names() {
  local -a global names
  local i value
  for ((i = 2; i < CURRENT; i++)); do
    case ${words[i]} in
      --vault|--config)
        value=${words[i+1]}
        [[ $value == \~ || $value == \~/* ]] && value=$HOME${value:1}
        global+=(${words[i]} $value) ;;
      --vault=*|--config=*)
        value=${words[i]#*=}
        [[ $value == \~ || $value == \~/* ]] && value=$HOME${value:1}
        global+=(${words[i]%%=*} $value) ;;
    esac
  done
  names=(${(f)"$(kb $global __complete $1 ${(Q)PREFIX} 2>/dev/null)"})
  # -U: kb matched them ("el" finds Élodie); zsh must not filter them again.
  (( $#names )) && compadd -U -- $names
}

_kb() {
  local -a opts descs
  local verb i
  # The verb: the first word that is neither an option nor an option's value.
  for ((i = 2; i < CURRENT; i++)); do
    case ${words[i]} in
)SH";

std::string zsh_script(const Spec& spec) {
  std::string out = kZshHead;
  out += fmt::format("      {}) ((i++)) ;;\n", joined(option_names(spec.globals, true), "|"));
  out += R"SH(      -*) ;;
      *) verb=${words[i]}; break ;;
    esac
  done
  local prev=${words[CURRENT-1]}
  case $prev in
)SH";
  for (const auto& option : spec.globals) {
    if (option.value.empty()) continue;
    out += fmt::format("    {}) {}; return ;;\n", joined(option.names, "|"),
                       zsh_value(option.value, option.choices, spec));
  }
  out += "  esac\n";
  out += zsh_options(spec.globals, "  ");
  out += R"SH(  case $verb in
    "")
      if [[ $PREFIX == -* ]]; then
        compadd -l -d descs -- $opts
      else
        local -a verbs verb_descs
)SH";
  std::string verbs = "        verbs=(";
  std::string verb_descs = "        verb_descs=(";
  for (const auto& verb : spec.verbs) {
    verbs += " " + verb.name;
    verb_descs += " '" + verb.name + "  -- " + zsh_help(verb.summary) + "'";
  }
  out += verbs + " )\n" + verb_descs + " )\n";
  out += R"SH(        compadd -l -d verb_descs -- $verbs
      fi
      return ;;
)SH";
  for (const auto& verb : spec.verbs) {
    out += fmt::format("    {})\n", verb.name);
    if (takes_values(verb.options)) {
      out += "      case $prev in\n";
      for (const auto& option : verb.options) {
        if (option.value.empty()) continue;
        out += fmt::format("        {}) {}; return ;;\n", joined(option.names, "|"),
                           zsh_value(option.value, option.choices, spec));
      }
      out += "      esac\n";
    }
    out += zsh_options(verb.options, "      ");
    out += fmt::format(
        "      if [[ $PREFIX == -* ]]; then compadd -l -d descs -- $opts; else {}; fi ;;\n",
        zsh_value(verb.positional, verb.positional_choices, spec));
  }
  out += "  esac\n}\n\n_kb \"$@\"\n";
  return out;
}

// ---- fish -----------------------------------------------------------------

std::string fish_value(const std::string& type, const std::vector<std::string>& choices,
                       const Spec& spec) {
  if (!choices.empty()) return fmt::format(" -x -a {}", single_quoted(joined(choices)));
  if (type == "DIR") return " -x -a '(__fish_complete_directories)'";
  if (type == "FILE") return " -r -F";
  if (is_name_kind(type)) return fmt::format(" -x -a '(__kb_names {})'", type);
  if (type == "VERB") return fmt::format(" -x -a {}", single_quoted(joined(verb_names(spec))));
  return type.empty() ? "" : " -x";
}

std::string fish_option(const OptionSpec& option, const std::string& condition, const Spec& spec) {
  std::string line = "complete -c kb" + condition;
  for (const auto& name : option.names) {
    line += name.starts_with("--") ? " -l " + name.substr(2) : " -s " + name.substr(1);
  }
  line += fish_value(option.value, option.choices, spec);
  return line + " -d " + single_quoted(option.help) + "\n";
}

const char* kFishHead =
    R"SH(# fish completion for kb. Generated by `kb completions fish` from kb's own
# command definitions (the build writes the installed copy the same way); do
# not edit. Installed as share/fish/vendor_completions.d/kb.fish.

# The names of kind $argv[1] completing the current token, asked of kb on the
# vault the command line names.
function __kb_names
    set -l tokens (commandline -opc)
    set -l global
    for i in (seq 2 (count $tokens))
        switch $tokens[$i]
            case --vault --config
                set -l value $tokens[(math $i + 1)]
                set -a global $tokens[$i] (string replace -r '^~' $HOME -- $value)
        end
    end
    kb $global __complete $argv[1] (commandline -ct) 2>/dev/null
end

complete -c kb -f
)SH";

std::string fish_script(const Spec& spec) {
  std::string out = kFishHead;
  const std::string verbs = joined(verb_names(spec));
  for (const auto& option : spec.globals) out += fish_option(option, "", spec);
  for (const auto& verb : spec.verbs) {
    out += fmt::format("complete -c kb -n {} -a {} -d {}\n",
                       single_quoted("not __fish_seen_subcommand_from " + verbs), verb.name,
                       single_quoted(verb.summary));
    const std::string condition =
        " -n " + single_quoted("__fish_seen_subcommand_from " + verb.name);
    for (const auto& option : verb.options) out += fish_option(option, condition, spec);
    const std::string value = fish_value(verb.positional, verb.positional_choices, spec);
    if (value.find(" -a ") != std::string::npos) out += "complete -c kb" + condition + value + "\n";
  }
  return out;
}

}  // namespace

std::string completion_script(const CLI::App& app, const std::string& shell) {
  const Spec spec = describe(app);
  if (shell == "bash") return bash_script(spec);
  if (shell == "zsh") return zsh_script(spec);
  return fish_script(spec);
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
    auto vault = context.vault(Context::Reads::Summary);
    if (!vault) return kNotFound;  // nothing to offer; the shell shows nothing
    for (const auto& name : query::complete_name(**vault, options->typed, rules)) {
      fmt::print("{}\n", name);
    }
    return kOk;
  };
}

}  // namespace kb::cli
