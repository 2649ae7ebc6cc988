#include "kb/io/fs.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <random>

namespace fs = std::filesystem;
using kb::io::DiskFileSystem;
using kb::io::FileStat;
using kb::io::MemoryFileSystem;
using kb::io::WriteOptions;

namespace {

// A fresh folder under the system temp dir, removed at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("kb-fs-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string str() const { return path_.string(); }

  void write(const std::string& rel, const std::string& content) const {
    fs::create_directories((path_ / rel).parent_path());
    std::ofstream out(path_ / rel, std::ios::binary);
    out << content;
  }
  std::string slurp(const std::string& rel) const {
    std::ifstream in(path_ / rel, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }
  // Names of leftover temporary files anywhere below the root.
  std::vector<std::string> temp_files() const {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(path_)) {
      if (e.path().filename().string().find(".kb-tmp-") != std::string::npos) {
        out.push_back(e.path().filename().string());
      }
    }
    return out;
  }

 private:
  fs::path path_;
};

unsigned mode_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st.st_mode & 07777;
}

}  // namespace

TEST_CASE("DiskFileSystem lists notes recursively, sorted bytewise, skipping dot folders", "[fs]") {
  TempDir dir;
  dir.write("b.md", "b");
  dir.write("B.md", "B");
  dir.write("People/Asaf Levy.md", "x");
  dir.write("People/Sub/deep.md", "x");
  dir.write("People/readme.txt", "x");
  dir.write("People/upper.MD", "x");
  dir.write("People/backup.md.bak", "x");
  dir.write(".obsidian/workspace.md", "x");
  dir.write(".hidden.md", "x");
  dir.write("Zed/.trash/old.md", "x");
  dir.write("é.md", "x");
  DiskFileSystem disk(dir.str());
  kb::Diagnostics warnings;
  auto notes = disk.list_notes(warnings);
  REQUIRE(notes.ok());
  CHECK(*notes == std::vector<std::string>{"B.md", "People/Asaf Levy.md", "People/Sub/deep.md",
                                           "b.md", "é.md"});
  CHECK(warnings.empty());
}

TEST_CASE("DiskFileSystem lists a wide and a deep tree, on its threads, as one sorted listing",
          "[fs]") {
  TempDir dir;
  std::vector<std::string> expected;
  for (int f = 0; f < 60; ++f) {
    for (int n = 0; n < 3; ++n) {
      const std::string rel = "F" + std::to_string(f) + "/n" + std::to_string(n) + ".md";
      dir.write(rel, "x");
      expected.push_back(rel);
    }
  }
  // Deeper than the folders the walk holds open for their subfolders: the
  // deepest are opened from the root.
  std::string deep = "deep";
  for (int level = 0; level < 40; ++level) {
    deep += "/d" + std::to_string(level);
    dir.write(deep + "/note.md", "x");
    expected.push_back(deep + "/note.md");
  }
  std::sort(expected.begin(), expected.end());
  DiskFileSystem disk(dir.str());
  for (int run = 0; run < 3; ++run) {
    kb::Diagnostics warnings;
    auto notes = disk.list_notes(warnings);
    REQUIRE(notes.ok());
    CHECK(*notes == expected);
    CHECK(warnings.empty());
    auto files = disk.list_files(warnings);
    REQUIRE(files.ok());
    CHECK(*files == expected);
  }
}

TEST_CASE("DiskFileSystem includes symlinked notes but never follows symlinked folders", "[fs]") {
  TempDir dir;
  dir.write("real/note.md", "x");
  fs::create_directory_symlink(dir.path() / "real", dir.path() / "linked-folder");
  fs::create_directory_symlink(dir.path(), dir.path() / "real/loop");
  fs::create_symlink(dir.path() / "real/note.md", dir.path() / "alias.md");
  fs::create_symlink(dir.path() / "missing.md", dir.path() / "dangling.md");
  DiskFileSystem disk(dir.str());
  kb::Diagnostics warnings;
  auto notes = disk.list_notes(warnings);
  REQUIRE(notes.ok());
  CHECK(*notes == std::vector<std::string>{"alias.md", "real/note.md"});
  CHECK(warnings.empty());
}

