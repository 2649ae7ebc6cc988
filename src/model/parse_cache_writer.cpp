#include <algorithm>
#include <array>
#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "kb/model/parse_cache.hpp"
#include "kb/model/vault.hpp"
#include "kb/util/checksum64.hpp"
#include "parse_cache_format.hpp"

namespace kb::model {

using namespace cache_format;

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
    hash_ = checksum64(chunk_, hash_);
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
    h.tasks += n.task_count;
    for (const NoteTask& t : vault.tasks(id)) {
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
    r.tasks = range(next_task, n.task_count);
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
    for (const NoteTask& t : vault.tasks(id)) {
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
    for (const NoteTask& t : vault.tasks(id)) {
      for (const auto part : task_strings(t)) out.bytes(part);
    }
  }
  static constexpr char kZeros[8] = {};
  out.bytes(std::string_view(kZeros, layout.trailer - out.written()));
  out.finish();
}

}  // namespace kb::model
