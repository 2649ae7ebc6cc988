#include "kb/model/note.hpp"

#include <algorithm>
#include <utility>
#include <vector>

#include "kb/model/classify.hpp"
#include "kb/model/profile.hpp"
#include "kb/text/checkbox.hpp"
#include "kb/text/trim.hpp"
#include "kb/text/unicode.hpp"
#include "kb/text/wikilink.hpp"
#include "kb/util/hash64.hpp"

namespace kb::model {

std::string_view kind_name(NoteKind k) {
  switch (k) {
    case NoteKind::Person:
      return "person";
    case NoteKind::Customer:
      return "customer";
    case NoteKind::Project:
      return "project";
    case NoteKind::Meeting:
      return "meeting";
    case NoteKind::Source:
      return "source";
    case NoteKind::Other:
      break;
  }
  return "note";
}

std::string_view stem_of(std::string_view p) {
  const std::size_t slash = p.rfind('/');
  if (slash != std::string_view::npos) p.remove_prefix(slash + 1);
  if (p.size() >= 3 && p.substr(p.size() - 3) == ".md") p.remove_suffix(3);
  return p;
}

std::string_view folder_of(std::string_view p) {
  const std::size_t slash = p.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : p.substr(0, slash);
}

std::string_view NoteLink::path() const {
  text::WikiLink link;
  link.target = target;
  return text::link_path(link);
}

namespace {

// A front-matter date: "2025-11-07", 2025-11-07, "2026-08-03T10:00",
// "[[2026-08-03]]", [[2026-08-03]] (a YAML list in a list), "[[Daily/2026-08-03]]".
std::optional<text::Date> date_of_value(const text::YamlValue& value) {
  for (const auto& item : property_values(value)) {
    std::string_view s = item.text;
    if (item.link) {
      const std::size_t slash = s.rfind('/');
      if (slash != std::string_view::npos) s.remove_prefix(slash + 1);
    }
    if (auto date = text::parse_leading_date(s)) return date;
  }
  return std::nullopt;
}

// The first date key that holds a date (keys in any case: `Date`), else a
// date leading the file name ("2023-09-12 Meeting with Steph").
std::optional<text::Date> note_date(std::string_view path, const NoteBody& note,
                                    const Conventions& conventions) {
  for (const auto& key : conventions.date_keys) {
    if (const auto* value = note.fm.find_ci(key)) {
      if (auto date = date_of_value(*value)) return date;
    }
  }
  return text::parse_leading_date(stem_of(path));
}

// The participant lists: under a participant heading ("## Attendees", also
// "Attendees:"), its lines up to the first blank line after some content or
// the next heading of any level.
std::vector<text::ByteRange> participant_lists(const NoteBody& note,
                                               const Conventions& conventions) {
  std::vector<text::ByteRange> lists;
  const std::string_view text = note.text;
  const auto& headings = note.scan.headings;
  for (std::size_t h = 0; h < headings.size(); ++h) {
    std::string_view name = headings[h].text;
    if (!name.empty() && name.back() == ':')
      name = text::trim_line(name.substr(0, name.size() - 1));
    if (!contains_folded(conventions.participant_headings, name)) continue;
    const std::size_t section_end =
        h + 1 < headings.size() ? headings[h + 1].line_begin : text.size();
    text::ByteRange list{headings[h].line_end, headings[h].line_end};
    for (std::size_t pos = list.begin; pos < section_end;) {
      const std::size_t newline = text.find('\n', pos);
      const std::size_t line_end = std::min(newline, section_end);
      const std::size_t next = newline < section_end ? newline + 1 : section_end;
      if (text::trim_line(text.substr(pos, line_end - pos)).empty()) {
        if (list.end > list.begin) break;  // the blank line after the list
        list.begin = next;                 // blank lines before it
      }
      list.end = next;
      pos = next;
    }
    lists.push_back(list);
  }
  return lists;
}

bool in_any(const std::vector<text::ByteRange>& ranges, std::size_t offset) {
  for (const auto& range : ranges) {
    if (range.begin <= offset && offset < range.end) return true;
  }
  return false;
}

// The line [begin, end) without the comments on it (a reader does not see them).
std::string without_comments(const NoteBody& note, std::size_t begin, std::size_t end) {
  std::string out;
  std::size_t pos = begin;
  for (const auto& comment : note.scan.comments) {
    if (comment.range.end <= pos || comment.range.begin >= end) continue;
    if (comment.range.begin > pos) out.append(note.text, pos, comment.range.begin - pos);
    pos = std::min(end, comment.range.end);
  }
  if (pos < end) out.append(note.text, pos, end - pos);
  return out;
}

// The first line of prose: not blank, not a heading, not in code or a
// comment, not a task, not in a participant list; list markers and quote
// markers stripped, inline comments removed.
std::string first_prose_line(const NoteBody& note, const std::vector<text::ByteRange>& skipped) {
  const std::string_view text = note.text;
  std::size_t pos = note.split.body_begin;
  std::size_t hidden_index = 0;
  const auto hidden = text::hidden_ranges(note.scan);
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t line_begin = pos;
    pos = end + 1;
    while (hidden_index < hidden.size() && hidden[hidden_index].end <= line_begin) ++hidden_index;
    if (hidden_index < hidden.size() && hidden[hidden_index].begin <= line_begin) continue;
    if (in_any(skipped, line_begin)) continue;
    const std::string visible = without_comments(note, line_begin, end);
    std::string_view line = text::trim_line(visible);
    if (line.empty() || line[0] == '#' || line == "---") continue;
    if (text::checkbox_line(line)) continue;
    if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("> ")) {
      line = text::trim_line(line.substr(2));
    }
    if (!line.empty()) return std::string(line);
  }
  return {};
}

