// On a terminal: tables fit its width, output goes through the pager, and
// colour marks overdue tasks. The terminal is a pseudo-terminal made by
// script(1) (util-linux, in every Debian); piped, kb prints in full.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "kb/text/unicode.hpp"
#include "shell.hpp"

namespace {

using kb::test::quote;
using kb::test::Run;
using kb::test::shell;

const std::string kVault = std::string(KB_SOURCE_DIR) + "/examples/vault";

// `command` run on a terminal of `columns` columns; \r\n read back as \n.
Run on_terminal(const std::string& command, int columns = 80) {
  const std::string inner = "stty cols " + std::to_string(columns) + " rows 24; " + command;
  Run run = shell("script -qec " + quote(inner) + " /dev/null");
  std::string out;
  for (char c : run.out) {
    if (c != '\r') out += c;
  }
  run.out = out;
  return run;
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find('\n', start);
    lines.push_back(text.substr(start, end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return lines;
}

std::string without_colour(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\x1b') {
      while (i < s.size() && s[i] != 'm') ++i;
      continue;
    }
    out += s[i];
  }
  return out;
}

std::string kb_args(const std::string& args) {
  return "kb -q --vault " + quote(kVault) + " --today 2025-11-12 " + args;
}

}  // namespace

TEST_CASE("tables fit the terminal's width, piped, they are whole", "[e2e][terminal]") {
  REQUIRE(shell("command -v script").exit == 0);
  for (const int columns : {80, 120}) {
    for (const std::string verb : {"meetings", "people", "show OpenAI", "links 'Asaf Levy'"}) {
      INFO(verb << " at " << columns << " columns");
      const Run run = on_terminal(kb_args("--no-pager " + verb), columns);
      CHECK(run.exit == 0);
      const auto lines = lines_of(without_colour(run.out));
      CHECK(lines.size() > 2);
      for (const auto& line : lines) {
        INFO(line);
        CHECK(kb::text::utf8_length(line) <= static_cast<std::size_t>(columns));
      }
    }
  }
  const Run fitted = on_terminal(kb_args("--no-pager meetings"));
  CHECK(fitted.out.find("\xE2\x80\xA6") != std::string::npos);  // cut cells end in "…"
  const Run piped = shell(kb_args("meetings"));
  CHECK(piped.out.find("\xE2\x80\xA6") == std::string::npos);
  CHECK(piped.out.find("Phase Gate 1 implementation review for DataSpaces persistence; "
                       "architecture sign.md") != std::string::npos);
}

TEST_CASE("on a terminal output goes through the user's pager, --no-pager and pipes skip it",
          "[e2e][terminal]") {
  const std::string pager = "KB_PAGER='sed s/^/PAGED:/' ";
  const Run paged = on_terminal(pager + kb_args("people"));
  CHECK(paged.exit == 0);
  for (const auto& line : lines_of(paged.out)) CHECK(line.starts_with("PAGED:"));
  // $PAGER when $KB_PAGER is not set; KB_PAGER set but empty: no pager.
  CHECK(on_terminal("unset KB_PAGER; PAGER='sed s/^/P2:/' " + kb_args("people"))
            .out.starts_with("P2:"));
  CHECK(on_terminal("KB_PAGER= PAGER='sed s/^/P2:/' " + kb_args("people")).out.find("P2:") ==
        std::string::npos);
  CHECK(on_terminal(pager + kb_args("--no-pager people")).out.find("PAGED:") == std::string::npos);
  CHECK(shell(pager + kb_args("people")).out.find("PAGED:") == std::string::npos);
  // A pager that cannot run: the output is shown all the same.
  const Run missing = on_terminal("KB_PAGER=kb-no-such-pager " + kb_args("people"));
  CHECK(missing.out.find("Asaf Levy") != std::string::npos);
  // The verb's exit code survives the pager.
  CHECK(on_terminal(pager + kb_args("person nobody-at-all") + "; echo \"exit $?\"")
            .out.find("exit 1") != std::string::npos);
}

TEST_CASE("overdue and due-today tasks: a word piped, the word in colour on a terminal",
          "[e2e][terminal]") {
  const Run piped = shell(kb_args("person 'Asaf Levy'"));
  CHECK(piped.out.find("Get SE Lab time for the 16-node cluster 📅 2025-11-12  DUE TODAY  ") !=
        std::string::npos);
  CHECK(piped.out.find("Ask Asaf for the DataSpaces persistence roadmap slides 📅 2025-11-07  "
                       "OVERDUE  Sources/Transcripts/2025/2025-10 - Asaf Levy.md:14") !=
        std::string::npos);
  CHECK(piped.out.find("\x1b[") == std::string::npos);
  const Run coloured = on_terminal("unset NO_COLOR; " + kb_args("--no-pager person 'Asaf Levy'"));
  CHECK(coloured.out.find("\x1b[1;31mOVERDUE\x1b[0m") != std::string::npos);
  CHECK(coloured.out.find("\x1b[1;33mDUE TODAY\x1b[0m") != std::string::npos);
  const Run tasks = shell(kb_args("tasks 'due on 2025-11-12'"));
  CHECK(tasks.out.find("DUE TODAY") != std::string::npos);
}
