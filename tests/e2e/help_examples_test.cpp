// Help that cannot rot: every example shown by `kb --help`, each `kb VERB
// --help`, the README, docs/cli.md and the manual page runs on a fresh copy
// of examples/vault, and its exit code is checked. A pipeline fails when any
// part fails (bash -o pipefail), so `kb ... | jq` does not hide a kb error.
//
// The examples run with the copy as the current folder (kb finds it by its
// .obsidian/), HOME holding `notes` -> the copy (for ~/notes), EDITOR=true,
// `weekly.query` in the copy, and stand-ins for `dot` and `less` when they are
// not installed (jq must be: scripts/install-deps installs it).
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <memory>
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
using kb::test::slurp;
using kb::test::VaultCopy;

struct Example {
  std::string source;  // where it is shown
  std::string command;
};

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// The indented lines after "Examples:" up to the next blank line.
void help_examples(const std::string& source, const std::string& help, std::vector<Example>& out) {
  bool in = false;
  for (const auto& line : lines_of(help)) {
    if (line == "Examples:") {
      in = true;
    } else if (line.empty()) {
      in = false;
    } else if (in && line.starts_with("  ")) {
      out.push_back({source, line.substr(2)});
    }
  }
}

// `$ kb ...` lines of the README's code blocks; every line of docs/cli.md's
// ```sh blocks.
void markdown_examples(const std::string& source, const std::string& text, bool dollar,
                       std::vector<Example>& out) {
  bool in = false;
  for (const auto& line : lines_of(text)) {
    if (line.starts_with("```")) {
      in = !in && (dollar || line == "```sh");
    } else if (in && dollar && line.starts_with("$ kb ")) {
      out.push_back({source, line.substr(2)});
    } else if (in && !dollar && !line.empty()) {
      out.push_back({source, line});
    }
  }
}

// The lines between .nf and .fi under .SH EXAMPLES, roff escapes undone.
void manual_examples(const std::string& text, std::vector<Example>& out) {
  bool section = false, in = false;
  for (auto line : lines_of(text)) {
    if (line.starts_with(".SH")) section = line == ".SH EXAMPLES";
    if (!section) continue;
    if (line == ".nf") {
      in = true;
      continue;
    }
    if (line == ".fi") in = false;
    if (!in) continue;
    std::string plain;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (line.compare(i, 2, "\\-") == 0) {
        plain += '-';
        ++i;
      } else if (line.compare(i, 4, "\\(aq") == 0) {
        plain += '\'';
        i += 3;
      } else if (line.compare(i, 2, "\\e") == 0) {
        plain += '\\';
        ++i;
      } else {
        plain += line[i];
      }
    }
    out.push_back({"docs/kb.1", plain});
  }
}

// An example that may change the vault: it gets a fresh copy.
bool writes(const std::string& command) {
  if (command.find('>') != std::string::npos) return true;
  if (command.find("regen") == std::string::npos) return false;
  for (const char* dry : {"--check", "--diff", "--dry-run", " -n"}) {
    if (command.find(dry) != std::string::npos) return false;
  }
  return true;
}

// The exit code an example is shown for: `kb check` finds the example
// vault's deliberate broken links, and `regen --check` its stale notes.
int expected_exit(const std::string& command) {
  if (command.find("kb check") != std::string::npos) return 1;
  if (command.find("regen") != std::string::npos && command.find("--check") != std::string::npos) {
    return 1;
  }
  return 0;
}

// A folder of stand-ins for tools the examples pipe into that may be missing.
fs::path stand_ins(const fs::path& dir) {
  fs::create_directories(dir);
  for (const char* tool : {"dot", "less"}) {
    if (shell(std::string("command -v ") + tool).exit == 0) continue;
    std::ofstream(dir / tool) << "#!/bin/sh\ncat >/dev/null\n";
    fs::permissions(dir / tool, fs::perms::owner_all);
  }
  return dir;
}

}  // namespace

