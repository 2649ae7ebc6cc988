#include "kb/model/parse_cache.hpp"

#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "kb/model/tasks_settings.hpp"
#include "kb/model/vault.hpp"
#include "kb/util/fnv.hpp"
#include "kb/util/hash64.hpp"

namespace kb::model {

namespace {

// Bump when what a summary holds, what parse_note derives, or the layout
// below changes.
constexpr std::uint32_t kFormatVersion = 7;  // 7: owners and involvement;
                                             // 6: checkbox lines; 5: role, last_contact;
                                             // 4: exclusions; 3: summaries used in place
                                             // (2: comments hide mentions)
constexpr char kMagic[8] = {'k', 'b', 'c', 'a', 'c', 'h', 'e', '\n'};
constexpr std::size_t kChecksumChunk = std::size_t{64} * 1024;

// The file, in order: Header, Record[notes], StrRef[strs], LinkRecord[links],
// WarningRecord[warnings], TaskRecord[tasks], int32 owner[owners],
// InvolvementRecord[involvements], the string table (strings_bytes), zero padding to
// a multiple of 8, and a u64 checksum of everything before it (hash64 chained
// over 64 KiB chunks). Little-endian, as the machine that wrote it: a cache
// is never shared between machines.
struct StrRef {
  std::uint32_t offset = 0, size = 0;  // into the string table
};
struct Range {
  std::uint32_t begin = 0, count = 0;  // into one of the arrays
};
struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t header_bytes;
  std::uint64_t file_bytes;
  std::uint64_t conventions_hash, names_hash, paths_hash;
  std::uint32_t notes, strs, links, warnings, tasks;
  // What Vault::build derives from every note: `notes` owners (else 0) and
  // the involvement records, written only when the cache holds every note
  // of the vault it was written from (then its note indexes are the vault's).
  std::uint32_t owners;
  std::uint32_t involvements, unused;
  std::uint64_t strings_bytes;
  StrRef kb_version, vault_id;
};
struct Record {
  std::uint64_t size;
  std::int64_t mtime_ns;
  std::uint64_t text_hash;
  StrRef path, name, summary, role, last_contact;
  Range aliases, participants, mentions;  // into the StrRef array
  Range links;                            // body links, then `property_links` property links
  std::uint32_t property_links;
  Range tasks;
  Range warnings;
  std::int32_t year;
  std::uint8_t month, day, kind, flags;
  std::int32_t excluded_by;  // the exclusion rule's index, or -1
};
constexpr std::uint8_t kFmOk = 1, kHasDate = 2;
struct LinkRecord {
  StrRef target;
  std::uint32_t line;
  std::uint32_t embed;
  std::int32_t resolved;  // a note index, -1 for none (property links: always -1)
};
struct WarningRecord {
  std::uint32_t line;
  std::uint32_t severity;
  StrRef message;
};
struct TaskRecord {  // a NoteTask
  StrRef indentation, marker, status_symbol, text, heading;
  std::uint32_t line;
};
struct InvolvementRecord {  // by person, then note, as Vault::involvement lists them
  std::int32_t person, note;
  std::uint32_t flags;  // kListed | kLinked | kMentioned | kInFolder
};
constexpr std::uint32_t kListed = 1, kLinked = 2, kMentioned = 4, kInFolder = 8;
static_assert(sizeof(InvolvementRecord) == 12 && sizeof(NoteId) == sizeof(std::int32_t));
static_assert(sizeof(Header) == 104 && sizeof(Record) == 128 && sizeof(StrRef) == 8 &&
              sizeof(LinkRecord) == 20 && sizeof(WarningRecord) == 16 && sizeof(TaskRecord) == 44);

struct Layout {
  std::uint64_t records, strs, links, warnings, tasks, owners, involvements, strings, trailer,
      file_bytes;
};

// Offsets of each section; false when the counts overflow.
bool layout_of(const Header& h, Layout& out) {
  // The counts are 32-bit, so their sections stay far below 2^64; only the
  // string table's 64-bit size can be wild.
  static_assert(sizeof(Record) < (std::size_t{1} << 24));
  const std::uint64_t limit = std::uint64_t{1} << 40;
  if (h.strings_bytes > limit) return false;
  out.records = sizeof(Header);
  out.strs = out.records + std::uint64_t{h.notes} * sizeof(Record);
  out.links = out.strs + std::uint64_t{h.strs} * sizeof(StrRef);
  out.warnings = out.links + std::uint64_t{h.links} * sizeof(LinkRecord);
  out.tasks = out.warnings + std::uint64_t{h.warnings} * sizeof(WarningRecord);
  out.owners = out.tasks + std::uint64_t{h.tasks} * sizeof(TaskRecord);
  out.involvements = out.owners + std::uint64_t{h.owners} * sizeof(std::int32_t);
  out.strings = out.involvements + std::uint64_t{h.involvements} * sizeof(InvolvementRecord);
  out.trailer = (out.strings + h.strings_bytes + 7) / 8 * 8;
  out.file_bytes = out.trailer + sizeof(std::uint64_t);
  return true;
}

template <typename T>
T load(const char* at) {
  T value;
  std::memcpy(&value, at, sizeof value);
  return value;
}

std::uint64_t checksum(std::string_view bytes) {
  std::uint64_t h = 0;
  for (std::size_t at = 0; at < bytes.size(); at += kChecksumChunk) {
    h = hash64(bytes.substr(at, kChecksumChunk), h);
  }
  return h;
}

// What the readers need of the header, at the start of the mapped bytes.
Header header_of(const char* base) {
  return load<Header>(base);
}
Layout layout_at(const char* base) {
  Layout layout{};
  layout_of(header_of(base), layout);
  return layout;
}

std::string_view string_at(const char* base, const Layout& layout, StrRef ref) {
  return {base + layout.strings + ref.offset, ref.size};
}

}  // namespace

