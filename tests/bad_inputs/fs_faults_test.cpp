// The bad-input catalogue, part three, at unit level: faults only a test hook
// can time — a note vanishing between the walk and the read, a note edited
// while regen writes it, a full disk — and pathological front-matter parsed
// on the loader's worker threads.
#include <fcntl.h>
#include <sys/stat.h>

#include <catch2/catch.hpp>

#include "kb/edit/regen.hpp"
#include "kb/io/fs.hpp"
#include "kb/model/vault.hpp"
#include "kb_process.hpp"

namespace {

using namespace kb::testing;
using kb::Diagnostic;
using kb::Diagnostics;
using kb::Expected;
using kb::io::DiskFileSystem;
using kb::io::FileStat;
using kb::io::WriteOptions;

// A real disk whose `victim` is deleted right before kb reads it: the walk
// saw (and stat-ed) the note, the read does not find it.
class VanishingFileSystem final : public kb::io::FileSystem {
 public:
  VanishingFileSystem(const fs::path& root, std::string victim)
      : disk_(root.string()), root_(root), victim_(std::move(victim)) {}

  Expected<kb::io::Listing> scan_notes(Diagnostics& warnings) const override {
    return disk_.scan_notes(warnings);
  }
  Expected<std::vector<std::string>> list_files(Diagnostics& warnings) const override {
    return disk_.list_files(warnings);
  }
  Expected<std::string> read(const std::string& rel) const override {
    if (rel == victim_) fs::remove(root_ / rel);
    return disk_.read(rel);
  }
  Expected<kb::io::FileContent> read_with_stat(const std::string& rel) const override {
    if (rel == victim_) fs::remove(root_ / rel);
    return disk_.read_with_stat(rel);
  }
  Expected<FileStat> stat(const std::string& rel) const override { return disk_.stat(rel); }
  std::int64_t now_ns() const override { return disk_.now_ns(); }
  std::int64_t timestamp_granularity_ns() const override {
    return disk_.timestamp_granularity_ns();
  }
  std::optional<Diagnostic> write_atomic(const std::string& rel, const std::string& content,
                                         const WriteOptions& options) override {
    return disk_.write_atomic(rel, content, options);
  }

 private:
  DiskFileSystem disk_;
  fs::path root_;
  std::string victim_;
};

// Files in `folder` whose name marks them as kb's temporary files.
std::vector<std::string> temp_files(const fs::path& folder) {
  std::vector<std::string> found;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    if (name.find(".kb-tmp-") != std::string::npos) found.push_back(name);
  }
  return found;
}

fs::path notes_vault(const ScratchDir& dir, int count) {
  const fs::path vault = dir.root() / "vault";
  for (int i = 0; i < count; ++i) {
    write_file(vault / "Notes" / ("Note " + std::to_string(100 + i) + ".md"),
               "---\ntitle: Note " + std::to_string(i) + "\n---\nBody.\n");
  }
  return vault;
}

const std::string kPerson =
    "---\ntype: person\ntitle: Jane Doe\nlast_contact: \"2000-01-01\"\n---\n\n# Jane Doe\n\n"
    "## Profile\n\nRole: tester\n";

kb::edit::PersonSections jane_sections() {
  kb::edit::PersonSections s;
  s.default_query = "path includes Jane Doe\nnot done";
  s.recent_context_lines = {"- 2025-11-07: [[Kickoff]] - first meeting"};
  s.last_contact = "2025-11-07";
  return s;
}

}  // namespace

TEST_CASE("fs faults: a note that vanishes between the walk and the read", "[bad_inputs]") {
  {
    ScratchDir dir("vanish");
    const fs::path vault = notes_vault(dir, 100);
    const std::string victim = "Notes/Note 150.md";
    const VanishingFileSystem disk(vault, victim);
    kb::model::LoadOptions options;
    options.threads = 4;
    auto loaded = kb::model::load_vault(disk, kb::model::Conventions{}, options);
    REQUIRE(loaded.ok());
    CHECK(loaded->notes.size() == 99);
    CHECK(loaded->find_path(victim) == -1);
    REQUIRE(loaded->diagnostics.size() == 1);
    const Diagnostic& d = loaded->diagnostics[0];
    CHECK(d.path == victim);
    CHECK(d.message == "cannot read: No such file or directory");
  }
}

TEST_CASE("fs faults: deep front-matter nesting on worker threads", "[bad_inputs]") {
  // Every note pathological, so every worker parses some: a stack too small
  // for the parser would crash here rather than warn.
  kb::io::MemoryFileSystem memory;
  for (int i = 0; i < 200; ++i) {
    const std::string yaml = i % 2 == 0 ? "aliases: " + std::string(20000, '[') + "\n"
                                        : "aliases: " + std::string(2000, '-') + "\n";
    memory.add("People/P" + std::to_string(1000 + i) + ".md", "---\n" + yaml + "---\nbody\n");
  }
  for (int i = 0; i < 10; ++i) {
    std::string nested = "a:\n";
    for (int depth = 1; depth < 3000; ++depth) nested += std::string(depth, ' ') + "a:\n";
    memory.add("People/Q" + std::to_string(i) + ".md", "---\n" + nested + "---\nbody\n");
  }
  kb::model::LoadOptions options;
  options.threads = 8;
  auto loaded = kb::model::load_vault(memory, kb::model::Conventions{}, options);
  REQUIRE(loaded.ok());
  CHECK(loaded->notes.size() == 210);
  int deep = 0;
  for (const Diagnostic& d : loaded->diagnostics) {
    if (d.message == "malformed front-matter: nested too deeply") ++deep;
  }
  CHECK(deep >= 100);  // the [[[... notes at least; the others may parse or fail
}