TEST_CASE("DiskFileSystem's walk stats each note as stat() does", "[fs]") {
  TempDir dir;
  dir.write("People/Asaf Levy.md", "twelve bytes");
  dir.write("a.md", "");
  fs::create_symlink(dir.path() / "People/Asaf Levy.md", dir.path() / "linked.md");
  fs::permissions(dir.path() / "a.md", fs::perms::owner_read | fs::perms::owner_write);
  DiskFileSystem disk(dir.str());
  kb::Diagnostics warnings;
  auto listing = disk.scan_notes(warnings);
  REQUIRE(listing.ok());
  REQUIRE(listing->size() == 3);
  CHECK(listing->paths() == std::vector<std::string>{"People/Asaf Levy.md", "a.md", "linked.md"});
  for (std::size_t i = 0; i < listing->size(); ++i) {
    const std::string path(listing->path(i));
    INFO(path);
    auto st = disk.stat(path);
    REQUIRE(st.ok());
    CHECK(listing->stat(i).size == st->size);
    CHECK(listing->stat(i).mtime_ns == st->mtime_ns);
    CHECK(listing->stat(i).mode == st->mode);
    CHECK(listing->stat(i).is_symlink == st->is_symlink);
  }
  CHECK(listing->stat(0).size == 12);
  CHECK(listing->stat(1).mode == 0600u);
  CHECK(listing->stat(2).is_symlink);
  CHECK(listing->stat(2).size == 12);  // the target's
}

namespace {

// What walk_notes told its sink, by number in the order found.
struct Told {
  std::string path;
  FileStat stat;
};

// Checks that walk_notes lists what scan_notes lists and told the sink of
// every note once, numbered as the listing's found() says.
void check_walk_tells_each_note(const kb::io::FileSystem& files, std::size_t expected) {
  kb::Diagnostics warnings, walk_warnings;
  auto scanned = files.scan_notes(warnings);
  REQUIRE(scanned.ok());
  std::mutex mutex;
  std::map<std::size_t, Told> told;
  auto walked = files.walk_notes(
      walk_warnings, [&](std::size_t found, std::string_view path, const FileStat& stat) {
        const std::lock_guard<std::mutex> lock(mutex);
        CHECK(told.emplace(found, Told{std::string(path), stat}).second);
      });
  REQUIRE(walked.ok());
  CHECK(walked->paths() == scanned->paths());
  CHECK(walk_warnings.size() == warnings.size());
  REQUIRE(walked->size() == expected);
  REQUIRE(told.size() == expected);
  for (std::size_t i = 0; i < walked->size(); ++i) {
    INFO(walked->path(i));
    REQUIRE(told.count(walked->found(i)) == 1);
    const Told& t = told.at(walked->found(i));
    CHECK(t.path == walked->path(i));
    CHECK(t.stat == walked->stat(i));
    CHECK(walked->found(i) < expected);
  }
}

}  // namespace

TEST_CASE("walk_notes tells of each note it lists, numbered in the order found", "[fs]") {
  TempDir dir;
  MemoryFileSystem mem;
  for (int f = 0; f < 12; ++f) {
    for (int n = 0; n < 9; ++n) {
      const std::string rel = "F" + std::to_string(f) + "/sub/n" + std::to_string(n) + ".md";
      dir.write(rel, std::string(static_cast<std::size_t>(n), 'x'));
      mem.add(rel, std::string(static_cast<std::size_t>(n), 'x'));
    }
  }
  dir.write("top.md", "t");
  mem.add("top.md", "t");
  dir.write(".hidden/h.md", "h");
  mem.add(".hidden/h.md", "h");
  check_walk_tells_each_note(DiskFileSystem(dir.str()), 12 * 9 + 1);
  check_walk_tells_each_note(mem, 12 * 9 + 1);
}

