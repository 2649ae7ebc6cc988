// kb's cache folders on disk: which folders are kb's, when each was last
// used, what is stale, and that removal touches nothing kb did not write.
// (Disk only: the listing and removal work on descriptors, which
// io::MemoryFileSystem does not model; staleness itself is pure.)
#include "kb/io/cache_folders.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <ctime>
#include <filesystem>
#include <fstream>

#include "scratch_dir.hpp"

namespace fs = std::filesystem;
using kb::io::CacheFolder;
using kb::io::Staleness;
using kb::io::VaultState;

namespace {

class Scratch : public kb::testing::ScratchDir {
 public:
  Scratch() : ScratchDir("kb-cache-folders") { fs::create_directories(path() / "kb"); }
  std::string root() const { return (path() / "kb").string(); }
  // A cache folder as kb leaves it, last used `days` ago.
  void folder(const std::string& name, const std::string& vault, int days = 0) const {
    const fs::path dir = path() / "kb" / name;
    fs::create_directories(dir);
    std::ofstream(dir / "notes.v1") << "cache bytes";
    if (!vault.empty()) std::ofstream(dir / "vault") << vault << "\n";
    age(dir / "notes.v1", days);
    if (!vault.empty()) age(dir / "vault", days);
    age(dir, days);
  }
  static void age(const fs::path& path, int days) {
    const std::time_t t = std::time(nullptr) - static_cast<std::time_t>(days) * 86400;
    const timespec times[2] = {{t, 0}, {t, 0}};
    REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, AT_SYMLINK_NOFOLLOW) == 0);
  }
};

std::vector<std::string> names(const std::vector<CacheFolder>& folders) {
  std::vector<std::string> out;
  for (const auto& f : folders) out.push_back(f.name);
  return out;
}

}  // namespace

TEST_CASE("cache folder and entry names", "[io][cache]") {
  CHECK(kb::io::is_cache_folder_name("0123456789abcdef"));
  CHECK_FALSE(kb::io::is_cache_folder_name("0123456789ABCDEF"));
  CHECK_FALSE(kb::io::is_cache_folder_name("0123456789abcde"));
  CHECK_FALSE(kb::io::is_cache_folder_name("0123456789abcdeg"));
  CHECK_FALSE(kb::io::is_cache_folder_name(".."));
  CHECK(kb::io::is_cache_entry_name("notes.v1"));
  CHECK(kb::io::is_cache_entry_name("notes.v12"));
  CHECK(kb::io::is_cache_entry_name("vault"));
  CHECK(kb::io::is_cache_entry_name(".kb-tmp-Ab3xY9"));
  CHECK_FALSE(kb::io::is_cache_entry_name("notes.v"));
  CHECK_FALSE(kb::io::is_cache_entry_name("notes.v1.bak"));
  CHECK_FALSE(kb::io::is_cache_entry_name("thesis.tex"));
}

TEST_CASE("a cache folder is stale when its vault is gone or it went unused for 30 days",
          "[io][cache]") {
  const std::int64_t now = 100 * 86400;
  CacheFolder f;
  f.vault_state = VaultState::Exists;
  f.used = now - 29 * 86400;
  CHECK(kb::io::staleness(f, now) == Staleness::None);
  f.used = now - 31 * 86400;
  CHECK(kb::io::staleness(f, now) == Staleness::Unused);
  f.vault_state = VaultState::Unknown;
  CHECK(kb::io::staleness(f, now) == Staleness::Unused);
  f.used = now;
  CHECK(kb::io::staleness(f, now) == Staleness::None);
  f.vault_state = VaultState::Gone;
  CHECK(kb::io::staleness(f, now) == Staleness::VaultGone);
}

TEST_CASE("listing the cache folders", "[io][cache]") {
  Scratch s;
  SECTION("no root yet: none") {
    const auto none = kb::io::list_cache_folders((s.path() / "absent").string());
    REQUIRE(none);
    CHECK(none->empty());
  }
  s.folder("00000000000000a1", s.path().string(), 3);
  s.folder("00000000000000a2", (s.path() / "gone").string());
  s.folder("00000000000000a3", "");
  fs::create_directories(s.path() / "kb" / "not-a-cache");
  fs::create_directory_symlink(s.path(), s.path() / "kb" / "00000000000000b1");
  std::ofstream(s.path() / "kb" / "00000000000000b2") << "a file";
  const auto listed = kb::io::list_cache_folders(s.root());
  REQUIRE(listed);
  REQUIRE(names(*listed) ==
          std::vector<std::string>{"00000000000000a1", "00000000000000a2", "00000000000000a3"});
  const CacheFolder& a1 = (*listed)[0];
  CHECK(a1.vault == s.path().string());
  CHECK(a1.vault_state == VaultState::Exists);
  CHECK(a1.path == s.root() + "/00000000000000a1");
  CHECK(a1.bytes == 11 + s.path().string().size() + 1);
  const std::int64_t now = std::time(nullptr);
  CHECK(now - a1.used >= 3 * 86400 - 5);
  CHECK(now - a1.used <= 3 * 86400 + 5);
  CHECK((*listed)[1].vault_state == VaultState::Gone);
  CHECK((*listed)[2].vault.empty());
  CHECK((*listed)[2].vault_state == VaultState::Unknown);

  SECTION("a symlinked root is refused") {
    const fs::path link = s.path() / "link";
    fs::create_directory_symlink(s.root(), link);
    const auto refused = kb::io::list_cache_folders(link.string());
    REQUIRE_FALSE(refused);
    CHECK(refused.error().message.find("symbolic link") != std::string::npos);
  }
}

