#pragma once
// One linear scan of a note body: headings, wikilinks, checkbox lines (the
// lines that may be tasks; kb::tasks reads their fields), ```tasks query
// blocks, the code ranges (fenced ``` / ~~~ and inline `code`) that hide
// links, tasks and mentions, and the comments (%% ... %% and <!-- ... -->).
// All offsets are byte offsets into the whole note text (the scan is given
// the body and where it starts).
//
// Comments hide what Obsidian hides: a line that starts inside a comment is
// no list item (so no task), heading or fence; an HTML comment also hides
// links and tags, while Obsidian's metadata cache still reads the links and
// tags inside %% ... %% (Tasks' own test data records it), so those stay.
// A `%%` opens a comment anywhere outside code and runs to the next `%%`
// (or the end); `<!--` runs to the next `-->` within its line, or, at the
// start of a line (CommonMark's HTML block), to the line holding `-->` (or
// the end). Inline comments leave the line's task a task.
#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "kb/text/checkbox.hpp"
#include "kb/text/wikilink.hpp"

namespace kb::text {

struct ByteRange {
  std::size_t begin = 0, end = 0;  // [begin, end)
};

struct Heading {
  int level = 0;               // 1..6
  std::string_view text;       // trimmed, without #'s and closing #'s
  int line = 0;                // 1-based
  std::size_t line_begin = 0;  // offset of the heading line
  std::size_t line_end = 0;    // offset after its line ending
};

struct LinkOccurrence {
  WikiLink link;
  int line = 0;
  std::size_t offset = 0;  // of the first '[' (or '!')
};

struct TaskOccurrence {
  CheckboxLine checkbox;
  int line = 0;
  std::size_t line_begin = 0;
  int heading = -1;  // index into headings of the nearest heading above, -1 if none
};

struct QueryBlock {
  std::string_view query;  // the lines between the fences
  int line = 0;            // line of the opening ```tasks fence
  std::size_t begin = 0;   // offset of the opening fence line
  std::size_t end = 0;     // offset after the closing fence line (or end of text)
};

// A comment: `%% ... %%` or `<!-- ... -->`, markers included.
struct Comment {
  ByteRange range;
  bool html = false;  // <!-- -->
};

// A fenced block that no line closes: it runs to the end of the text.
struct UnclosedFence {
  std::size_t begin = 0;  // offset of the opening fence line
  int line = 0;           // its line
  int quote_depth = 0;    // blockquote markers before it (0: top level)
};

struct MarkdownScan {
  std::vector<Heading> headings;      // outside code only
  std::vector<LinkOccurrence> links;  // outside code only
  std::vector<TaskOccurrence> tasks;  // outside code only
  std::vector<QueryBlock> task_queries;
  std::vector<ByteRange>
      code;  // fenced blocks (fence lines included) and inline code spans, sorted
  // Set when the last fenced block is still open at the end of the text:
  // whatever is appended to the text would be code.
  std::optional<UnclosedFence> unclosed_fence;
  std::vector<Comment> comments;  // outside code, sorted
  // Set when the last comment is still open at the end of the text: it runs
  // to the end, and whatever is appended to the text would be in it.
  std::optional<std::size_t> unclosed_comment;  // where it begins
};

// `text` is the whole note; the scan starts at `body_begin` on line `first_line`.
// An unterminated fence runs to the end of the text (CommonMark).
MarkdownScan scan_markdown(std::string_view text, std::size_t body_begin, int first_line);

// The ranges of `scan` that a reader does not see as prose, sorted and
// disjoint: code, and the comments (all of them, or only the HTML ones, as
// Obsidian still reads the tags inside %% ... %%).
enum class HiddenComments { All, HtmlOnly };
std::vector<ByteRange> hidden_ranges(const MarkdownScan& scan,
                                     HiddenComments comments = HiddenComments::All);

// The section a heading opens: from after its line to the next heading of the
// same or a higher level (or the end).
ByteRange section_body(const MarkdownScan& scan, std::size_t heading_index, std::size_t text_size);

}  // namespace kb::text
