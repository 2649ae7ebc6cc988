// DiskFileSystem::write_atomic beyond the basics of fs_test.cpp: no lost save
// within a timestamp tick, what a rewrite keeps (owner, group, mode,
// extended attributes, POSIX ACLs), hard links, long names.
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <sys/xattr.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "kb/io/fs.hpp"
#include "scratch_dir.hpp"

namespace fs = std::filesystem;
using kb::io::DiskFileSystem;
using kb::io::MemoryFileSystem;
using kb::io::WriteOptions;

namespace {

class Scratch : public kb::testing::ScratchDir {
 public:
  Scratch() : ScratchDir("kb-atomic") {}
};

std::vector<std::string> temp_files(const fs::path& folder) {
  std::vector<std::string> found;
  for (const auto& e : fs::directory_iterator(folder)) {
    if (e.path().filename().string().find(".kb-tmp-") != std::string::npos) {
      found.push_back(e.path().filename().string());
    }
  }
  return found;
}

struct stat stat_of(const fs::path& p) {
  struct stat st {};
  REQUIRE(::stat(p.c_str(), &st) == 0);
  return st;
}

std::optional<std::string> xattr_of(const fs::path& p, const char* name) {
  char buffer[4096];
  const ssize_t n = ::getxattr(p.c_str(), name, buffer, sizeof buffer);
  if (n < 0) return std::nullopt;
  return std::string(buffer, static_cast<std::size_t>(n));
}

// A POSIX ACL as the kernel stores it in system.posix_acl_access (and
// _default): a version, then (tag, permissions, id) entries sorted by tag.
std::string acl_xattr(
    std::initializer_list<std::tuple<std::uint16_t, std::uint16_t, std::uint32_t>> entries) {
  std::string out;
  auto put = [&out](std::uint32_t value, int bytes) {
    for (int i = 0; i < bytes; ++i) out += static_cast<char>((value >> (8 * i)) & 0xff);
  };
  put(2, 4);  // POSIX_ACL_XATTR_VERSION
  for (const auto& [tag, perm, id] : entries) {
    put(tag, 2);
    put(perm, 2);
    put(id, 4);
  }
  return out;
}
constexpr std::uint16_t kUserObj = 0x01, kUser = 0x02, kGroupObj = 0x04, kMask = 0x10,
                        kOther = 0x20;
constexpr std::uint32_t kNoId = 0xffffffff;

}  // namespace

