// The parse cache, end to end on the in-memory file system and store: every
// case the CLI's cache tests cover (tests/e2e/cache_cli_test.cpp), and the
// format's refusal of any damage.
#include "kb/model/parse_cache.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <catch2/catch.hpp>

#include "kb/io/fs.hpp"
#include "kb/model/vault.hpp"

using kb::model::NoteId;
using kb::model::Vault;

namespace {

void add_vault(kb::io::MemoryFileSystem& fs) {
  fs.add("People/Asaf Levy/Asaf Levy.md",
         "---\ntype: people\ntitle: Asaf Levy\naliases: [Asaf L]\nlast_contact: 2025-10-01\n---\n"
         "# Asaf Levy\n**Role**: Architect\n"
         "## Open Tasks\n```tasks\npath includes Asaf Levy\nnot done\n```\n");
  fs.add("People/Dana Cohen.md", "---\ntype: people\n---\nDana works with [[Asaf Levy]].\n");
  fs.add("People/Asaf Levy/2025-10-01 - Sync.md",
         "---\ntype: meeting\nparticipants: [\"[[Dana Cohen]]\"]\nsummary: Sync\n"
         "related: {with: \"[[Asaf Levy#Profile|Asaf]]\"}\n---\n"
         "- [ ] Ask Asaf L about tiering 📅 2025-10-09\n");
  fs.add("Meetings/2025-10-02 - Review.md",
         "---\ntype: meeting\ndate: 2025-10-02\n---\nDana Cohen and asaf levy reviewed.\n"
         "```\nAsaf Levy in code does not count\n```\nSee [[Sync]] and ![[Missing.md]].\n"
         "## Actions\r\n> - [x] Shipped ✅ 2025-10-03\r\n  1) [/] Half done\n- [ ]\n"
         "```\n- [ ] in code: no task\n```\n");
  fs.add("Notes/Broken.md", "---\ntitle: [unclosed\n---\nText naming Dana Cohen.\n");
}

std::string links_of(const kb::model::NoteLinks& links) {
  std::string out;
  for (const auto& l : links) out += fmt::format("[{}@{}{}]", l.target, l.line, l.embed ? "!" : "");
  return out;
}

// Everything the summaries and indexes answer, as text, to compare two loads.
std::string fingerprint(const Vault& vault) {
  std::string out;
  for (NoteId id = 0; id < static_cast<NoteId>(vault.notes.size()); ++id) {
    const auto& n = vault.notes[id];
    out += fmt::format(
        "{} size={} mtime={} hash={} kind={} fm_ok={} name={} aliases={} date={} summary={} "
        "participants={} tasks={} owner={} excluded_by={} role={} last_contact={}\n",
        n.path, n.stat.size, n.stat.mtime_ns, n.text_hash, kind_name(n.kind), n.fm_ok, n.name,
        fmt::join(n.aliases, "|"), n.date ? n.date->iso() : "-", n.summary,
        fmt::join(n.participants, "|"), n.task_count, vault.owner(id), n.excluded_by, n.role,
        n.last_contact);
    for (const auto& t : vault.tasks(id)) {
      out += fmt::format("  task {} [{}|{}|{}|{}] under [{}]\n", t.line, t.checkbox.indentation,
                         t.checkbox.marker, t.checkbox.status_symbol, t.checkbox.text, t.heading);
    }
    out += fmt::format("  links={} {} targets={} backlinks={}\n", links_of(n.links),
                       links_of(n.property_links), fmt::join(vault.link_targets(id), ","),
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

// Counts the notes a load reads.
struct ReadCounter {
  explicit ReadCounter(kb::io::MemoryFileSystem& fs) : fs_(fs) {
    fs_.before_read = [this](const std::string&) { ++reads; };
  }
  ~ReadCounter() { fs_.before_read = nullptr; }
  kb::io::MemoryFileSystem& fs_;
  int reads = 0;
};

// One kb run: loads through the store (when given) and refreshes it, as the
// CLI does after printing the answer. `reads`: how many notes it read.
Vault load(kb::io::MemoryFileSystem& fs, kb::io::CacheStore* store = nullptr,
           const kb::model::Conventions& conventions = {}, int* reads = nullptr) {
  kb::model::LoadOptions options;
  options.cache = store;
  options.vault_id = "/v";
  ReadCounter counter(fs);
  auto vault = kb::model::load_vault(fs, conventions, options);
  REQUIRE(vault.ok());
  if (reads) *reads = counter.reads;
  if (store) kb::model::save_parse_cache(*vault, *store, "/v");
  return std::move(*vault);
}

int reads_of(kb::io::MemoryFileSystem& fs, kb::io::CacheStore& store) {
  int reads = 0;
  load(fs, &store, {}, &reads);
  return reads;
}

// A file system whose every note is settled: its clock is well past them.
void settle(kb::io::MemoryFileSystem& fs) {
  fs.advance_clock(10'000'000'000);
}

}  // namespace

TEST_CASE("a load from the cache answers as a load from the files, reading nothing", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  int reads = 0;
  const Vault cold = load(fs, &store, {}, &reads);
  CHECK(reads == 5);
  REQUIRE(fingerprint(cold).find("malformed front-matter") != std::string::npos);
  INFO(fingerprint(cold));
  REQUIRE(fingerprint(cold).find("[Asaf Levy@5]") != std::string::npos);  // a property link
  // Checkbox lines, as task queries read them without the body.
  REQUIRE(fingerprint(cold).find("task 11 [> |-|x|Shipped ✅ 2025-10-03] under [Actions]\n"
                                 "  task 12 [  |1)|/|Half done] under [Actions]\n"
                                 "  task 13 [|-| |] under [Actions]\n  links") !=
          std::string::npos);
  REQUIRE(store.saves == 1);
  const Vault warm = load(fs, &store, {}, &reads);
  CHECK(reads == 0);
  CHECK(fingerprint(warm) == fingerprint(cold));
  CHECK(fingerprint(load(fs, &store)) == fingerprint(cold));  // a third run, as the second
  CHECK(store.saves == 1);  // nothing changed: never written again
}

TEST_CASE("owners and involvement come from the cache only while it holds every note as it is",
          "[cache]") {
  kb::io::MemoryFileSystem fs;
  fs.granularity_ns = 1'000;  // a note added just before a load is not settled
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  const Vault cold = load(fs, &store);
  CHECK_FALSE(cold.derived_from_cache);
  const Vault warm = load(fs, &store);
  CHECK(warm.derived_from_cache);
  CHECK(fingerprint(warm) == fingerprint(cold));

  // A note just written is not settled, so not cached: the cache no longer
  // holds every note, and what the notes derive is derived again.
  fs.add("Notes/New.md", "Asaf Levy, new, in [[Dana Cohen]]'s words.\n");
  for (int run = 0; run < 2; ++run) {
    const Vault unsettled = load(fs, &store);
    CHECK_FALSE(unsettled.derived_from_cache);
    CHECK(fingerprint(unsettled) == fingerprint(load(fs)));
  }
  settle(fs);
  CHECK_FALSE(load(fs, &store).derived_from_cache);  // reads it, caches everything
  const Vault settled = load(fs, &store);
  CHECK(settled.derived_from_cache);
  CHECK(fingerprint(settled) == fingerprint(load(fs)));

  // Dana no longer a person: the meeting listing her involves no one, which
  // a cached involvement would still say.
  fs.add("People/Dana Cohen.md", "---\ntype: note\n---\nNot a person now.\n");
  settle(fs);
  const Vault changed = load(fs, &store);
  CHECK_FALSE(changed.derived_from_cache);
  CHECK(fingerprint(changed) == fingerprint(load(fs)));
  CHECK(fingerprint(changed) != fingerprint(settled));
  const Vault again = load(fs, &store);
  CHECK(again.derived_from_cache);
  CHECK(fingerprint(again) == fingerprint(changed));
}

TEST_CASE("an excluded note comes from the cache excluded, other rules read it again", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  fs.add("Templates/Person.md",
         "---\ntype: people\ndate: \"{{date}}\"\n---\n- [ ] Call {{title}}\n");
  settle(fs);
  kb::model::Conventions conventions;
  conventions.exclusions.add({kb::model::Exclusion::Form::Folder,
                              "Templates",
                              ".obsidian/templates.json",
                              "templates folder",
                              {}});
  kb::io::MemoryCacheStore store;
  int reads = 0;
  const Vault cold = load(fs, &store, conventions, &reads);
  CHECK(reads == 6);
  const NoteId cold_template = cold.find_path("Templates/Person.md");
  REQUIRE(cold_template >= 0);
  CHECK(cold.notes[cold_template].excluded_by == 0);
  CHECK(cold.notes[cold_template].kind == kb::model::NoteKind::Other);
  CHECK(cold.notes[cold_template].task_count == 1);  // its tasks still count
  const Vault warm = load(fs, &store, conventions, &reads);
  CHECK(reads == 0);
  CHECK(fingerprint(warm) == fingerprint(cold));
  CHECK(warm.people().size() == 2);
  // Without the rule the conventions differ: every note is read, the
  // template is a person again.
  const Vault plain = load(fs, &store, {}, &reads);
  CHECK(reads == 6);
  CHECK(plain.notes[plain.find_path("Templates/Person.md")].excluded_by == -1);
  CHECK(plain.people().size() == 3);
}

TEST_CASE("the retry's load reads every note and keeps each body, and the cache current",
          "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  const Vault cold = load(fs, &store);
  REQUIRE(store.saves == 1);
  kb::model::LoadOptions options;
  options.cache = &store;
  options.vault_id = "/v";
  options.cache_entries = false;
  ReadCounter counter(fs);
  auto fresh = kb::model::load_vault(fs, {}, options);
  REQUIRE(fresh.ok());
  CHECK(counter.reads == 5);
  CHECK(fingerprint(*fresh) == fingerprint(cold));
  for (NoteId id = 0; id < static_cast<NoteId>(fresh->notes.size()); ++id) {
    CHECK(fresh->body(id).ok());
  }
  CHECK(counter.reads == 5);  // no body read twice: a second change cannot stop the verb
}

TEST_CASE("a body is read on demand, and refused when the note changed since", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  load(fs, &store);
  const Vault warm = load(fs, &store);
  const NoteId sync = warm.find_path("People/Asaf Levy/2025-10-01 - Sync.md");
  auto body = warm.body(sync);
  REQUIRE(body.ok());
  CHECK((*body)->text == fs.files["People/Asaf Levy/2025-10-01 - Sync.md"].content);
  REQUIRE((*body)->scan.tasks.size() == 1);
  CHECK((*body)->scan.tasks[0].checkbox.text.find("tiering") != std::string_view::npos);
  CHECK(*warm.body(sync) == *body);  // read once

  // Same size, same mtime, other bytes (an edit within the timestamp's
  // granularity): the text is not the one the summary was made from.
  const NoteId review = warm.find_path("Meetings/2025-10-02 - Review.md");
  auto& file = fs.files["Meetings/2025-10-02 - Review.md"];
  file.content.replace(file.content.find("Dana"), 4, "Zana");
  const auto changed = warm.body(review);
  REQUIRE_FALSE(changed.ok());
  CHECK(kb::format_diagnostic(changed.error()) ==
        "Meetings/2025-10-02 - Review.md: changed on disk while kb was reading it");
  // Each note alone: the others are still read.
  const auto failures = warm.read_bodies({review, warm.find_path("Notes/Broken.md")});
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].path == "Meetings/2025-10-02 - Review.md");
  CHECK(warm.body(warm.find_path("Notes/Broken.md")).ok());
  fs.files.erase("People/Dana Cohen.md");
  const auto gone = warm.body(warm.find_path("People/Dana Cohen.md"));
  REQUIRE_FALSE(gone.ok());
  CHECK(gone.error().path == "People/Dana Cohen.md");
}

TEST_CASE("frozen bodies: a note not read before is an error, not a read", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  load(fs, &store);
  const Vault warm = load(fs, &store);
  const NoteId sync = warm.find_path("People/Asaf Levy/2025-10-01 - Sync.md");
  const NoteId review = warm.find_path("Meetings/2025-10-02 - Review.md");
  REQUIRE(warm.read_bodies({sync}).empty());
  warm.freeze_bodies(true);
  CHECK(warm.body(sync).ok());  // read before: still there
  const auto unread = warm.body(review);
  REQUIRE_FALSE(unread.ok());
  CHECK(kb::format_diagnostic(unread.error()) ==
        "Meetings/2025-10-02 - Review.md: internal error: the note was not read before the "
        "threads started");
  warm.freeze_bodies(false);
  CHECK(warm.body(review).ok());
}

TEST_CASE("a note read while loading keeps its body only when asked to", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  SECTION("kept") {
    kb::model::LoadOptions options;
    options.keep_bodies = true;
    const auto cold = kb::model::load_vault(fs, {}, options);
    REQUIRE(cold.ok());
    fs.files.clear();  // no second read happens
    const auto body = cold->body(cold->find_path("Notes/Broken.md"));
    REQUIRE(body.ok());
    CHECK((*body)->text.find("Text naming Dana Cohen.") != std::string::npos);
  }
  SECTION("dropped once summarised and scanned for names, read again on demand") {
    const Vault cold = load(fs);
    // The mention scan ran on the prose kept while loading.
    const NoteId dana = cold.find_path("People/Dana Cohen.md");
    const NoteId broken = cold.find_path("Notes/Broken.md");
    const auto& involved = cold.involvement(dana);
    CHECK(std::any_of(involved.begin(), involved.end(), [&](const kb::model::Involvement& i) {
      return i.note == broken && i.mentioned;
    }));
    ReadCounter counter(fs);
    REQUIRE(cold.body(broken).ok());
    CHECK(counter.reads == 1);
    fs.files.clear();
    const auto gone = cold.body(cold.find_path("Meetings/2025-10-02 - Review.md"));
    REQUIRE_FALSE(gone.ok());
    CHECK(gone.error().path == "Meetings/2025-10-02 - Review.md");
  }
}

TEST_CASE("changed, added and removed notes are read, the rest come from the cache", "[cache]") {
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
  int reads = 0;
  const Vault warm = load(fs, &store, {}, &reads);
  CHECK(reads == 2);
  CHECK(fingerprint(warm) == fingerprint(load(fs)));
  CHECK(store.saves == 2);
  CHECK(reads_of(fs, store) == 0);  // the cache now holds them all
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
  int reads = 0;
  const Vault warm = load(fs, &store, {}, &reads);
  const Vault cold = load(fs);
  CHECK(fingerprint(warm) == fingerprint(cold));
  CHECK(fingerprint(cold).find(fmt::format("involves {} falsefalsetruefalse",
                                           cold.find_path("Notes/Tiger.md"))) != std::string::npos);
  CHECK(reads == static_cast<int>(cold.notes.size()));  // all read again, to scan them
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
  int reads = 0;
  const Vault warm = load(fs, &store, {}, &reads);
  CHECK(reads == 1);
  const NoteId user = warm.find_path("Notes/Uses plan.md");
  CHECK(std::vector<NoteId>(warm.link_targets(user).begin(), warm.link_targets(user).end()) ==
        std::vector<NoteId>{warm.find_path("Plan.md")});
  CHECK(fingerprint(warm) == fingerprint(load(fs)));
}

TEST_CASE("notes modified within the racy window are not cached", "[cache]") {
  kb::io::MemoryFileSystem fs;
  fs.granularity_ns = 10;
  add_vault(fs);  // stamped 0, the clock at 1..5: loading at 6 is within their granule
  kb::io::MemoryCacheStore store;
  CHECK(reads_of(fs, store) == 5);
  CHECK(reads_of(fs, store) == 5);  // none was settled: none was cached
  fs.advance_clock(10);
  CHECK(reads_of(fs, store) == 5);  // now settled, and cached
  CHECK(reads_of(fs, store) == 0);
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
  // kb reads the vault; within the same second, after kb read the note, it
  // is saved again with the same size: its mtime does not change.
  kb::model::LoadOptions options;
  options.cache = &store;
  options.vault_id = "/v";
  fs.before_read = [&](const std::string& rel) {
    // Read after the note (notes load in path order here): the note was read.
    if (rel == "People/Dana Cohen.md" && fs.files[path].content == before) {
      fs.advance_clock(1'000'000);
      const auto mtime = fs.files[path].stat.mtime_ns;
      fs.files[path].content = edited;
      fs.files[path].stat.mtime_ns = mtime;
    }
  };
  auto first = kb::model::load_vault(fs, kb::model::Conventions{}, options);
  fs.before_read = nullptr;
  REQUIRE(first.ok());
  kb::model::save_parse_cache(*first, store, "/v");
  CHECK(first->notes[first->find_path(path)].summary == "Text naming Dana Cohen.");  // the old text
  fs.advance_clock(5'000'000'000);
  const Vault second = load(fs, &store);
  CHECK(second.notes[second.find_path(path)].summary == "Text naming dana Cohen.");
  CHECK(fingerprint(second) == fingerprint(load(fs)));
  CHECK(reads_of(fs, store) == 0);  // once settled, cached
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
    int reads = 0;
    const Vault vault = load(fs, &store, {}, &reads);
    CHECK(reads == static_cast<int>(vault.notes.size()));
    CHECK(fingerprint(vault) == cold);
    CHECK(store.bytes == good);  // rebuilt as it was
  }
  // Another vault's cache (a hash collision of cache folders), or other conventions.
  kb::model::LoadOptions options;
  options.cache = &store;
  options.vault_id = "/elsewhere";
  ReadCounter counter(fs);
  CHECK(kb::model::load_vault(fs, kb::model::Conventions{}, options).ok());
  CHECK(counter.reads == 5);
  kb::model::Conventions other;
  other.summary_length = 3;
  int reads = 0;
  const Vault vault = load(fs, &store, other, &reads);
  CHECK(reads == 5);
  CHECK(vault.notes[vault.find_path("Notes/Broken.md")].summary == "Text naming Dana Cohen.");
}

TEST_CASE("the format refuses every truncation and every flipped bit", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  load(fs, &store);
  const std::string bytes = *store.bytes;
  const auto view = kb::model::CacheView::open(bytes);
  REQUIRE(view);
  CHECK(view->size() == 5);
  CHECK(view->vault_id() == "/v");
  CHECK(view->find("Notes/Broken.md") == 1);
  CHECK(view->find("Notes/Nope.md") == -1);
  for (std::size_t size = 0; size < bytes.size(); ++size) {
    INFO(size);
    CHECK(!kb::model::CacheView::open(std::string_view(bytes).substr(0, size)));
  }
  for (std::size_t at = 0; at < bytes.size(); ++at) {
    std::string damaged = bytes;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x01);
    INFO(at);
    CHECK(!kb::model::CacheView::open(damaged));
  }
  CHECK(!kb::model::CacheView::open(bytes + "x"));
}

TEST_CASE("no store, no cache, a store that cannot be written is no error", "[cache]") {
  kb::io::MemoryFileSystem fs;
  add_vault(fs);
  settle(fs);
  kb::io::MemoryCacheStore store;
  store.fail = true;
  const Vault vault = load(fs, &store);
  CHECK(!store.bytes);
  CHECK(fingerprint(vault) == fingerprint(load(fs)));
}
