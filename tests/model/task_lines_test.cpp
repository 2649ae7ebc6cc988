// Vault::tasks: a note's checkbox lines, from the arena for a note read this
// run and from the mapped parse cache for one taken from it, on the
// in-memory file system and cache store (no cache, a cache, a stale entry).
#include "kb/model/task_lines.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>
#include <thread>
#include <vector>

#include "kb/io/fs.hpp"
#include "kb/model/vault.hpp"

using kb::model::NoteId;
using kb::model::Vault;

namespace {

constexpr const char* kMeeting = "Meetings/2025-10-02 - Review.md";

void add_vault(kb::io::MemoryFileSystem& fs) {
  fs.add("People/Asaf Levy.md", "---\ntype: people\n---\n# Asaf Levy\n");
  fs.add(kMeeting,
         "---\ntype: meeting\n---\nAsaf Levy reviewed.\n## Actions\r\n"
         "> - [x] Shipped ✅ 2025-10-03\r\n  1) [/] Half done\n- [ ]\n"
         "```\n- [ ] in code: no task\n```\n# Later\n* [ ] Ask Asaf 📅 2025-10-09\n");
  fs.add("Notes/Plain.md", "No checkbox here.\n");
  fs.advance_clock(10'000'000'000);  // every note settled: the cache may keep it
}

// One kb run through `store` (null: no cache), saving the cache after, as
// the CLI does; `reads` counts the notes it read.
Vault load(kb::io::MemoryFileSystem& fs, kb::io::CacheStore* store, int& reads) {
  kb::model::LoadOptions options;
  options.cache = store;
  options.vault_id = "/v";
  reads = 0;
  fs.before_read = [&reads](const std::string&) { ++reads; };
  auto vault = kb::model::load_vault(fs, {}, options);
  fs.before_read = nullptr;
  REQUIRE(vault.ok());
  if (store != nullptr) kb::model::save_parse_cache(*vault, *store, "/v");
  return std::move(*vault);
}

std::string lines_of(const Vault& vault, NoteId id) {
  std::string out;
  for (const kb::model::NoteTask& t : vault.tasks(id)) {
    out += fmt::format("{} [{}|{}|{}|{}] under [{}]\n", t.line, t.checkbox.indentation,
                       t.checkbox.marker, t.checkbox.status_symbol, t.checkbox.text, t.heading);
  }
  return out;
}

const std::string kMeetingLines =
    "6 [> |-|x|Shipped ✅ 2025-10-03] under [Actions]\n"
    "7 [  |1)|/|Half done] under [Actions]\n"
    "8 [|-| |] under [Actions]\n"
    "13 [|*| |Ask Asaf 📅 2025-10-09] under [Later]\n";

// Every note's lines, as many as its summary counts.
void check_counts(const Vault& vault) {
  for (NoteId id = 0; id < static_cast<NoteId>(vault.notes.size()); ++id) {
    INFO(vault.notes[id].path);
    CHECK(vault.tasks(id).size() == vault.notes[id].task_count);
  }
}

}  // namespace

TEST_CASE("Vault::tasks without a cache: the lines of each note read", "[cache][tasks]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  int reads = 0;
  const Vault vault = load(fs, nullptr, reads);
  CHECK(reads == 3);
  const NoteId meeting = vault.find_path(kMeeting);
  REQUIRE(meeting >= 0);
  CHECK(vault.notes[meeting].task_count == 4);
  CHECK(lines_of(vault, meeting) == kMeetingLines);
  CHECK(vault.tasks(vault.find_path("Notes/Plain.md")).empty());
  CHECK(vault.notes_with_tasks() == std::vector<NoteId>{meeting});
  check_counts(vault);
}

TEST_CASE("Vault::tasks from the cache: read where they lie, the note not read", "[cache][tasks]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  kb::io::MemoryCacheStore store;
  int reads = 0;
  load(fs, &store, reads);  // no cache yet: written from the notes read
  REQUIRE(store.saves == 1);
  // Same size and mtime, other bytes: a warm run does not see them, so the
  // lines it gives are the cache's, not the file's.
  auto& file = fs.files[kMeeting];
  file.content.replace(file.content.find("Half done"), 9, "Half DONE");
  const Vault warm = load(fs, &store, reads);
  CHECK(reads == 0);
  const NoteId meeting = warm.find_path(kMeeting);
  REQUIRE(meeting >= 0);
  CHECK(warm.notes[meeting].task_count == 4);
  CHECK(lines_of(warm, meeting) == kMeetingLines);
  const kb::model::TaskLines lines = warm.tasks(meeting);
  CHECK(lines[3].checkbox.text == "Ask Asaf 📅 2025-10-09");
  CHECK(lines[1].heading == "Actions");
  check_counts(warm);
  CHECK(warm.notes_with_tasks() == std::vector<NoteId>{meeting});
  // Read on several threads at once, bodies frozen: nothing is read or
  // decoded into shared state, so every thread sees the same lines.
  const Vault::FrozenBodies frozen(warm);
  std::vector<std::string> seen(4);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&, i] { seen[i] = lines_of(warm, meeting); });
  }
  for (auto& t : threads) t.join();
  for (const auto& s : seen) CHECK(s == kMeetingLines);
}

TEST_CASE("Vault::tasks of a note changed since the cache: its new lines", "[cache][tasks]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  kb::io::MemoryCacheStore store;
  int reads = 0;
  load(fs, &store, reads);
  // Another size: the entry is stale, the note is read again.
  fs.add(kMeeting, "---\ntype: meeting\n---\n- [ ] Only this one\n");
  fs.add("Notes/Plain.md", "Now one:\n- [x] done\n");
  fs.advance_clock(10'000'000'000);
  const Vault vault = load(fs, &store, reads);
  CHECK(reads == 2);
  CHECK(lines_of(vault, vault.find_path(kMeeting)) == "4 [|-| |Only this one] under []\n");
  CHECK(lines_of(vault, vault.find_path("Notes/Plain.md")) == "2 [|-|x|done] under []\n");
  check_counts(vault);
  // The next run takes both from the rewritten cache, reading nothing.
  const Vault warm = load(fs, &store, reads);
  CHECK(reads == 0);
  CHECK(lines_of(warm, warm.find_path(kMeeting)) == "4 [|-| |Only this one] under []\n");
  CHECK(lines_of(warm, warm.find_path("Notes/Plain.md")) == "2 [|-|x|done] under []\n");
  CHECK(warm.notes_with_tasks().size() == 2);
}
