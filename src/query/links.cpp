#include "kb/query/links.hpp"

#include <algorithm>

#include "kb/text/unicode.hpp"
#include "kb/text/wikilink.hpp"

namespace kb::query {

namespace {

std::string_view file_name(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

// The note's front-matter links (property values that are a whole
// wikilink, at any depth of the YAML), resolved.
std::vector<LinkRef> front_matter_links(const model::Vault& vault, model::NoteId note) {
  std::vector<LinkRef> links;
  for (const model::NoteLink& link : vault.notes[note].property_links) {
    LinkRef ref;
    ref.from = note;
    ref.line = link.line;
    ref.target = link.target;
    ref.link_path = link.path();
    ref.embed = link.embed;
    ref.front_matter = true;
    ref.note = vault.resolve(ref.link_path, note);
    links.push_back(ref);
  }
  return links;
}

LinkRef body_link(const model::Vault& vault, model::NoteId note, std::size_t index) {
  const model::NoteLink& link = vault.notes[note].links[index];
  LinkRef ref;
  ref.from = note;
  ref.line = link.line;
  ref.target = link.target;
  ref.link_path = link.path();
  ref.embed = link.embed;
  ref.note = vault.link_targets(note)[index];
  return ref;
}

}  // namespace

AttachmentIndex::AttachmentIndex(const std::vector<std::string>& files) {
  for (const auto& path : files) {
    if (path.ends_with(".md")) continue;  // notes resolve through the vault
    by_path_.emplace(text::fold_case(path), path);
    by_name_[text::fold_case(file_name(path))].push_back(path);
  }
}

std::optional<std::string> AttachmentIndex::resolve(std::string_view link_path,
                                                    std::string_view from_folder) const {
  if (!link_path.empty() && link_path.front() == '/') link_path.remove_prefix(1);
  if (link_path.empty()) return std::nullopt;
  const std::string folded = text::fold_case(link_path);
  if (auto it = by_path_.find(folded); it != by_path_.end()) return it->second;
  if (!from_folder.empty()) {
    const std::string relative = text::fold_case(from_folder) + "/" + folded;
    if (auto it = by_path_.find(relative); it != by_path_.end()) return it->second;
  }
  const auto it = by_name_.find(std::string(file_name(folded)));
  if (it == by_name_.end()) return std::nullopt;
  const std::string suffix = "/" + folded;
  const std::string* best = nullptr;
  for (const auto& path : it->second) {
    const std::string folded_path = text::fold_case(path);
    if (folded_path != folded && !folded_path.ends_with(suffix)) continue;
    if (!best || path.size() < best->size()) best = &path;
  }
  return best ? std::optional<std::string>(*best) : std::nullopt;
}

std::vector<LinkRef> outgoing_links(const model::Vault& vault, model::NoteId note,
                                    const AttachmentIndex& attachments) {
  std::vector<LinkRef> links = front_matter_links(vault, note);
  for (std::size_t i = 0; i < vault.notes[note].links.size(); ++i) {
    links.push_back(body_link(vault, note, i));
  }
  const std::string_view folder = vault.notes[note].folder();
  for (auto& link : links) {
    if (link.note < 0) link.attachment = attachments.resolve(link.link_path, folder);
  }
  std::stable_sort(links.begin(), links.end(),
                   [](const LinkRef& a, const LinkRef& b) { return a.line < b.line; });
  return links;
}

std::vector<LinkRef> incoming_links(const model::Vault& vault, model::NoteId note) {
  std::vector<LinkRef> links;
  for (model::NoteId from = 0; from < static_cast<model::NoteId>(vault.notes.size()); ++from) {
    if (from == note || vault.notes[from].property_links.empty()) continue;
    for (const auto& link : front_matter_links(vault, from)) {
      if (link.note == note) links.push_back(link);
    }
  }
  for (model::NoteId from : vault.backlinks(note)) {
    const auto& targets = vault.link_targets(from);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      if (targets[i] == note) links.push_back(body_link(vault, from, i));
    }
  }
  std::stable_sort(links.begin(), links.end(), [&](const LinkRef& a, const LinkRef& b) {
    const std::string_view pa = vault.notes[a.from].path;
    const std::string_view pb = vault.notes[b.from].path;
    if (pa != pb) return pa < pb;
    return a.line < b.line;
  });
  return links;
}

model::NoteId find_note_by_path(const model::Vault& vault, std::string_view path) {
  while (path.starts_with("./")) path.remove_prefix(2);
  if (path.empty()) return -1;
  if (const model::NoteId id = vault.find_path(path); id >= 0) return id;
  return vault.find_path(std::string(path) + ".md");
}

}  // namespace kb::query
