#include "kb/model/classify.hpp"

#include <cctype>
#include <string>

#include "kb/text/unicode.hpp"
#include "kb/text/wikilink.hpp"

namespace kb::model {

bool contains_folded(const std::vector<std::string>& list, std::string_view value) {
  const std::string folded = text::fold_case(value);
  for (const auto& item : list) {
    if (text::fold_case(item) == folded) return true;
  }
  return false;
}

namespace {

// "[[People]]" and "People" name the same category.
std::string_view unwrap_link(std::string_view s) {
  if (auto link = text::parse_whole_wikilink(s)) return text::link_path(*link);
  return s;
}

// A body tag "#people" counts when it stands alone as a tag (outside code):
// preceded by start or whitespace, followed by an end of tag.
bool body_has_tag(const Note& note, std::string_view tag) {
  const std::string_view text = note.text;
  const std::string needle = "#" + std::string(tag);
  std::size_t from = note.split.body_begin;
  std::size_t code_index = 0;
  const auto& code = note.scan.code;
  while (true) {
    std::size_t at = text.find(needle, from);
    if (at == std::string_view::npos) return false;
    from = at + 1;
    while (code_index < code.size() && code[code_index].end <= at) ++code_index;
    if (code_index < code.size() && code[code_index].begin <= at) continue;
    const bool starts = at == 0 || text[at - 1] == ' ' || text[at - 1] == '\t' ||
                        text[at - 1] == '\n';
    const std::size_t end = at + needle.size();
    const bool ends = end == text.size() || !(std::isalnum(static_cast<unsigned char>(text[end])) ||
                                              text[end] == '_' || text[end] == '-' ||
                                              text[end] == '/');
    if (starts && ends) return true;
  }
}

bool matches_rule(const Note& note, const KindRule& rule, std::string_view type) {
  if (!type.empty()) return contains_folded(rule.types, type);
  if (const auto* tags = note.fm.find_ci("tags")) {
    for (const auto& tag : tags->as_strings()) {
      std::string_view t = tag;
      if (!t.empty() && t[0] == '#') t.remove_prefix(1);
      if (contains_folded(rule.tags, t)) return true;
    }
  }
  if (const auto* categories = note.fm.find_ci("categories")) {
    for (const auto& category : categories->as_strings()) {
      if (contains_folded(rule.categories, unwrap_link(category))) return true;
    }
  }
  for (const auto& tag : rule.tags) {
    if (body_has_tag(note, tag)) return true;
  }
  // Directly inside the folder ("People/Jane.md"), or in a folder of its own
  // name there ("People/Jane/Jane.md").
  const std::string_view folder = note.folder();
  const std::string_view stem = note.stem();
  std::string_view parent = folder;
  const std::size_t slash = folder.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? folder : folder.substr(slash + 1);
  if (!last.empty() && text::fold_case(last) == text::fold_case(stem)) {
    parent = slash == std::string_view::npos ? std::string_view{} : folder.substr(0, slash);
  }
  const std::size_t parent_slash = parent.rfind('/');
  const std::string_view parent_name =
      parent_slash == std::string_view::npos ? parent : parent.substr(parent_slash + 1);
  return !parent_name.empty() && contains_folded(rule.folders, parent_name);
}

}  // namespace

NoteKind classify(const Note& note, const Conventions& conventions) {
  std::string type;
  if (const auto* value = note.fm.find_ci("type"); value && value->is_scalar()) {
    type = value->scalar;
  }
  // `type` decides alone when present, so a meeting filed in People/ stays a meeting.
  if (matches_rule(note, conventions.person, type)) return NoteKind::Person;
  if (matches_rule(note, conventions.customer, type)) return NoteKind::Customer;
  if (matches_rule(note, conventions.project, type)) return NoteKind::Project;
  if (!type.empty()) {
    if (contains_folded(conventions.meeting.types, type)) return NoteKind::Meeting;
    if (contains_folded(conventions.source.types, type)) return NoteKind::Source;
    return NoteKind::Other;
  }
  if (matches_rule(note, conventions.meeting, type)) return NoteKind::Meeting;
  if (matches_rule(note, conventions.source, type)) return NoteKind::Source;
  return NoteKind::Other;
}

}  // namespace kb::model
