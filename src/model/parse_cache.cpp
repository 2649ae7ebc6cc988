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
  view.layout_ = layout;
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

std::vector<NoteId> CacheView::owners() const {
  const Layout& layout = layout_;
  std::vector<NoteId> out(header_of(base_).owners);
  if (!out.empty()) std::memcpy(out.data(), base_ + layout.owners, out.size() * sizeof(NoteId));
  return out;
}

std::vector<std::vector<Involvement>> CacheView::involvement() const {
  const Layout& layout = layout_;
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
  const auto ref =
      load<StrRef>(base_ + layout_.records + i * sizeof(Record) + offsetof(Record, path));
  return string_at(base_, layout_, ref);
}

long CacheView::find(std::string_view path) const {
  const Layout& layout = layout_;
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
  const Layout& layout = layout_;
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

}  // namespace kb::model
