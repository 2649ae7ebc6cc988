#include "kb/model/classify.hpp"

#include <array>
#include <optional>
#include <string>

#include "kb/text/trim.hpp"
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

void add_scalar(std::string_view scalar, std::vector<PropertyValue>& out) {
  scalar = text::trim_line(scalar);
  if (scalar.empty()) return;
  // Every [[...]] in the scalar; none: the scalar itself.
  bool found = false;
  for (std::size_t open = scalar.find("[["); open != std::string_view::npos;
       open = scalar.find("[[", open + 2)) {
    const std::size_t close = scalar.find("]]", open + 2);
    if (close == std::string_view::npos) break;
    const std::string_view path = text::link_path(
        text::parse_wikilink_inner(scalar.substr(open + 2, close - open - 2), false));
    if (!path.empty()) out.push_back({std::string(path), true});
    found = true;
    open = close;
  }
  if (!found) out.push_back({std::string(scalar), false});
}

void collect_values(const text::YamlValue& value, std::vector<PropertyValue>& out) {
  if (value.is_scalar()) {
    add_scalar(value.scalar, out);
    return;
  }
  if (!value.is_sequence()) return;
  // An unquoted [[Jane]] is YAML for a list holding a list holding "Jane".
  if (value.items.size() == 1 && value.items[0].is_sequence() && value.items[0].items.size() == 1 &&
      value.items[0].items[0].is_scalar()) {
    const std::string_view path =
        text::link_path(text::parse_wikilink_inner(value.items[0].items[0].scalar, false));
    if (!path.empty()) out.push_back({std::string(path), true});
    return;
  }
  for (const auto& item : value.items) {
    if (item.is_scalar()) {
      add_scalar(item.scalar, out);
    } else if (item.is_sequence()) {
      collect_values(item, out);
    }
  }
}

}  // namespace

std::vector<PropertyValue> property_values(const text::YamlValue& value) {
  std::vector<PropertyValue> out;
  collect_values(value, out);
  return out;
}

