#pragma once
// Folder ownership and involvement: who a note belongs to and whom it is
// about. Used by Vault::build(); exposed for tests.
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/vault.hpp"
#include "kb/text/markdown.hpp"

namespace kb::model {

// The text a note's mentions are looked for in: its front-matter title and
// summary, and its body outside code and comments, each piece scanned on its
// own so that no match spans two. Kept from the note's read until the vault
// has looked for every person's names in it, without the rest of the body
// (front-matter values, the Markdown scan), which the summary has taken.
struct NoteProse {
  std::string owned;                    // the note's bytes, unless its body is kept
  std::string_view text;                // `owned`, or the kept body's text
  std::vector<text::ByteRange> pieces;  // of `text`
  std::string title, summary;           // front-matter scalars, as written

  template <typename F>
  void for_each_piece(F&& on_piece) const {
    on_piece(std::string_view(title));
    on_piece(std::string_view(summary));
    for (const auto& piece : pieces) on_piece(text.substr(piece.begin, piece.end - piece.begin));
  }
};

// The prose of `body`, taking its text (`take_text`: the body is dropped
// next) or pointing into it (the body is kept, and outlives the prose).
std::unique_ptr<NoteProse> prose_of(NoteBody& body, bool take_text);

// Per note: the people (person notes among `notes`) whose name, file stem or
// alias its prose names as a whole word, case- and accent-insensitively
// (kb/model/name_matcher.hpp); for the notes that have prose. Each prose is
// freed once scanned, on all cores.
std::vector<std::vector<NoteId>> find_mentions(std::span<const NoteSummary> notes,
                                               std::vector<std::unique_ptr<NoteProse>>& prose);

// Per note: the entity whose folder (bearing the entity's name) holds it,
// nearest folder first; -1 when none. An entity note owns its own folder.
std::vector<NoteId> compute_owners(const Vault& vault);

// Per note: for person notes, the non-entity notes involving them (in note
// order); empty for every other note. Needs owners and link targets.
std::vector<std::vector<Involvement>> compute_involvement(const Vault& vault);

}  // namespace kb::model
