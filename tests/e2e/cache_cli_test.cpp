// The parse cache end to end: every verb answers byte for byte as with
// --no-cache, cold and warm, after notes are edited, added, renamed and
// deleted, after people change, and with a damaged cache file.
#include <sys/stat.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "vault_copy.hpp"

namespace {

namespace fs = std::filesystem;
using kb::test::Run;
using kb::test::slurp;
using kb::test::VaultCopy;

const std::vector<std::string> kCommands = {
    "person 'Asaf Levy'",     "person 'Asaf Levy' --json",
    "person 'Jeff Denworth'", "person 'Élodie Marchand' --json",
    "person 'Nobody Here'",   "regen --all --diff",
    "regen --all --check",    "people --tsv",
    "meetings --json",        "tasks 'not done'",
    "backlinks 'Asaf Levy'",
};

const std::string kGoogleMeeting =
    "Customers/Google/2025-10-28 - The teams discussed IP management and failover approaches on "
    "GCP (alias IPs, rou.md";

const std::string kAllHands =
    "Meetings/2025-11-06 - All-hands notes 5.5 persistence changes, cloud marketplace timeline, "
    "and Q4 hiri.md";

const std::string kAsafMeeting =
    "People/Asaf Levy/2025-10-21 - First working session on persistence design, object tiering, "
    "and QoS governance.md";

class CachedVault {
 public:
  CachedVault() {
    cache_ = vault.root().string() + ".cache";
    fs::remove_all(cache_);
    vault.environment = "XDG_CACHE_HOME='" + cache_.string() + "' ";
  }
  ~CachedVault() {
    std::error_code ec;
    fs::remove_all(cache_, ec);
  }
  // The one cache file kb keeps for this vault, or "" when there is none.
  fs::path cache_file() const {
    if (!fs::exists(cache_ / "kb")) return {};
    for (const auto& entry : fs::recursive_directory_iterator(cache_ / "kb")) {
      if (entry.path().filename() == "notes.v1") return entry.path();
    }
    return {};
  }
  // Each command's output with the cache (a first and a second run) equals
  // its output without.
  void check_same_answers() const {
    for (const auto& command : kCommands) {
      INFO(command);
      const Run expected = vault.kb("--no-cache " + command);
      for (int round = 0; round < 2; ++round) {
        const Run got = vault.kb(command);
        CHECK(got.exit == expected.exit);
        CHECK(got.out == expected.out);
        CHECK(got.err == expected.err);
      }
    }
  }

  VaultCopy vault;

 private:
  fs::path cache_;
};

void write(const fs::path& path, const std::string& text) {
  std::ofstream(path, std::ios::binary | std::ios::trunc) << text;
}

// Notes the tests edit keep an mtime older than kb's two-second racy window,
// so that the cache trusts them.
void make_old(const fs::path& path) {
  const auto old = fs::file_time_type::clock::now() - std::chrono::hours(1);
  fs::last_write_time(path, old);
}

void make_all_old(const fs::path& root) {
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) make_old(entry.path());
  }
}

}  // namespace

TEST_CASE("with the parse cache every verb answers as without it", "[e2e][cache]") {
  CachedVault cached;
  make_all_old(cached.vault.root());
  cached.check_same_answers();
  REQUIRE(!cached.cache_file().empty());
  // --no-cache does not write it.
  fs::remove(cached.cache_file());
  cached.vault.kb("--no-cache person 'Asaf Levy'");
  CHECK(cached.cache_file().empty());
}

TEST_CASE("the cache is written only when something changed", "[e2e][cache]") {
  CachedVault cached;
  make_all_old(cached.vault.root());
  cached.vault.kb("person 'Asaf Levy'");
  const fs::path file = cached.cache_file();
  REQUIRE(!file.empty());
  struct stat before {};
  REQUIRE(::stat(file.c_str(), &before) == 0);
  cached.vault.kb("person 'Asaf Levy'");
  cached.vault.kb("people");
  struct stat after {};
  REQUIRE(::stat(file.c_str(), &after) == 0);
  CHECK(after.st_ino == before.st_ino);  // not replaced
  CHECK(after.st_mtim.tv_nsec == before.st_mtim.tv_nsec);
  CHECK(after.st_mtim.tv_sec == before.st_mtim.tv_sec);
}

