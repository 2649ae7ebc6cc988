#include "kb/model/parse_cache.hpp"

#include <fmt/format.h>

#include <catch2/catch.hpp>
#include <climits>

#include "kb/io/fs.hpp"
#include "kb/model/vault.hpp"

using kb::model::NoteId;
using kb::model::ParseCache;
using kb::model::Vault;

namespace {

constexpr std::int64_t kTrustAll = INT64_MAX;

void add_vault(kb::io::MemoryFileSystem& fs) {
  fs.add("People/Asaf Levy/Asaf Levy.md",
         "---\ntype: people\ntitle: Asaf Levy\naliases: [Asaf L]\n---\n# Asaf Levy\n"
         "## Open Tasks\n```tasks\npath includes Asaf Levy\nnot done\n```\n");
  fs.add("People/Dana Cohen.md", "---\ntype: people\n---\nDana works with [[Asaf Levy]].\n");
  fs.add("People/Asaf Levy/2025-10-01 - Sync.md",
         "---\ntype: meeting\nparticipants: [\"[[Dana Cohen]]\"]\nsummary: Sync\n---\n"
         "- [ ] Ask Asaf L about tiering 📅 2025-10-09\n");
  fs.add("Meetings/2025-10-02 - Review.md",
         "---\ntype: meeting\ndate: 2025-10-02\n---\nDana Cohen and asaf levy reviewed.\n"
         "```\nAsaf Levy in code does not count\n```\nSee [[Sync]] and [[Missing]].\n");
  fs.add("Notes/Broken.md", "---\ntitle: [unclosed\n---\nText naming Dana Cohen.\n");
}

// Everything the indexes answer, as text, to compare two loads.
std::string fingerprint(const Vault& vault) {
  std::string out;
  for (NoteId id = 0; id < static_cast<NoteId>(vault.notes.size()); ++id) {
    const auto& n = vault.notes[id];
    out += fmt::format(
        "{} kind={} name={} aliases={} date={} summary={} participants={} owner={}\n", n.path,
        kind_name(n.kind), n.name, fmt::join(n.aliases, "|"), n.date ? n.date->iso() : "-",
        n.summary, fmt::join(n.participants, "|"), vault.owner(id));
    out += fmt::format("  links={} backlinks={}\n", fmt::join(vault.link_targets(id), ","),
                       fmt::join(vault.backlinks(id), ","));
    if (n.kind != kb::model::NoteKind::Person) continue;
    for (const auto& inv : vault.involvement(id)) {
      out += fmt::format("  involves {} {}{}{}{}\n", inv.note, inv.listed, inv.linked,
                         inv.mentioned, inv.in_folder);
    }
  }
  for (const auto& d : vault.diagnostics) out += kb::format_diagnostic(d) + "\n";
  return out;
}

// One kb run: loads through the store (when given) and refreshes it, as the
// CLI does after printing the answer.
Vault load(const kb::io::FileSystem& fs, kb::io::CacheStore* store = nullptr,
           bool cache_entries = true, const kb::model::Conventions& conventions = {}) {
  kb::model::LoadOptions options;
  options.cache = store;
  options.vault_id = "/v";
  options.cache_entries = cache_entries;
  auto vault = kb::model::load_vault(fs, conventions, options);
  REQUIRE(vault.ok());
  if (store) kb::model::save_parse_cache(*vault, *store, "/v");
  return std::move(*vault);
}

// A file system whose every note is settled: its clock is well past them.
void settle(kb::io::MemoryFileSystem& fs) {
  fs.advance_clock(10'000'000'000);
}

ParseCache round_trip(const Vault& vault) {
  auto decoded = kb::model::decode_parse_cache(
      kb::model::encode_parse_cache(parse_cache_of(vault, "/v", kTrustAll)));
  REQUIRE(decoded);
  return std::move(*decoded);
}

std::size_t from_cache(const Vault& vault) {
  std::size_t n = 0;
  for (const auto& note : vault.notes) n += note.cached ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("a load from the cache answers as a load from the files", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  const Vault cold = load(fs, &store);
  CHECK(from_cache(cold) == 0);
  REQUIRE(fingerprint(cold).find("malformed front-matter") != std::string::npos);
  REQUIRE(store.saves == 1);
  CHECK(round_trip(cold).vault == "/v");
  const Vault warm = load(fs, &store);
  CHECK(from_cache(warm) == warm.notes.size());
  CHECK(fingerprint(warm) == fingerprint(cold));
  CHECK(fingerprint(load(fs, &store)) == fingerprint(cold));  // a third run, as the second
  CHECK(store.saves == 1);  // nothing changed: never written again
  // The cache written from a warm load is the cache written from a cold one.
  CHECK(encode_parse_cache(parse_cache_of(warm, "/v", kTrustAll)) ==
        encode_parse_cache(parse_cache_of(cold, "/v", kTrustAll)));
}

TEST_CASE("changed, added and removed notes are read; the rest come from the cache", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  load(fs, &store);
  fs.add("Meetings/2025-10-02 - Review.md",
         "---\ntype: meeting\n---\nNobody here. [[Dana Cohen]]\n");
  fs.add("Notes/New.md", "Asaf Levy, new.\n");
  fs.files.erase("Notes/Broken.md");
  settle(fs);
  const Vault warm = load(fs, &store);
  CHECK(fingerprint(warm) == fingerprint(load(fs)));
  CHECK(from_cache(warm) == 3);
  CHECK(store.saves == 2);
  CHECK(from_cache(load(fs, &store)) == warm.notes.size());  // the cache now holds them all
  CHECK(!warm.notes[warm.find_path("Notes/New.md")].cached);
  CHECK(!warm.notes[warm.find_path("Meetings/2025-10-02 - Review.md")].cached);
}

TEST_CASE("when the people's names change, cached mentions are found again", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  fs.add("Notes/Tiger.md", "The tiger team met.\n");
  settle(fs);
  kb::io::MemoryCacheStore store;
  load(fs, &store);
  // Dana gains an alias that an unchanged note names.
  fs.add("People/Dana Cohen.md", "---\ntype: people\naliases: [Tiger]\n---\nDana.\n");
  settle(fs);
  const Vault warm = load(fs, &store);
  const Vault cold = load(fs);
  CHECK(fingerprint(warm) == fingerprint(cold));
  CHECK(fingerprint(cold).find(fmt::format("involves {} falsefalsetruefalse",
                                           cold.find_path("Notes/Tiger.md"))) != std::string::npos);
  CHECK(from_cache(warm) == 0);  // all read again, to scan them
}

TEST_CASE("hydrate reads a cached note's text, and refuses one changed since", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  load(fs, &store);
  Vault warm = load(fs, &store);
  const NoteId sync = warm.find_path("People/Asaf Levy/2025-10-01 - Sync.md");
  CHECK(warm.notes[sync].text.empty());
  REQUIRE(!warm.hydrate(fs, {sync}));
  CHECK(warm.notes[sync].hydrated());
  CHECK(warm.notes[sync].text == fs.files["People/Asaf Levy/2025-10-01 - Sync.md"].content);
  REQUIRE(warm.notes[sync].scan.tasks.size() == 1);
  CHECK(warm.notes[sync].scan.tasks[0].checkbox.text.find("tiering") != std::string_view::npos);

  const NoteId review = warm.find_path("Meetings/2025-10-02 - Review.md");
  fs.files["Meetings/2025-10-02 - Review.md"].content += "more\n";
  const auto failure = warm.hydrate(fs, {review});
  REQUIRE(failure);
  CHECK(kb::format_diagnostic(*failure) ==
        "Meetings/2025-10-02 - Review.md: changed on disk while kb was reading the vault; run kb "
        "again");
}

TEST_CASE("notes modified within the racy window are not cached", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  const Vault cold = load(fs);
  const auto newest = fs.files["Notes/Broken.md"].stat.mtime_ns;
  ParseCache cache = parse_cache_of(cold, "/v", newest - 1);
  CHECK(cache.notes.size() == cold.notes.size() - 1);
  CHECK(kb::model::find_cached(cache, "Notes/Broken.md") == nullptr);
}

TEST_CASE("on one-second timestamps, a note edited in the second kb read it is never cached stale",
          "[cache]") {
  // git's racily-clean rule: a note is settled only when its mtime is older
  // than the moment kb began reading by more than the timestamp granularity.
  kb::io::MemoryFileSystem fs;
  fs.granularity_ns = 1'000'000'000;
  fs.tick_ns = 1'000'000;  // a millisecond passes with each file written
  fs.advance_clock(1'700'000'000'000'000'000 - 1);
  add_vault(fs);
  const std::string path = "Notes/Broken.md";
  const std::string before = fs.files[path].content;
  std::string edited = before;
  edited[edited.find("Dana")] = 'd';  // same size
  kb::io::MemoryCacheStore store;
  // kb reads the vault; within the same second, after kb read it, the note
  // is saved again with the same size: its mtime does not change.
  fs.before_read = [&](const std::string& rel) {
    // Read after the note (notes load in path order here): the note was read.
    if (rel == "People/Dana Cohen.md" && fs.files[path].content == before) {
      fs.advance_clock(1'000'000);
      const auto mtime = fs.files[path].stat.mtime_ns;
      fs.files[path].content = edited;
      fs.files[path].stat.mtime_ns = mtime;
    }
  };
  const Vault first = load(fs, &store);
  fs.before_read = nullptr;
  CHECK(first.notes[first.find_path(path)].summary ==
        "Text naming Dana Cohen.");  // read before the edit
  fs.advance_clock(5'000'000'000);
  const Vault second = load(fs, &store);
  CHECK(second.notes[second.find_path(path)].summary == "Text naming dana Cohen.");
  CHECK(fingerprint(second) == fingerprint(load(fs)));
  // Once settled, it is cached.
  const Vault third = load(fs, &store);
  CHECK(third.notes[third.find_path(path)].cached);
}

TEST_CASE("decode refuses damaged bytes", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  const std::string bytes = encode_parse_cache(parse_cache_of(load(fs), "/v", kTrustAll));
  REQUIRE(kb::model::decode_parse_cache(bytes));
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    INFO(size);
    CHECK(!kb::model::decode_parse_cache(std::string_view(bytes).substr(0, size)));
  }
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
    INFO(at);
    CHECK(!kb::model::decode_parse_cache(damaged));
  }
  CHECK(!kb::model::decode_parse_cache(bytes + "x"));
}

TEST_CASE("cached link targets are resolved again when the vault's paths change", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  fs.add("Archive/Deep/Plan.md", "old plan\n");
  fs.add("Notes/Uses plan.md", "See [[Plan]].\n");
  settle(fs);
  kb::io::MemoryCacheStore store;
  load(fs, &store);
  fs.add("Plan.md", "the new plan, at a shorter path\n");  // [[Plan]] now resolves here
  settle(fs);
  const Vault warm = load(fs, &store);
  const NoteId user = warm.find_path("Notes/Uses plan.md");
  CHECK(warm.notes[user].cached);
  CHECK(warm.link_targets(user) == std::vector<NoteId>{warm.find_path("Plan.md")});
  CHECK(fingerprint(warm) == fingerprint(load(fs)));
}

TEST_CASE("a warm load takes unchanged notes from the cache without reading them", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  load(fs, &store);
  // Same size, same mtime, other bytes: only a load that reads the note sees
  // them. That is the cache's contract (path, size and mtime).
  auto& file = fs.files["Meetings/2025-10-02 - Review.md"];
  file.content.replace(file.content.find("Dana"), 4, "Zana");
  const Vault warm = load(fs, &store);
  CHECK(fingerprint(warm) != fingerprint(load(fs)));
  CHECK(fingerprint(warm).find("Zana") == std::string::npos);
}

TEST_CASE("a person note deleted, and a person gaining an alias: answers as without the cache",
          "[cache]") {
  for (int change = 0; change < 2; ++change) {
    INFO(change);
    kb::io::MemoryFileSystem fs;
    add_vault(fs);
    fs.add("Notes/Tiger.md", "The tiger team met with Dana Cohen.\n");
    settle(fs);
    kb::io::MemoryCacheStore store;
    load(fs, &store);
    if (change == 0) {
      fs.files.erase("People/Dana Cohen.md");
    } else {
      fs.add("People/Asaf Levy/Asaf Levy.md",
             "---\ntype: people\ntitle: Asaf Levy\naliases: [Asaf L, Tiger]\n---\n# Asaf Levy\n");
    }
    settle(fs);
    const Vault warm = load(fs, &store);
    CHECK(fingerprint(warm) == fingerprint(load(fs)));
    CHECK(fingerprint(load(fs, &store)) == fingerprint(load(fs)));
  }
}

TEST_CASE("a damaged, foreign or other vault's cache is ignored and replaced", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  const std::string cold = fingerprint(load(fs, &store));
  const std::string good = *store.bytes;
  const auto damaged = [&](int how) {
    std::string bad = good;
    switch (how) {
      case 0:
        return bad.substr(0, bad.size() / 2);  // truncated
      case 1:
        bad[bad.size() / 3] = static_cast<char>(bad[bad.size() / 3] ^ 0x20);
        return bad;
      case 2:
        return std::string();  // empty
      case 3:
        return std::string("not a cache\n");  // another file
      default:
        return bad + "x";  // trailing bytes
    }
  };
  for (int how = 0; how < 5; ++how) {
    INFO(how);
    store.bytes = damaged(how);
    const Vault vault = load(fs, &store);
    CHECK(from_cache(vault) == 0);
    CHECK(fingerprint(vault) == cold);
    CHECK(store.bytes == good);  // rebuilt as it was
  }
  // Another vault's cache (a hash collision of cache folders), or other conventions.
  kb::model::LoadOptions options;
  options.cache = &store;
  options.vault_id = "/elsewhere";
  CHECK(from_cache(*kb::model::load_vault(fs, kb::model::Conventions{}, options)) == 0);
  kb::model::Conventions other;
  other.summary_length = 3;
  const Vault vault = load(fs, &store, true, other);
  CHECK(from_cache(vault) == 0);
  CHECK(vault.notes[vault.find_path("Notes/Broken.md")].summary == "Text naming Dana Cohen.");
}

TEST_CASE("verbs that read every note keep the cache current, writing it only when it changed",
          "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  const Vault first = load(fs, &store, /*cache_entries=*/false);
  CHECK(from_cache(first) == 0);
  CHECK(store.saves == 1);
  load(fs, &store, false);
  CHECK(store.saves == 1);
  CHECK(from_cache(load(fs, &store)) == first.notes.size());
  fs.add("Notes/New.md", "new\n");
  settle(fs);
  load(fs, &store, false);
  CHECK(store.saves == 2);
  CHECK(from_cache(load(fs, &store)) == first.notes.size() + 1);
}

TEST_CASE("no store, no cache; a store that cannot be written is no error", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  store.fail = true;
  const Vault vault = load(fs, &store);
  CHECK(!store.bytes);
  CHECK(fingerprint(vault) == fingerprint(load(fs)));
}