TEST_CASE("DiskFileSystem reads a note with the stat it had when read, and refuses a FIFO",
          "[fs]") {
  TempDir dir;
  dir.write("n.md", "hello");
  DiskFileSystem disk(dir.str());
  auto read = disk.read_with_stat("n.md");
  REQUIRE(read.ok());
  CHECK(read->bytes == "hello");
  CHECK(read->stat.size == 5);
  CHECK(read->stat.mtime_ns == disk.stat("n.md")->mtime_ns);
  // A note swapped for a FIFO since the walk: refused at once, never a hang.
  REQUIRE(::mkfifo((dir.path() / "fifo.md").c_str(), 0600) == 0);
  auto fifo = disk.read_with_stat("fifo.md");
  REQUIRE_FALSE(fifo.ok());
  CHECK(fifo.error().message == "cannot read: not a regular file");
  kb::Diagnostics warnings;
  CHECK(disk.list_notes(warnings).value() == std::vector<std::string>{"n.md"});
}

TEST_CASE("DiskFileSystem reports an unreadable folder as a warning", "[fs]") {
  if (::geteuid() == 0) return;  // root reads everything; nothing to observe
  TempDir dir;
  dir.write("ok.md", "x");
  dir.write("locked/secret.md", "x");
  fs::permissions(dir.path() / "locked", fs::perms::none);
  DiskFileSystem disk(dir.str());
  kb::Diagnostics warnings;
  auto notes = disk.list_notes(warnings);
  fs::permissions(dir.path() / "locked", fs::perms::owner_all);
  REQUIRE(notes.ok());
  CHECK(*notes == std::vector<std::string>{"ok.md"});
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].path == "locked");
  CHECK(warnings[0].message == "cannot read folder: Permission denied");
}

TEST_CASE("DiskFileSystem fails on a missing or non-folder root", "[fs]") {
  TempDir dir;
  kb::Diagnostics warnings;
  const std::string missing = dir.str() + "/nope";
  auto none = DiskFileSystem(missing).list_notes(warnings);
  REQUIRE_FALSE(none.ok());
  CHECK(none.error().path == "");
  CHECK(none.error().message == missing + ": vault folder does not exist");

  dir.write("file.md", "x");
  const std::string file = dir.str() + "/file.md";
  auto not_dir = DiskFileSystem(file).list_notes(warnings);
  REQUIRE_FALSE(not_dir.ok());
  CHECK(not_dir.error().message == file + ": vault is not a folder");

  // A trailing slash on the root is harmless.
  auto slash = DiskFileSystem(dir.str() + "/").list_notes(warnings);
  REQUIRE(slash.ok());
  CHECK(*slash == std::vector<std::string>{"file.md"});
}

TEST_CASE("DiskFileSystem reads bytes exactly and stats files", "[fs]") {
  TempDir dir;
  const std::string content = "\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\nbody\0tail";
  dir.write("n.md", std::string(content.data(), content.size()));
  dir.write("empty.md", "");
  DiskFileSystem disk(dir.str());
  auto text = disk.read("n.md");
  REQUIRE(text.ok());
  CHECK(*text == content);
  auto empty = disk.read("empty.md");
  REQUIRE(empty.ok());
  CHECK(empty->empty());

  auto missing = disk.read("gone.md");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().path == "gone.md");
  CHECK(missing.error().message == "cannot read: No such file or directory");

  fs::permissions(dir.path() / "n.md",
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  auto st = disk.stat("n.md");
  REQUIRE(st.ok());
  CHECK(st->size == content.size());
  CHECK(st->mode == 0640u);
  CHECK_FALSE(st->is_symlink);
  CHECK(st->writable);
  CHECK(st->mtime_ns > 0);

  fs::permissions(dir.path() / "n.md", fs::perms::owner_read);
  CHECK_FALSE(disk.stat("n.md")->writable);

  fs::create_symlink(dir.path() / "n.md", dir.path() / "link.md");
  auto link = disk.stat("link.md");
  REQUIRE(link.ok());
  CHECK(link->is_symlink);
  CHECK(link->size == content.size());

  auto gone = disk.stat("gone.md");
  REQUIRE_FALSE(gone.ok());
  CHECK(gone.error().message == "cannot stat: No such file or directory");
}

