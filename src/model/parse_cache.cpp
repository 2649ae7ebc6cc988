#include "kb/model/parse_cache.hpp"

#include <algorithm>
#include <cstring>
#include <map>

#include "kb/model/tasks_settings.hpp"
#include "kb/model/vault.hpp"
#include "kb/util/fnv.hpp"

namespace kb::model {

namespace {

// Bump when what parse_note derives, or the layout below, changes.
constexpr std::uint32_t kFormatVersion = 2;  // 2: comments hide mentions and tasks
constexpr std::string_view kMagic = "kb-parse-cache\n";

void add_rule(Fnv1a& fnv, const KindRule& rule) {
  fnv.add_list(rule.types);
  fnv.add_list(rule.tags);
  fnv.add_list(rule.categories);
  fnv.add_list(rule.folders);
}

class Writer {
 public:
  void u8(std::uint8_t v) { out_.push_back(static_cast<char>(v)); }
  void u32(std::uint32_t v) { raw(&v, sizeof v); }
  void u64(std::uint64_t v) { raw(&v, sizeof v); }
  void str(std::string_view s) {
    u32(static_cast<std::uint32_t>(s.size()));
    out_.append(s);
  }
  void strings(const std::vector<std::string>& items) {
    u32(static_cast<std::uint32_t>(items.size()));
    for (const auto& item : items) str(item);
  }
  std::string& bytes() { return out_; }

