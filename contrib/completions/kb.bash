# bash completion for kb                                   -*- shell-script -*-
# Installed as share/bash-completion/completions/kb; or: source contrib/completions/kb.bash

# People's names from the vault named on the command line (--vault/--config
# are passed on), one a line.
_kb_people() {
  local -a global=()
  local i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --vault | --config) global+=("${COMP_WORDS[i]}" "${COMP_WORDS[i + 1]}") ;;
      --vault=* | --config=*) global+=("${COMP_WORDS[i]}") ;;
    esac
  done
  kb "${global[@]}" -q people --tsv 2>/dev/null | tail -n +2 | cut -f1
}

_kb() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD - 1]}
  local verbs="person regen brief graph people meetings show links backlinks tasks check config"
  local global="--vault --config --today --no-cache -q --quiet --color --help --version"
  local list="--json --jsonl --tsv -0 --null"

  case $prev in
    --vault) compopt -o dirnames 2>/dev/null; COMPREPLY=(); return ;;
    --config | -f | --file) compopt -o default 2>/dev/null; COMPREPLY=(); return ;;
    --color) COMPREPLY=($(compgen -W "auto always never" -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "dot mermaid json" -- "$cur")); return ;;
    --today | --since | --until | --depth) COMPREPLY=(); return ;;
    --with)
      local IFS=$'\n'
      COMPREPLY=($(compgen -W "$(_kb_people)" -- "$cur"))
      COMPREPLY=("${COMPREPLY[@]// /\\ }")
      return ;;
  esac

  # The verb: the first word that is not an option or an option's value.
  local verb="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in
      --vault | --config | --today | --color) ((i++)) ;;
      -*) ;;
      *) verb=${COMP_WORDS[i]}; break ;;
    esac
  done

  local opts=""
  case $verb in
    "") COMPREPLY=($(compgen -W "$verbs $global" -- "$cur")); return ;;
    person) opts="--json" ;;
    regen) opts="--all -n --dry-run --diff --check --force" ;;
    brief) opts="--since --json --md" ;;
    graph) opts="--depth --format" ;;
    people) opts="$list" ;;
    meetings) opts="--with --since --until $list" ;;
    show) opts="--people $list" ;;
    links | backlinks) opts="$list" ;;
    tasks) opts="-f --file $list" ;;
    check) opts="$list" ;;
    config) opts="--json" ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$opts $global" -- "$cur"))
    return
  fi
  case $verb in
    person | regen | brief | graph | show | links | backlinks)
      local IFS=$'\n'
      COMPREPLY=($(compgen -W "$(_kb_people)" -- "$cur"))
      COMPREPLY=("${COMPREPLY[@]// /\\ }")
      ;;
  esac
}

complete -F _kb kb