TEST_CASE("DiskFileSystem writes atomically, keeping the mode", "[fs]") {
  TempDir dir;
  dir.write("People/a.md", "old");
  fs::permissions(dir.path() / "People/a.md",
                  fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
  DiskFileSystem disk(dir.str());
  auto before = disk.stat("People/a.md");
  REQUIRE(before.ok());
  WriteOptions options;
  options.expect = *before;
  CHECK_FALSE(disk.write_atomic("People/a.md", "new content\r\n", options).has_value());
  CHECK(dir.slurp("People/a.md") == "new content\r\n");
  CHECK(mode_of(dir.path() / "People/a.md") == 0640u);
  CHECK(dir.temp_files().empty());

  // A note that does not exist yet is created.
  CHECK_FALSE(disk.write_atomic("People/new.md", "fresh", {}).has_value());
  CHECK(dir.slurp("People/new.md") == "fresh");
  CHECK(mode_of(dir.path() / "People/new.md") == 0644u);
}

TEST_CASE("DiskFileSystem refuses symlinked notes unless forced, then writes the target", "[fs]") {
  TempDir dir;
  dir.write("real/target.md", "old");
  fs::create_symlink(dir.path() / "real/target.md", dir.path() / "link.md");
  DiskFileSystem disk(dir.str());
  auto refused = disk.write_atomic("link.md", "new", {});
  REQUIRE(refused.has_value());
  CHECK(refused->path == "link.md");
  CHECK(refused->message == "refusing to write a symlinked note (use --force)");
  CHECK(dir.slurp("real/target.md") == "old");

  WriteOptions force;
  force.force = true;
  force.expect = *disk.stat("link.md");
  CHECK_FALSE(disk.write_atomic("link.md", "new", force).has_value());
  CHECK(fs::is_symlink(dir.path() / "link.md"));
  CHECK(dir.slurp("real/target.md") == "new");
  CHECK(dir.temp_files().empty());
}

TEST_CASE("DiskFileSystem refuses read-only notes unless forced, keeping the mode", "[fs]") {
  TempDir dir;
  dir.write("ro.md", "old");
  fs::permissions(dir.path() / "ro.md", fs::perms::owner_read | fs::perms::group_read);
  DiskFileSystem disk(dir.str());
  auto refused = disk.write_atomic("ro.md", "new", {});
  REQUIRE(refused.has_value());
  CHECK(refused->message == "refusing to write a read-only note (use --force)");
  CHECK(dir.slurp("ro.md") == "old");

  WriteOptions force;
  force.force = true;
  CHECK_FALSE(disk.write_atomic("ro.md", "new", force).has_value());
  CHECK(dir.slurp("ro.md") == "new");
  CHECK(mode_of(dir.path() / "ro.md") == 0440u);
}

TEST_CASE("DiskFileSystem refuses when the note changed after it was read", "[fs]") {
  TempDir dir;
  dir.write("a.md", "old");
  DiskFileSystem disk(dir.str());
  WriteOptions options;
  options.expect = *disk.stat("a.md");
  disk.before_rename = [&](const std::string& rel) {
    CHECK(rel == "a.md");
    dir.write("a.md", "edited by the user meanwhile");
  };
  auto refused = disk.write_atomic("a.md", "regenerated", options);
  REQUIRE(refused.has_value());
  CHECK(refused->path == "a.md");
  CHECK(refused->message == "changed on disk since it was read; not written");
  CHECK(dir.slurp("a.md") == "edited by the user meanwhile");
  CHECK(dir.temp_files().empty());

  // An expected stat for a note that is gone is a change too.
  disk.before_rename = nullptr;
  fs::remove(dir.path() / "a.md");
  auto gone = disk.write_atomic("a.md", "regenerated", options);
  REQUIRE(gone.has_value());
  CHECK(gone->message == "changed on disk since it was read; not written");
  CHECK_FALSE(fs::exists(dir.path() / "a.md"));
}

TEST_CASE("DiskFileSystem leaves the original untouched on a full disk", "[fs]") {
  TempDir dir;
  dir.write("a.md", "old");
  DiskFileSystem disk(dir.str());
  bool renamed = false;
  disk.before_rename = [&](const std::string&) { renamed = true; };
  disk.fail_write = [](const std::string& rel) { return rel == "a.md"; };
  auto failed = disk.write_atomic("a.md", "new", {});
  REQUIRE(failed.has_value());
  CHECK(failed->path == "a.md");
  CHECK(failed->message == "cannot write: No space left on device");
  CHECK(failed->severity == kb::Severity::Error);
  CHECK_FALSE(renamed);
  CHECK(dir.slurp("a.md") == "old");
  CHECK(dir.temp_files().empty());

  // A folder that does not exist cannot take the temporary file.
  auto no_dir = disk.write_atomic("Nowhere/b.md", "x", {});
  REQUIRE(no_dir.has_value());
  CHECK(no_dir->message == "cannot write: No such file or directory");
}

TEST_CASE("MemoryFileSystem lists, reads and stats like the disk", "[fs]") {
  MemoryFileSystem mem;
  mem.add("b.md", "b");
  mem.add("B.md", "B");
  mem.add("People/x.md", "x");
  mem.add("People/x.txt", "x");
  mem.add("People/x.MD", "x");
  mem.add(".obsidian/w.md", "x");
  mem.add("A/.trash/old.md", "x");
  mem.add(".md", "x");
  kb::Diagnostics warnings;
  auto notes = mem.list_notes(warnings);
  REQUIRE(notes.ok());
  CHECK(*notes == std::vector<std::string>{"B.md", "People/x.md", "b.md"});

  auto text = mem.read("People/x.md");
  REQUIRE(text.ok());
  CHECK(*text == "x");
  auto missing = mem.read("nope.md");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message == "cannot read: No such file or directory");

  auto st = mem.stat("b.md");
  REQUIRE(st.ok());
  CHECK(st->size == 1u);
  CHECK(st->mode == 0644u);
  CHECK(st->writable);
  CHECK_FALSE(st->is_symlink);
  CHECK(mem.stat("B.md")->mtime_ns != st->mtime_ns);
}

