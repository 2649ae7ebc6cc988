// The section rewrite behind `kb regen`: one scan of the note
// (text::scan_markdown, whose fence and heading rules are the ones every
// other part of kb reads notes with), one plan of replacements on the
// original text (new headings, the two generated bodies, the last_contact
// value), applied once. Refusals are decided on the original text, so their
// line numbers are the user's. The generated lines are checked in
// generated_lines.cpp, last_contact is edited in last_contact.cpp.
#include "kb/edit/regen.hpp"

#include <algorithm>

#include "generated_lines.hpp"
#include "kb/text/frontmatter.hpp"
#include "kb/text/markdown.hpp"
#include "last_contact.hpp"
#include "rewrite_text.hpp"

namespace kb::edit {
namespace {

using text::ByteRange;
using text::MarkdownScan;
using namespace detail;

constexpr std::string_view kProfile = "Profile";
// Sections the seed places after Open Tasks / Recent Context.
constexpr std::string_view kFollowing[] = {"Key Facts",         "Topics",           "Key Decisions",
                                           "Related Customers", "Related Projects", "Related"};

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
  // A top-level fence left open runs to the end of the note: anything added
  // after it would be code. (One inside a blockquote ends with the quote.)
  if (const auto& open = scan.unclosed_fence; open && open->quote_depth == 0) {
    for (const Generated& g : generated) {
      if (!inside(open->begin, g.region)) continue;
      const bool is_query = std::any_of(scan.task_queries.begin(), scan.task_queries.end(),
                                        [&](const auto& q) { return q.begin == open->begin; });
      return refusal(open->line, "section '" + *g.name + "' has an unterminated " +
                                     (is_query ? "```tasks block" : "code fence"));
    }
    return refusal(open->line, "unterminated code fence; close it before regenerating");
  }
  // A comment left open runs to the end of the note: sections added or
  // rewritten after it would be hidden in it.
  if (scan.unclosed_comment) {
    const bool html = text.substr(*scan.unclosed_comment).starts_with("<!--");
    return refusal(line_number_at(text, *scan.unclosed_comment),
                   std::string("unterminated comment (") + (html ? "<!--" : "%%") +
                       "); close it before regenerating");
  }
  // A comment hides the headings inside it, so a section runs on over them
  // to the next heading a reader sees: rewriting it would drop what the
  // note's author wrote under a heading they meant as a section of its own.
  for (const text::Comment& comment : scan.comments) {
    for (const Generated& g : generated) {
      if (!inside(comment.range.begin, g.region)) continue;
      const std::size_t after_opener = text.find('\n', comment.range.begin);
      if (after_opener == std::string_view::npos || after_opener >= comment.range.end) continue;
      const std::string_view hidden =
          text.substr(after_opener + 1, comment.range.end - after_opener - 1);
      const MarkdownScan inner = text::scan_markdown(hidden, 0, 1);
      if (inner.headings.empty()) continue;
      return refusal(line_number_at(text, after_opener + 1) + inner.headings.front().line - 1,
                     "section '" + *g.name + "' holds a heading hidden in a comment (" +
                         (comment.html ? "<!--" : "%%") +
                         "); move it out of the comment or out of the section before "
                         "regenerating");
    }
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

// ---- the plan: replacements of ranges of the original text ----

// Applies replacements sorted by where they begin; those that begin at the
// same offset go in the order they were planned.
std::string apply(std::string_view text, std::vector<Replacement> plan) {
  std::stable_sort(plan.begin(), plan.end(), [](const Replacement& a, const Replacement& b) {
    return a.range.begin < b.range.begin;
  });
  std::string out;
  std::size_t copied = 0;
  for (const Replacement& r : plan) {
    out.append(text.substr(copied, r.range.begin - copied));
    out += r.with;
    copied = r.range.end;
  }
  out.append(text.substr(copied));
  return out;
}

struct Piece {
  std::string content;
  std::string eol;
};

std::vector<Piece> open_tasks_body(std::string_view text, const MarkdownScan& scan,
                                   std::optional<ByteRange> region, const PersonSections& s,
                                   const std::string& eol) {
  std::vector<Piece> body{{"", eol}};
  const auto block = !region
                         ? scan.task_queries.end()
                         : std::find_if(scan.task_queries.begin(), scan.task_queries.end(),
                                        [&](const auto& q) { return inside(q.begin, *region); });
  if (block != scan.task_queries.end()) {
    // Kept byte for byte, including its own closing line ending.
    std::string_view raw = text.substr(block->begin, block->end - block->begin);
    std::string_view own_eol = eol;  // a view: GCC 12 -O3 takes a string's = "\r\n" for an overlap
    if (raw.ends_with("\r\n")) {
      own_eol = "\r\n";
    } else if (raw.ends_with('\n')) {
      own_eol = "\n";
    }
    if (raw.ends_with('\n')) raw.remove_suffix(own_eol.size());
    body.push_back({std::string(raw), std::string(own_eol)});
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

// Where a section's generated body ends up and what comes after it.
struct Placement {
  bool at_end = false;                // nothing follows: the note ends with this section
  bool final_newline = true;          // the note ends in a newline
  bool heading_unterminated = false;  // the heading is the note's last line, with no newline
};

// The bytes that follow a section's heading line: a blank line before the
// next heading, and at the end of the note a last line that ends in a
// newline only if the note's did.
std::string body_text(std::vector<Piece> body, const Placement& at, const std::string& eol) {
  if (!at.at_end) body.push_back({"", eol});  // the blank line before the next heading
  std::string with;
  if (at.heading_unterminated && !body.empty()) with += eol;
  for (std::size_t i = 0; i < body.size(); ++i) {
    with += body[i].content;
    if (!(at.at_end && !at.final_newline && i + 1 == body.size())) with += body[i].eol;
  }
  return with;
}

// Where a missing Open Tasks section goes: after Profile, else before the
// first section that follows it in the seed, else at the end.
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

// What goes before headings added at `at`: a newline finishing an
// unterminated last line, and a blank line after a line of text.
std::string before_new_headings(std::string_view text, const text::FrontMatterSplit& split,
                                std::size_t at, const std::string& eol) {
  std::string out;
  if (at > split.bom && text[at - 1] != '\n') {
    out += text[at - 1] == '\r' ? std::string("\n") : eol;  // "\r" + "\n", not "\r\r\n"
  }
  if (at > split.body_begin && !is_blank_line(line_before(text, at))) out += eol;
  return out;
}

void plan_sections(std::string_view text, const text::FrontMatterSplit& split,
                   const MarkdownScan& scan, const Sections& found, const PersonSections& s,
                   const std::string& eol, std::vector<Replacement>& plan) {
  const bool final_newline = ends_with_newline(text, split.bom);

  // Headings to add, and where: they are the section headings found after
  // the rewrite, each followed by its generated body.
  std::vector<bool> added;  // true: Open Tasks, false: Recent Context
  std::size_t at = text.size();
  if (!found.open_tasks) {
    added.push_back(true);
    if (!found.recent_context) added.push_back(false);
    at = open_tasks_position(scan, s, text.size());
  } else if (!found.recent_context) {
    added.push_back(false);
    at = text::section_body(scan, *found.open_tasks, text.size()).end;
  }

  // The sections already there: their bodies replaced in place. One whose
  // body ends where headings are added runs up to them, taking in what
  // would have gone before them.
  bool added_after_body = false;
  for (const bool open_tasks : {true, false}) {
    const auto& index = open_tasks ? found.open_tasks : found.recent_context;
    if (!index) continue;
    const ByteRange region = region_of(scan, *index, text.size());
    const bool followed = !added.empty() && region.end == at;
    added_after_body = added_after_body || followed;
    Placement place;
    place.final_newline = final_newline;
    place.at_end = region.end == text.size() && !followed;
    place.heading_unterminated = place.at_end && region.begin == text.size() && !final_newline;
    std::vector<Piece> body =
        open_tasks ? open_tasks_body(text, scan, region, s, eol) : recent_context_body(s, eol);
    ByteRange range = region;
    if (place.at_end && !final_newline && body.empty() && range.begin > 0 &&
        text[range.begin - 1] == '\n') {
      // The heading is the last line now: it ends in a newline only if the note did.
      --range.begin;
      if (range.begin > 0 && text[range.begin - 1] == '\r') --range.begin;
    }
    std::string with;
    if (followed && region.begin == text.size() && text.size() > split.bom && text.back() != '\n') {
      // The heading is the note's unterminated last line: finished first.
      with = text.back() == '\r' ? std::string("\n") : eol;
    }
    with += body_text(std::move(body), place, eol);
    plan.push_back({range, std::move(with)});
  }
  if (added.empty()) return;

  std::string block = added_after_body ? std::string() : before_new_headings(text, split, at, eol);
  for (std::size_t k = 0; k < added.size(); ++k) {
    const bool last = k + 1 == added.size();
    const bool open_tasks = added[k];
    block += "## " + (open_tasks ? s.open_tasks_heading : s.recent_context_heading);
    const bool heading_newline = !last || at < text.size() || final_newline;
    if (heading_newline) block += eol;
    Placement place;
    place.final_newline = final_newline;
    place.at_end = last && at == text.size();
    place.heading_unterminated = place.at_end && !heading_newline;
    std::vector<Piece> body = open_tasks ? open_tasks_body(text, scan, std::nullopt, s, eol)
                                         : recent_context_body(s, eol);
    block += body_text(std::move(body), place, eol);
  }
  plan.push_back({{at, at}, std::move(block)});
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

  std::vector<Replacement> plan;
  plan_sections(old_text, split, scan, *found, s, eol, plan);
  if (s.last_contact) {
    if (auto problem = plan_last_contact(old_text, split, *s.last_contact, eol, plan)) {
      return Result::failure(*problem);
    }
  }
  return apply(old_text, std::move(plan));
}

}  // namespace kb::edit
