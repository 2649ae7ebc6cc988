// Shell completion, end to end: the scripts `kb completions SHELL` prints are
// loaded into bash, zsh and fish (scripts/install-deps installs them), which
// are asked to complete command lines as a user types them. A name bash
// offers, put on the line as readline puts it (after the opening quote, the
// quote then closed), must be one kb then finds.
#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "shell.hpp"
#include "vault_copy.hpp"

namespace {

namespace fs = std::filesystem;
using kb::test::quote;
using kb::test::Run;
using kb::test::shell;

const std::string kVault = std::string(KB_SOURCE_DIR) + "/examples/vault";

// The bash side: `c WORD...` completes the last word as bash does on <Tab>
// (COMP_WORDS hold the words as typed, an opening quote included) and prints
// the candidates, one a line; `accept WORD...` puts the only candidate on the
// line as readline would and runs the line.
const char* kBashDriver = R"SH(
source <(kb completions bash) || exit 9
c() {
  COMP_WORDS=("$@") COMP_CWORD=$(($# - 1)) COMP_LINE="$*" COMP_POINT=${#COMP_LINE}
  COMPREPLY=()
  local word=${COMP_WORDS[COMP_CWORD]}
  _kb kb "${word#[\"\']}" "${COMP_WORDS[COMP_CWORD - 1]}"
  ((${#COMPREPLY[@]} == 0)) || printf '%s\n' "${COMPREPLY[@]}"
}
accept() {
  local -a reply
  mapfile -t reply < <(c "$@")
  ((${#reply[@]} == 1)) || { echo "not one candidate: ${reply[*]}"; return 3; }
  local word=${!#} quote=
  [[ $word == [\"\']* ]] && quote=${word:0:1}
  local line="${*:1:$#-1} $quote${reply[0]}$quote"
  printf '%s\n' "$line"
  eval "$line" >/dev/null 2>&1 || { echo "failed: $?"; return 4; }
}
)SH";

Run in_bash(const std::string& commands, const std::string& folder = kVault,
            const std::string& home = "") {
  const std::string env = home.empty() ? "" : "HOME=" + quote(home) + " ";
  return shell(env + "bash --norc --noprofile -c " + quote(std::string(kBashDriver) + commands),
               folder);
}

// zsh: compadd and the file completers stubbed to print what they are given
// (compadd keeps those starting with PREFIX, as zsh does, unless -U);
// words, CURRENT and PREFIX set as zsh sets them (PREFIX without the opening
// quote).
const char* kZshDriver = R"SH(
compadd() {
  local -a candidates=("${@[${@[(i)--]}+1,-1]}")
  (( ${@[(I)-U]} )) || candidates=(${(M)candidates:#${PREFIX}*})
  print -rl -- $candidates
}
_directories() { print '(directories)' }
_files() { print '(files)' }
eval "_kb_file() { $(kb completions zsh) }" || exit 9
c() { words=("$@"); CURRENT=$#; PREFIX=${words[-1]#[\"\']}; _kb_file }
)SH";

Run in_zsh(const std::string& commands, const std::string& folder = kVault,
           const std::string& home = "") {
  const std::string env = home.empty() ? "" : "HOME=" + quote(home) + " ";
  return shell(env + "zsh -f -c " + quote(std::string(kZshDriver) + commands), folder);
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::set<std::string> words_of(const std::string& text) {
  std::set<std::string> out;
  std::istringstream in(text);
  for (std::string word; in >> word;) out.insert(word);
  return out;
}

// The verbs `kb help` lists, in its order.
std::vector<std::string> listed_verbs() {
  std::vector<std::string> verbs;
  bool in_verbs = false;
  for (const std::string& line : lines(shell("kb help").out)) {
    if (line == "Verbs:") {
      in_verbs = true;
    } else if (in_verbs && line.starts_with("  ")) {
      std::istringstream in(line);
      verbs.emplace_back();
      in >> verbs.back();
    } else if (in_verbs) {
      break;
    }
  }
  return verbs;
}

// Every option `kb VERB --help` shows ("-q,--quiet" gives both).
std::set<std::string> options_in_help(const std::string& verb) {
  std::set<std::string> options;
  for (const std::string& line : lines(shell("kb " + verb + " --help").out)) {
    const std::size_t start = line.find_first_not_of(' ');
    if (start == std::string::npos || start == 0 || line[start] != '-') continue;
    std::string first = line.substr(start, line.find(' ', start) - start);
    std::size_t from = 0;
    while (from < first.size()) {
      const std::size_t comma = first.find(',', from);
      options.insert(first.substr(from, comma - from));
      from = comma == std::string::npos ? first.size() : comma + 1;
    }
  }
  return options;
}

// A small vault of names that need quoting, and a name two notes share.
struct QuotingVault {
  fs::path root = fs::temp_directory_path() / ("kb-complete-" + std::to_string(::getpid()));
  QuotingVault() {
    fs::remove_all(root);
    fs::create_directories(root / ".obsidian");
    fs::create_directories(root / "People/Team");
    for (const char* path : {"People/Seán O'Brien.md", "People/Ma$ha (QA) & `co`.md",
                             "People/Dana Cohen.md", "People/Team/Dana Cohen.md"}) {
      std::ofstream(root / path) << "---\ntype: person\n---\n";
    }
  }
  ~QuotingVault() { fs::remove_all(root); }
};

}  // namespace

TEST_CASE("bash completes verbs and options from kb's own definitions", "[e2e][completions]") {
  const std::vector<std::string> verbs = listed_verbs();
  REQUIRE(verbs.size() > 10);
  const Run run = in_bash("c kb ''");
  REQUIRE(run.exit == 0);
  CHECK(lines(run.out) == verbs);  // in help order, the hidden helper left out
  CHECK(run.out.find("__complete") == std::string::npos);
  for (const std::string& verb : verbs) {
    INFO(verb);
    const std::set<std::string> offered = words_of(in_bash("c kb " + verb + " -").out);
    for (const std::string& option : options_in_help(verb)) {
      INFO(option);
      CHECK(offered.count(option) == 1);
    }
  }
  CHECK(lines(in_bash("c kb pe").out) == std::vector<std::string>{"person", "people"});
  CHECK(lines(in_bash("c kb graph --format ''").out) ==
        std::vector<std::string>{"dot", "mermaid", "json"});
  CHECK(lines(in_bash("c kb --color = a").out) == std::vector<std::string>{"auto", "always"});
  CHECK(lines(in_bash("c kb help pers").out) == std::vector<std::string>{"person"});
  CHECK(lines(in_bash("c kb completions ''").out) ==
        std::vector<std::string>{"bash", "zsh", "fish"});
  CHECK(lines(in_bash("c kb cache ''").out) == std::vector<std::string>{"prune"});
  CHECK(lines(in_bash("c kb tasks ''").out).empty());  // a query: nothing to offer
}

TEST_CASE("bash completes names as the line quotes them, and kb finds them", "[e2e][completions]") {
  SECTION("examples/vault") {
    const Run run = in_bash(R"(
accept kb person '"As'
accept kb person "'As"
accept kb person As
accept kb person el
accept kb show Op
accept kb meetings --with J
accept kb -q backlinks 'People/Asaf Levy/Asaf'
)");
    CHECK(run.exit == 0);
    CHECK(lines(run.out) == std::vector<std::string>{
                                R"(kb person "Asaf Levy")",
                                R"(kb person 'Asaf Levy')",
                                R"(kb person Asaf\ Levy)",
                                R"(kb person Élodie\ Marchand)",
                                R"(kb show OpenAI)",
                                R"(kb meetings --with Jeff\ Denworth)",
                                R"(kb -q backlinks People/Asaf\ Levy/Asaf\ Levy.md)",
                            });
    // Each verb offers the kinds it takes: people only, or customers and projects too.
    CHECK(lines(in_bash("c kb person Ph").out) == std::vector<std::string>{"Phil\\ Wagstrom"});
    CHECK(lines(in_bash("c kb show Ph").out) ==
          std::vector<std::string>{"Phase\\ Gate\\ 1", "Phil\\ Wagstrom"});
    CHECK(lines(in_bash("c kb person Op").out).empty());
  }
  SECTION("names with quotes, dollars, backquotes; a shared name") {
    const QuotingVault vault;
    const Run run = in_bash(R"(
for typed in se '"se' "'se" ma '"ma' "'ma" People/Team/D; do
  accept kb person "$typed" || exit
done
c kb person dana
)",
                            vault.root.string());
    CHECK(run.exit == 0);
    CHECK(lines(run.out) == std::vector<std::string>{
                                R"(kb person Seán\ O\'Brien)",
                                R"(kb person "Seán O'Brien")",
                                R"(kb person 'Seán O'\''Brien')",
                                R"(kb person Ma\$ha\ \(QA\)\ \&\ \`co\`)",
                                R"(kb person "Ma\$ha (QA) & \`co\`")",
                                R"(kb person 'Ma$ha (QA) & `co`')",
                                R"(kb person People/Team/Dana\ Cohen.md)",
                                R"(People/Dana\ Cohen.md)",
                                R"(People/Team/Dana\ Cohen.md)",
                            });
  }
}

TEST_CASE("bash completes names on the vault --vault names, after ~", "[e2e][completions]") {
  const fs::path home =
      fs::temp_directory_path() / ("kb-complete-home-" + std::to_string(::getpid()));
  fs::remove_all(home);
  fs::create_directories(home);
  fs::create_directory_symlink(kVault, home / "v");
  // From a folder that is no vault, only --vault tells kb where the names are.
  const Run run = in_bash(R"(
c kb person J
c kb --vault '~/v' person J
c kb --vault = '~/v' person Je
c kb person --vault '~/v' --color never J
)",
                          home.string(), home.string());
  fs::remove_all(home);
  CHECK(run.exit == 0);
  CHECK(lines(run.out) ==
        std::vector<std::string>{"Jeff\\ Denworth", "Jeff\\ Denworth", "Jeff\\ Denworth"});
}

TEST_CASE("zsh completes verbs, options and names from kb", "[e2e][completions]") {
  REQUIRE(shell("kb completions zsh | zsh -n").exit == 0);
  const Run run = in_zsh(R"(
c kb pe
c kb graph --format ''
c kb person '"As'
c kb person el
c kb show Ph
c kb person Ph
c kb cache p
)");
  CHECK(run.exit == 0);
  CHECK(lines(run.out) == std::vector<std::string>{"person", "people", "dot", "mermaid", "json",
                                                   "Asaf Levy", "Élodie Marchand", "Phase Gate 1",
                                                   "Phil Wagstrom", "Phil Wagstrom", "prune"});
  const std::set<std::string> offered = words_of(in_zsh("c kb meetings -").out);
  const std::set<std::string> in_help = options_in_help("meetings");
  CHECK(std::includes(offered.begin(), offered.end(), in_help.begin(), in_help.end()));

  const fs::path home =
      fs::temp_directory_path() / ("kb-complete-zhome-" + std::to_string(::getpid()));
  fs::remove_all(home);
  fs::create_directories(home);
  fs::create_directory_symlink(kVault, home / "v");
  const Run vault = in_zsh("c kb person J; c kb --vault '~/v' person J; c kb --vault=~/v show Op",
                           home.string(), home.string());
  fs::remove_all(home);
  CHECK(lines(vault.out) == std::vector<std::string>{"Jeff Denworth", "OpenAI"});
}

TEST_CASE("fish completes verbs, options and names from kb", "[e2e][completions]") {
  const fs::path folder =
      fs::temp_directory_path() / ("kb-complete-fish-" + std::to_string(::getpid()));
  fs::create_directories(folder);
  REQUIRE(shell("kb completions fish > " + quote((folder / "kb.fish").string())).exit == 0);
  // Ours first: fish ships a kb.fish of its own, for another program named kb.
  const Run run = shell("fish --no-config -c " +
                            quote("set fish_complete_path " + folder.string() +
                                  " $fish_complete_path; complete -C 'kb pe'; "
                                  "complete -C 'kb person \"As'; complete -C 'kb show Op'; "
                                  "complete -C 'kb graph --format m'; complete -C 'kb cache p'") +
                            " | cut -f1",
                        kVault);
  fs::remove_all(folder);
  CHECK(run.exit == 0);
  CHECK(lines(run.out) ==
        std::vector<std::string>{"people", "person", "Asaf Levy", "OpenAI", "mermaid", "prune"});
}
