#pragma once
// One Markdown file of the vault, parsed: the unit the vault is built from.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/io/fs.hpp"
#include "kb/model/conventions.hpp"
#include "kb/text/date.hpp"
#include "kb/text/frontmatter.hpp"
#include "kb/text/markdown.hpp"

namespace kb::model {

enum class NoteKind { Person, Customer, Project, Meeting, Source, Other };
std::string_view kind_name(NoteKind k);  // "person", "customer", ...
inline bool is_entity(NoteKind k) {
  return k == NoteKind::Person || k == NoteKind::Customer || k == NoteKind::Project;
}

// What a note taken from the parse cache (kb/model/parse_cache.hpp) holds in
// place of its text: what the vault's indexes would otherwise scan it for.
struct CachedScan {
  std::vector<std::string> link_paths;  // text::link_path of each scan.links entry, in order
  std::vector<std::string> mentions;    // paths of the people its prose names
  std::size_t task_count = 0;           // scan.tasks.size()
  // What each link resolved to (note indexes), valid while the vault holds
  // the same paths; the loader empties it otherwise.
  std::vector<int> link_targets;
};

struct Note {
  std::string path;   // vault-relative, '/' separators, with ".md"
  std::string text;   // the file's bytes, as read
  io::FileStat stat;  // as read; regen refuses when the file changed since
  text::FrontMatterSplit split;
  text::FrontMatter fm;
  bool fm_ok = true;  // false: malformed front-matter (loaded as if it had none)
  text::MarkdownScan scan;

  NoteKind kind = NoteKind::Other;
  std::string name;  // front-matter `title`, else the file stem
  std::vector<std::string> aliases;
  std::optional<text::Date> date;
  std::string summary;  // front-matter `summary`, else the first prose line of the body
  std::vector<std::string>
      participants;  // names or link paths (brackets removed), from keys and headings
  // Index of the rule in conventions.exclusions that keeps the note out of
  // the people graph (kind Other, involving no one, never rewritten), or -1.
  int excluded_by = -1;

  // Set when the note came from the parse cache: `text`, `split`, `fm` and
  // `scan` are then empty until Vault::hydrate reads the file again. Every
  // field above is filled either way.
  std::optional<CachedScan> cached;
  bool hydrated() const { return !cached.has_value(); }

  std::string_view stem() const;    // file name without folder and ".md"
  std::string_view folder() const;  // "" for the vault root
};

// Parses one file into a note: front-matter, body scan, kind, name, date,
// summary, participants. Diagnostics carry the note's path. Pure: no I/O.
// `text` is kept in the note and every string_view of split/fm/scan points
// into it, so the note may be moved but its text must not be modified.
Note parse_note(std::string path, std::string text, const Conventions& conventions,
                Diagnostics& diagnostics);

}  // namespace kb::model