TEST_CASE("a warm run takes unchanged notes from the cache", "[e2e][cache]") {
  CachedVault cached;
  // A note in Asaf's Recent Context that holds no task: `kb person` shows its
  // summary and never reads its text.
  const fs::path meeting = cached.vault.root() / kAllHands;
  REQUIRE(fs::exists(meeting));
  make_all_old(cached.vault.root());
  cached.vault.kb("person 'Asaf Levy'");
  // Same size, same mtime, other bytes: only a run that reads the note sees
  // them. That is the cache's contract (path, size and mtime), shown here to
  // prove the warm run did not read the note.
  std::string text = slurp(meeting);
  const auto mtime = fs::last_write_time(meeting);
  const std::size_t at = text.find("summary: ");
  REQUIRE(at != std::string::npos);
  text[at + 9] = text[at + 9] == 'Z' ? 'Y' : 'Z';
  write(meeting, text);
  fs::last_write_time(meeting, mtime);
  const Run warm = cached.vault.kb("person 'Asaf Levy'");
  const Run cold = cached.vault.kb("--no-cache person 'Asaf Levy'");
  CHECK(warm.exit == 0);
  CHECK(cold.exit == 0);
  CHECK(warm.out != cold.out);
}

TEST_CASE("a note whose text is not its cached summary's: the verb runs again on a fresh read",
          "[e2e][cache]") {
  CachedVault cached;
  // The one note `kb person` reads, the person's own: its text is checked
  // against the summary the cache gave, found changed, and the verb runs
  // again on the vault read anew, every note from its bytes.
  const fs::path note = cached.vault.root() / "People/Asaf Levy/Asaf Levy.md";
  make_all_old(cached.vault.root());
  cached.vault.kb("person 'Asaf Levy'");
  std::string text = slurp(note);
  const auto mtime = fs::last_write_time(note);
  const std::size_t at = text.find("Tel Aviv");
  REQUIRE(at != std::string::npos);
  text[at + 7] = 'x';
  write(note, text);
  fs::last_write_time(note, mtime);
  const Run warm = cached.vault.kb("person 'Asaf Levy'");
  const Run cold = cached.vault.kb("--no-cache person 'Asaf Levy'");
  CHECK(warm.exit == 0);
  CHECK(warm.out.find("Tel Avix") != std::string::npos);
  CHECK(warm.out == cold.out);
  CHECK(warm.err == cold.err);
  CHECK(cached.vault.kb("person 'Asaf Levy'").out == cold.out);  // and the cache has it now
}

TEST_CASE("the tasks a person's query selects come from the cache, their notes unread",
          "[e2e][cache]") {
  CachedVault cached;
  // Same size, same mtime, another task text: only a run that reads the note
  // sees it (the cache's contract), which proves `kb person` and `kb regen`
  // did not.
  const fs::path note = cached.vault.root() / "People/Asaf Levy/2025-10 - Asaf Levy.md";
  make_all_old(cached.vault.root());
  cached.vault.kb("person 'Asaf Levy'");
  std::string text = slurp(note);
  const auto mtime = fs::last_write_time(note);
  const std::size_t at = text.find("for Jeff");
  REQUIRE(at != std::string::npos);
  text.replace(at, 8, "for Jefx");
  write(note, text);
  fs::last_write_time(note, mtime);
  const Run warm = cached.vault.kb("person 'Asaf Levy'");
  CHECK(warm.exit == 0);
  CHECK(warm.out.find("for Jeff") != std::string::npos);
  CHECK(cached.vault.kb("--no-cache person 'Asaf Levy'").out.find("for Jefx") != std::string::npos);
  const Run regen = cached.vault.kb("regen 'Asaf Levy' --diff");
  CHECK(regen.out.find("for Jeff") != std::string::npos);
  CHECK(regen.out.find("for Jefx") == std::string::npos);
}

TEST_CASE("edited, added, renamed and deleted notes, and changed people", "[e2e][cache]") {
  CachedVault cached;
  const fs::path root = cached.vault.root();
  make_all_old(root);
  cached.check_same_answers();

  SECTION("a meeting that now names Asaf and has a task") {
    const fs::path meeting = root / kGoogleMeeting;
    REQUIRE(fs::exists(meeting));
    write(meeting, slurp(meeting) + "\nAsaf Levy joined late.\n- [ ] Send Asaf Levy the deck\n");
    make_old(meeting);
  }
  SECTION("a new note, a renamed one and a deleted one") {
    write(root / "New idea.md", "---\ntype: meeting\ndate: 2026-11-01\n---\nWith [[Asaf Levy]].\n");
    make_old(root / "New idea.md");
    fs::rename(root / kGoogleMeeting, root / "Customers/Google/2025-10-29 - Moved.md");
    fs::remove(root / kAsafMeeting);
  }
  SECTION("a person gains an alias that unchanged notes mention") {
    const fs::path jeff = root / "People/Jeff Denworth/Jeff Denworth.md";
    std::string text = slurp(jeff);
    const std::size_t title = text.find("title:");
    REQUIRE(title != std::string::npos);
    text.insert(title, "aliases: [GCP]\n");
    write(jeff, text);
    make_old(jeff);
  }
  SECTION("a person note is deleted") {
    fs::remove(root / "People/Jeff Denworth/Jeff Denworth.md");
  }
  cached.check_same_answers();
}

