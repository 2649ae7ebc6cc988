// kb cache end to end, with a scratch XDG_CACHE_HOME: the folders kb made
// are listed with their vault, prune removes the stale ones and nothing
// else, and a normal run prunes old folders by itself, at most once a day.
#include <fcntl.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "vault_copy.hpp"

namespace {

namespace fs = std::filesystem;
using kb::test::Run;
using kb::test::VaultCopy;

void age(const fs::path& path, int days) {
  const std::time_t t = std::time(nullptr) - static_cast<std::time_t>(days) * 86400;
  const timespec times[2] = {{t, 0}, {t, 0}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
}

// A folder as an earlier kb left it for `vault`, last used `days` ago.
fs::path old_folder(const fs::path& root, const std::string& name, const std::string& vault,
                    int days) {
  const fs::path dir = root / name;
  fs::create_directories(dir);
  std::ofstream(dir / "notes.v1") << "bytes";
  std::ofstream(dir / "vault") << vault << "\n";
  for (const char* file : {"notes.v1", "vault"}) age(dir / file, days);
  age(dir, days);
  return dir;
}

}  // namespace

TEST_CASE("kb cache lists the cache folders and prunes the stale ones", "[e2e][cache]") {
  VaultCopy vault;
  const fs::path home = vault.root().string() + ".xdg";
  fs::remove_all(home);
  const fs::path root = home / "kb";
  vault.environment = "XDG_CACHE_HOME='" + home.string() + "' ";
  REQUIRE(vault.kb("people").exit == 0);  // makes this vault's folder

  const fs::path unused = old_folder(root, "00000000000000a1", vault.root().string(), 40);
  const fs::path gone = old_folder(root, "00000000000000a2", "/nonexistent/vault", 0);
  const fs::path foreign = old_folder(root, "00000000000000a3", "/nonexistent/other", 0);
  std::ofstream(foreign / "notes.txt") << "someone's file";
  fs::create_directory_symlink(vault.root(), root / "00000000000000b1");

  const Run listed = vault.kb("cache --json");
  REQUIRE(listed.exit == 0);
  const auto rows = nlohmann::json::parse(listed.out);
  REQUIRE(rows.size() == 4);  // not the symlink
  std::size_t fresh = 0;
  for (const auto& row : rows) {
    if (row["folder"] == unused.string()) {
      CHECK(row["stale"] == "unused 40 days");
      CHECK(row["vault_exists"] == true);
    } else if (row["folder"] == gone.string()) {
      CHECK(row["stale"] == "vault gone");
      CHECK(row["vault_exists"] == false);
    } else if (row["folder"] != foreign.string()) {
      ++fresh;
      CHECK(row["vault"] == fs::canonical(vault.root()).string());
      CHECK(row["stale"].is_null());
      CHECK(row["bytes"].get<int>() > 0);
    }
  }
  CHECK(fresh == 1);

  SECTION("prune") {
    const Run dry = vault.kb("cache prune --dry-run -0");
    CHECK(dry.exit == 0);
    for (const fs::path& folder : {unused, gone, foreign}) {
      CHECK(dry.out.find(folder.string() + '\0') != std::string::npos);
    }
    CHECK(dry.out.size() == 3 * (unused.string().size() + 1));
    CHECK(dry.err.starts_with("kb: would remove 3 cache folders ("));
    CHECK(fs::exists(unused));

    const Run pruned = vault.kb("cache prune --tsv --no-header");
    CHECK(pruned.exit == 1);  // the folder holding someone's file stays
    CHECK(pruned.err == "kb: " + foreign.string() +
                            ": not removed: it holds 'notes.txt', which kb did not write\n"
                            "kb: removed 2 cache folders (" +
                            // "bytes" twice, the two vaults' paths with their newlines
                            std::to_string(2 * 5 + (vault.root().string().size() + 1) + 19) +
                            "B)\n");
    CHECK(pruned.out.find(unused.string()) != std::string::npos);
    CHECK(!fs::exists(unused));
    CHECK(!fs::exists(gone));
    CHECK(fs::exists(foreign / "notes.txt"));
    CHECK(fs::is_symlink(root / "00000000000000b1"));
    CHECK(fs::exists(vault.root() / "Inbox.md"));  // the link was not followed

    fs::remove(foreign / "notes.txt");
    const Run all = vault.kb("-q cache prune --all");
    CHECK(all.exit == 0);
    CHECK(all.err.empty());
    CHECK(nlohmann::json::parse(vault.kb("cache --json").out).empty());
    CHECK(vault.kb("person 'Asaf Levy'").exit == 0);  // the cache is only ever a saving
  }
  SECTION("usage") {
    const Run wrong = vault.kb("cache --all");
    CHECK(wrong.exit == 2);
    CHECK(wrong.err == "kb: --all and --dry-run go with 'kb cache prune'\n");
    CHECK(vault.kb("cache purge").exit == 2);
  }
  SECTION("a normal run prunes folders unused for 30 days, once a day") {
    fs::remove(root / "last-prune");
    REQUIRE(vault.kb("people").exit == 0);
    CHECK(!fs::exists(unused));
    CHECK(fs::exists(gone));  // a vault on a disk not mounted today is not gone
    const fs::path later = old_folder(root, "00000000000000a4", "/nonexistent/vault", 50);
    REQUIRE(vault.kb("people").exit == 0);
    CHECK(fs::exists(later));
  }
  fs::remove_all(home);
}
