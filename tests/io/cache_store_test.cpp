#include "kb/io/cache_store.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;
using kb::io::DiskCacheStore;

namespace {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = fs::temp_directory_path() /
            ("kb-cache-store-test-" + std::to_string(::getpid()) + "-" + std::to_string(rd()));
    fs::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

bool save(DiskCacheStore& store, const std::string& bytes) {
  return store.save([&](kb::io::Sink& sink) {
    // In pieces, some larger than the sink's buffer.
    for (std::size_t at = 0; at < bytes.size(); at += 100'000) {
      sink.write(std::string_view(bytes).substr(at, 100'000));
    }
  });
}

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  for (const auto& entry : fs::directory_iterator(folder)) names.push_back(entry.path().filename());
  return names;
}

}  // namespace

TEST_CASE("DiskCacheStore saves atomically and loads what it saved", "[io][cache]") {
  TempDir dir;
  DiskCacheStore store((dir.path() / "kb/0123").string(), "notes");
  CHECK(!store.load());  // nothing yet
  std::string bytes(300'000, '\0');
  for (std::size_t i = 0; i < bytes.size(); ++i) bytes[i] = static_cast<char>(i * 7);
  REQUIRE(save(store, bytes));
  auto blob = store.load();
  REQUIRE(blob);
  CHECK(blob->bytes() == bytes);
  // A blob stays valid after the file is replaced: readers keep their copy.
  REQUIRE(save(store, "second"));
  CHECK(blob->bytes() == bytes);
  CHECK(store.load()->bytes() == "second");
  CHECK(names_in(dir.path() / "kb/0123") == std::vector<std::string>{"notes"});  // no temp file
  struct stat st {};
  REQUIRE(::stat((dir.path() / "kb/0123").c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0700);
}

TEST_CASE("DiskCacheStore ignores a FIFO, a device, a symlink or a folder as the cache file",
          "[io][cache]") {
  TempDir dir;
  const fs::path file = dir.path() / "notes";
  DiskCacheStore store(dir.path().string(), "notes");
  SECTION("a FIFO: never blocks") {
    REQUIRE(::mkfifo(file.c_str(), 0600) == 0);
  }
  SECTION("a symlink to /dev/zero") {
    fs::create_symlink("/dev/zero", file);
  }
  SECTION("a symlink to a good cache file") {
    std::ofstream(dir.path() / "real") << "cache bytes";
    fs::create_symlink(dir.path() / "real", file);
  }
  SECTION("a folder") {
    fs::create_directory(file);
  }
  SECTION("an empty file") {
    std::ofstream{file};
  }
  CHECK(!store.load());
  // Saving replaces a FIFO or a symlink by a plain file (a folder stays).
  const bool saved = save(store, "fresh");
  if (!fs::is_directory(file)) {
    CHECK(saved);
    CHECK(fs::is_regular_file(fs::symlink_status(file)));
    CHECK(store.load()->bytes() == "fresh");
  } else {
    CHECK(!saved);
    CHECK(names_in(dir.path()) == std::vector<std::string>{"notes"});  // no temp file left
  }
}

TEST_CASE("DiskCacheStore fails cleanly where it cannot write", "[io][cache]") {
  TempDir dir;
  std::ofstream(dir.path() / "file") << "x";
  DiskCacheStore store((dir.path() / "file/sub").string(), "notes");  // a file in the way
  CHECK(!save(store, "bytes"));
  CHECK(!store.load());
}

TEST_CASE("MemoryCacheStore keeps what was saved, and can refuse", "[io][cache]") {
  kb::io::MemoryCacheStore store;
  CHECK(!store.load());
  REQUIRE(store.save([](kb::io::Sink& sink) { sink.write("abc"); }));
  CHECK(store.load()->bytes() == "abc");
  CHECK(store.saves == 1);
  store.fail = true;
  CHECK(!store.save([](kb::io::Sink& sink) { sink.write("def"); }));
  CHECK(store.load()->bytes() == "abc");
}