TEST_CASE("a damaged or foreign cache file is ignored and replaced", "[e2e][cache]") {
  CachedVault cached;
  make_all_old(cached.vault.root());
  cached.vault.kb("person 'Asaf Levy'");
  const fs::path file = cached.cache_file();
  REQUIRE(!file.empty());
  const std::string good = slurp(file);

  SECTION("truncated") {
    write(file, good.substr(0, good.size() / 2));
  }
  SECTION("one byte changed") {
    std::string bad = good;
    bad[bad.size() / 3] = static_cast<char>(bad[bad.size() / 3] ^ 0x20);
    write(file, bad);
  }
  SECTION("empty") {
    write(file, "");
  }
  SECTION("another file altogether") {
    write(file, "not a cache\n");
  }
  cached.check_same_answers();
  CHECK(slurp(file) == good);  // rebuilt as it was
}

TEST_CASE("a FIFO or a symlink to /dev/zero as the cache file: ignored, never a hang",
          "[e2e][cache]") {
  CachedVault cached;
  make_all_old(cached.vault.root());
  cached.vault.kb("person 'Asaf Levy'");
  const fs::path file = cached.cache_file();
  REQUIRE(!file.empty());
  const std::string good = slurp(file);
  const Run expected = cached.vault.kb("--no-cache person 'Asaf Levy'");
  fs::remove(file);
  SECTION("a FIFO") {
    REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
  }
  SECTION("a symlink to /dev/zero") {
    fs::create_symlink("/dev/zero", file);
  }
  // Bounded: a kb that blocked on the FIFO or read /dev/zero for ever fails here.
  const std::string environment = cached.vault.environment;
  cached.vault.environment += "timeout -k 5 30 ";
  const Run got = cached.vault.kb("person 'Asaf Levy'");
  cached.vault.environment = environment;
  CHECK(got.exit == expected.exit);
  CHECK(got.out == expected.out);
  CHECK(got.err == expected.err);
  CHECK(fs::is_regular_file(fs::symlink_status(file)));  // replaced by a good cache
  CHECK(slurp(file) == good);
}

TEST_CASE("a note that changed after kb listed the vault: read again, never a stop",
          "[e2e][cache]") {
  // An edit landing between the walk and the read (an editor saving, a kb
  // regen beside this one), made certain: the cache's entry still matches
  // the note's size and mtime, its bytes hold one more link.
  CachedVault cached;
  const fs::path root = cached.vault.root();
  make_all_old(root);
  REQUIRE(cached.vault.kb("regen --all --check").exit <= 1);  // the cache, written
  REQUIRE(!cached.cache_file().empty());
  std::string path, from, to;
  // The person note: the one note kb person and kb regen read (the tasks
  // come from the other notes' summaries).
  path = "People/Asaf Levy/Asaf Levy.md", from = "Tel Aviv", to = "[[Tel]] ";
  const fs::path note = root / path;
  const std::string cache_before = slurp(cached.cache_file());
  std::string text = slurp(note);
  const std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  const auto mtime = fs::last_write_time(note);
  write(note, text);
  fs::last_write_time(note, mtime);

  const Run expected = cached.vault.kb("--no-cache person 'Asaf Levy'");
  REQUIRE(expected.exit == 0);
  const Run got = cached.vault.kb("person 'Asaf Levy'");
  CHECK(got.exit == 0);
  CHECK(got.out == expected.out);
  CHECK(got.err == expected.err);

  // regen reads the vault again too and writes from the note's new bytes.
  write(cached.cache_file(), cache_before);  // the run above cached the edit
  const Run regen = cached.vault.kb("regen 'Asaf Levy'");
  CHECK(regen.exit == 0);
  CHECK(regen.err.find(" 0 failed") != std::string::npos);
  CHECK(slurp(note).find(to) != std::string::npos);
  CHECK(cached.vault.kb("--no-cache regen 'Asaf Levy' --check").exit == 0);
}