TEST_CASE("every example in kb's help, README, docs/cli.md and man page works", "[e2e][help]") {
  REQUIRE(shell("command -v jq").exit == 0);  // scripts/install-deps installs it
  std::vector<Example> examples;
  const Run main_help = shell("kb --help");
  REQUIRE(main_help.exit == 0);
  help_examples("kb --help", main_help.out, examples);
  // The verbs, from the help's own list.
  std::vector<std::string> verbs;
  bool in_verbs = false;
  for (const auto& line : lines_of(main_help.out)) {
    if (line == "Verbs:") {
      in_verbs = true;
    } else if (line.empty()) {
      in_verbs = false;
    } else if (in_verbs) {
      verbs.push_back(line.substr(2, line.find(' ', 2) - 2));
    }
  }
  REQUIRE(verbs.size() >= 12);
  for (const auto& verb : verbs) {
    const Run help = shell("kb " + verb + " --help");
    INFO(verb);
    REQUIRE(help.exit == 0);
    CHECK(help.out.find("Global options (before or after the verb):\n  --vault DIR") !=
          std::string::npos);
    CHECK(shell("kb help " + verb).out == help.out);
    const std::size_t before = examples.size();
    help_examples("kb " + verb + " --help", help.out, examples);
    CHECK(examples.size() > before);  // every verb shows how it is used
  }
  const std::string source = KB_SOURCE_DIR;
  markdown_examples("README.md", slurp(source + "/README.md"), true, examples);
  markdown_examples("docs/cli.md", slurp(source + "/docs/cli.md"), false, examples);
  manual_examples(slurp(source + "/docs/kb.1"), examples);
  REQUIRE(examples.size() > 50);

  const fs::path scratch =
      fs::temp_directory_path() / ("kb-examples-" + std::to_string(::getpid()));
  fs::remove_all(scratch);
  const fs::path tools = stand_ins(scratch / "tools");
  // One copy for the examples that only read (its parse cache stays warm), a
  // fresh one for each that writes.
  struct Workspace {
    VaultCopy vault;
    fs::path home;
  };
  std::size_t copies = 0;
  const auto make_workspace = [&] {
    auto workspace = std::make_unique<Workspace>();
    workspace->home = scratch / ("home" + std::to_string(copies++));
    fs::create_directories(workspace->home);
    fs::create_directory_symlink(workspace->vault.root(), workspace->home / "notes");
    std::ofstream(workspace->vault.root() / "weekly.query") << "not done\ngroup by due\n";
    return workspace;
  };
  const auto shared = make_workspace();
  for (const auto& example : examples) {
    const auto own = writes(example.command) ? make_workspace() : nullptr;
    const VaultCopy& vault = own ? own->vault : shared->vault;
    const fs::path& home = own ? own->home : shared->home;
    const std::string environment =
        "HOME=" + quote(home.string()) +
        " EDITOR=true XDG_CACHE_HOME=" + quote((scratch / "cache").string()) +
        " PATH=" + quote(tools.string()) + ":\"$PATH\" ";
    const Run run = shell(
        environment + "timeout 30 bash -o pipefail -c " + quote(example.command) + " >/dev/null",
        vault.root().string());
    INFO(example.source << ": " << example.command << "\nstderr: " << run.err);
    CHECK(run.exit == expected_exit(example.command));
    CHECK(run.err.find("internal error") == std::string::npos);
  }
  fs::remove_all(scratch);
}

TEST_CASE("a bare kb prints the verbs, kb help works, unknown words get suggestions",
          "[e2e][help]") {
  const Run bare = shell("kb");
  CHECK(bare.exit == 2);
  CHECK(bare.out.empty());
  CHECK(bare.err.starts_with("usage: kb "));
  CHECK(bare.err.find("\n  person      Show a person") != std::string::npos);
  CHECK(shell("kb -q").err == bare.err);  // global options and no verb

  const Run help = shell("kb help");
  CHECK(help.exit == 0);
  CHECK(help.out == shell("kb --help").out);
  CHECK(help.out.find("Verbs:\n  person") != std::string::npos);

  struct Mistake {
    const char* args;
    const char* err;
  };
  for (const Mistake& m : {
           Mistake{"persn Asaf",
                   "kb: unknown verb 'persn'; did you mean 'person'?\n"
                   "kb: run 'kb help' for the verbs\n"},
           Mistake{"peple",
                   "kb: unknown verb 'peple'; did you mean 'people'?\n"
                   "kb: run 'kb help' for the verbs\n"},
           Mistake{"help persn",
                   "kb: unknown verb 'persn'; did you mean 'person'?\n"
                   "kb: run 'kb help' for the verbs\n"},
           Mistake{"xyzzy", "kb: unknown verb 'xyzzy'\nkb: run 'kb help' for the verbs\n"},
           Mistake{"person Asaf --jsn",
                   "kb: unknown option '--jsn' for kb person; did you mean '--json'?\n"
                   "kb: run 'kb person --help' for usage\n"},
           Mistake{"--vaul x people",
                   "kb: unknown option '--vaul'; did you mean '--vault'?\n"
                   "kb: run 'kb --help' for usage\n"},
           Mistake{"people --tvs",
                   "kb: unknown option '--tvs' for kb people; did you mean "
                   "'--tsv'?\nkb: run 'kb people --help' for usage\n"},
       }) {
    INFO(m.args);
    const Run run = shell(std::string("kb ") + m.args);
    CHECK(run.exit == 2);
    CHECK(run.out.empty());
    CHECK(run.err == m.err);
  }
}

// A newcomer's first run: the README's set-up command ends by running kb on
// examples/vault, and it must answer without a single warning on stderr (the
// note kb warns about lives in tests/fixtures/broken-front-matter instead),
// with a cold parse cache and a warm one.
TEST_CASE("the README's first command prints no warning", "[e2e][help]") {
  const std::string source = KB_SOURCE_DIR;
  std::string command;
  for (const auto& line : lines_of(slurp(source + "/README.md"))) {
    const std::size_t at = line.find("build/kb --vault examples/vault ");
    if (at != std::string::npos && line.starts_with("scripts/install-deps")) {
      command = "kb" + line.substr(at + 8);
      break;
    }
  }
  REQUIRE(command == "kb --vault examples/vault person \"Asaf Levy\"");
  const fs::path cache = fs::temp_directory_path() / ("kb-readme-" + std::to_string(::getpid()));
  fs::remove_all(cache);
  for (const char* run_of : {"cold cache", "warm cache"}) {
    INFO(run_of);
    const Run run = shell("XDG_CACHE_HOME=" + quote(cache.string()) + " " + command, source);
    CHECK(run.exit == 0);
    CHECK(run.out.starts_with("Asaf Levy\n"));
    CHECK(run.err.empty());
  }
  fs::remove_all(cache);
}