TEST_CASE("write_atomic: a same-size save within one timestamp tick is never overwritten",
          "[fs][atomic]") {
  SECTION("in memory, with one-second timestamps") {
    MemoryFileSystem mem;
    mem.granularity_ns = 1'000'000'000;
    mem.add("People/Jane.md", "- [ ] task\n");
    WriteOptions write;
    write.expect = *mem.stat("People/Jane.md");
    const std::string read = mem.files["People/Jane.md"].content;
    write.expect_text = read;
    mem.before_rename = [&](const std::string& rel) { mem.add(rel, "- [x] task\n"); };
    // The tick made while kb ran left size and mtime as they were...
    const auto refused = mem.write_atomic("People/Jane.md", "regenerated\n", write);
    REQUIRE(*mem.stat("People/Jane.md") == *write.expect);
    // ...and only the bytes tell.
    REQUIRE(refused);
    CHECK(refused->message == "changed on disk since it was read; not written");
    CHECK(mem.files["People/Jane.md"].content == "- [x] task\n");
  }
  SECTION("on disk, an edit that keeps size and mtime") {
    Scratch dir;
    dir.write("Jane.md", "- [ ] task\n");
    DiskFileSystem disk(dir.str());
    WriteOptions write;
    write.expect = *disk.stat("Jane.md");
    const std::string read = dir.slurp("Jane.md");
    write.expect_text = read;
    disk.before_rename = [&](const std::string& rel) {
      const struct stat before = stat_of(dir.path() / rel);
      dir.write(rel, "- [x] task\n");
      const struct timespec times[2] = {before.st_atim, before.st_mtim};
      REQUIRE(::utimensat(AT_FDCWD, (dir.path() / rel).c_str(), times, 0) == 0);
    };
    const auto refused = disk.write_atomic("Jane.md", "regenerated\n", write);
    REQUIRE(*disk.stat("Jane.md") == *write.expect);
    REQUIRE(refused);
    CHECK(refused->message == "changed on disk since it was read; not written");
    CHECK(dir.slurp("Jane.md") == "- [x] task\n");
    CHECK(temp_files(dir.path()).empty());
  }
  SECTION("on disk, an editor's save by rename with the same bytes") {
    Scratch dir;
    dir.write("Jane.md", "- [ ] task\n");
    DiskFileSystem disk(dir.str());
    WriteOptions write;
    const std::string read = dir.slurp("Jane.md");
    write.expect_text = read;
    disk.before_rename = [&](const std::string& rel) {
      dir.write("saved.tmp", "- [ ] task\n");
      fs::rename(dir.path() / "saved.tmp", dir.path() / rel);
    };
    const auto refused = disk.write_atomic("Jane.md", "regenerated\n", write);
    REQUIRE(refused);  // another file now: what kb carried over was the old one's
    CHECK(dir.slurp("Jane.md") == "- [ ] task\n");
  }
  SECTION("unchanged bytes: written") {
    Scratch dir;
    dir.write("Jane.md", "- [ ] task\n");
    DiskFileSystem disk(dir.str());
    WriteOptions write;
    write.expect = *disk.stat("Jane.md");
    const std::string read = dir.slurp("Jane.md");
    write.expect_text = read;
    CHECK_FALSE(disk.write_atomic("Jane.md", "regenerated\n", write));
    CHECK(dir.slurp("Jane.md") == "regenerated\n");
  }
}

