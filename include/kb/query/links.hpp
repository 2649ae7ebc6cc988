#pragma once
// The links of one note and the links into it, body and front-matter alike
// (Obsidian counts a property value "[[X]]" as a link), resolved the way
// Obsidian does, attachments included.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "kb/model/vault.hpp"

namespace kb::query {

// Every file of the vault that is not a note, resolvable by link path like
// notes are: exact path, the linking note's folder, then the shortest path
// ending in "/<link path>"; case-insensitive.
class AttachmentIndex {
 public:
  AttachmentIndex() = default;
  // `files` as io::FileSystem::list_files gives them; ".md" files are skipped.
  explicit AttachmentIndex(const std::vector<std::string>& files);
  // The attachment's path, or nothing.
  std::optional<std::string> resolve(std::string_view link_path,
                                     std::string_view from_folder) const;

 private:
  std::unordered_map<std::string, std::string> by_path_;               // folded path -> path
  std::unordered_map<std::string, std::vector<std::string>> by_name_;  // folded file name -> paths
};

struct LinkRef {
  model::NoteId from = -1;
  int line = 0;
  std::string_view target;     // as written, without #subpath and |alias
  std::string_view link_path;  // what resolves: target without ".md"
  bool embed = false;
  bool front_matter = false;              // a property value rather than body text
  model::NoteId note = -1;                // the note it resolves to, or -1
  std::optional<std::string> attachment;  // else the attachment it resolves to
  bool resolved() const { return note >= 0 || attachment.has_value(); }
};

// The note's links in line order (front-matter first, it comes first).
std::vector<LinkRef> outgoing_links(const model::Vault& vault, model::NoteId note,
                                    const AttachmentIndex& attachments);

// Links from other notes resolving to `note`, by path then line.
std::vector<LinkRef> incoming_links(const model::Vault& vault, model::NoteId note);

// NAME as a vault-relative path ("People/Asaf Levy.md", ".md" optional) or -1.
model::NoteId find_note_by_path(const model::Vault& vault, std::string_view path);

}  // namespace kb::query