TEST_CASE("removing a cache folder touches only what kb wrote", "[io][cache]") {
  Scratch s;
  s.folder("00000000000000a1", s.path().string());
  std::ofstream(s.path() / "kb" / "00000000000000a1" / ".kb-tmp-Ab3xY9") << "partial";
  CHECK_FALSE(kb::io::remove_cache_folder(s.root(), "00000000000000a1"));
  CHECK_FALSE(fs::exists(s.path() / "kb" / "00000000000000a1"));

  SECTION("a folder holding a file kb did not write stays whole") {
    s.folder("00000000000000a2", s.path().string());
    std::ofstream(s.path() / "kb" / "00000000000000a2" / "thesis.tex") << "precious";
    const auto refused = kb::io::remove_cache_folder(s.root(), "00000000000000a2");
    REQUIRE(refused);
    CHECK(refused->path == s.root() + "/00000000000000a2");
    CHECK(refused->message == "not removed: it holds 'thesis.tex', which kb did not write");
    CHECK(fs::exists(s.path() / "kb" / "00000000000000a2" / "thesis.tex"));
    CHECK(fs::exists(s.path() / "kb" / "00000000000000a2" / "notes.v1"));
  }
  SECTION("a symlink named like a cache folder is not followed") {
    fs::create_directories(s.path() / "elsewhere");
    std::ofstream(s.path() / "elsewhere" / "notes.v1") << "not kb's";
    fs::create_directory_symlink(s.path() / "elsewhere", s.path() / "kb" / "00000000000000b1");
    CHECK(kb::io::remove_cache_folder(s.root(), "00000000000000b1"));
    CHECK(fs::exists(s.path() / "elsewhere" / "notes.v1"));
    CHECK(fs::is_symlink(s.path() / "kb" / "00000000000000b1"));
  }
  SECTION("a folder named otherwise is refused") {
    fs::create_directories(s.path() / "kb" / "photos");
    CHECK(kb::io::remove_cache_folder(s.root(), "photos"));
    CHECK(kb::io::remove_cache_folder(s.root(), "../kb"));
    CHECK(fs::exists(s.path() / "kb" / "photos"));
  }
}

TEST_CASE("a run marks its cache folder used", "[io][cache]") {
  Scratch s;
  kb::io::CacheDir dir{s.root(), s.root() + "/00000000000000a1", "/some/vault"};
  REQUIRE(kb::io::mark_cache_used(dir));
  std::ifstream in(dir.folder + "/vault");
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  CHECK(text == "/some/vault\n");
  Scratch::age(dir.folder + "/vault", 40);
  Scratch::age(dir.folder, 40);
  auto listed = kb::io::list_cache_folders(s.root());
  REQUIRE(listed);
  REQUIRE(listed->size() == 1);
  CHECK(std::time(nullptr) - (*listed)[0].used > 39 * 86400);
  REQUIRE(kb::io::mark_cache_used(dir));  // touched, not rewritten
  listed = kb::io::list_cache_folders(s.root());
  CHECK(std::time(nullptr) - (*listed)[0].used < 60);
}

TEST_CASE("normal runs prune folders unused for 30 days, at most once a day", "[io][cache]") {
  Scratch s;
  s.folder("00000000000000a1", s.path().string(), 31);         // old
  s.folder("00000000000000a2", s.path().string(), 29);         // recent
  s.folder("00000000000000a3", s.path().string(), 45);         // old, but the one in use
  s.folder("00000000000000a4", (s.path() / "gone").string());  // vault gone, used today: kept
  const std::string in_use = s.root() + "/00000000000000a3";
  CHECK(kb::io::auto_prune_cache(s.root(), in_use) ==
        std::vector<std::string>{s.root() + "/00000000000000a1"});
  CHECK(fs::exists(s.path() / "kb" / "last-prune"));
  const auto left = kb::io::list_cache_folders(s.root());
  REQUIRE(left);
  CHECK(names(*left) ==
        std::vector<std::string>{"00000000000000a2", "00000000000000a3", "00000000000000a4"});

  s.folder("00000000000000a5", s.path().string(), 60);
  CHECK(kb::io::auto_prune_cache(s.root(), in_use).empty());  // pruned less than a day ago
  Scratch::age(s.path() / "kb" / "last-prune", 2);
  CHECK(kb::io::auto_prune_cache(s.root(), in_use) ==
        std::vector<std::string>{s.root() + "/00000000000000a5"});
}
