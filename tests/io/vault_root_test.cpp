#include "kb/io/vault_root.hpp"

#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using kb::io::find_vault_root;

TEST_CASE("the vault is the nearest folder up holding .obsidian/ or .kb.yaml", "[vault_root]") {
  const fs::path base = fs::temp_directory_path() / ("kb-vault-root-" + std::to_string(::getpid()));
  fs::remove_all(base);
  fs::create_directories(base / "outer/.obsidian");
  fs::create_directories(base / "outer/inner/deep/er");
  fs::create_directories(base / "outer/plain/sub");
  std::ofstream(base / "outer/inner/.kb.yaml") << "";
  // A file named .obsidian and a folder named .kb.yaml mark nothing.
  std::ofstream(base / "outer/plain/.obsidian") << "";
  fs::create_directories(base / "outer/plain/sub/.kb.yaml");

  const auto deep = find_vault_root((base / "outer/inner/deep/er").string());
  REQUIRE(deep);
  CHECK(deep->root == (base / "outer/inner").string());
  CHECK(deep->marker == ".kb.yaml");

  const auto plain = find_vault_root((base / "outer/plain/sub/").string());
  REQUIRE(plain);
  CHECK(plain->root == (base / "outer").string());
  CHECK(plain->marker == ".obsidian/");

  CHECK(find_vault_root((base / "outer").string())->root == (base / "outer").string());
  CHECK_FALSE(find_vault_root(base.string()));  // nothing above the temp folder holds one
  CHECK_FALSE(find_vault_root("relative/path"));
  CHECK_FALSE(find_vault_root("/"));
  fs::remove_all(base);
}
