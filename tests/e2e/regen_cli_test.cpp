// kb regen end to end on a copy of examples/vault: what changes, what stays
// byte for byte, idempotency (no second write), --check/--dry-run/--diff,
// names from stdin, and the refusals.
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "vault_copy.hpp"

namespace {

namespace fs = std::filesystem;
using kb::test::Run;
using kb::test::slurp;
using kb::test::VaultCopy;

// Lines of `text` outside the [begin, end) line range of the section
// `heading`, so tests can compare "everything but the generated parts".
std::string without_section(const std::string& text, const std::string& heading) {
  std::istringstream in(text);
  std::string line, out;
  bool skipping = false;
  while (std::getline(in, line)) {
    std::string bare = line;
    if (!bare.empty() && bare.back() == '\r') bare.pop_back();
    if (bare.rfind("## ", 0) == 0) skipping = bare == "## " + heading;
    if (bare.rfind("last_contact:", 0) == 0) continue;
    if (!skipping) out += line + "\n";
  }
  return out;
}

const std::string kAsaf = "People/Asaf Levy/Asaf Levy.md";

}  // namespace

TEST_CASE("regen --all changes only generated parts, then nothing", "[e2e][regen]") {
  VaultCopy vault;
  const auto before = vault.snapshot();

  const Run check = vault.kb("regen --all --check");
  CHECK(check.exit == 1);
  CHECK(check.out.find("People/Jeff Denworth/Jeff Denworth.md\n") != std::string::npos);

  const Run first = vault.kb("regen --all");
  CHECK(first.exit == 0);
  CHECK(first.err.find("kb: regen: ") != std::string::npos);
  const auto after = vault.snapshot();
  REQUIRE(after.size() == before.size());
  for (const auto& [path, content] : before) {
    INFO(path);
    const bool person = content.find("type: people") != std::string::npos ||
                        content.find("type: person") != std::string::npos;
    if (path.rfind("People/", 0) != 0 || !person) {
      CHECK(after.at(path) == content);  // not a person note: untouched
      continue;
    }
    std::string a = without_section(without_section(content, "Recent Context"), "Open Tasks");
    std::string b =
        without_section(without_section(after.at(path), "Recent Context"), "Open Tasks");
    CHECK(a == b);
    // CRLF notes stay CRLF throughout; BOMs stay.
    if (content.find("\r\n") != std::string::npos) {
      std::size_t lf = 0, crlf = 0;
      const std::string& now = after.at(path);
      for (std::size_t i = 0; i < now.size(); ++i) {
        if (now[i] == '\n') (i > 0 && now[i - 1] == '\r') ? ++crlf : ++lf;
      }
      CHECK(lf == 0);
      CHECK(crlf > 0);
    }
    CHECK((content.rfind("\xEF\xBB\xBF", 0) == 0) ==
          (after.at(path).rfind("\xEF\xBB\xBF", 0) == 0));
  }

  struct stat st_before {};
  REQUIRE(::stat((vault.root() / kAsaf).c_str(), &st_before) == 0);
  ::usleep(20000);
  const Run second = vault.kb("regen --all");
  CHECK(second.exit == 0);
  CHECK(second.err.find("kb: regen: 0 updated") != std::string::npos);
  CHECK(vault.snapshot() == after);
  struct stat st_after {};
  REQUIRE(::stat((vault.root() / kAsaf).c_str(), &st_after) == 0);
  CHECK(st_after.st_mtim.tv_nsec == st_before.st_mtim.tv_nsec);
  CHECK(st_after.st_ino == st_before.st_ino);  // not even rewritten with the same bytes

  const Run recheck = vault.kb("regen --all --check");
  CHECK(recheck.exit == 0);
  CHECK(recheck.out.empty());
  // -q: no summary (nor the vault's warnings) on stderr.
  const Run quiet = vault.kb("-q regen --all");
  CHECK(quiet.exit == 0);
  CHECK(quiet.err.empty());
}

