#include "kb/model/parse_cache.hpp"

#include <cstring>
#include <limits>
#include <string>
#include <vector>

#include "kb/model/tasks_settings.hpp"
#include "kb/model/vault.hpp"
#include "kb/util/fnv.hpp"
#include "kb/util/hash64.hpp"
#include "parse_cache_format.hpp"

namespace kb::model {

using namespace cache_format;

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

void NoteSetHashes::add(const NoteSummary& note) {
  // Each path seeds the next: the order and every boundary count. hash64
  // runs several bytes per cycle; every warm run hashes every path.
  paths_ = hash64(note.path, paths_ ^ note.path.size());
  if (note.kind != NoteKind::Person) return;
  names_.add_field(note.path);
  names_.add_field(note.name);
  names_.add_field(std::to_string(note.aliases.size()));
  for (const auto alias : note.aliases) names_.add_field(alias);
}

std::uint64_t names_hash(std::span<const NoteSummary> notes) {
  NoteSetHashes hashes;
  for (const NoteSummary& note : notes) hashes.add(note);
  return hashes.names();
}

std::uint64_t paths_hash(std::span<const NoteSummary> notes) {
  NoteSetHashes hashes;
  for (const NoteSummary& note : notes) hashes.add(note);
  return hashes.paths();
}

namespace {

bool string_ok(std::uint64_t strings_bytes, StrRef ref) {
  return ref.offset <= strings_bytes && ref.size <= strings_bytes - ref.offset;
}

bool range_ok(Range r, std::uint32_t count) {
  return r.begin <= count && r.count <= count - r.begin;
}

}  // namespace

// What is checked, and when. The checksum covers every byte before it, so a
// cache that passes it holds exactly what some run of this kb version wrote
// (the header says which version and vault): damage from the disk, a copy cut
// short, blocks left unwritten by a crash (save() does not fsync) or another
// file in its place fails it, and is ignored and rebuilt. That is what keeps
// answers right, and it is why the whole file is checksummed on every run:
// any byte of it (a string, a count, a link target) can reach an answer, and
// a check of only the bytes a run reads would need a checksum per note.
// checksum64 costs half of what hash64 did (kb/util/checksum64.hpp says why
// it catches as much).
//
// The bounds of every offset, range and note index are what keep kb from
// reading outside the file; a file that passes the checksum fails them only
// if a kb bug or a person wrote it so. They are checked where they are read,
// not in a pass over the whole file: entry() checks its record's references
// as it decodes it (and is nothing when one is out of bounds: that note is
// then read from its file), owners() and involvement() check theirs. Only
// the checkbox lines' string references are checked here, once, because
// they are read where they lie, without a decoding step to check them in.
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
  CacheView view;
  view.base_ = base;
  view.count_ = h.notes;
  view.layout_ = layout;
  view.strings_bytes_ = h.strings_bytes;
  view.strs_ = h.strs;
  view.links_ = h.links;
  view.warnings_ = h.warnings;
  view.tasks_ = h.tasks;
  if (!string_ok(h.strings_bytes, h.kb_version) || !string_ok(h.strings_bytes, h.vault_id) ||
      string_at(base, layout, h.kb_version) != KB_VERSION ||
      (h.owners != 0 && h.owners != h.notes)) {
    return std::nullopt;
  }
  for (std::uint32_t i = 0; i < h.tasks; ++i) {
    const auto t = load<TaskRecord>(base + layout.tasks + std::uint64_t{i} * sizeof(TaskRecord));
    if (!string_ok(h.strings_bytes, t.indentation) || !string_ok(h.strings_bytes, t.marker) ||
        !string_ok(h.strings_bytes, t.status_symbol) || !string_ok(h.strings_bytes, t.text) ||
        !string_ok(h.strings_bytes, t.heading) || t.line > std::numeric_limits<int>::max()) {
      return std::nullopt;
    }
  }
  return view;
}