TEST_CASE("MemoryFileSystem writes with the disk's refusals", "[fs]") {
  MemoryFileSystem mem;
  mem.add("a.md", "old");
  WriteOptions options;
  options.expect = *mem.stat("a.md");
  CHECK_FALSE(mem.write_atomic("a.md", "new!", options).has_value());
  CHECK(mem.files["a.md"].content == "new!");
  CHECK(mem.stat("a.md")->size == 4u);
  CHECK(mem.stat("a.md")->mtime_ns != options.expect->mtime_ns);
  CHECK(mem.writes == 1);

  // The old stat no longer matches.
  auto stale = mem.write_atomic("a.md", "again", options);
  REQUIRE(stale.has_value());
  CHECK(stale->message == "changed on disk since it was read; not written");

  mem.add("link.md", "old");
  mem.files["link.md"].stat.is_symlink = true;
  CHECK(mem.write_atomic("link.md", "x", {})->message ==
        "refusing to write a symlinked note (use --force)");
  mem.add("ro.md", "old");
  mem.files["ro.md"].stat.writable = false;
  mem.files["ro.md"].stat.mode = 0444;
  CHECK(mem.write_atomic("ro.md", "x", {})->message ==
        "refusing to write a read-only note (use --force)");
  WriteOptions force;
  force.force = true;
  CHECK_FALSE(mem.write_atomic("ro.md", "x", force).has_value());
  CHECK(mem.files["ro.md"].stat.mode == 0444u);
  CHECK_FALSE(mem.write_atomic("link.md", "y", force).has_value());
  CHECK(mem.files["link.md"].stat.is_symlink);
  CHECK(mem.writes == 3);

  mem.before_rename = [&](const std::string& rel) { mem.add(rel, "raced"); };
  options.expect = *mem.stat("a.md");
  CHECK(mem.write_atomic("a.md", "mine", options)->message ==
        "changed on disk since it was read; not written");
  CHECK(mem.files["a.md"].content == "raced");

  mem.before_rename = nullptr;
  mem.fail_write = [](const std::string&) { return true; };
  CHECK(mem.write_atomic("a.md", "mine", {})->message == "cannot write: No space left on device");
  CHECK(mem.files["a.md"].content == "raced");
  CHECK(mem.writes == 3);
}
