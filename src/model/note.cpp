#include "kb/model/note.hpp"

#include <utility>

#include "kb/model/classify.hpp"
#include "kb/text/unicode.hpp"
#include "kb/text/wikilink.hpp"

namespace kb::model {

std::string_view kind_name(NoteKind k) {
  switch (k) {
    case NoteKind::Person: return "person";
    case NoteKind::Customer: return "customer";
    case NoteKind::Project: return "project";
    case NoteKind::Meeting: return "meeting";
    case NoteKind::Source: return "source";
    case NoteKind::Other: break;
  }
  return "note";
}

std::string_view Note::stem() const {
  std::string_view p = path;
  const std::size_t slash = p.rfind('/');
  if (slash != std::string_view::npos) p.remove_prefix(slash + 1);
  if (p.size() >= 3 && p.substr(p.size() - 3) == ".md") p.remove_suffix(3);
  return p;
}

std::string_view Note::folder() const {
  std::string_view p = path;
  const std::size_t slash = p.rfind('/');
  return slash == std::string_view::npos ? std::string_view{} : p.substr(0, slash);
}

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

// A front-matter date: "2025-11-07", 2025-11-07, "2026-08-03T10:00", "[[2026-08-03]]".
std::optional<text::Date> date_of_value(const text::YamlValue& value) {
  if (!value.is_scalar()) return std::nullopt;
  std::string_view s = trim(value.scalar);
  if (auto link = text::parse_whole_wikilink(s)) s = text::link_path(*link);
  return text::parse_leading_date(s);
}

std::optional<text::Date> note_date(const Note& note, const Conventions& conventions) {
  for (const auto& key : conventions.date_keys) {
    if (const auto* value = note.fm.find_ci(key)) {
      if (auto date = date_of_value(*value)) return date;
    }
  }
  return text::parse_leading_date(note.stem());
}

// The first line of prose: not blank, not a heading, not in code, not a
// task; list markers and quote markers stripped.
std::string first_prose_line(const Note& note) {
  const std::string_view text = note.text;
  std::size_t pos = note.split.body_begin;
  std::size_t code_index = 0;
  const auto& code = note.scan.code;
  while (pos < text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::size_t line_begin = pos;
    pos = end + 1;
    while (code_index < code.size() && code[code_index].end <= line_begin) ++code_index;
    if (code_index < code.size() && code[code_index].begin <= line_begin) continue;
    std::string_view line = trim(text.substr(line_begin, end - line_begin));
    if (line.empty() || line[0] == '#' || line == "---") continue;
    if (text::parse_task_line(line)) continue;
    if (line.starts_with("- ") || line.starts_with("* ") || line.starts_with("> ")) {
      line = trim(line.substr(2));
    }
    if (!line.empty()) return std::string(line);
  }
  return {};
}

void add_participant(Note& note, std::string_view raw) {
  std::string_view s = trim(raw);
  if (auto link = text::parse_whole_wikilink(s)) s = text::link_path(*link);
  if (!s.empty()) note.participants.emplace_back(s);
}

void collect_participants(Note& note, const Conventions& conventions) {
  for (const auto& key : conventions.participant_keys) {
    if (const auto* value = note.fm.find_ci(key)) {
      for (const auto& name : value->as_strings()) add_participant(note, name);
    }
  }
  // Links under an "## Attendees" heading, one a line.
  const auto& headings = note.scan.headings;
  for (std::size_t h = 0; h < headings.size(); ++h) {
    if (!contains_folded(conventions.participant_headings, headings[h].text)) continue;
    const text::ByteRange body = text::section_body(note.scan, h, note.text.size());
    for (const auto& occurrence : note.scan.links) {
      if (occurrence.offset >= body.begin && occurrence.offset < body.end) {
        add_participant(note, text::link_path(occurrence.link));
      }
    }
  }
}

}  // namespace

Note parse_note(std::string path, std::string text, const Conventions& conventions,
                Diagnostics& diagnostics) {
  Note note;
  note.path = std::move(path);
  note.text = std::move(text);
  // Views into a short string would dangle when the note moves (small-string
  // optimisation); a reserved capacity keeps the bytes on the heap.
  note.text.reserve(32);

  note.split = text::split_front_matter(note.text);
  std::size_t body_begin = note.split.bom;
  int body_line = 1;
  if (note.split.present && note.split.terminated) {
    auto parsed = text::parse_front_matter(note.split.yaml, note.split.yaml_first_line);
    for (auto& d : parsed.diagnostics) {
      d.path = note.path;
      diagnostics.push_back(std::move(d));
    }
    note.fm_ok = parsed.ok;
    if (parsed.ok) note.fm = std::move(parsed.fm);
    body_begin = note.split.body_begin;
    body_line = note.split.body_first_line;
  } else if (note.split.present) {
    diagnostics.push_back({note.path, 1, "front-matter has no closing '---' line; read as text"});
  }
  note.scan = text::scan_markdown(note.text, body_begin, body_line);

  note.kind = classify(note, conventions);
  note.name = trim(note.fm.get_string("title"));
  if (note.name.empty()) note.name = note.stem();
  for (const char* key : {"aliases", "alias"}) {
    if (const auto* value = note.fm.find_ci(key)) {
      for (const auto& alias : value->as_strings()) {
        if (!trim(alias).empty()) note.aliases.emplace_back(trim(alias));
      }
    }
  }
  note.date = note_date(note, conventions);
  note.summary = trim(note.fm.get_string("summary"));
  if (note.summary.empty()) note.summary = first_prose_line(note);
  collect_participants(note, conventions);
  return note;
}

}  // namespace kb::model
