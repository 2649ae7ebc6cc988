#include "kb/model/settings_file.hpp"

#include <catch2/catch.hpp>

#include "kb/io/fs.hpp"

namespace {

const std::string kFile = ".obsidian/app.json";

}  // namespace

TEST_CASE("a missing settings file is the defaults, silently", "[model][settings]") {
  kb::io::MemoryFileSystem fs;
  kb::Diagnostics warnings;
  CHECK_FALSE(kb::model::read_settings_file(fs, kFile, "its settings are ignored", warnings));
  CHECK(warnings.empty());
}

TEST_CASE("a settings file's bytes are returned as they are", "[model][settings]") {
  kb::io::MemoryFileSystem fs;
  fs.add(kFile, "{\"userIgnoreFilters\": []}\r\n");
  kb::Diagnostics warnings;
  const auto bytes = kb::model::read_settings_file(fs, kFile, "its settings are ignored", warnings);
  REQUIRE(bytes);
  CHECK(*bytes == "{\"userIgnoreFilters\": []}\r\n");
  CHECK(warnings.empty());
}

TEST_CASE(
    "an unreadable settings file warns with its consequence, and never marks the vault unread",
    "[model][settings]") {
  kb::io::MemoryFileSystem fs;
  fs.add(kFile, "{}");
  fs.unreadable.insert(kFile);
  kb::Diagnostics warnings;
  CHECK_FALSE(kb::model::read_settings_file(fs, kFile, "its settings are ignored", warnings));
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].path == kFile);
  CHECK(warnings[0].line == 0);
  CHECK(warnings[0].message.starts_with("cannot read"));
  CHECK(warnings[0].message.ends_with("; its settings are ignored"));
  // Obsidian goes on with its defaults: kb regen must not stop over it.
  CHECK_FALSE(warnings[0].unread);
}
