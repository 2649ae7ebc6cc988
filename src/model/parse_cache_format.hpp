// The parse cache's file layout, shared by its reader (parse_cache.cpp) and
// its writer (parse_cache_writer.cpp); private to src/model.
#pragma once

#include <cstdint>
#include <cstring>
#include <string_view>

#include "kb/model/parse_cache.hpp"
#include "kb/model/vault.hpp"
#include "kb/util/checksum64.hpp"

namespace kb::model::cache_format {

// Bump when what a summary holds, what parse_note derives, or the layout
// below changes.
constexpr std::uint32_t kFormatVersion = 9;  // 9: checksum64; 8: paths hash by hash64;
                                             // 7: owners and involvement;
                                             // 6: checkbox lines; 5: role, last_contact;
                                             // 4: exclusions; 3: summaries used in place
                                             // (2: comments hide mentions)
constexpr char kMagic[8] = {'k', 'b', 'c', 'a', 'c', 'h', 'e', '\n'};
constexpr std::size_t kChecksumChunk = std::size_t{64} * 1024;

// The file, in order: Header, Record[notes], StrRef[strs], LinkRecord[links],
// WarningRecord[warnings], TaskRecord[tasks], int32 owner[owners],
// InvolvementRecord[involvements], the string table (strings_bytes), zero padding to
// a multiple of 8, and a u64 checksum of everything before it (checksum64
// chained over 64 KiB chunks). Little-endian, as the machine that wrote it: a cache
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

// Offsets of each section; false when the counts overflow.
inline bool layout_of(const Header& h, Layout& out) {
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

inline std::uint64_t checksum(std::string_view bytes) {
  std::uint64_t h = 0;
  for (std::size_t at = 0; at < bytes.size(); at += kChecksumChunk) {
    h = checksum64(bytes.substr(at, kChecksumChunk), h);
  }
  return h;
}

// What the readers need of the header, at the start of the mapped bytes.
inline Header header_of(const char* base) {
  return load<Header>(base);
}

inline std::string_view string_at(const char* base, const Layout& layout, StrRef ref) {
  return {base + layout.strings + ref.offset, ref.size};
}

}  // namespace kb::model::cache_format
