// kb's temporary files: their names, their removal on a signal (in a child
// process that installs kb's handlers), and the sweep of stale ones.
#include "kb/io/temp_files.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "kb/io/fs.hpp"
#include "kb/io/process_guard.hpp"
#include "scratch_dir.hpp"

namespace fs = std::filesystem;

namespace {

class Scratch : public kb::testing::ScratchDir {
 public:
  Scratch() : ScratchDir("kb-temp-files") {}
};

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(folder)) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

void age(const fs::path& path, int seconds) {
  struct stat st {};
  REQUIRE(::stat(path.c_str(), &st) == 0);
  const struct timespec times[2] = {{st.st_mtim.tv_sec - seconds, 0},
                                    {st.st_mtim.tv_sec - seconds, 0}};
  REQUIRE(::utimensat(AT_FDCWD, path.c_str(), times, 0) == 0);
}

}  // namespace

TEST_CASE("kb's temporary file names are short and recognisable", "[fs][temp]") {
  CHECK(kb::io::is_kb_temp_name(".kb-tmp-aZ09xy"));
  CHECK(kb::io::is_kb_temp_name(".Ben Katz.md.kb-tmp-uL2yrh"));  // earlier versions' names
  CHECK(kb::io::is_kb_temp_name(".notes.v1.kb-tmp-Q1w2E3"));
  CHECK_FALSE(kb::io::is_kb_temp_name("kb-tmp-aZ09xy"));
  CHECK_FALSE(kb::io::is_kb_temp_name(".kb-tmp-aZ09x"));
  CHECK_FALSE(kb::io::is_kb_temp_name(".kb-tmp-aZ09x-"));
  CHECK_FALSE(kb::io::is_kb_temp_name(".kb-tmp-aZ09xyz.md"));
  CHECK_FALSE(kb::io::is_kb_temp_name("Notes.md"));
  CHECK_FALSE(kb::io::is_kb_temp_name(".obsidian"));

  Scratch dir;
  kb::io::TempFile temp;
  REQUIRE(temp.create(dir.path().string()) == 0);
  const std::string name = fs::path(temp.path()).filename();
  CHECK(name.size() == 14);
  CHECK(kb::io::is_kb_temp_name(name));
  struct stat st {};
  REQUIRE(::fstat(temp.fd(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0600u);
}

TEST_CASE("a TempFile is removed unless committed", "[fs][temp]") {
  Scratch dir;
  std::string kept;
  {
    kb::io::TempFile dropped;
    REQUIRE(dropped.create(dir.path().string()) == 0);
    CHECK(names_in(dir.path()).size() == 1);
  }
  CHECK(names_in(dir.path()).empty());
  {
    kb::io::TempFile renamed;
    REQUIRE(renamed.create(dir.path().string()) == 0);
    REQUIRE(renamed.close() == 0);
    fs::rename(renamed.path(), dir.path() / "note.md");
    renamed.committed();
  }
  CHECK(names_in(dir.path()) == std::vector<std::string>{"note.md"});
  CHECK(kb::io::TempFile().create((dir.path() / "missing").string()) == ENOENT);
}

TEST_CASE("stale temporary files are swept, nothing else", "[fs][temp]") {
  Scratch dir;
  dir.write("People/.kb-tmp-Old123", "partial");
  dir.write("People/.Jane.md.kb-tmp-Old456", "partial");
  dir.write("People/.kb-tmp-New789", "a kb running now");
  dir.write("People/.kb-tmp-notes", "not kb's pattern");
  dir.write("People/Jane.md", "note");
  dir.write("People/Sub/.kb-tmp-Deep00", "below: not swept from People");
  fs::create_directories(dir.path() / "People/.kb-tmp-Dir000");
  for (const char* name : {".kb-tmp-Old123", ".Jane.md.kb-tmp-Old456", ".kb-tmp-notes", "Jane.md",
                           "Sub/.kb-tmp-Deep00", ".kb-tmp-Dir000"}) {
    age(dir.path() / "People" / name, 3600);
  }
  kb::io::DiskFileSystem disk(dir.path().string());
  auto removed = disk.sweep_stale_temp_files("People");
  std::sort(removed.begin(), removed.end());
  CHECK(removed ==
        std::vector<std::string>{"People/.Jane.md.kb-tmp-Old456", "People/.kb-tmp-Old123"});
  CHECK(names_in(dir.path() / "People") ==
        std::vector<std::string>{".kb-tmp-Dir000", ".kb-tmp-New789", ".kb-tmp-notes", "Jane.md",
                                 "Sub"});
  CHECK(disk.sweep_stale_temp_files("Missing").empty());
}

TEST_CASE("a stop signal while a note is written leaves the note and no temporary file",
          "[fs][temp][signal]") {
  for (const int sig : {SIGINT, SIGTERM, SIGHUP}) {
    INFO("signal " << sig);
    Scratch dir;
    dir.write("People/Jane.md", "old\n");
    const pid_t child = ::fork();
    REQUIRE(child >= 0);
    if (child == 0) {
      kb::io::install_process_guards();
      kb::io::DiskFileSystem disk(dir.path().string());
      disk.before_rename = [sig](const std::string&) { ::raise(sig); };
      disk.write_atomic("People/Jane.md", "new\n", {});
      ::_exit(0);  // not reached: the signal ends the child
    }
    int status = 0;
    REQUIRE(::waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    CHECK(names_in(dir.path() / "People") == std::vector<std::string>{"Jane.md"});
    CHECK(dir.slurp("People/Jane.md") == "old\n");
  }
}
