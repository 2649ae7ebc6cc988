// A regular expression whose search hits PCRE2's match limit: `kb tasks`
// prints what it found and says on stderr that tasks may be missing, since
// JavaScript would have searched on.
#include <catch2/catch.hpp>
#include <fstream>
#include <string>

#include "vault_copy.hpp"

using kb::test::VaultCopy;

TEST_CASE("kb tasks warns when a regex gives up its search", "[e2e][tasks]") {
  const VaultCopy vault;
  std::ofstream(vault.root() / "Backtracking.md", std::ios::binary)
      << "- [ ] " << std::string(40, 'a') << "\n- [ ] aaa1\n";
  const std::string query = "'description regex matches /^(?:(a|aa)*\\d|a+$)/'";
  const auto run = vault.kb("tasks " + query);
  CHECK(run.exit == 0);
  CHECK(run.out == "- [ ] aaa1  Backtracking.md:2\n");
  CHECK(run.err.ends_with(
      "kb: <query>: the regular expression /^(?:(a|aa)*\\d|a+$)/ gave up on 1 task (too much "
      "backtracking); they count as not matching, so the answer may lack them\n"));
  const auto json = vault.kb("tasks --json " + query);
  CHECK(json.err == run.err);
  // -q keeps stderr for errors only.
  CHECK(vault.kb("-q tasks " + query).err.empty());
}

TEST_CASE("kb person and kb regen warn when a person's query gives up a regex search",
          "[e2e][tasks]") {
  const VaultCopy vault;
  std::ofstream(vault.root() / "Backtracking.md", std::ios::binary)
      << "- [ ] " << std::string(40, 'a') << "\n";
  const auto note = vault.root() / "People/Andy Perlsteiner.md";
  std::string text = kb::test::slurp(note);
  const std::string query = "path includes Andy Perlsteiner\nnot done\n";
  const std::size_t at = text.find(query);
  REQUIRE(at != std::string::npos);
  text.replace(at, query.size(), "not done\ndescription regex matches /^(?:(a|aa)*\\d|a+$)/\n");
  std::ofstream(note, std::ios::binary) << text;
  const std::string warning =
      "kb: People/Andy Perlsteiner.md: the regular expression /^(?:(a|aa)*\\d|a+$)/ gave up on 1 "
      "task (too much backtracking); they count as not matching, so the answer may lack them\n";
  const auto person = vault.kb("person 'Andy Perlsteiner'");
  CHECK(person.exit == 0);
  CHECK(person.err.find(warning) != std::string::npos);
  const auto regen = vault.kb("regen 'Andy Perlsteiner' --dry-run");
  CHECK(regen.err.find(warning) != std::string::npos);
  CHECK(vault.kb("-q person 'Andy Perlsteiner'").err.empty());
}
