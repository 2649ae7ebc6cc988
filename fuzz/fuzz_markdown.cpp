// The Markdown scan on arbitrary bytes (after the front-matter split):
// every offset it reports lies inside the text, in order, and the section
// of every heading is a valid range.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kb/tasks/task.hpp"
#include "kb/text/frontmatter.hpp"
#include "kb/text/markdown.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kb::text::FrontMatterSplit split = kb::text::split_front_matter(text);
  const std::size_t begin = split.terminated ? split.body_begin : split.bom;
  const int first_line = split.terminated ? split.body_first_line : 1;
  const kb::text::MarkdownScan scan = kb::text::scan_markdown(text, begin, first_line);

  const auto within = [&](std::string_view part) {
    return part.empty() ||
           (part.data() >= text.data() && part.data() + part.size() <= text.data() + text.size());
  };
  int previous_line = 0;
  std::size_t previous_end = begin;
  for (std::size_t i = 0; i < scan.headings.size(); ++i) {
    const kb::text::Heading& h = scan.headings[i];
    require(h.level >= 1 && h.level <= 6);
    require(h.line > previous_line && h.line >= first_line);
    require(h.line_begin >= previous_end && h.line_begin < h.line_end && h.line_end <= size);
    require(within(h.text));
    const kb::text::ByteRange body = kb::text::section_body(scan, i, size);
    require(body.begin == h.line_end && body.begin <= body.end && body.end <= size);
    previous_line = h.line;
    previous_end = h.line_end;
  }
  std::size_t previous_offset = 0;
  for (const kb::text::LinkOccurrence& link : scan.links) {
    require(link.offset >= begin && link.offset < size && link.offset >= previous_offset);
    require(link.line >= first_line);
    previous_offset = link.offset;
  }
  previous_line = 0;
  for (const kb::text::TaskOccurrence& task : scan.tasks) {
    require(task.line > previous_line && task.line_begin >= begin && task.line_begin < size);
    require(task.heading >= -1 && task.heading < static_cast<int>(scan.headings.size()));
    require(within(task.checkbox.text) && within(task.checkbox.status_symbol));
    const kb::tasks::Task parsed = kb::tasks::parse_task(task.checkbox);
    require(within(parsed.text) && parsed.description.size() <= parsed.text.size());
    previous_line = task.line;
  }
  for (const kb::text::QueryBlock& q : scan.task_queries) {
    require(q.begin >= begin && q.begin < q.end && q.end <= size && within(q.query));
  }
  std::size_t previous_code_end = 0;
  for (const kb::text::ByteRange& code : scan.code) {
    require(code.begin >= previous_code_end && code.begin < code.end && code.end <= size);
    previous_code_end = code.end;
  }
  return 0;
}
