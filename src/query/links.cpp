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

// Property values that are a whole wikilink, at any depth of the YAML.
void collect_front_matter_links(const text::YamlValue& value, model::NoteId from,
                                std::vector<LinkRef>& out) {
  if (value.is_scalar()) {
    if (const auto link = text::parse_whole_wikilink(value.scalar)) {
      LinkRef ref;
      ref.from = from;
      ref.line = value.line;
      ref.target = link->target;
      ref.link_path = text::link_path(*link);
      ref.embed = link->embed;
      ref.front_matter = true;
      out.push_back(ref);
    }
  }
  for (const auto& item : value.items) collect_front_matter_links(item, from, out);
  for (const auto& [key, item] : value.entries) collect_front_matter_links(item, from, out);
}

std::vector<LinkRef> front_matter_links(const model::Vault& vault, model::NoteId note) {
  std::vector<LinkRef> links;
  for (const auto& [key, value] : vault.notes[note].fm.entries) {
    collect_front_matter_links(value, note, links);
  }
  for (auto& link : links) link.note = vault.resolve(link.link_path, note);
  return links;
}

LinkRef body_link(const model::Vault& vault, model::NoteId note, std::size_t index) {
  const auto& occurrence = vault.notes[note].scan.links[index];
  LinkRef ref;
  ref.from = note;
  ref.line = occurrence.line;
  ref.target = occurrence.link.target;
  ref.link_path = text::link_path(occurrence.link);
  ref.embed = occurrence.link.embed;
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
  for (std::size_t i = 0; i < vault.notes[note].scan.links.size(); ++i) {
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
    if (from == note) continue;
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
    const std::string& pa = vault.notes[a.from].path;
    const std::string& pb = vault.notes[b.from].path;
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
