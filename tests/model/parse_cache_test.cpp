#include "kb/model/parse_cache.hpp"

#include <catch2/catch.hpp>
#include <climits>

#include <fmt/format.h>

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
    out += fmt::format("{} kind={} name={} aliases={} date={} summary={} participants={} owner={}\n",
                       n.path, kind_name(n.kind), n.name, fmt::join(n.aliases, "|"),
                       n.date ? n.date->iso() : "-", n.summary, fmt::join(n.participants, "|"),
                       vault.owner(id));
    out += fmt::format("  links={} backlinks={}\n", fmt::join(vault.link_targets(id), ","),
                       fmt::join(vault.backlinks(id), ","));
    if (n.kind != kb::model::NoteKind::Person) continue;
    for (const auto& inv : vault.involvement(id)) {
      out += fmt::format("  involves {} {}{}{}{}\n", inv.note, inv.listed, inv.linked, inv.mentioned,
                         inv.in_folder);
    }
  }
  for (const auto& d : vault.diagnostics) out += kb::format_diagnostic(d) + "\n";
  return out;
}

Vault load(const kb::io::FileSystem& fs, ParseCache* cache = nullptr) {
  kb::model::LoadOptions options;
  options.cache = cache;
  auto vault = kb::model::load_vault(fs, kb::model::Conventions{}, options);
  REQUIRE(vault.ok());
  return std::move(*vault);
}

ParseCache round_trip(const Vault& vault) {
  auto decoded =
      kb::model::decode_parse_cache(kb::model::encode_parse_cache(parse_cache_of(vault, "/v", kTrustAll)));
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
  const Vault cold = load(fs);
  REQUIRE(fingerprint(cold).find("malformed front-matter") != std::string::npos);
  ParseCache cache = round_trip(cold);
  CHECK(cache.vault == "/v");
  const Vault warm = load(fs, &cache);
  CHECK(from_cache(warm) == warm.notes.size());
  CHECK(fingerprint(warm) == fingerprint(cold));
  // The cache written from a warm load is the cache written from a cold one.
  CHECK(encode_parse_cache(parse_cache_of(warm, "/v", kTrustAll)) ==
        encode_parse_cache(parse_cache_of(cold, "/v", kTrustAll)));
}

TEST_CASE("changed, added and removed notes are read; the rest come from the cache", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  ParseCache cache = round_trip(load(fs));
  fs.add("Meetings/2025-10-02 - Review.md", "---\ntype: meeting\n---\nNobody here. [[Dana Cohen]]\n");
  fs.add("Notes/New.md", "Asaf Levy, new.\n");
  fs.files.erase("Notes/Broken.md");
  const Vault warm = load(fs, &cache);
  CHECK(fingerprint(warm) == fingerprint(load(fs)));
  CHECK(from_cache(warm) == 3);
  CHECK(!warm.notes[warm.find_path("Notes/New.md")].cached);
  CHECK(!warm.notes[warm.find_path("Meetings/2025-10-02 - Review.md")].cached);
}

TEST_CASE("when the people's names change, cached mentions are found again", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  fs.add("Notes/Tiger.md", "The tiger team met.\n");
  ParseCache cache = round_trip(load(fs));
  // Dana gains an alias that an unchanged note names.
  fs.add("People/Dana Cohen.md", "---\ntype: people\naliases: [Tiger]\n---\nDana.\n");
  const Vault warm = load(fs, &cache);
  const Vault cold = load(fs);
  CHECK(fingerprint(warm) == fingerprint(cold));
  CHECK(fingerprint(cold).find(fmt::format("involves {} falsefalsetruefalse",
                                           cold.find_path("Notes/Tiger.md"))) != std::string::npos);
  CHECK(from_cache(warm) == 0);  // all read again, to scan them
}

TEST_CASE("hydrate reads a cached note's text, and refuses one changed since", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  ParseCache cache = round_trip(load(fs));
  Vault warm = load(fs, &cache);
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
  const ParseCache cache = parse_cache_of(cold, "/v", newest);
  CHECK(cache.notes.size() == cold.notes.size() - 1);
  CHECK(kb::model::find_cached(const_cast<ParseCache&>(cache), "Notes/Broken.md") == nullptr);
}

TEST_CASE("decode refuses damaged bytes", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  const std::string bytes =
      encode_parse_cache(parse_cache_of(load(fs), "/v", kTrustAll));
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
  ParseCache cache = round_trip(load(fs));
  fs.add("Plan.md", "the new plan, at a shorter path\n");  // [[Plan]] now resolves here
  const Vault warm = load(fs, &cache);
  const NoteId user = warm.find_path("Notes/Uses plan.md");
  CHECK(warm.notes[user].cached);
  CHECK(warm.link_targets(user) == std::vector<NoteId>{warm.find_path("Plan.md")});
  CHECK(fingerprint(warm) == fingerprint(load(fs)));
}
