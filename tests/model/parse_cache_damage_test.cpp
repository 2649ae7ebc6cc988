// A damaged parse cache never gives a wrong answer nor a crash: a flipped
// byte anywhere fails the checksum, and a cache whose checksum matches but
// whose references are out of bounds (only a bug or a person could write one)
// has its damaged entries refused one by one, those notes read from files.
#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <string>

#include "kb/io/fs.hpp"
#include "kb/model/parse_cache.hpp"
#include "kb/model/vault.hpp"
#include "kb/util/checksum64.hpp"

namespace {

void add_notes(kb::io::MemoryFileSystem& fs) {
  fs.add("People/Asaf Levy/Asaf Levy.md",
         "---\ntype: people\naliases: [Asaf L]\n---\n# Asaf Levy\n**Role**: Architect\n");
  fs.add("People/Dana Cohen.md", "---\ntype: people\n---\nDana works with [[Asaf Levy]].\n");
  fs.add("People/Asaf Levy/2025-10-01 - Sync.md",
         "---\ntype: meeting\nparticipants: [\"[[Dana Cohen]]\"]\nsummary: Sync\n---\n"
         "- [ ] Ask Asaf L about tiering\nSee [[Missing]].\n");
  fs.add("Notes/Broken.md", "---\ntitle: [unclosed\n---\nText naming Dana Cohen.\n");
  fs.advance_clock(10'000'000'000);  // every note settled, so cached
}

// What a load answers, as text.
std::string answers(const kb::model::Vault& vault) {
  std::string out;
  for (kb::model::NoteId id = 0; id < static_cast<kb::model::NoteId>(vault.notes.size()); ++id) {
    const auto& n = vault.notes[id];
    out += fmt::format("{} {} {} [{}] {} [{}] owner={} targets={}\n", n.path, kind_name(n.kind),
                       n.name, fmt::join(n.aliases, "|"), n.summary, fmt::join(n.participants, "|"),
                       vault.owner(id), fmt::join(vault.link_targets(id), ","));
    for (const auto& inv : vault.involvement(id)) {
      out += fmt::format("  involves {} {}{}{}{}\n", inv.note, inv.listed, inv.linked,
                         inv.mentioned, inv.in_folder);
    }
  }
  for (const auto& d : vault.diagnostics) out += kb::format_diagnostic(d) + "\n";
  return out;
}

struct Run {
  std::string answers;
  int reads = 0;
};

// One kb run through the store, refreshing it afterwards as the CLI does.
Run run(kb::io::MemoryFileSystem& fs, kb::io::MemoryCacheStore& store) {
  Run out;
  fs.before_read = [&out](const std::string&) { ++out.reads; };
  kb::model::LoadOptions options;
  options.cache = &store;
  options.vault_id = "/v";
  auto vault = kb::model::load_vault(fs, kb::model::Conventions{}, options);
  fs.before_read = nullptr;
  REQUIRE(vault.ok());
  out.answers = answers(*vault);
  kb::model::save_parse_cache(*vault, store, "/v");
  return out;
}

// The cache's checksum made right again: its last 8 bytes, over 64 KiB pieces.
void reseal(std::string& bytes) {
  const std::string_view body = std::string_view(bytes).substr(0, bytes.size() - 8);
  std::uint64_t sum = 0;
  for (std::size_t at = 0; at < body.size(); at += 64 * 1024) {
    sum = kb::checksum64(body.substr(at, 64 * 1024), sum);
  }
  bytes.replace(bytes.size() - 8, 8, reinterpret_cast<const char*>(&sum), 8);
}

}  // namespace

TEST_CASE("a flipped byte anywhere in the cache: the answer is the files', the cache rebuilt",
          "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_notes(fs);
  kb::io::MemoryCacheStore store;
  const Run cold = run(fs, store);
  const std::string good = *store.bytes;
  REQUIRE(run(fs, store).reads == 0);  // warm: every note from the cache
  // Every third byte (the format test in parse_cache_test.cpp flips every
  // bit, on CacheView alone): header, records, strings and checksum alike.
  for (std::size_t at = 0; at < good.size(); at += 3) {
    std::string bad = good;
    bad[at] = static_cast<char>(bad[at] ^ 0x5A);
    store.bytes = bad;
    INFO(at);
    const Run damaged = run(fs, store);
    CHECK(damaged.reads == 4);
    CHECK(damaged.answers == cold.answers);
    CHECK(store.bytes == good);
  }
}

TEST_CASE("a checksummed cache with references out of bounds: no crash, those entries read again",
          "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_notes(fs);
  kb::io::MemoryCacheStore store;
  const Run cold = run(fs, store);
  const std::string good = *store.bytes;
  int refused = 0;  // runs that read some notes but not all: an entry refused, the rest used
  for (std::size_t at = 0; at + 8 < good.size(); ++at) {
    std::string bad = good;
    bad[at] = static_cast<char>(0xFF);  // a huge offset, count or index; an unknown kind
    if (bad == good) continue;
    reseal(bad);
    store.bytes = bad;
    INFO(at);
    const Run damaged = run(fs, store);  // completes, reads inside the file (ASan checks)
    if (damaged.reads > 0 && damaged.reads < 4) {
      ++refused;
      CHECK(damaged.answers == cold.answers);
      CHECK(store.bytes == good);  // written again
    }
  }
  CHECK(refused > 20);
}
