// The bad-input catalogue, part five: regen never writes from a partial
// read. A folder kb cannot read (even as root: its path is longer than
// PATH_MAX) or a note it cannot read makes `kb regen` write nothing, name
// what could not be read and exit 1; --allow-partial writes and says so.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <climits>

#include "kb/io/fs.hpp"
#include "kb/model/vault.hpp"
#include "kb_process.hpp"

namespace {

using namespace kb::testing;

const std::string kJane =
    "---\ntype: person\ntitle: Jane Doe\nlast_contact: \"2000-01-01\"\n---\n\n# Jane Doe\n";

// Folders below `parent` whose path from it is longer than PATH_MAX: no
// process, root included, can open the deepest one by its path from the
// vault. Returns that path (relative to `parent`).
std::string make_too_deep(const fs::path& parent) {
  const std::string part(200, 'd');
  std::string rel;
  int fd = ::open(parent.c_str(), O_RDONLY | O_DIRECTORY);
  REQUIRE(fd >= 0);
  while (rel.size() <= PATH_MAX) {
    REQUIRE(::mkdirat(fd, part.c_str(), 0755) == 0);
    const int child = ::openat(fd, part.c_str(), O_RDONLY | O_DIRECTORY);
    ::close(fd);
    REQUIRE(child >= 0);
    fd = child;
    rel += (rel.empty() ? "" : "/") + part;
  }
  // A meeting with Jane down there, that kb will never see.
  const int note = ::openat(fd, "2025-12-01 Hidden.md", O_WRONLY | O_CREAT, 0644);
  REQUIRE(note >= 0);
  const std::string text = "---\ndate: 2025-12-01\nattendees: [\"[[Jane Doe]]\"]\n---\nHidden.\n";
  REQUIRE(::write(note, text.data(), text.size()) == static_cast<ssize_t>(text.size()));
  ::close(note);
  ::close(fd);
  return rel;
}

// Removes what make_too_deep made (std::filesystem cannot: the paths are too long).
void remove_tree_at(int dir_fd, const char* name) {
  const int fd = ::openat(dir_fd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW);
  if (fd < 0) {
    ::unlinkat(dir_fd, name, 0);
    return;
  }
  for (const char* child : {"2025-12-01 Hidden.md"}) ::unlinkat(fd, child, 0);
  remove_tree_at(fd, std::string(200, 'd').c_str());
  ::close(fd);
  ::unlinkat(dir_fd, name, AT_REMOVEDIR);
}

}  // namespace

TEST_CASE("partial read: an unreadable folder stops regen, --allow-partial does not",
          "[bad_inputs][partial]") {
  ScratchDir dir("partial");
  const fs::path vault = dir.root() / "vault";
  write_file(vault / "People/Jane Doe.md", kJane);
  write_file(vault / "Meetings/2025-11-07 Kickoff.md",
             "---\ndate: 2025-11-07\nattendees: [\"[[Jane Doe]]\"]\n---\nKickoff.\n");
  fs::create_directories(vault / "Archive");
  make_too_deep(vault / "Archive");
  struct Cleanup {
    fs::path archive;
    ~Cleanup() {
      const int fd = ::open(archive.c_str(), O_RDONLY | O_DIRECTORY);
      if (fd >= 0) {
        remove_tree_at(fd, std::string(200, 'd').c_str());
        ::close(fd);
      }
    }
  } cleanup{vault / "Archive"};

  for (const char* mode : {"--all", "--all --dry-run", "--all --check", "'Jane Doe'"}) {
    INFO(mode);
    const Run refused = run_kb(vault.string(), std::string("regen ") + mode);
    CHECK(refused.exit == 1);
    CHECK(refused.err.find(": cannot read folder: File name too long") != std::string::npos);
    CHECK(refused.err.find("kb: regen: nothing written: a note or folder could not be read "
                           "(Archive/ddd") != std::string::npos);
    CHECK(refused.err.find("--allow-partial writes anyway") != std::string::npos);
    CHECK(refused.out.empty());
    CHECK(slurp(vault / "People/Jane Doe.md") == kJane);
  }

  const Run partial = run_kb(vault.string(), "regen --all --allow-partial");
  CHECK(partial.exit == 0);
  CHECK(partial.err.find("kb: regen: 1 updated, 0 unchanged, 0 failed; from a partial read "
                         "(--allow-partial): Archive/ddd") != std::string::npos);
  CHECK(slurp(vault / "People/Jane Doe.md").find("last_contact: \"2025-11-07\"") !=
        std::string::npos);
  // Reading verbs answer from what they could read, with the warning.
  CHECK(run_kb(vault.string(), "person 'Jane Doe'").exit == 0);
}

TEST_CASE("partial read: the loader marks what it could not read", "[bad_inputs][partial]") {
  kb::io::MemoryFileSystem memory;
  memory.add("People/Jane Doe.md", kJane);
  memory.add("Private/Inside.md", "secret\n");
  memory.add("Meetings/Locked.md", "secret\n");
  memory.add("Meetings/Open.md", "open\n");
  memory.unreadable = {"Private", "Meetings/Locked.md"};
  auto vault = kb::model::load_vault(memory, kb::model::Conventions{});
  REQUIRE(vault.ok());
  std::vector<std::string> unread;
  for (const kb::Diagnostic& d : vault->diagnostics) {
    if (d.unread) unread.push_back(d.path + ": " + d.message);
  }
  std::sort(unread.begin(), unread.end());
  CHECK(unread == std::vector<std::string>{"Meetings/Locked.md: cannot read: Permission denied",
                                           "Private: cannot read folder: Permission denied"});
  CHECK(vault->find_path("Meetings/Open.md") >= 0);
  CHECK(vault->find_path("Private/Inside.md") == -1);
}