// Plain names may be written several to a string: "Jane Doe, John Smith".
void add_names(std::vector<std::string>& participants, std::string_view names) {
  while (!names.empty()) {
    const std::size_t comma = names.find(',');
    const std::string_view name = text::trim_line(names.substr(0, comma));
    if (!name.empty()) participants.emplace_back(name);
    names = comma == std::string_view::npos ? std::string_view{} : names.substr(comma + 1);
  }
}

// "- ", "* ", "+ ", "1. ", "1) " at the start of a trimmed line.
std::string_view without_list_marker(std::string_view line) {
  if (line.size() >= 2 && (line[0] == '-' || line[0] == '*' || line[0] == '+') && line[1] == ' ') {
    return text::trim_line(line.substr(2));
  }
  std::size_t digits = 0;
  while (digits < line.size() && line[digits] >= '0' && line[digits] <= '9') ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') &&
      line[digits + 1] == ' ') {
    return text::trim_line(line.substr(digits + 2));
  }
  return line;
}

// A list line's links are participants; a line without links holds plain names.
void collect_list_participants(const NoteBody& note, text::ByteRange list,
                               std::vector<std::string>& participants) {
  const std::string_view text = note.text;
  const auto& links = note.scan.links;
  const auto hidden = text::hidden_ranges(note.scan);
  std::size_t link_index = 0;
  while (link_index < links.size() && links[link_index].offset < list.begin) ++link_index;
  for (std::size_t pos = list.begin; pos < list.end;) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos || end > list.end) end = list.end;
    const std::string_view line = text::trim_line(text.substr(pos, end - pos));
    const bool hidden_line = in_any(hidden, pos);
    pos = end + 1;
    if (hidden_line) {  // in code or a comment (whose %% links are read, but name no one here)
      while (link_index < links.size() && links[link_index].offset < end) ++link_index;
      continue;
    }
    bool linked = false;
    for (; link_index < links.size() && links[link_index].offset < end; ++link_index) {
      if (links[link_index].link.embed) continue;
      const std::string_view path = text::link_path(links[link_index].link);
      if (!path.empty()) participants.emplace_back(path);
      linked = true;
    }
    // A line whose links all sit in code has none here; its text is no name either.
    if (!linked && line.find("[[") == std::string_view::npos)
      add_names(participants, without_list_marker(line));
  }
}

// Front-matter participant keys in any case (`Attendees:`), each value a name,
// a "[[link]]" or a list of them; then the participant lists.
std::vector<std::string> collect_participants(const NoteBody& note, const Conventions& conventions,
                                              const std::vector<text::ByteRange>& lists) {
  std::vector<std::string> participants;
  for (const auto& key : conventions.participant_keys) {
    const auto* value = note.fm.find_ci(key);
    if (value == nullptr) continue;
    for (auto& item : property_values(*value)) {
      if (item.link) {
        participants.push_back(std::move(item.text));
      } else {
        add_names(participants, item.text);
      }
    }
  }
  for (const auto& list : lists) collect_list_participants(note, list, participants);
  return participants;
}

// Property values that are a whole wikilink, at any depth of the YAML
// (Obsidian counts a property "[[X]]" as a link).
void collect_property_links(const text::YamlValue& value, std::vector<NoteLink>& out,
                            Arena& arena) {
  if (value.is_scalar()) {
    if (const auto link = text::parse_whole_wikilink(value.scalar)) {
      out.push_back({arena.store(link->target), value.line, link->embed});
    }
  }
  for (const auto& item : value.items) collect_property_links(item, out, arena);
  for (const auto& [key, item] : value.entries) collect_property_links(item, out, arena);
}

