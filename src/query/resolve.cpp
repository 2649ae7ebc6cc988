#include "kb/query/resolve.hpp"

#include <algorithm>

#include "kb/query/links.hpp"
#include "kb/text/edit_distance.hpp"
#include "kb/text/unicode.hpp"
#include "kb/text/wikilink.hpp"

namespace kb::query {

namespace {

using Result = NameLookup::Result;
using How = NameLookup::How;

bool of_kind(const model::NoteSummary& note, const std::vector<model::NoteKind>& kinds) {
  return model::is_entity(note.kind) &&
         (kinds.empty() || std::find(kinds.begin(), kinds.end(), note.kind) != kinds.end());
}

std::string_view trim(std::string_view s) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && space(s.front())) s.remove_prefix(1);
  while (!s.empty() && space(s.back())) s.remove_suffix(1);
  return s;
}

NameLookup found(model::NoteId id, How how, const model::Vault& vault, const NameRules& rules) {
  NameLookup lookup;
  lookup.how = how;
  lookup.notes = {id};
  lookup.result =
      rules.any_note || of_kind(vault.notes[id], rules.kinds) ? Result::Found : Result::NotOfKind;
  return lookup;
}

// The words of a name, case and accents folded: "Élodie Marchand-Roy" ->
// elodie, marchand, roy.
std::vector<std::string> folded_words(std::string_view name) {
  const std::string folded = text::fold_name(name);
  std::vector<std::string> words;
  std::string word;
  for (std::size_t i = 0; i < folded.size();) {
    const std::size_t start = i;
    if (text::is_word_char(text::decode_utf8(folded, i))) {
      word.append(folded, start, i - start);
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

// Each typed word starts a word of the name, in order.
bool words_prefix(const std::vector<std::string>& typed, const std::vector<std::string>& name) {
  std::size_t next = 0;
  for (const auto& word : typed) {
    while (next < name.size() && !name[next].starts_with(word)) ++next;
    if (next == name.size()) return false;
    ++next;
  }
  return true;
}

std::vector<model::NoteId> prefix_matches(const model::Vault& vault, std::string_view name,
                                          const std::vector<model::NoteKind>& kinds) {
  const auto typed = folded_words(name);
  std::vector<model::NoteId> matches;
  if (typed.empty()) return matches;
  for (model::NoteId id = 0; id < static_cast<model::NoteId>(vault.notes.size()); ++id) {
    const model::NoteSummary& note = vault.notes[id];
    if (!of_kind(note, kinds)) continue;
    bool match = words_prefix(typed, folded_words(note.name)) ||
                 words_prefix(typed, folded_words(note.stem()));
    for (std::size_t a = 0; !match && a < note.aliases.size(); ++a) {
      match = words_prefix(typed, folded_words(note.aliases[a]));
    }
    if (match) matches.push_back(id);
  }
  return matches;
}

NameLookup by_name(const model::Vault& vault, std::string_view name, const NameRules& rules) {
  NameLookup lookup;
  lookup.notes = vault.find_entities(name, rules.kinds);
  if (lookup.notes.empty() && rules.prefixes) {
    lookup.notes = prefix_matches(vault, name, rules.kinds);
    lookup.how = How::Prefix;
  }
  if (lookup.notes.size() == 1) {
    lookup.result = Result::Found;
  } else if (lookup.notes.size() > 1) {
    lookup.result = Result::Ambiguous;
  } else {
    lookup.how = How::Name;
    lookup.notes = closest_entities(vault, name, rules.kinds);
  }
  return lookup;
}

}  // namespace

NameLookup resolve_name(const model::Vault& vault, std::string_view name, const NameRules& rules) {
  name = trim(name);
  if (const model::NoteId id = find_note_by_path(vault, name); id >= 0) {
    return found(id, How::Path, vault, rules);
  }
  // A file name ("Asaf Levy.md"): the note a link to it reaches.
  if (name.size() > 3 && text::fold_case(name.substr(name.size() - 3)) == ".md") {
    if (const model::NoteId id = vault.resolve(name.substr(0, name.size() - 3), -1); id >= 0) {
      return found(id, How::Link, vault, rules);
    }
  }
  if (const auto link = text::parse_whole_wikilink(name)) {
    const std::string_view target = text::link_path(*link);
    if (const model::NoteId id = vault.resolve(target, -1); id >= 0 && !target.empty()) {
      return found(id, How::Link, vault, rules);
    }
    return by_name(vault, target, rules);
  }
  return by_name(vault, name, rules);
}

std::string selecting_argument(const model::Vault& vault, model::NoteId note,
                               const NameRules& rules) {
  std::string name(vault.notes[note].name);
  const auto lookup = resolve_name(vault, name, rules);
  if (lookup.result == Result::Found && lookup.notes.front() == note && trim(name) == name) {
    return name;
  }
  return std::string(vault.notes[note].path);
}

std::vector<std::string> complete_name(const model::Vault& vault, std::string_view typed,
                                       const NameRules& rules) {
  const std::string folded = text::fold_name(typed);
  std::vector<model::NoteId> matches;
  for (model::NoteId id = 0; id < static_cast<model::NoteId>(vault.notes.size()); ++id) {
    const model::NoteSummary& note = vault.notes[id];
    if (!of_kind(note, rules.kinds)) continue;
    bool match = text::fold_name(note.name).starts_with(folded) ||
                 text::fold_name(note.stem()).starts_with(folded);
    for (std::size_t a = 0; !match && a < note.aliases.size(); ++a) {
      match = text::fold_name(note.aliases[a]).starts_with(folded);
    }
    if (match) matches.push_back(id);
  }
  if (matches.empty()) matches = prefix_matches(vault, typed, rules.kinds);
  std::vector<std::string> arguments;
  arguments.reserve(matches.size());
  for (const model::NoteId id : matches) arguments.push_back(selecting_argument(vault, id, rules));
  // Paths once the typed text is one ("People/"); for any note, also when
  // nothing else matches.
  if (typed.find('/') != std::string_view::npos || (rules.any_note && arguments.empty())) {
    const std::string case_folded = text::fold_case(typed);
    for (const auto& note : vault.notes) {
      if ((rules.any_note || of_kind(note, rules.kinds)) &&
          text::fold_case(note.path).starts_with(case_folded)) {
        arguments.emplace_back(note.path);
      }
    }
  }
  std::sort(arguments.begin(), arguments.end());
  arguments.erase(std::unique(arguments.begin(), arguments.end()), arguments.end());
  return arguments;
}

std::vector<model::NoteId> closest_entities(const model::Vault& vault, std::string_view name,
                                            const std::vector<model::NoteKind>& kinds,
                                            std::size_t max_count) {
  const std::string folded = text::fold_name(trim(name));
  std::vector<std::pair<std::size_t, model::NoteId>> scored;
  for (model::NoteId id = 0; id < static_cast<model::NoteId>(vault.notes.size()); ++id) {
    const model::NoteSummary& note = vault.notes[id];
    if (!of_kind(note, kinds)) continue;
    const std::string candidate = text::fold_name(note.name);
    const std::size_t score = candidate.find(folded) != std::string::npos
                                  ? 0
                                  : 1 + text::edit_distance(folded, candidate);
    scored.emplace_back(score, id);
  }
  std::sort(scored.begin(), scored.end(), [&](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return vault.notes[a.second].name < vault.notes[b.second].name;
  });
  std::vector<model::NoteId> closest;
  for (const auto& [score, id] : scored) {
    if (closest.size() == max_count || score > 1 + folded.size() / 2) break;
    closest.push_back(id);
  }
  return closest;
}

}  // namespace kb::query