namespace {

bool is_tag_byte(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         c == '-' || c == '/' || c >= 0x80;
}

// Obsidian: a tag needs at least one character that is not a digit ("#123" is not a tag).
bool is_tag(std::string_view tag) {
  for (char c : tag) {
    if (c < '0' || c > '9') return !tag.empty();
  }
  return false;
}

void add_tag(std::string_view tag, std::vector<std::string>& tags) {
  if (!tag.empty() && tag.front() == '#') tag.remove_prefix(1);
  if (is_tag(tag)) tags.push_back(text::fold_case(tag));
}

// Front-matter `tags` (or the older `tag`): a list, or one string of tags
// separated by commas or spaces; '#' optional.
void front_matter_tags(const NoteBody& note, std::vector<std::string>& tags) {
  for (const char* key : {"tags", "tag"}) {
    const auto* value = note.fm.find_ci(key);
    if (value == nullptr) continue;
    for (const auto& item : property_values(*value)) {
      std::string_view rest = item.text;
      while (!rest.empty()) {
        const std::size_t end = rest.find_first_of(", \t");
        add_tag(rest.substr(0, end), tags);
        rest = end == std::string_view::npos ? std::string_view{} : rest.substr(end + 1);
      }
    }
  }
}

// Body tags: '#' at the start of a line or after a space, outside code and
// HTML comments (Obsidian reads the tags inside %% ... %%), then tag
// characters. One pass over the body.
void body_tags(const NoteBody& note, std::vector<std::string>& tags) {
  const std::string_view text = note.text;
  const auto code = text::hidden_ranges(note.scan, text::HiddenComments::HtmlOnly);
  std::size_t code_index = 0;
  for (std::size_t at = text.find('#', note.split.body_begin); at != std::string_view::npos;
       at = text.find('#', at + 1)) {
    while (code_index < code.size() && code[code_index].end <= at) ++code_index;
    if (code_index < code.size() && code[code_index].begin <= at) continue;
    if (at > 0 && text[at - 1] != ' ' && text[at - 1] != '\t' && text[at - 1] != '\n') continue;
    std::size_t end = at + 1;
    while (end < text.size() && is_tag_byte(static_cast<unsigned char>(text[end]))) ++end;
    add_tag(text.substr(at + 1, end - at - 1), tags);
    at = end - 1;
  }
}

// What a note says about its kind, gathered once.
struct Markers {
  std::vector<std::string> types;       // `type` values, in order
  std::vector<std::string> tags;        // folded, without '#'
  std::vector<std::string> categories;  // as written, links unwrapped
  std::string folder;                   // folded folder the note counts as filed in
};

// "People/Jane.md" and "People/Jane/Jane.md" both count as filed in "people".
std::string filing_folder(std::string_view path) {
  std::string_view folder = folder_of(path);
  const std::size_t slash = folder.rfind('/');
  const std::string_view last = slash == std::string_view::npos ? folder : folder.substr(slash + 1);
  if (!last.empty() && text::fold_case(last) == text::fold_case(stem_of(path))) {
    folder = slash == std::string_view::npos ? std::string_view{} : folder.substr(0, slash);
  }
  return text::fold_case(folder);
}

Markers markers_of(std::string_view path, const NoteBody& note) {
  Markers markers;
  if (const auto* type = note.fm.find_ci("type")) {
    for (auto& value : property_values(*type)) markers.types.push_back(std::move(value.text));
  }
  front_matter_tags(note, markers.tags);
  body_tags(note, markers.tags);
  if (const auto* categories = note.fm.find_ci("categories")) {
    for (auto& value : property_values(*categories)) {
      markers.categories.push_back(std::move(value.text));
    }
  }
  markers.folder = filing_folder(path);
  return markers;
}

bool has_tag(const Markers& markers, const KindRule& rule) {
  for (const auto& tag : rule.tags) {
    std::string_view wanted = tag;
    if (!wanted.empty() && wanted.front() == '#') wanted.remove_prefix(1);
    const std::string folded = text::fold_case(wanted);
    for (const auto& have : markers.tags) {
      if (have == folded) return true;
    }
  }
  return false;
}

// "[[People]]", "People" and "[[Categories/People]]" all name the category People.
bool has_category(const Markers& markers, const KindRule& rule) {
  for (const auto& category : markers.categories) {
    std::string_view name = category;
    if (contains_folded(rule.categories, name)) return true;
    const std::size_t slash = name.rfind('/');
    if (slash != std::string_view::npos &&
        contains_folded(rule.categories, name.substr(slash + 1))) {
      return true;
    }
  }
  return false;
}

// A rule's folder is a name ("People") or a path ("Areas/People"); either
// matches the end of the folder the note is filed in.
bool in_folder(const Markers& markers, const KindRule& rule) {
  if (markers.folder.empty()) return false;
  for (const auto& folder : rule.folders) {
    std::string_view wanted = folder;
    while (!wanted.empty() && wanted.front() == '/') wanted.remove_prefix(1);
    while (!wanted.empty() && wanted.back() == '/') wanted.remove_suffix(1);
    if (wanted.empty()) continue;
    const std::string folded = text::fold_case(wanted);
    const std::string& have = markers.folder;
    if (have == folded) return true;
    if (have.size() > folded.size() && have.ends_with(folded) &&
        have[have.size() - folded.size() - 1] == '/') {
      return true;
    }
  }
  return false;
}

}  // namespace

NoteKind classify(std::string_view path, const NoteBody& body, const Conventions& conventions) {
  const std::array<std::pair<NoteKind, const KindRule*>, 5> rules{{
      {NoteKind::Person, &conventions.person},
      {NoteKind::Customer, &conventions.customer},
      {NoteKind::Project, &conventions.project},
      {NoteKind::Meeting, &conventions.meeting},
      {NoteKind::Source, &conventions.source},
  }};
  const Markers markers = markers_of(path, body);
  for (const auto& type : markers.types) {
    for (const auto& [kind, rule] : rules) {
      if (contains_folded(rule->types, type)) return kind;
    }
  }
  for (const auto& [kind, rule] : rules) {
    if (has_tag(markers, *rule) || has_category(markers, *rule)) return kind;
  }
  // A `type` that names no kind still outranks the folder: "type: book" in
  // People/ is not a person.
  if (!markers.types.empty()) return NoteKind::Other;
  for (const auto& [kind, rule] : rules) {
    if (in_folder(markers, *rule)) return kind;
  }
  return NoteKind::Other;
}

}  // namespace kb::model