std::span<const std::string_view> store_strings(const std::vector<std::string>& items,
                                                Arena& arena) {
  std::vector<std::string_view> views;
  views.reserve(items.size());
  for (const auto& item : items) views.push_back(arena.store(item));
  return arena.store_array<std::string_view>(views);
}

}  // namespace

std::unique_ptr<NoteBody> parse_body(std::string text, Diagnostics& diagnostics) {
  auto body = std::make_unique<NoteBody>();
  body->text = std::move(text);
  body->split = text::split_front_matter(body->text);
  std::size_t body_begin = body->split.bom;
  int body_line = 1;
  if (body->split.present && body->split.terminated) {
    auto parsed = text::parse_front_matter(body->split.yaml, body->split.yaml_first_line);
    for (auto& d : parsed.diagnostics) diagnostics.push_back(std::move(d));
    body->fm_ok = parsed.ok;
    if (parsed.ok) body->fm = std::move(parsed.fm);
    body_begin = body->split.body_begin;
    body_line = body->split.body_first_line;
  } else if (body->split.present) {
    diagnostics.push_back({"", 1, "front-matter has no closing '---' line; read as text"});
  }
  body->scan = text::scan_markdown(body->text, body_begin, body_line);
  return body;
}

NoteSummary summarise(std::string_view path, const NoteBody& body, const Conventions& conventions,
                      Arena& arena, Diagnostics& /*diagnostics*/) {
  NoteSummary note;
  note.path = path;
  note.stat.size = body.text.size();
  note.text_hash = hash64(body.text);
  note.fm_ok = body.fm_ok;
  note.kind = classify(path, body, conventions);
  const std::string title = body.fm.get_string("title");
  note.name = text::trim_line(title).empty() ? stem_of(path) : arena.store(text::trim_line(title));
  std::vector<std::string_view> aliases;
  std::vector<std::string> alias_strings;
  for (const char* key : {"aliases", "alias"}) {
    if (const auto* value = body.fm.find_ci(key)) {
      for (const auto& alias : value->as_strings()) {
        if (!text::trim_line(alias).empty()) alias_strings.emplace_back(text::trim_line(alias));
      }
    }
  }
  note.aliases = store_strings(alias_strings, arena);
  note.date = note_date(path, body, conventions);
  const auto lists = participant_lists(body, conventions);
  const std::string summary = body.fm.get_string("summary");
  note.summary = arena.store(text::trim_line(summary).empty() ? first_prose_line(body, lists)
                                                              : text::trim_line(summary));
  note.participants = store_strings(collect_participants(body, conventions, lists), arena);

  auto links = arena.make_array<NoteLink>(body.scan.links.size());
  for (std::size_t i = 0; i < links.size(); ++i) {
    const auto& occurrence = body.scan.links[i];
    links[i] = {arena.store(occurrence.link.target), occurrence.line, occurrence.link.embed};
  }
  note.links = NoteLinks(links);
  std::vector<NoteLink> property_links;
  for (const auto& [key, value] : body.fm.entries) {
    collect_property_links(value, property_links, arena);
  }
  note.property_links = NoteLinks(arena.store_array<NoteLink>(property_links));
  note.task_count = static_cast<std::uint32_t>(body.scan.tasks.size());
  if (note.kind == NoteKind::Person) {
    const Profile profile = read_profile(body);
    note.role = arena.store(profile.role);
    note.last_contact = arena.store(profile.last_contact);
  }
  return note;
}

std::span<const NoteTask> store_tasks(const NoteBody& body, Arena& arena) {
  // Task queries read these rather than the body (for the cache, too).
  auto tasks = arena.make_array<NoteTask>(body.scan.tasks.size());
  std::vector<std::string_view> headings(tasks.empty() ? 0 : body.scan.headings.size());
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    const auto& occurrence = body.scan.tasks[i];
    const text::CheckboxLine& c = occurrence.checkbox;
    tasks[i].checkbox = {arena.store(c.indentation), arena.store(c.marker),
                         arena.store(c.status_symbol), arena.store(c.text)};
    if (occurrence.heading >= 0) {  // each heading stored once
      auto& heading = headings[static_cast<std::size_t>(occurrence.heading)];
      if (heading.empty()) heading = arena.store(body.scan.headings[occurrence.heading].text);
      tasks[i].heading = heading;
    }
    tasks[i].line = occurrence.line;
  }
  return tasks;
}

}  // namespace kb::model