TEST_CASE("regen --dry-run and --diff write nothing", "[e2e][regen]") {
  VaultCopy vault;
  const auto before = vault.snapshot();
  const Run dry = vault.kb("regen --all --dry-run");
  CHECK(dry.exit == 0);
  CHECK(dry.out.find("would update People/Jeff Denworth/Jeff Denworth.md\n") != std::string::npos);
  const Run diff = vault.kb("regen \"Jeff Denworth\" --diff");
  CHECK(diff.exit == 0);
  CHECK(diff.out.rfind("--- a/People/Jeff Denworth/Jeff Denworth.md\n+++ b/People/Jeff "
                       "Denworth/Jeff Denworth.md\n",
                       0) == 0);
  CHECK(diff.out.find("\n-last_contact: \"2025-10-31\"\n+last_contact: \"2025-11-14\"\n") !=
        std::string::npos);
  CHECK(vault.snapshot() == before);
}

TEST_CASE("regen reads names from stdin and reports unknown ones", "[e2e][regen]") {
  VaultCopy vault;
  const Run run = vault.kb("regen -", "Jeff Denworth\n\nNobody Here\r\nshachar feinblit\n");
  CHECK(run.exit == 1);
  CHECK(run.err.find("kb: no person named 'Nobody Here'") != std::string::npos);
  CHECK(run.err.find("kb: regen: 2 updated, 0 unchanged, 0 failed") != std::string::npos);
  const Run usage = vault.kb("regen");
  CHECK(usage.exit == 2);
  const Run both = vault.kb("regen --all \"Jeff Denworth\"");
  CHECK(both.exit == 2);
}

TEST_CASE("regen refuses read-only and symlinked notes unless --force", "[e2e][regen]") {
  VaultCopy vault;
  const fs::path asaf = vault.root() / kAsaf;
  // Make Asaf's note stale so regen has something to write.
  std::string text = slurp(asaf);
  text.replace(text.find("last_contact: "), 26, "last_contact: \"2000-01-01\"");
  std::ofstream(asaf, std::ios::binary) << text;
  fs::permissions(asaf, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                  fs::perm_options::remove);
  const Run refused = vault.kb("regen \"Asaf Levy\"");
  CHECK(refused.exit == 1);
  CHECK(refused.err.find("read-only") != std::string::npos);
  CHECK(slurp(asaf) == text);
  const Run forced = vault.kb("regen \"Asaf Levy\" --force");
  CHECK(forced.exit == 0);
  CHECK(slurp(asaf) != text);
  struct stat st {};
  REQUIRE(::stat(asaf.c_str(), &st) == 0);
  CHECK((st.st_mode & 0222) == 0);  // the mode is kept

  const fs::path jeff = vault.root() / "People/Jeff Denworth/Jeff Denworth.md";
  const fs::path real = vault.root() / "jeff-real.txt";
  fs::rename(jeff, real);
  fs::create_symlink(real, jeff);
  const std::string jeff_text = slurp(real);
  const Run link = vault.kb("regen \"Jeff Denworth\"");
  CHECK(link.exit == 1);
  CHECK(link.err.find("symlink") != std::string::npos);
  CHECK(slurp(real) == jeff_text);
  CHECK(fs::is_symlink(jeff));
}

TEST_CASE("regen with show tree writes what is nested under each task, then nothing",
          "[e2e][regen][tree]") {
  // `show tree` from the Tasks global query: every person's snapshot draws
  // trees, on all cores, from bodies read before anything is written.
  VaultCopy vault;
  const fs::path settings = vault.root() / ".obsidian/plugins/obsidian-tasks-plugin";
  fs::create_directories(settings);
  std::ofstream(settings / "data.json", std::ios::binary) << R"({"globalQuery": "show tree"})";
  const Run first = vault.kb("regen --all");
  CHECK(first.exit == 0);
  CHECK(first.err.find(", 0 failed") != std::string::npos);
  // Asaf's benchmark plan has a sub-task: drawn under it, not a task itself.
  const std::string asaf = slurp(vault.root() / kAsaf);
  CHECK(asaf.find("- Share the metadata persistence benchmark plan with Asaf 📅 2025-11-14 ⏫ — "
                  "[[2025-11-04 - Asaf walked through the DataSpaces persistence roadmap and we "
                  "agreed to benchmar]]\n    - \\[ ] Get SE Lab time for the 16-node cluster "
                  "📅 2025-11-12\n") != std::string::npos);
  const auto after = vault.snapshot();
  const Run second = vault.kb("regen --all");
  CHECK(second.exit == 0);
  CHECK(second.err.find("kb: regen: 0 updated") != std::string::npos);
  CHECK(vault.snapshot() == after);
}