std::string_view CacheView::vault_id() const {
  return string_at(base_, layout_, header_of(base_).vault_id);
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

std::optional<std::vector<NoteId>> CacheView::owners() const {
  std::vector<NoteId> out(header_of(base_).owners);
  if (!out.empty()) std::memcpy(out.data(), base_ + layout_.owners, out.size() * sizeof(NoteId));
  for (const NoteId owner : out) {
    if (owner < -1 || owner >= static_cast<std::int64_t>(count_)) return std::nullopt;
  }
  return out;
}

std::optional<std::vector<std::vector<Involvement>>> CacheView::involvement() const {
  std::vector<std::vector<Involvement>> out(count_);
  const std::uint32_t records = header_of(base_).involvements;
  for (std::uint32_t i = 0; i < records; ++i) {
    const auto v = load<InvolvementRecord>(base_ + layout_.involvements +
                                           std::uint64_t{i} * sizeof(InvolvementRecord));
    const auto note_ok = [&](std::int32_t id) {
      return id >= 0 && static_cast<std::size_t>(id) < count_;
    };
    if (!note_ok(v.person) || !note_ok(v.note) || v.flags > 15) return std::nullopt;
    out[static_cast<std::size_t>(v.person)].push_back(
        {v.note, (v.flags & kListed) != 0, (v.flags & kLinked) != 0, (v.flags & kMentioned) != 0,
         (v.flags & kInFolder) != 0});
  }
  return out;
}

// An empty path, which no listed note has, when its reference is out of
// bounds. Entries out of order make the loader's merge and find() miss
// entries, never take a wrong one (both compare whole paths).
std::string_view CacheView::path(std::size_t i) const {
  const auto ref =
      load<StrRef>(base_ + layout_.records + i * sizeof(Record) + offsetof(Record, path));
  if (!string_ok(strings_bytes_, ref)) return {};
  return string_at(base_, layout_, ref);
}

long CacheView::find(std::string_view path) const {
  std::size_t lo = 0, hi = count_;
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (this->path(mid) < path) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo < count_ && this->path(lo) == path ? static_cast<long>(lo) : -1;
}

std::optional<CacheView::Entry> CacheView::entry(std::size_t i, Arena& arena) const {
  const Layout& layout = layout_;
  const auto r = load<Record>(base_ + layout.records + i * sizeof(Record));
  // The record's own bounds, and below each reference it leads to (open()
  // checked none of them).
  const auto str_ok = [&](StrRef ref) { return string_ok(strings_bytes_, ref); };
  if (!str_ok(r.path) || !str_ok(r.name) || !str_ok(r.summary) || !str_ok(r.role) ||
      !str_ok(r.last_contact) || !range_ok(r.aliases, strs_) || !range_ok(r.participants, strs_) ||
      !range_ok(r.mentions, strs_) || !range_ok(r.links, links_) ||
      r.property_links > r.links.count || !range_ok(r.warnings, warnings_) ||
      !range_ok(r.tasks, tasks_) || r.kind > static_cast<std::uint8_t>(NoteKind::Other) ||
      r.excluded_by < -1) {
    return std::nullopt;
  }
  const auto str = [&](StrRef ref) { return string_at(base_, layout, ref); };
  bool ok = true;
  const auto strings = [&](Range range) -> std::span<const std::string_view> {
    auto out = arena.make_array<std::string_view>(range.count);
    for (std::uint32_t k = 0; k < range.count; ++k) {
      const auto ref = load<StrRef>(base_ + layout.strs + (range.begin + k) * sizeof(StrRef));
      ok = ok && str_ok(ref);
      out[k] = ok ? str(ref) : std::string_view();
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
  // The links stay where they lie (NoteLinks decodes each when read): only
  // their bounds are checked here.
  const char* link_records =
      base_ + layout.links + std::uint64_t{r.links.begin} * sizeof(LinkRecord);
  for (std::uint32_t k = 0; k < r.links.count; ++k) {
    const auto link = load<LinkRecord>(link_records + std::uint64_t{k} * sizeof(LinkRecord));
    if (!str_ok(link.target) || link.resolved < -1 ||
        link.resolved >= static_cast<std::int64_t>(count_)) {
      return std::nullopt;
    }
  }
  const std::uint32_t body_links = r.links.count - r.property_links;
  s.links = NoteLinks(link_records, base_ + layout.strings, body_links);
  s.property_links = NoteLinks(link_records + std::uint64_t{body_links} * sizeof(LinkRecord),
                               base_ + layout.strings, r.property_links);
  s.task_count = r.tasks.count;
  entry.mentions = strings(r.mentions);
  for (std::uint32_t k = 0; k < r.warnings.count; ++k) {
    const auto w = load<WarningRecord>(base_ + layout.warnings +
                                       (r.warnings.begin + k) * sizeof(WarningRecord));
    if (!str_ok(w.message) || w.line > std::numeric_limits<int>::max()) return std::nullopt;
    entry.warnings.push_back({"", static_cast<int>(w.line), std::string(str(w.message)),
                              w.severity != 0 ? Severity::Error : Severity::Warning});
  }
  if (!ok) return std::nullopt;
  return entry;
}

TaskLines CacheView::tasks(std::size_t i) const {
  const auto range =
      load<Range>(base_ + layout_.records + i * sizeof(Record) + offsetof(Record, tasks));
  return TaskLines(base_ + layout_.tasks + std::uint64_t{range.begin} * sizeof(TaskRecord),
                   base_ + layout_.strings, range.count);
}

}  // namespace kb::model
