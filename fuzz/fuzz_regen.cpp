// kb regen's section rewrite on arbitrary notes. Properties, whenever the
// rewrite does not refuse:
// - idempotent: rewriting the result again gives the same bytes;
// - the content is decided by the sections alone: rewriting with other lines
//   and then with these gives the same bytes as rewriting with these;
// - nothing outside the generated sections is lost: with both sections
//   present and last_contact left alone, the text outside them is
//   byte-identical; otherwise every non-blank line outside them survives in
//   order (new headings and blank lines may be added).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "kb/edit/regen.hpp"
#include "kb/text/frontmatter.hpp"
#include "kb/text/markdown.hpp"

namespace {

void require(bool condition, const char* what) {
  if (!condition) {
    std::fprintf(stderr, "property violated: %s\n", what);
    std::abort();
  }
}

kb::edit::PersonSections sections(std::uint8_t flags, bool other) {
  kb::edit::PersonSections s;
  s.default_query = "path includes Jane Doe\nnot done";
  if (flags & 1) {
    s.recent_context_lines = {"- 2025-11-07: [[Kickoff]] - first meeting",
                              "- unknown: [[Notes|Notes]] - a summary (via Acme)"};
  }
  if (flags & 2) s.open_task_lines = {"- Send deck 📅 2025-11-10 — [[Kickoff]]"};
  if (flags & 4) s.last_contact = "2025-11-07";
  if (other) {
    s.recent_context_lines.push_back("- 2020-01-01: [[Other]] - other");
    s.open_task_lines = {};
  }
  return s;
}

// The text minus each generated section (heading line through the next
// heading of any level), as kb::edit finds them.
std::string outside_sections(std::string_view text, const kb::edit::PersonSections& s, int* found) {
  const kb::text::FrontMatterSplit split = kb::text::split_front_matter(text);
  const std::size_t begin = split.terminated ? split.body_begin : split.bom;
  const int first_line = split.terminated ? split.body_first_line : 1;
  const kb::text::MarkdownScan scan = kb::text::scan_markdown(text, begin, first_line);
  std::string out;
  std::size_t kept_from = 0;
  *found = 0;
  for (std::size_t i = 0; i < scan.headings.size(); ++i) {
    const kb::text::Heading& h = scan.headings[i];
    if (h.text != s.open_tasks_heading && h.text != s.recent_context_heading) continue;
    ++*found;
    const std::size_t end =
        i + 1 < scan.headings.size() ? scan.headings[i + 1].line_begin : text.size();
    out.append(text.substr(kept_from, h.line_begin - kept_from));
    kept_from = end;
  }
  out.append(text.substr(kept_from));
  return out;
}

std::vector<std::string_view> non_blank_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}

bool is_last_contact_line(std::string_view line) {
  return line.starts_with("last_contact");
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  const std::uint8_t flags = data[0];
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);
  const kb::edit::PersonSections s = sections(flags, false);

  const auto once = kb::edit::rewrite_person_note(text, s);
  if (!once) return 0;
  const auto twice = kb::edit::rewrite_person_note(*once, s);
  require(twice.ok(), "a rewritten note is refused on the second run");
  require(*twice == *once, "rewriting twice differs from rewriting once");

  const auto other = kb::edit::rewrite_person_note(text, sections(flags, true));
  require(other.ok(), "other lines are refused where these were not");
  const auto back = kb::edit::rewrite_person_note(*other, s);
  require(back.ok() && *back == *once, "the result depends on what was generated before");

  int found_before = 0, found_after = 0;
  const std::string before = outside_sections(text, s, &found_before);
  const std::string after = outside_sections(*once, s, &found_after);
  require(found_after == 2, "the result lacks a generated section");
  if (found_before == 2 && !s.last_contact) {
    require(before == after, "text outside the generated sections changed");
    return 0;
  }
  std::vector<std::string_view> lines_before = non_blank_lines(before);
  std::vector<std::string_view> lines_after = non_blank_lines(after);
  if (s.last_contact) {
    std::erase_if(lines_before, is_last_contact_line);
    std::erase_if(lines_after, is_last_contact_line);
  }
  require(lines_before == lines_after, "a line outside the generated sections was lost");
  return 0;
}