TEST_CASE("fs faults: a note edited while regen writes it", "[bad_inputs]") {
  ScratchDir dir("edited");
  const fs::path vault = dir.root() / "vault";
  write_file(vault / "People/Jane Doe.md", kPerson);
  DiskFileSystem disk(vault.string());
  auto loaded = kb::model::load_vault(disk, kb::model::Conventions{});
  REQUIRE(loaded.ok());
  const kb::model::NoteSummary& summary = loaded->notes.at(0);
  struct {
    std::string path;
    kb::io::FileStat stat;
    std::string text;
  } const note{std::string(summary.path), summary.stat, (*loaded->body(0))->text};
  auto rewritten = kb::edit::rewrite_person_note(note.text, jane_sections());
  REQUIRE(rewritten.ok());
  REQUIRE(*rewritten != note.text);

  SECTION("an edit that changes the size") {
    const std::string edited = kPerson + "\nA line the user typed meanwhile.\n";
    disk.before_rename = [&](const std::string& rel) { write_file(vault / rel, edited); };
    WriteOptions write;
    write.expect = note.stat;
    const auto failure = disk.write_atomic(note.path, *rewritten, write);
    REQUIRE(failure);
    CHECK(failure->path == "People/Jane Doe.md");
    CHECK(failure->message == "changed on disk since it was read; not written");
    CHECK(slurp(vault / note.path) == edited);
  }
  SECTION("an edit of the same size, later mtime") {
    std::string edited = kPerson;
    edited[edited.find("tester")] = 'T';
    disk.before_rename = [&](const std::string& rel) {
      write_file(vault / rel, edited);
      const struct timespec times[2] = {{0, UTIME_OMIT}, {note.stat.mtime_ns / 1000000000 + 5, 0}};
      REQUIRE(::utimensat(AT_FDCWD, (vault / rel).c_str(), times, 0) == 0);
    };
    WriteOptions write;
    write.expect = note.stat;
    const auto failure = disk.write_atomic(note.path, *rewritten, write);
    REQUIRE(failure);
    CHECK(failure->message == "changed on disk since it was read; not written");
    CHECK(slurp(vault / note.path) == edited);
  }
  SECTION("a note deleted meanwhile is not recreated") {
    disk.before_rename = [&](const std::string& rel) { fs::remove(vault / rel); };
    WriteOptions write;
    write.expect = note.stat;
    const auto failure = disk.write_atomic(note.path, *rewritten, write);
    REQUIRE(failure);
    CHECK(failure->message == "changed on disk since it was read; not written");
    CHECK(!fs::exists(vault / note.path));
  }
  CHECK(temp_files(vault / "People").empty());
}

TEST_CASE("fs faults: a full disk during a write", "[bad_inputs]") {
  ScratchDir dir("full");
  const fs::path vault = dir.root() / "vault";
  const fs::path path = vault / "People/Jane Doe.md";
  write_file(path, kPerson);
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  DiskFileSystem disk(vault.string());
  const auto stat = disk.stat("People/Jane Doe.md");
  REQUIRE(stat.ok());
  int calls = 0;
  disk.fail_write = [&](const std::string&) { return ++calls > 0; };
  WriteOptions write;
  write.expect = *stat;
  const auto failure = disk.write_atomic("People/Jane Doe.md", kPerson + "more\n", write);
  REQUIRE(failure);
  CHECK(calls == 1);
  CHECK(failure->path == "People/Jane Doe.md");
  CHECK(failure->message == "cannot write: No space left on device");
  CHECK(slurp(path) == kPerson);
  CHECK(temp_files(vault / "People").empty());
  const auto after = disk.stat("People/Jane Doe.md");
  REQUIRE(after.ok());
  CHECK(*after == *stat);  // size, mtime and mode untouched

  // The same disk, no longer full: the write goes through with the mode kept.
  disk.fail_write = nullptr;
  CHECK(!disk.write_atomic("People/Jane Doe.md", kPerson + "more\n", write));
  CHECK(slurp(path) == kPerson + "more\n");
  CHECK(disk.stat("People/Jane Doe.md")->mode == 0640);
  CHECK(temp_files(vault / "People").empty());
}

TEST_CASE("fs faults: MemoryFileSystem keeps the same promises", "[bad_inputs]") {
  kb::io::MemoryFileSystem memory;
  memory.add("People/Jane Doe.md", kPerson);
  const auto stat = memory.stat("People/Jane Doe.md");
  REQUIRE(stat.ok());
  WriteOptions write;
  write.expect = *stat;
  memory.fail_write = [](const std::string&) { return true; };
  CHECK(memory.write_atomic("People/Jane Doe.md", "x", write));
  CHECK(*memory.read("People/Jane Doe.md") == kPerson);
  memory.fail_write = nullptr;
  memory.before_rename = [&](const std::string& rel) { memory.add(rel, kPerson + "edit\n"); };
  const auto failure = memory.write_atomic("People/Jane Doe.md", "x", write);
  REQUIRE(failure);
  CHECK(failure->message == "changed on disk since it was read; not written");
  CHECK(*memory.read("People/Jane Doe.md") == kPerson + "edit\n");
  CHECK(memory.writes == 0);
}