TEST_CASE("write_atomic: a one-second-timestamp ext4 (128-byte inodes) loses no save",
          "[fs][atomic][loop]") {
  // Needs root, a loop device and mkfs.ext4; CI machines without them skip.
  if (::geteuid() != 0 || ::access("/dev/loop-control", W_OK) != 0 ||
      std::system("command -v mkfs.ext4 >/dev/null 2>&1") != 0) {
    WARN("SKIP: needs root, /dev/loop-control and mkfs.ext4");
    return;
  }
  Scratch dir;
  const fs::path image = dir.path() / "ext4.img";
  const fs::path mount = dir.path() / "mnt";
  fs::create_directories(mount);
  const std::string mkfs = "truncate -s 8M '" + image.string() + "' && mkfs.ext4 -q -F -I 128 '" +
                           image.string() + "' >/dev/null 2>&1 && mount -o loop '" +
                           image.string() + "' '" + mount.string() + "' 2>/dev/null";
  if (std::system(mkfs.c_str()) != 0) {
    WARN("SKIP: could not loop-mount an ext4 image here (a container without loop devices?)");
    return;
  }
  struct Unmount {
    fs::path at;
    ~Unmount() { ::umount2(at.c_str(), MNT_DETACH); }
  } unmount{mount};

  DiskFileSystem disk(mount.string());
  // Ticks of a checkbox while kb runs: each a same-size save. Whether or not
  // it lands in the same second, the save must win.
  int same_stat = 0;
  for (int round = 0; round < 20; ++round) {
    std::ofstream(mount / "Jane.md", std::ios::binary) << "- [ ] task " << round % 10 << "\n";
    const auto before = disk.stat("Jane.md");
    REQUIRE(before.ok());
    CHECK(before->mtime_ns % 1'000'000'000 == 0);  // one-second timestamps indeed
    WriteOptions write;
    write.expect = *before;
    std::ifstream in(mount / "Jane.md", std::ios::binary);
    const std::string read(std::istreambuf_iterator<char>(in), {});
    write.expect_text = read;
    std::string ticked = read;
    ticked[3] = 'x';
    disk.before_rename = [&](const std::string& rel) {
      std::ofstream(mount / rel, std::ios::binary) << ticked;
    };
    const auto refused = disk.write_atomic("Jane.md", "regenerated\n", write);
    if (*disk.stat("Jane.md") == *before) ++same_stat;
    REQUIRE(refused);
    std::ifstream after(mount / "Jane.md", std::ios::binary);
    CHECK(std::string(std::istreambuf_iterator<char>(after), {}) == ticked);
  }
  CHECK(same_stat > 0);  // at least one save was invisible to size and mtime
  CHECK(temp_files(mount).size() == 0);
}

TEST_CASE("write_atomic keeps the owner and group, or refuses", "[fs][atomic]") {
  if (::geteuid() != 0) {
    WARN("SKIP: only root can give a note another owner to test with");
    return;
  }
  Scratch dir;
  dir.write("Shared/Jane.md", "old\n");
  const fs::path note = dir.path() / "Shared/Jane.md";
  REQUIRE(::chown(note.c_str(), 12345, 23456) == 0);
  REQUIRE(::chmod(note.c_str(), 0664) == 0);
  DiskFileSystem disk(dir.str());
  CHECK_FALSE(disk.write_atomic("Shared/Jane.md", "new\n", {}));
  CHECK(dir.slurp("Shared/Jane.md") == "new\n");
  const struct stat st = stat_of(note);
  CHECK(st.st_uid == 12345u);
  CHECK(st.st_gid == 23456u);
  CHECK((st.st_mode & 07777) == 0664u);

  // A user who may write the note but not give a file its owner: refused
  // unless --force. The check runs in a child that gives up root.
  REQUIRE(::chmod(dir.path().c_str(), 0777) == 0);
  REQUIRE(::chmod((dir.path() / "Shared").c_str(), 0777) == 0);
  REQUIRE(::chmod(note.c_str(), 0666) == 0);
  const pid_t child = ::fork();
  REQUIRE(child >= 0);
  if (child == 0) {
    if (::setgid(65534) != 0 || ::setuid(65534) != 0) ::_exit(10);
    DiskFileSystem as_nobody(dir.str());
    const auto refused = as_nobody.write_atomic("Shared/Jane.md", "by nobody\n", {});
    if (!refused) ::_exit(11);
    if (refused->message.find("cannot keep the note's owner and group (uid 12345, gid 23456)") ==
        std::string::npos) {
      ::_exit(12);
    }
    WriteOptions force;
    force.force = true;
    kb::Diagnostics notices;
    force.notices = &notices;
    if (as_nobody.write_atomic("Shared/Jane.md", "by nobody\n", force)) ::_exit(13);
    ::_exit(notices.size() == 1 ? 0 : 14);
  }
  int status = 0;
  REQUIRE(::waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(dir.slurp("Shared/Jane.md") == "by nobody\n");
  CHECK(stat_of(note).st_uid == 65534u);
  CHECK(temp_files(dir.path() / "Shared").empty());
}

TEST_CASE("write_atomic keeps extended attributes", "[fs][atomic]") {
  Scratch dir;
  dir.write("Jane.md", "old\n");
  const fs::path note = dir.path() / "Jane.md";
  if (::setxattr(note.c_str(), "user.kb.test", "kept", 4, 0) != 0) {
    WARN("SKIP: this file system takes no user.* extended attributes");
    return;
  }
  REQUIRE(::setxattr(note.c_str(), "user.color", "blue\0x", 6, 0) == 0);
  DiskFileSystem disk(dir.str());
  CHECK_FALSE(disk.write_atomic("Jane.md", "new\n", {}));
  CHECK(dir.slurp("Jane.md") == "new\n");
  CHECK(xattr_of(note, "user.kb.test") == "kept");
  CHECK(xattr_of(note, "user.color") == std::string("blue\0x", 6));
}

TEST_CASE("write_atomic keeps a POSIX ACL and drops one the folder would add", "[fs][atomic]") {
  Scratch dir;
  dir.write("Jane.md", "old\n");
  const fs::path note = dir.path() / "Jane.md";
  REQUIRE(::chmod(note.c_str(), 0640) == 0);
  // user::rw-, user:4242:r--, group::r--, mask::r--, other::---
  const std::string acl = acl_xattr({{kUserObj, 6, kNoId},
                                     {kUser, 4, 4242},
                                     {kGroupObj, 4, kNoId},
                                     {kMask, 4, kNoId},
                                     {kOther, 0, kNoId}});
  if (::setxattr(note.c_str(), "system.posix_acl_access", acl.data(), acl.size(), 0) != 0) {
    WARN("SKIP: this file system takes no POSIX ACLs");
    return;
  }
  // A default ACL on the folder: a new file there inherits an access ACL.
  dir.write("Bob.md", "old\n");
  const std::string default_acl = acl_xattr({{kUserObj, 7, kNoId},
                                             {kUser, 7, 777},
                                             {kGroupObj, 7, kNoId},
                                             {kMask, 7, kNoId},
                                             {kOther, 5, kNoId}});
  REQUIRE(::setxattr(dir.path().c_str(), "system.posix_acl_default", default_acl.data(),
                     default_acl.size(), 0) == 0);
  REQUIRE_FALSE(xattr_of(dir.path() / "Bob.md", "system.posix_acl_access"));

  DiskFileSystem disk(dir.str());
  CHECK_FALSE(disk.write_atomic("Jane.md", "new\n", {}));
  CHECK(dir.slurp("Jane.md") == "new\n");
  CHECK(xattr_of(note, "system.posix_acl_access") == acl);
  CHECK((stat_of(note).st_mode & 07777) == 0640u);

  REQUIRE(::chmod((dir.path() / "Bob.md").c_str(), 0600) == 0);
  CHECK_FALSE(disk.write_atomic("Bob.md", "new\n", {}));
  CHECK_FALSE(xattr_of(dir.path() / "Bob.md", "system.posix_acl_access"));
  CHECK((stat_of(dir.path() / "Bob.md").st_mode & 07777) == 0600u);
}

TEST_CASE("write_atomic refuses a hard-linked note unless forced, then says so", "[fs][atomic]") {
  Scratch dir;
  dir.write("People/Jane.md", "old\n");
  fs::create_hard_link(dir.path() / "People/Jane.md", dir.path() / "Jane copy.md");
  DiskFileSystem disk(dir.str());
  const auto refused = disk.write_atomic("People/Jane.md", "new\n", {});
  REQUIRE(refused);
  CHECK(refused->path == "People/Jane.md");
  CHECK(refused->message ==
        "refusing to write a note with 2 hard links: a new file would break them (use --force "
        "to break them)");
  CHECK(dir.slurp("People/Jane.md") == "old\n");

  WriteOptions force;
  force.force = true;
  kb::Diagnostics notices;
  force.notices = &notices;
  CHECK_FALSE(disk.write_atomic("People/Jane.md", "new\n", force));
  CHECK(dir.slurp("People/Jane.md") == "new\n");
  CHECK(dir.slurp("Jane copy.md") == "old\n");
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].path == "People/Jane.md");
  CHECK(notices[0].message ==
        "--force broke a hard link: the note's 1 other name(s) keep the old text");

  MemoryFileSystem mem;
  mem.add("a.md", "old");
  mem.files["a.md"].links = 3;
  CHECK(mem.write_atomic("a.md", "new", {})->message ==
        "refusing to write a note with 3 hard links: a new file would break them (use --force "
        "to break them)");
  notices.clear();
  CHECK_FALSE(mem.write_atomic("a.md", "new", force));
  REQUIRE(notices.size() == 1);
  CHECK(notices[0].message ==
        "--force broke a hard link: the note's 2 other name(s) keep the old text");
}

TEST_CASE("write_atomic replaces a note whose name takes all 255 bytes", "[fs][atomic]") {
  Scratch dir;
  const std::string name = std::string(252, 'n') + ".md";  // 255 bytes
  dir.write(name, "old\n");
  DiskFileSystem disk(dir.str());
  WriteOptions write;
  write.expect = *disk.stat(name);
  const std::string read = dir.slurp(name);
  write.expect_text = read;
  CHECK_FALSE(disk.write_atomic(name, "new\n", write));
  CHECK(dir.slurp(name) == "new\n");
  CHECK(temp_files(dir.path()).empty());
}
