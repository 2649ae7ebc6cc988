// The section rewrite behind `kb regen`. Three passes over the text, each
// re-scanned (notes are small): add missing section headings, replace the
// generated section bodies, edit `last_contact`. All refusals are decided on
// the original text first, so their line numbers are the user's.
#include "kb/edit/regen.hpp"

#include <algorithm>

#include "kb/text/frontmatter.hpp"
#include "kb/text/markdown.hpp"
#include "kb/text/checkbox.hpp"

namespace kb::edit {
namespace {

using text::ByteRange;
using text::MarkdownScan;

constexpr std::string_view kProfile = "Profile";
// Sections the seed places after Open Tasks / Recent Context.
constexpr std::string_view kFollowing[] = {"Key Facts",         "Topics",           "Key Decisions",
                                           "Related Customers", "Related Projects", "Related"};

Diagnostic refusal(int line, std::string message) {
  return Diagnostic{"", line, std::move(message), Severity::Error};
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

bool is_blank_line(std::string_view s) {
  return std::all_of(s.begin(), s.end(), is_blank);
}

struct Line {
  std::string_view content;  // without the line ending
  std::size_t begin = 0;
  std::size_t next = 0;  // after the line ending
};

Line line_at(std::string_view text, std::size_t begin) {
  const std::size_t nl = text.find('\n', begin);
  std::size_t end = nl == std::string_view::npos ? text.size() : nl;
  const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
  if (end > begin && text[end - 1] == '\r') --end;
  return {text.substr(begin, end - begin), begin, next};
}

// The note's own line ending, decided by its first line. Lone CRs (old Mac
// endings) are no line endings: a run finishes such a last line with "\n"
// right after its CR, and the next run must not take that for CRLF. A note
// of one line ending in its only CR is read as CRLF.
std::string note_eol(std::string_view text) {
  const std::size_t nl = text.find('\n');
  if (nl == std::string_view::npos) {
    return !text.empty() && text.find('\r') == text.size() - 1 ? "\r\n" : "\n";
  }
  if (nl == 0 || text[nl - 1] != '\r') return "\n";
  return text.substr(0, nl - 1).find('\r') == std::string_view::npos ? "\r\n" : "\n";
}

bool ends_with_newline(std::string_view text, std::size_t bom) {
  return text.size() <= bom || text.back() == '\n';
}

int line_number_at(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

// ---- fences and headings, as text::scan_markdown reads them ----

struct FenceRun {
  char marker = 0;
  std::size_t length = 0;
  std::string_view rest;  // after the run
};

std::optional<FenceRun> fence_run(std::string_view content) {
  std::size_t i = 0;
  while (i < content.size() && is_blank(content[i])) ++i;
  if (i >= content.size() || (content[i] != '`' && content[i] != '~')) return std::nullopt;
  FenceRun run;
  run.marker = content[i];
  const std::size_t start = i;
  while (i < content.size() && content[i] == run.marker) ++i;
  run.length = i - start;
  if (run.length < 3) return std::nullopt;
  run.rest = content.substr(i);
  return run;
}

bool opens_fence(std::string_view content) {
  const auto run = fence_run(content);
  return run && !(run->marker == '`' && run->rest.find('`') != std::string_view::npos);
}

bool looks_like_heading(std::string_view content) {
  std::size_t i = 0;
  while (i < content.size() && i < 3 && content[i] == ' ') ++i;
  const std::size_t hashes = i;
  while (i < content.size() && content[i] == '#') ++i;
  const std::size_t level = i - hashes;
  return level >= 1 && level <= 6 && (i == content.size() || is_blank(content[i]));
}

// A fenced code range of the scan that runs to the end because nothing
// closed it (a closed fence may end at the end too, on its closing line).
bool is_unterminated_fence(std::string_view text, const ByteRange& range) {
  if (range.end != text.size()) return false;
  const Line first = line_at(text, range.begin);
  const auto open = fence_run(first.content);
  if (!open || !opens_fence(first.content)) return false;  // an inline code span
  if (first.next >= range.end) return true;                // only the opening line
  std::size_t content_end = range.end;
  if (text[content_end - 1] == '\n') --content_end;
  const std::size_t last_begin = text.rfind('\n', content_end - 1) + 1;
  const std::string_view last = line_at(text, last_begin).content;
  const auto close = fence_run(last);
  return !(close && close->marker == open->marker && close->length >= open->length &&
           is_blank_line(close->rest));
}

// ---- locating the generated sections ----

struct Sections {
  std::optional<std::size_t> open_tasks, recent_context;  // heading indices
};

Expected<Sections> find_sections(const MarkdownScan& scan, const PersonSections& s) {
  Sections found;
  for (std::size_t i = 0; i < scan.headings.size(); ++i) {
    const text::Heading& h = scan.headings[i];
    for (auto [name, slot] : {std::pair{&s.open_tasks_heading, &found.open_tasks},
                              std::pair{&s.recent_context_heading, &found.recent_context}}) {
      if (h.text != *name) continue;
      if (*slot)
        return Expected<Sections>::failure(refusal(h.line, "duplicate section '" + *name + "'"));
      *slot = i;
    }
  }
  return found;
}

// What regeneration replaces: up to the next heading of any level.
ByteRange region_of(const MarkdownScan& scan, std::size_t index, std::size_t text_size) {
  const std::size_t begin = scan.headings[index].line_end;
  return {begin,
          index + 1 < scan.headings.size() ? scan.headings[index + 1].line_begin : text_size};
}

bool inside(std::size_t offset, const ByteRange& r) {
  return offset >= r.begin && offset < r.end;
}

std::optional<Diagnostic> check_sections(std::string_view text, const MarkdownScan& scan,
                                         const Sections& found, const PersonSections& s) {
  struct Generated {
    const std::string* name;
    ByteRange region;
  };
  std::vector<Generated> generated;
  if (found.open_tasks) {
    generated.push_back({&s.open_tasks_heading, region_of(scan, *found.open_tasks, text.size())});
  }
  if (found.recent_context) {
    generated.push_back(
        {&s.recent_context_heading, region_of(scan, *found.recent_context, text.size())});
  }
  for (const ByteRange& code : scan.code) {
    if (!is_unterminated_fence(text, code)) continue;
    const int line = line_number_at(text, code.begin);
    for (const Generated& g : generated) {
      if (!inside(code.begin, g.region)) continue;
      const bool is_query = std::any_of(scan.task_queries.begin(), scan.task_queries.end(),
                                        [&](const auto& q) { return q.begin == code.begin; });
      return refusal(line, "section '" + *g.name + "' has an unterminated " +
                               (is_query ? "```tasks block" : "code fence"));
    }
    return refusal(line, "unterminated code fence; close it before regenerating");
  }
  for (const Generated& g : generated) {
    for (const text::TaskOccurrence& t : scan.tasks) {
      if (inside(t.line_begin, g.region)) {
        return refusal(t.line, "section '" + *g.name +
                                   "' contains hand-written tasks; move them out before "
                                   "regenerating");
      }
    }
  }
  if (found.open_tasks) {
    int blocks = 0;
    for (const text::QueryBlock& q : scan.task_queries) {
      if (inside(q.begin, generated.front().region) && ++blocks == 2) {
        return refusal(q.line, "section '" + s.open_tasks_heading +
                                   "' has more than one ```tasks block; keep one before "
                                   "regenerating");
      }
    }
  }
  return std::nullopt;
}

bool is_iso_date(std::string_view s) {
  if (s.size() != 10) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? s[i] != '-' : (s[i] < '0' || s[i] > '9')) return false;
  }
  return true;
}

// A generated line must read back as the same plain line, or the next run
// would see a task, a heading or a fence and the rewrite would not be stable.
std::optional<Diagnostic> check_generated(const PersonSections& s) {
  if (s.open_tasks_heading.empty() || s.recent_context_heading.empty() ||
      s.open_tasks_heading == s.recent_context_heading) {
    return refusal(0, "cannot regenerate: the two section names must differ and not be empty");
  }
  for (const auto* lines : {&s.recent_context_lines, &s.open_task_lines}) {
    for (const std::string& line : *lines) {
      if (line.find_first_of("\r\n") != std::string::npos || text::checkbox_line(line) ||
          looks_like_heading(line) || fence_run(line)) {
        return refusal(0, "cannot regenerate: generated line is not a plain line: " + line);
      }
    }
  }
  if (s.last_contact && !is_iso_date(*s.last_contact)) {
    return refusal(0, "cannot regenerate: last_contact is not YYYY-MM-DD: " + *s.last_contact);
  }
  std::string_view query = s.default_query;
  while (!query.empty()) {
    const Line line = line_at(query, 0);
    if (fence_run(line.content)) {
      return refusal(0, "cannot regenerate: the default query contains a fence line");
    }
    query.remove_prefix(line.next);
  }
  return std::nullopt;
}

// ---- pass 1: add missing headings ----

std::size_t open_tasks_position(const MarkdownScan& scan, const PersonSections& s,
                                std::size_t text_size) {
  for (std::size_t i = 0; i < scan.headings.size(); ++i) {
    if (scan.headings[i].text == kProfile) return text::section_body(scan, i, text_size).end;
  }
  for (const text::Heading& h : scan.headings) {
    if (h.text == s.recent_context_heading ||
        std::find(std::begin(kFollowing), std::end(kFollowing), h.text) != std::end(kFollowing)) {
      return h.line_begin;
    }
  }
  return text_size;
}

// The line that ends right before `at` (`at` is a line start or the end).
std::string_view line_before(std::string_view text, std::size_t at) {
  std::size_t end = at;
  if (end > 0 && text[end - 1] == '\n') --end;
  const std::size_t begin = end == 0 ? 0 : text.rfind('\n', end - 1) + 1;
  return line_at(text, begin).content;
}

std::string insert_headings(std::string_view text, const text::FrontMatterSplit& split,
                            std::size_t at, const std::vector<std::string>& headings,
                            const std::string& eol) {
  const bool final_newline = ends_with_newline(text, split.bom);
  std::string out(text.substr(0, at));
  if (at > split.bom && text[at - 1] != '\n') {  // finish an unterminated last line
    out += text[at - 1] == '\r' ? std::string("\n") : eol;  // "\r" + "\n", not "\r\r\n"
  }
  if (at > split.body_begin && !is_blank_line(line_before(text, at))) out += eol;
  for (std::size_t i = 0; i < headings.size(); ++i) {
    out += headings[i];
    if (i + 1 < headings.size() || at < text.size() || final_newline) out += eol;
  }
  out += text.substr(at);
  return out;
}

std::string insert_missing(std::string_view text, const text::FrontMatterSplit& split,
                           const MarkdownScan& scan, const Sections& found, const PersonSections& s,
                           const std::string& eol) {
  if (found.open_tasks && found.recent_context) return std::string(text);
  std::vector<std::string> headings;
  std::size_t at = 0;
  if (!found.open_tasks) {
    headings.push_back("## " + s.open_tasks_heading);
    if (!found.recent_context) headings.push_back("## " + s.recent_context_heading);
    at = open_tasks_position(scan, s, text.size());
  } else {
    headings.push_back("## " + s.recent_context_heading);
    at = text::section_body(scan, *found.open_tasks, text.size()).end;
  }
  return insert_headings(text, split, at, headings, eol);
}

// ---- pass 2: replace the generated bodies ----

struct Piece {
  std::string content;
  std::string eol;
};

std::vector<Piece> open_tasks_body(std::string_view text, const MarkdownScan& scan,
                                   const ByteRange& region, const PersonSections& s,
                                   const std::string& eol) {
  std::vector<Piece> body{{"", eol}};
  const auto block = std::find_if(scan.task_queries.begin(), scan.task_queries.end(),
                                  [&](const auto& q) { return inside(q.begin, region); });
  if (block != scan.task_queries.end()) {
    // Kept byte for byte, including its own closing line ending.
    std::string_view raw = text.substr(block->begin, block->end - block->begin);
    std::string own_eol = eol;
    if (raw.ends_with("\r\n")) {
      own_eol = "\r\n";
    } else if (raw.ends_with('\n')) {
      own_eol = "\n";
    }
    if (raw.ends_with('\n')) raw.remove_suffix(own_eol.size());
    body.push_back({std::string(raw), own_eol});
  } else {
    body.push_back({"```tasks", eol});
    std::string_view query = s.default_query;
    while (!query.empty()) {
      const Line line = line_at(query, 0);
      body.push_back({std::string(line.content), eol});
      query.remove_prefix(line.next);
    }
    body.push_back({"```", eol});
  }
  if (!s.open_task_lines.empty()) {
    body.push_back({"", eol});
    for (const std::string& line : s.open_task_lines) body.push_back({line, eol});
  }
  return body;
}

std::vector<Piece> recent_context_body(const PersonSections& s, const std::string& eol) {
  std::vector<Piece> body;
  if (s.recent_context_lines.empty()) return body;
  body.push_back({"", eol});
  for (const std::string& line : s.recent_context_lines) body.push_back({line, eol});
  return body;
}

std::string rewrite_sections(std::string_view text, const text::FrontMatterSplit& split,
                             const MarkdownScan& scan, const Sections& found,
                             const PersonSections& s, const std::string& eol) {
  struct Replacement {
    ByteRange range;
    std::string with;
  };
  std::vector<Replacement> replacements;
  const bool final_newline = ends_with_newline(text, split.bom);
  for (const bool open_tasks : {true, false}) {
    const std::size_t index = open_tasks ? *found.open_tasks : *found.recent_context;
    const ByteRange region = region_of(scan, index, text.size());
    std::vector<Piece> body =
        open_tasks ? open_tasks_body(text, scan, region, s, eol) : recent_context_body(s, eol);
    const bool at_end = region.end == text.size();
    if (!at_end) body.push_back({"", eol});  // the blank line before the next heading
    std::string with;
    const bool heading_unterminated = at_end && region.begin == text.size() && !final_newline;
    if (heading_unterminated && !body.empty()) with += eol;
    for (std::size_t i = 0; i < body.size(); ++i) {
      with += body[i].content;
      if (!(at_end && !final_newline && i + 1 == body.size())) with += body[i].eol;
    }
    ByteRange range = region;
    if (at_end && !final_newline && body.empty() && range.begin > 0 &&
        text[range.begin - 1] == '\n') {
      // The heading is the last line now: it ends in a newline only if the note did.
      --range.begin;
      if (range.begin > 0 && text[range.begin - 1] == '\r') --range.begin;
    }
    replacements.push_back({range, std::move(with)});
  }
  std::sort(replacements.begin(), replacements.end(),
            [](const auto& a, const auto& b) { return a.range.begin > b.range.begin; });
  std::string out(text);
  for (const Replacement& r : replacements) {
    out.replace(r.range.begin, r.range.end - r.range.begin, r.with);
  }
  return out;
}

// ---- pass 3: last_contact ----

// A top-level `key:` line; `colon` is set to the ':' offset.
bool is_key_line(std::string_view content, std::string_view key, std::size_t& colon) {
  if (!content.starts_with(key)) return false;
  std::size_t i = key.size();
  while (i < content.size() && is_blank(content[i])) ++i;
  if (i >= content.size() || content[i] != ':') return false;
  if (i + 1 < content.size() && !is_blank(content[i + 1])) return false;
  colon = i;
  return true;
}

bool continues_entry(std::string_view content) {
  return !content.empty() && (is_blank(content[0]) || content == "-" || content.starts_with("- "));
}

// The edited line, or nullopt when the value has a form that is not safe to edit.
std::optional<std::string> with_new_value(std::string_view content, std::size_t colon,
                                          std::string_view date, bool value_on_next_lines) {
  std::size_t v = colon + 1;
  while (v < content.size() && is_blank(content[v])) ++v;
  std::string out(content);
  if (v == content.size() || content[v] == '#') {
    if (value_on_next_lines) return std::nullopt;
    return out.insert(colon + 1, " \"" + std::string(date) + "\"");
  }
  const char first = content[v];
  if (first == '"' || first == '\'') {
    std::size_t j = v + 1;
    while (j < content.size()) {
      if (first == '"' && content[j] == '\\') {
        j += 2;
      } else if (content[j] == first) {
        if (first == '\'' && j + 1 < content.size() && content[j + 1] == '\'') {
          j += 2;  // '' is an escaped quote
        } else {
          break;
        }
      } else {
        ++j;
      }
    }
    if (j >= content.size()) return std::nullopt;
    return out.replace(v + 1, j - v - 1, date);
  }
  if (std::string_view("[{|>&*!%@`").find(first) != std::string_view::npos) return std::nullopt;
  std::size_t end = v;
  while (end < content.size() && !(content[end] == '#' && is_blank(content[end - 1]))) ++end;
  while (end > v && is_blank(content[end - 1])) --end;
  return out.replace(v, end - v, date);
}

Expected<std::string> set_last_contact(std::string text, std::string_view date,
                                       const std::string& eol) {
  const text::FrontMatterSplit split = text::split_front_matter(text);
  if (!split.present || !split.terminated) return text;
  std::optional<Line> key_line;
  std::size_t key_colon = 0;
  bool value_on_next_lines = false;
  std::optional<std::size_t> after_title;
  bool in_title = false;
  int line_number = split.yaml_first_line;
  for (std::size_t pos = split.yaml_begin; pos < split.yaml_end; ++line_number) {
    const Line line = line_at(text, pos);
    pos = line.next;
    std::size_t colon = 0;
    if (key_line && key_line->next == line.begin && continues_entry(line.content)) {
      value_on_next_lines = true;
    }
    if (is_key_line(line.content, "last_contact", colon)) {
      if (key_line)
        return Expected<std::string>::failure(
            refusal(line_number, "front-matter has two last_contact keys"));
      key_line = line;
      key_colon = colon;
    }
    if (in_title && !is_blank_line(line.content) && !continues_entry(line.content))
      in_title = false;
    if (is_key_line(line.content, "title", colon)) in_title = true;
    if (in_title && !is_blank_line(line.content)) after_title = line.next;
  }
  if (!key_line) {
    const std::size_t at = after_title.value_or(split.yaml_end);
    return text.insert(at, "last_contact: \"" + std::string(date) + "\"" + eol);
  }
  const auto edited = with_new_value(key_line->content, key_colon, date, value_on_next_lines);
  if (!edited) {
    return Expected<std::string>::failure(
        refusal(line_number_at(text, key_line->begin),
                "front-matter last_contact has a form kb cannot update; edit it by hand"));
  }
  return text.replace(key_line->begin, key_line->content.size(), *edited);
}

}  // namespace

Expected<std::string> rewrite_person_note(std::string_view old_text, const PersonSections& s) {
  using Result = Expected<std::string>;
  if (auto problem = check_generated(s)) return Result::failure(*problem);
  const std::string eol = note_eol(old_text);

  const text::FrontMatterSplit split = text::split_front_matter(old_text);
  const MarkdownScan scan = text::scan_markdown(old_text, split.body_begin, split.body_first_line);
  const Expected<Sections> found = find_sections(scan, s);
  if (!found) return Result::failure(found.error());
  if (auto problem = check_sections(old_text, scan, *found, s)) return Result::failure(*problem);

  const std::string with_headings = insert_missing(old_text, split, scan, *found, s, eol);
  const text::FrontMatterSplit split2 = text::split_front_matter(with_headings);
  const MarkdownScan scan2 =
      text::scan_markdown(with_headings, split2.body_begin, split2.body_first_line);
  const Expected<Sections> found2 = find_sections(scan2, s);
  if (!found2 || !found2->open_tasks || !found2->recent_context) {
    return Result::failure(refusal(0, "cannot regenerate: inserted sections were not found"));
  }
  std::string rewritten = rewrite_sections(with_headings, split2, scan2, *found2, s, eol);
  if (!s.last_contact) return rewritten;
  return set_last_contact(std::move(rewritten), *s.last_contact, eol);
}

}  // namespace kb::edit
