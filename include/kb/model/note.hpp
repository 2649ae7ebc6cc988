#pragma once
// One Markdown file of the vault, in two parts. Its summary is what every
// query needs and exactly what the parse cache stores: path, stat, kind,
// name, aliases, date, summary line, participants, links, how many checkbox
// lines (the lines themselves: Vault::tasks, kb/model/task_lines.hpp). Its
// body (text, front-matter, Markdown scan) is read on demand through the
// vault (Vault::body), which returns it or an error, never an empty one.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kb/io/fs.hpp"
#include "kb/model/arena.hpp"
#include "kb/model/conventions.hpp"
#include "kb/model/view_iterator.hpp"
#include "kb/text/checkbox.hpp"
#include "kb/text/date.hpp"
#include "kb/text/frontmatter.hpp"
#include "kb/text/markdown.hpp"

namespace kb::model {

enum class NoteKind { Person, Customer, Project, Meeting, Source, Other };
std::string_view kind_name(NoteKind k);  // "person", "customer", ...
inline bool is_entity(NoteKind k) {
  return k == NoteKind::Person || k == NoteKind::Customer || k == NoteKind::Project;
}

std::string_view stem_of(std::string_view path);    // file name without folder and ".md"
std::string_view folder_of(std::string_view path);  // "" for the vault root

// A wikilink of the note: in the body (outside code), or a front-matter
// property value that is a whole link ("[[X]]", at any depth of the YAML).
struct NoteLink {
  std::string_view target;        // as written, without #subpath and |alias
  int line = 0;                   // 1-based
  bool embed = false;             // ![[...]]
  std::string_view path() const;  // what resolves: target trimmed, without ".md"
};

// A note's links where they lie: an array (a note read this run: in the
// vault's arena) or link records of the mapped parse cache, each decoded
// when it is read, so a warm run builds no array of links it never reads.
// Immutable, like what it points into: safe on any number of threads.
class NoteLinks {
 public:
  NoteLinks() = default;
  explicit NoteLinks(std::span<const NoteLink> links)
      : links_(links.data()), count_(static_cast<std::uint32_t>(links.size())) {}
  // `count` link records of a checked cache file at `records`, their strings
  // in the string table at `strings` (parse_cache_format.hpp).
  NoteLinks(const char* records, const char* strings, std::uint32_t count)
      : records_(records), strings_(strings), count_(count) {}

  std::size_t size() const { return count_; }
  bool empty() const { return count_ == 0; }
  NoteLink operator[](std::size_t i) const { return links_ != nullptr ? links_[i] : decode(i); }
  using iterator = ViewIterator<NoteLinks, NoteLink>;
  iterator begin() const { return {this, 0}; }
  iterator end() const { return {this, count_}; }
  // From the cache: link i's target as the run that wrote it resolved it (a
  // note index, or -1), valid while the vault holds the same paths.
  bool from_cache() const { return records_ != nullptr; }
  int cached_target(std::size_t i) const;

 private:
  NoteLink decode(std::size_t i) const;
  const NoteLink* links_ = nullptr;
  const char* records_ = nullptr;
  const char* strings_ = nullptr;
  std::uint32_t count_ = 0;
};

// A checkbox line of the note outside code: what a task query reads of it
// (kb::tasks reads the task from the checkbox under the vault's settings).
struct NoteTask {
  text::CheckboxLine checkbox;
  std::string_view heading;  // text of the nearest heading above, "" if none
  int line = 0;              // 1-based
};

// Every string and span points into storage the vault owns (its arena, or
// the mapped parse cache): a summary is copied freely and never outlives
// its vault.
struct NoteSummary {
  std::string_view path;        // vault-relative, '/' separators, with ".md"
  io::FileStat stat;            // as read; regen refuses when the file changed since
  std::uint64_t text_hash = 0;  // hash64 of the bytes the summary was made from
  NoteKind kind = NoteKind::Other;
  bool fm_ok = true;      // false: malformed front-matter (loaded as if it had none)
  std::string_view name;  // front-matter `title`, else the file stem
  std::span<const std::string_view> aliases;
  std::optional<text::Date> date;
  std::string_view summary;  // front-matter `summary`, else the first prose line of the body
  std::span<const std::string_view> participants;  // names or link paths, from keys and headings
  NoteLinks links;                                 // body links, in text order
  NoteLinks property_links;                        // front-matter links, in YAML order
  // How many checkbox lines outside code it has; Vault::tasks reads them,
  // for the notes a query asks about only.
  std::uint32_t task_count = 0;
  // Index of the rule in conventions.exclusions that keeps the note out of
  // the people graph (kind Other, involving no one, never rewritten), or -1.
  int excluded_by = -1;
  // Person notes only (model/profile.hpp): what `kb people` lists, so that
  // it reads no note. "" when none.
  std::string_view role;
  std::string_view last_contact;  // front-matter last_contact as written

  std::string_view stem() const { return stem_of(path); }
  std::string_view folder() const { return folder_of(path); }
};

// The parsed text. Every string_view of split, fm and scan points into
// `text`, so a body is used where it is (it does not move or copy).
struct NoteBody {
  std::string text;
  text::FrontMatterSplit split;
  text::FrontMatter fm;
  bool fm_ok = true;
  text::MarkdownScan scan;

  NoteBody() = default;
  NoteBody(const NoteBody&) = delete;
  NoteBody& operator=(const NoteBody&) = delete;
};

// Parses a note's text: front-matter and the Markdown scan. Front-matter
// problems go to `diagnostics` (path left empty). Pure: no I/O.
std::unique_ptr<NoteBody> parse_body(std::string text, Diagnostics& diagnostics);

// The summary of a parsed note at `path` (which must outlive the summary,
// like `arena`, where its strings are kept). Diagnostics carry the path.
NoteSummary summarise(std::string_view path, const NoteBody& body, const Conventions& conventions,
                      Arena& arena, Diagnostics& diagnostics);
// The note's checkbox lines outside code, in text order, copied into `arena`
// (what Vault::tasks gives of a note read this run, and the cache keeps).
std::span<const NoteTask> store_tasks(const NoteBody& body, Arena& arena);

}  // namespace kb::model