 private:
  void raw(const void* p, std::size_t n) { out_.append(static_cast<const char*>(p), n); }
  std::string out_;
};

// Every read is bounds-checked; after the first failure all reads fail.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  bool ok() const { return ok_; }
  bool at_end() const { return in_.empty(); }
  std::uint8_t u8() {
    std::uint8_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::uint32_t u32() {
    std::uint32_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::uint64_t u64() {
    std::uint64_t v = 0;
    raw(&v, sizeof v);
    return v;
  }
  std::string str() {
    const std::uint32_t n = u32();
    if (!ok_ || n > in_.size()) return fail(), std::string();
    std::string s(in_.substr(0, n));
    in_.remove_prefix(n);
    return s;
  }
  std::vector<std::string> strings() {
    const std::uint32_t n = u32();
    std::vector<std::string> items;
    if (!ok_ || n > in_.size() / sizeof(std::uint32_t))
      return fail(), items;  // each needs a length
    items.reserve(n);
    for (std::uint32_t i = 0; i < n && ok_; ++i) items.push_back(str());
    return items;
  }

 private:
  void fail() {
    ok_ = false;
    in_ = {};
  }
  void raw(void* p, std::size_t n) {
    if (!ok_ || in_.size() < n) return fail();
    std::memcpy(p, in_.data(), n);
    in_.remove_prefix(n);
  }
  std::string_view in_;
  bool ok_ = true;
};

std::uint64_t checksum(std::string_view bytes) {
  Fnv1a fnv;
  fnv.add(bytes);
  return fnv.value();
}

}  // namespace

std::uint64_t conventions_hash(const Conventions& c) {
  Fnv1a fnv;
  for (const KindRule* rule : {&c.person, &c.customer, &c.project, &c.meeting, &c.source}) {
    add_rule(fnv, *rule);
  }
  fnv.add_list(c.participant_keys);
  fnv.add_list(c.participant_headings);
  fnv.add_list(c.date_keys);
  fnv.add_field(c.recent_context_heading);
  fnv.add_field(c.open_tasks_heading);
  fnv.add_field(c.context_template);
  fnv.add_field(std::to_string(c.summary_length));
  // An excluded note is cached as no entity: a change of rules re-reads them.
  for (const Exclusion& rule : c.exclusions.rules()) {
    fnv.add_field(std::to_string(static_cast<int>(rule.form)));
    fnv.add_field(rule.pattern);
  }
  // Which lines are tasks and what they say follow the Tasks settings: a
  // changed global filter or status must not answer from an older reading.
  fnv.add_field(std::to_string(tasks_settings_hash(c.tasks)));
  return fnv.value();
}

std::uint64_t names_hash(const std::vector<Note>& notes) {
  Fnv1a fnv;
  for (const Note& note : notes) {
    if (note.kind != NoteKind::Person) continue;
    fnv.add_field(note.path);
    fnv.add_field(note.name);
    fnv.add_list(note.aliases);
  }
  return fnv.value();
}

std::uint64_t paths_hash(const std::vector<Note>& notes) {
  Fnv1a fnv;
  for (const Note& note : notes) fnv.add_field(note.path);
  return fnv.value();
}

std::string encode_parse_cache(const ParseCache& cache) {
  Writer w;
  w.bytes().append(kMagic);
  w.u32(kFormatVersion);
  w.str(KB_VERSION);
  w.str(cache.vault);
  w.u64(cache.conventions_hash);
  w.u64(cache.names_hash);
  w.u64(cache.paths_hash);
  w.u32(static_cast<std::uint32_t>(cache.notes.size()));
  for (const CachedNote& note : cache.notes) {
    w.str(note.path);
    w.u64(note.size);
    w.u64(static_cast<std::uint64_t>(note.mtime_ns));
    w.u8(static_cast<std::uint8_t>(note.kind));
    w.u8(note.fm_ok ? 1 : 0);
    w.str(note.name);
    w.strings(note.aliases);
    w.u8(note.date ? 1 : 0);
    if (note.date) {
      w.u32(static_cast<std::uint32_t>(note.date->year));
      w.u8(static_cast<std::uint8_t>(note.date->month));
      w.u8(static_cast<std::uint8_t>(note.date->day));
    }
    w.str(note.summary);
    w.strings(note.participants);
    w.strings(note.scan.link_paths);
    w.strings(note.scan.mentions);
    w.u32(static_cast<std::uint32_t>(note.scan.task_count));
    w.u32(static_cast<std::uint32_t>(note.scan.link_targets.size()));
    for (const int target : note.scan.link_targets) w.u32(static_cast<std::uint32_t>(target));
    w.u32(static_cast<std::uint32_t>(note.diagnostics.size()));
    for (const Diagnostic& d : note.diagnostics) {
      w.u32(static_cast<std::uint32_t>(d.line));
      w.u8(d.severity == Severity::Error ? 1 : 0);
      w.str(d.message);
    }
  }
  w.u64(checksum(w.bytes()));
  return std::move(w.bytes());
}

std::optional<ParseCache> decode_parse_cache(std::string_view bytes) {
  if (bytes.size() < kMagic.size() + sizeof(std::uint64_t) || !bytes.starts_with(kMagic)) {
    return std::nullopt;
  }
  const std::string_view body = bytes.substr(0, bytes.size() - sizeof(std::uint64_t));
  std::uint64_t stored = 0;
  std::memcpy(&stored, bytes.data() + body.size(), sizeof stored);
  if (stored != checksum(body)) return std::nullopt;

  Reader r(body.substr(kMagic.size()));
  if (r.u32() != kFormatVersion || r.str() != KB_VERSION) return std::nullopt;
  ParseCache cache;
  cache.vault = r.str();
  cache.conventions_hash = r.u64();
  cache.names_hash = r.u64();
  cache.paths_hash = r.u64();
  const std::uint32_t count = r.u32();
  if (!r.ok() || count > body.size()) return std::nullopt;
  cache.notes.reserve(count);
  for (std::uint32_t i = 0; i < count && r.ok(); ++i) {
    CachedNote note;
    note.path = r.str();
    note.size = r.u64();
    note.mtime_ns = static_cast<std::int64_t>(r.u64());
    const std::uint8_t kind = r.u8();
    if (kind > static_cast<std::uint8_t>(NoteKind::Other)) return std::nullopt;
    note.kind = static_cast<NoteKind>(kind);
    note.fm_ok = r.u8() != 0;
    note.name = r.str();
    note.aliases = r.strings();
    if (r.u8() != 0) {
      text::Date date;
      date.year = static_cast<int>(r.u32());
      date.month = r.u8();
      date.day = r.u8();
      note.date = date;
    }
    note.summary = r.str();
    note.participants = r.strings();
    note.scan.link_paths = r.strings();
    note.scan.mentions = r.strings();
    note.scan.task_count = r.u32();
    const std::uint32_t targets = r.u32();
    if (targets != note.scan.link_paths.size()) return std::nullopt;
    note.scan.link_targets.resize(targets);
    for (auto& target : note.scan.link_targets) target = static_cast<int>(r.u32());
    const std::uint32_t diagnostics = r.u32();
    for (std::uint32_t d = 0; d < diagnostics && r.ok(); ++d) {
      Diagnostic diagnostic;
      diagnostic.line = static_cast<int>(r.u32());
      diagnostic.severity = r.u8() != 0 ? Severity::Error : Severity::Warning;
      diagnostic.message = r.str();
      note.diagnostics.push_back(std::move(diagnostic));
    }
    if (!cache.notes.empty() && !(cache.notes.back().path < note.path)) return std::nullopt;
    cache.notes.push_back(std::move(note));
  }
  if (!r.ok() || !r.at_end()) return std::nullopt;
  return cache;
}

ParseCache parse_cache_of(const Vault& vault, std::string vault_path,
                          std::int64_t settled_before_ns) {
  ParseCache cache;
  cache.vault = std::move(vault_path);
  cache.conventions_hash = conventions_hash(vault.conventions);
  cache.names_hash = names_hash(vault.notes);
  cache.paths_hash = paths_hash(vault.notes);

  // Mentions per note, from the people's involvement lists.
  std::vector<std::vector<std::string>> mentions(vault.notes.size());
  for (const NoteId person : vault.people()) {
    for (const Involvement& involvement : vault.involvement(person)) {
      if (involvement.mentioned) mentions[involvement.note].push_back(vault.notes[person].path);
    }
  }
  // Parse warnings per note: those naming its path (read failures have no note).
  std::map<std::string_view, std::vector<const Diagnostic*>> warnings;
  for (const Diagnostic& d : vault.diagnostics) warnings[d.path].push_back(&d);

  for (std::size_t id = 0; id < vault.notes.size(); ++id) {
    const Note& note = vault.notes[id];
    if (note.stat.mtime_ns > settled_before_ns) continue;  // not settled: may change unseen
    CachedNote entry;
    entry.path = note.path;
    entry.size = note.stat.size;
    entry.mtime_ns = note.stat.mtime_ns;
    entry.kind = note.kind;
    entry.fm_ok = note.fm_ok;
    entry.name = note.name;
    entry.aliases = note.aliases;
    entry.date = note.date;
    entry.summary = note.summary;
    entry.participants = note.participants;
    if (note.cached) {
      entry.scan.link_paths = note.cached->link_paths;
      entry.scan.task_count = note.cached->task_count;
    } else {
      entry.scan.task_count = note.scan.tasks.size();
      for (const auto& occurrence : note.scan.links) {
        entry.scan.link_paths.emplace_back(text::link_path(occurrence.link));
      }
    }
    entry.scan.link_targets = vault.link_targets(static_cast<NoteId>(id));
    std::sort(mentions[id].begin(), mentions[id].end());
    entry.scan.mentions = std::move(mentions[id]);
    if (auto it = warnings.find(note.path); it != warnings.end()) {
      for (const Diagnostic* d : it->second) {
        entry.diagnostics.push_back({"", d->line, d->message, d->severity});
      }
    }
    cache.notes.push_back(std::move(entry));
  }
  std::sort(cache.notes.begin(), cache.notes.end(),
            [](const CachedNote& a, const CachedNote& b) { return a.path < b.path; });
  return cache;
}

Note note_from_cache(CachedNote&& entry, Diagnostics& diagnostics) {
  Note note;
  note.path = std::move(entry.path);
  note.kind = entry.kind;
  note.fm_ok = entry.fm_ok;
  note.name = std::move(entry.name);
  note.aliases = std::move(entry.aliases);
  note.date = entry.date;
  note.summary = std::move(entry.summary);
  note.participants = std::move(entry.participants);
  note.cached = std::move(entry.scan);
  for (Diagnostic& d : entry.diagnostics) {
    d.path = note.path;
    diagnostics.push_back(std::move(d));
  }
  return note;
}

CachedNote* find_cached(ParseCache& cache, std::string_view path) {
  const auto it = std::lower_bound(
      cache.notes.begin(), cache.notes.end(), path,
      [](const CachedNote& note, std::string_view p) { return std::string_view(note.path) < p; });
  return it != cache.notes.end() && it->path == path ? &*it : nullptr;
}

}  // namespace kb::model