std::uint64_t conventions_hash(const Conventions& c) {
  Fnv1a fnv;
  for (const KindRule* rule : {&c.person, &c.customer, &c.project, &c.meeting, &c.source}) {
    fnv.add_list(rule->types);
    fnv.add_list(rule->tags);
    fnv.add_list(rule->categories);
    fnv.add_list(rule->folders);
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

std::uint64_t names_hash(std::span<const NoteSummary> notes) {
  Fnv1a fnv;
  for (const NoteSummary& note : notes) {
    if (note.kind != NoteKind::Person) continue;
    fnv.add_field(note.path);
    fnv.add_field(note.name);
    fnv.add_field(std::to_string(note.aliases.size()));
    for (const auto alias : note.aliases) fnv.add_field(alias);
  }
  return fnv.value();
}

std::uint64_t paths_hash(std::span<const NoteSummary> notes) {
  Fnv1a fnv;
  for (const NoteSummary& note : notes) fnv.add_field(note.path);
  return fnv.value();
}

std::optional<CacheView> CacheView::open(std::string_view bytes) {
  if (bytes.size() < sizeof(Header) + sizeof(std::uint64_t)) return std::nullopt;
  const char* base = bytes.data();
  const Header h = header_of(base);
  Layout layout{};
  if (std::memcmp(h.magic, kMagic, sizeof kMagic) != 0 || h.version != kFormatVersion ||
      h.header_bytes != sizeof(Header) || h.file_bytes != bytes.size() || !layout_of(h, layout) ||
      layout.file_bytes != bytes.size()) {
    return std::nullopt;
  }
  if (load<std::uint64_t>(base + layout.trailer) != checksum(bytes.substr(0, layout.trailer))) {
    return std::nullopt;
  }
  // Every reference is checked once here, so that entry() need not.
  const auto string_ok = [&](StrRef ref) {
    return ref.offset <= h.strings_bytes && ref.size <= h.strings_bytes - ref.offset;
  };
  const auto range_ok = [](Range r, std::uint32_t count) {
    return r.begin <= count && r.count <= count - r.begin;
  };
  if (!string_ok(h.kb_version) || !string_ok(h.vault_id) ||
      string_at(base, layout, h.kb_version) != KB_VERSION) {
    return std::nullopt;
  }
  for (std::uint32_t i = 0; i < h.strs; ++i) {
    if (!string_ok(load<StrRef>(base + layout.strs + i * sizeof(StrRef)))) return std::nullopt;
  }
  for (std::uint32_t i = 0; i < h.links; ++i) {
    const auto link = load<LinkRecord>(base + layout.links + i * sizeof(LinkRecord));
    if (!string_ok(link.target) || link.resolved < -1 ||
        link.resolved >= static_cast<std::int64_t>(h.notes)) {
      return std::nullopt;
    }
  }
  for (std::uint32_t i = 0; i < h.warnings; ++i) {
    const auto w = load<WarningRecord>(base + layout.warnings + i * sizeof(WarningRecord));
    if (!string_ok(w.message) || w.line > std::numeric_limits<int>::max()) return std::nullopt;
  }
  for (std::uint32_t i = 0; i < h.tasks; ++i) {
    const auto t = load<TaskRecord>(base + layout.tasks + std::uint64_t{i} * sizeof(TaskRecord));
    if (!string_ok(t.indentation) || !string_ok(t.marker) || !string_ok(t.status_symbol) ||
        !string_ok(t.text) || !string_ok(t.heading) || t.line > std::numeric_limits<int>::max()) {
      return std::nullopt;
    }
  }
  if (h.owners != 0 && h.owners != h.notes) return std::nullopt;
  const auto note_ok = [&](std::int64_t id) { return id >= 0 && id < std::int64_t{h.notes}; };
  for (std::uint32_t i = 0; i < h.owners; ++i) {
    const auto owner = load<std::int32_t>(base + layout.owners + i * sizeof(std::int32_t));
    if (owner != -1 && !note_ok(owner)) return std::nullopt;
  }
  for (std::uint32_t i = 0; i < h.involvements; ++i) {
    const auto v = load<InvolvementRecord>(base + layout.involvements +
                                           std::uint64_t{i} * sizeof(InvolvementRecord));
    if (!note_ok(v.person) || !note_ok(v.note) || v.flags > 15) return std::nullopt;
  }
  std::string_view previous;
  for (std::uint32_t i = 0; i < h.notes; ++i) {
    const auto r = load<Record>(base + layout.records + i * sizeof(Record));
    if (!string_ok(r.path) || !string_ok(r.name) || !string_ok(r.summary) || !string_ok(r.role) ||
        !string_ok(r.last_contact) || !range_ok(r.aliases, h.strs) ||
        !range_ok(r.participants, h.strs) || !range_ok(r.mentions, h.strs) ||
        !range_ok(r.links, h.links) || r.property_links > r.links.count ||
        !range_ok(r.warnings, h.warnings) || !range_ok(r.tasks, h.tasks) ||
        r.kind > static_cast<std::uint8_t>(NoteKind::Other) || r.excluded_by < -1) {
      return std::nullopt;
    }
    const std::string_view path = string_at(base, layout, r.path);
    if (i > 0 && !(previous < path)) return std::nullopt;  // sorted, no duplicates
    previous = path;
  }
  CacheView view;
  view.base_ = base;
  view.count_ = h.notes;
  return view;
}

std::string_view CacheView::vault_id() const {
  return string_at(base_, layout_at(base_), header_of(base_).vault_id);
}
std::uint64_t CacheView::conventions_hash() const {
  return header_of(base_).conventions_hash;
}
std::uint64_t CacheView::names_hash() const {
  return header_of(base_).names_hash;
}
std::uint64_t CacheView::paths_hash() const {
  return header_of(base_).paths_hash;
}

bool CacheView::has_derived() const {
  return header_of(base_).owners == count_;
}

std::vector<NoteId> CacheView::owners() const {
  const Layout layout = layout_at(base_);
  std::vector<NoteId> out(header_of(base_).owners);
  if (!out.empty()) std::memcpy(out.data(), base_ + layout.owners, out.size() * sizeof(NoteId));
  return out;
}

std::vector<std::vector<Involvement>> CacheView::involvement() const {
  const Layout layout = layout_at(base_);
  std::vector<std::vector<Involvement>> out(count_);
  const std::uint32_t records = header_of(base_).involvements;
  for (std::uint32_t i = 0; i < records; ++i) {
    const auto v = load<InvolvementRecord>(base_ + layout.involvements +
                                           std::uint64_t{i} * sizeof(InvolvementRecord));
    out[static_cast<std::size_t>(v.person)].push_back(
        {v.note, (v.flags & kListed) != 0, (v.flags & kLinked) != 0, (v.flags & kMentioned) != 0,
         (v.flags & kInFolder) != 0});
  }
  return out;
}

std::string_view CacheView::path(std::size_t i) const {
  const Layout layout = layout_at(base_);
  return string_at(base_, layout, load<Record>(base_ + layout.records + i * sizeof(Record)).path);
}

long CacheView::find(std::string_view path) const {
  const Layout layout = layout_at(base_);
  std::size_t lo = 0, hi = count_;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    const auto ref =
        load<StrRef>(base_ + layout.records + mid * sizeof(Record) + offsetof(Record, path));
    const std::string_view at = string_at(base_, layout, ref);
    if (at < path) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < count_ && this->path(lo) == path ? static_cast<long>(lo) : -1;
}

CacheView::Entry CacheView::entry(std::size_t i, Arena& arena) const {
  const Layout layout = layout_at(base_);
  const auto r = load<Record>(base_ + layout.records + i * sizeof(Record));
  const auto str = [&](StrRef ref) { return string_at(base_, layout, ref); };
  const auto strings = [&](Range range) -> std::span<const std::string_view> {
    auto out = arena.make_array<std::string_view>(range.count);
    for (std::uint32_t k = 0; k < range.count; ++k) {
      out[k] = str(load<StrRef>(base_ + layout.strs + (range.begin + k) * sizeof(StrRef)));
    }
    return out;
  };
  Entry entry;
  NoteSummary& s = entry.summary;
  s.path = str(r.path);
  s.stat.size = r.size;
  s.stat.mtime_ns = r.mtime_ns;
  s.text_hash = r.text_hash;
  s.kind = static_cast<NoteKind>(r.kind);
  s.fm_ok = (r.flags & kFmOk) != 0;
  s.excluded_by = r.excluded_by;
  s.name = str(r.name);
  s.aliases = strings(r.aliases);
  if ((r.flags & kHasDate) != 0) s.date = text::Date{r.year, r.month, r.day};
  s.summary = str(r.summary);
  s.role = str(r.role);
  s.last_contact = str(r.last_contact);
  s.participants = strings(r.participants);
  const std::uint32_t body_links = r.links.count - r.property_links;
  auto links = arena.make_array<NoteLink>(body_links);
  auto targets = arena.make_array<int>(body_links);
  auto property = arena.make_array<NoteLink>(r.property_links);
  for (std::uint32_t k = 0; k < r.links.count; ++k) {
    const auto link =
        load<LinkRecord>(base_ + layout.links + (r.links.begin + k) * sizeof(LinkRecord));
    const NoteLink out{str(link.target), static_cast<int>(link.line), link.embed != 0};
    if (k < body_links) {
      links[k] = out;
      targets[k] = link.resolved;
    } else {
      property[k - body_links] = out;
    }
  }
  s.links = links;
  s.property_links = property;
  auto tasks = arena.make_array<NoteTask>(r.tasks.count);
  for (std::uint32_t k = 0; k < r.tasks.count; ++k) {
    const auto t = load<TaskRecord>(base_ + layout.tasks +
                                    std::uint64_t{r.tasks.begin + k} * sizeof(TaskRecord));
    tasks[k] = {{str(t.indentation), str(t.marker), str(t.status_symbol), str(t.text)},
                str(t.heading),
                static_cast<int>(t.line)};
  }
  s.tasks = tasks;
  entry.link_targets = targets;
  entry.mentions = strings(r.mentions);
  for (std::uint32_t k = 0; k < r.warnings.count; ++k) {
    const auto w = load<WarningRecord>(base_ + layout.warnings +
                                       (r.warnings.begin + k) * sizeof(WarningRecord));
    entry.warnings.push_back({"", static_cast<int>(w.line), std::string(str(w.message)),
                              w.severity != 0 ? Severity::Error : Severity::Warning});
  }
  return entry;
}

namespace {

// Passes writes on, chaining the checksum over fixed 64 KiB chunks of the
// stream (as open() checks it), and counts bytes.
class ChecksumSink {
 public:
  explicit ChecksumSink(io::Sink& out) : out_(out) { chunk_.reserve(kChecksumChunk); }
  template <typename T>
  void put(const T& value) {
    bytes(std::string_view(reinterpret_cast<const char*>(&value), sizeof value));
  }
  void bytes(std::string_view data) {
    written_ += data.size();
    while (!data.empty()) {
      const std::size_t n = std::min(data.size(), kChecksumChunk - chunk_.size());
      chunk_.append(data.substr(0, n));
      data.remove_prefix(n);
      if (chunk_.size() == kChecksumChunk) flush();
    }
  }
  void finish() {
    flush();
    out_.write_raw(&hash_, sizeof hash_);
  }
  std::uint64_t written() const { return written_; }

 private:
  void flush() {
    if (chunk_.empty()) return;
    hash_ = hash64(chunk_, hash_);
    out_.write(chunk_);
    chunk_.clear();
  }
  io::Sink& out_;
  std::string chunk_;
  std::uint64_t hash_ = 0;
  std::uint64_t written_ = 0;
};

// A task's strings, in TaskRecord's order.
std::array<std::string_view, 5> task_strings(const NoteTask& t) {
  return {t.checkbox.indentation, t.checkbox.marker, t.checkbox.status_symbol, t.checkbox.text,
          t.heading};
}

// Per cached note, what the writer emits besides its summary.
struct Extra {
  std::vector<std::string_view> mentions;
  std::vector<const Diagnostic*> warnings;
};

}  // namespace

void write_parse_cache(const Vault& vault, std::string_view vault_id,
                       std::int64_t settled_before_ns, io::Sink& sink) {
  // The notes to cache, in path order (the vault's order), and per note the
  // people its prose names and its warnings.
  std::vector<NoteId> ids;
  for (NoteId id = 0; id < static_cast<NoteId>(vault.notes.size()); ++id) {
    if (vault.notes[id].stat.mtime_ns <= settled_before_ns) ids.push_back(id);  // settled
  }
  std::vector<Extra> extra(vault.notes.size());
  for (const NoteId person : vault.people()) {
    for (const Involvement& involvement : vault.involvement(person)) {
      if (involvement.mentioned)
        extra[involvement.note].mentions.push_back(vault.notes[person].path);
    }
  }
  for (auto& e : extra) std::sort(e.mentions.begin(), e.mentions.end());
  for (const Diagnostic& d : vault.diagnostics) {
    const NoteId id = vault.find_path(d.path);  // read failures have no note
    if (id >= 0) extra[id].warnings.push_back(&d);
  }

  // Counting pass: the header needs every section's size.
  Header h{};
  std::memcpy(h.magic, kMagic, sizeof kMagic);
  h.version = kFormatVersion;
  h.header_bytes = sizeof(Header);
  h.conventions_hash = conventions_hash(vault.conventions);
  h.names_hash = names_hash(vault.notes);
  h.paths_hash = paths_hash(vault.notes);
  h.notes = static_cast<std::uint32_t>(ids.size());
  std::uint64_t strings = 0;
  const auto count_string = [&](std::string_view s) { strings += s.size(); };
  count_string(KB_VERSION);
  count_string(vault_id);
  for (const NoteId id : ids) {
    const NoteSummary& n = vault.notes[id];
    const Extra& e = extra[id];
    count_string(n.path);
    count_string(n.name);
    count_string(n.summary);
    count_string(n.role);
    count_string(n.last_contact);
    h.strs +=
        static_cast<std::uint32_t>(n.aliases.size() + n.participants.size() + e.mentions.size());
    for (const auto s : n.aliases) count_string(s);
    for (const auto s : n.participants) count_string(s);
    for (const auto s : e.mentions) count_string(s);
    h.links += static_cast<std::uint32_t>(n.links.size() + n.property_links.size());
    for (const auto& l : n.links) count_string(l.target);
    for (const auto& l : n.property_links) count_string(l.target);
    h.warnings += static_cast<std::uint32_t>(e.warnings.size());
    for (const Diagnostic* d : e.warnings) count_string(d->message);
    h.tasks += static_cast<std::uint32_t>(n.tasks.size());
    for (const NoteTask& t : n.tasks) {
      for (const auto part : task_strings(t)) count_string(part);
    }
  }
  // Owners and involvement are the vault's, by its note indexes: kept only
  // when the cache holds every note, so that its indexes are the same.
  std::vector<InvolvementRecord> involvements;
  if (ids.size() == vault.notes.size()) {
    h.owners = h.notes;
    for (NoteId person = 0; person < static_cast<NoteId>(vault.notes.size()); ++person) {
      if (vault.notes[person].kind != NoteKind::Person) continue;
      for (const Involvement& v : vault.involvement(person)) {
        involvements.push_back({person, v.note,
                                (v.listed ? kListed : 0) | (v.linked ? kLinked : 0) |
                                    (v.mentioned ? kMentioned : 0) |
                                    (v.in_folder ? kInFolder : 0)});
      }
    }
    h.involvements = static_cast<std::uint32_t>(involvements.size());
  }
  h.strings_bytes = strings;
  if (strings > std::numeric_limits<std::uint32_t>::max()) {
    // Offsets are 32-bit: a vault this large gets a cache that opens as
    // nothing (version 0), so every run reads it.
    h = Header{};
    h.header_bytes = sizeof(Header);
  }
  Layout layout{};
  layout_of(h, layout);
  h.file_bytes = layout.file_bytes;

  // The string table is written last, so each string's offset is the running
  // total of the sizes before it, in the order the passes below visit them.
  std::uint32_t next_string = 0;
  const auto ref = [&](std::string_view s) {
    const StrRef r{next_string, static_cast<std::uint32_t>(s.size())};
    next_string += r.size;
    return r;
  };
  ChecksumSink out(sink);
  if (h.version == 0) {
    h.file_bytes = layout.file_bytes;
    out.put(h);
    out.finish();
    return;
  }
  h.kb_version = ref(KB_VERSION);
  h.vault_id = ref(vault_id);
  out.put(h);
  std::uint32_t next_str = 0, next_link = 0, next_warning = 0, next_task = 0;
  for (const NoteId id : ids) {
    const NoteSummary& n = vault.notes[id];
    const Extra& e = extra[id];
    Record r{};
    r.size = n.stat.size;
    r.mtime_ns = n.stat.mtime_ns;
    r.text_hash = n.text_hash;
    r.path = ref(n.path);
    r.name = ref(n.name);
    r.summary = ref(n.summary);
    r.role = ref(n.role);
    r.last_contact = ref(n.last_contact);
    const auto range = [](std::uint32_t& next, std::size_t count) {
      const Range out{next, static_cast<std::uint32_t>(count)};
      next += out.count;
      return out;
    };
    r.aliases = range(next_str, n.aliases.size());
    r.participants = range(next_str, n.participants.size());
    r.mentions = range(next_str, e.mentions.size());
    r.links = range(next_link, n.links.size() + n.property_links.size());
    r.property_links = static_cast<std::uint32_t>(n.property_links.size());
    r.tasks = range(next_task, n.tasks.size());
    r.warnings = range(next_warning, e.warnings.size());
    if (n.date) {
      r.year = n.date->year;
      r.month = static_cast<std::uint8_t>(n.date->month);
      r.day = static_cast<std::uint8_t>(n.date->day);
    }
    r.kind = static_cast<std::uint8_t>(n.kind);
    r.excluded_by = n.excluded_by;
    r.flags = static_cast<std::uint8_t>((n.fm_ok ? kFmOk : 0) | (n.date ? kHasDate : 0));
    out.put(r);
  }
  for (const NoteId id : ids) {
    const NoteSummary& n = vault.notes[id];
    for (const auto s : n.aliases) out.put(ref(s));
    for (const auto s : n.participants) out.put(ref(s));
    for (const auto s : extra[id].mentions) out.put(ref(s));
  }
  for (const NoteId id : ids) {
    const NoteSummary& n = vault.notes[id];
    const auto& targets = vault.link_targets(id);
    for (std::size_t k = 0; k < n.links.size(); ++k) {
      out.put(LinkRecord{ref(n.links[k].target), static_cast<std::uint32_t>(n.links[k].line),
                         n.links[k].embed ? 1u : 0u, k < targets.size() ? targets[k] : -1});
    }
    for (const auto& l : n.property_links) {
      out.put(LinkRecord{ref(l.target), static_cast<std::uint32_t>(l.line), l.embed ? 1u : 0u, -1});
    }
  }
  for (const NoteId id : ids) {
    for (const Diagnostic* d : extra[id].warnings) {
      out.put(WarningRecord{static_cast<std::uint32_t>(std::max(d->line, 0)),
                            d->severity == Severity::Error ? 1u : 0u, ref(d->message)});
    }
  }
  for (const NoteId id : ids) {
    for (const NoteTask& t : vault.notes[id].tasks) {
      const auto parts = task_strings(t);
      TaskRecord record{};
      record.indentation = ref(parts[0]);
      record.marker = ref(parts[1]);
      record.status_symbol = ref(parts[2]);
      record.text = ref(parts[3]);
      record.heading = ref(parts[4]);
      record.line = static_cast<std::uint32_t>(std::max(t.line, 0));
      out.put(record);
    }
  }
  for (std::uint32_t id = 0; id < h.owners; ++id) {
    out.put(static_cast<std::int32_t>(vault.owner(static_cast<NoteId>(id))));
  }
  for (const InvolvementRecord& v : involvements) out.put(v);
  // The strings, in the order their references were made.
  out.bytes(KB_VERSION);
  out.bytes(vault_id);
  for (const NoteId id : ids) {
    const NoteSummary& n = vault.notes[id];
    out.bytes(n.path);
    out.bytes(n.name);
    out.bytes(n.summary);
    out.bytes(n.role);
    out.bytes(n.last_contact);
  }
  for (const NoteId id : ids) {
    const NoteSummary& n = vault.notes[id];
    for (const auto s : n.aliases) out.bytes(s);
    for (const auto s : n.participants) out.bytes(s);
    for (const auto s : extra[id].mentions) out.bytes(s);
  }
  for (const NoteId id : ids) {
    const NoteSummary& n = vault.notes[id];
    for (const auto& l : n.links) out.bytes(l.target);
    for (const auto& l : n.property_links) out.bytes(l.target);
  }
  for (const NoteId id : ids) {
    for (const Diagnostic* d : extra[id].warnings) out.bytes(d->message);
  }
  for (const NoteId id : ids) {
    for (const NoteTask& t : vault.notes[id].tasks) {
      for (const auto part : task_strings(t)) out.bytes(part);
    }
  }
  static constexpr char kZeros[8] = {};
  out.bytes(std::string_view(kZeros, layout.trailer - out.written()));
  out.finish();
}

}  // namespace kb::model
