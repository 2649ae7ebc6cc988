#include "kb/text/markdown.hpp"

#include <algorithm>
#include <climits>
#include <optional>
#include <utility>

namespace kb::text {
namespace {

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;   // content end: before "\n" or "\r\n"
  std::size_t next = 0;  // after the line ending
  std::string_view content;
};

// Only LF ends a line; a CR right before it belongs to the ending, a lone CR
// is text (as in split_front_matter).
Line line_at(std::string_view text, std::size_t begin) {
  Line line;
  line.begin = begin;
  const std::size_t nl = text.find('\n', begin);
  line.next = nl == std::string_view::npos ? text.size() : nl + 1;
  line.end = nl == std::string_view::npos ? text.size() : nl;
  if (line.end > begin && text[line.end - 1] == '\r') --line.end;
  line.content = text.substr(begin, line.end - begin);
  return line;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

// The first of `set`'s bytes in [from, to), or npos. std::string_view's
// find_first_of calls memchr over the set once per byte of the text: a
// third of a cold load's Markdown scan, where this loop costs a compare.
template <char... kSet>
std::size_t find_any(std::string_view text, std::size_t from, std::size_t to) {
  for (std::size_t i = from; i < to; ++i) {
    const char c = text[i];
    if (((c == kSet) || ...)) return i;
  }
  return std::string_view::npos;
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

struct Fence {
  char marker = 0;  // '`' or '~'
  std::size_t length = 0;
  std::string_view info;
  int quote_depth = 0;  // blockquote / callout markers before the fence
};

// Strips up to `max_depth` blockquote markers ("> ", "> > ", ">"), returning
// how many there were and the rest of the line.
std::pair<int, std::string_view> strip_quotes(std::string_view content, int max_depth) {
  int depth = 0;
  while (depth < max_depth) {
    std::size_t i = 0;
    while (i < content.size() && i < 3 && content[i] == ' ') ++i;
    if (i >= content.size() || content[i] != '>') break;
    ++i;
    if (i < content.size() && is_blank(content[i])) ++i;
    content.remove_prefix(i);
    ++depth;
  }
  return {depth, content};
}

// A fence line: any indentation (fences inside list items are indented),
// then 3+ backticks or tildes. A backtick fence's info string holds no backtick.
std::optional<Fence> opening_fence(std::string_view content) {
  std::size_t i = 0;
  while (i < content.size() && is_blank(content[i])) ++i;
  if (i >= content.size() || (content[i] != '`' && content[i] != '~')) return std::nullopt;
  Fence fence;
  fence.marker = content[i];
  const std::size_t run_begin = i;
  while (i < content.size() && content[i] == fence.marker) ++i;
  fence.length = i - run_begin;
  if (fence.length < 3) return std::nullopt;
  fence.info = trim(content.substr(i));
  if (fence.marker == '`' && fence.info.find('`') != std::string_view::npos) return std::nullopt;
  return fence;
}

bool closes_fence(std::string_view content, const Fence& fence) {
  std::size_t i = 0;
  while (i < content.size() && is_blank(content[i])) ++i;
  const std::size_t run_begin = i;
  while (i < content.size() && content[i] == fence.marker) ++i;
  if (i - run_begin < fence.length) return false;
  return trim(content.substr(i)).empty();
}

bool is_tasks_info(std::string_view info) {
  const std::size_t end = info.find_first_of(" \t");
  return info.substr(0, end) == "tasks";
}

// ATX heading: up to 3 spaces, 1-6 '#', then a space/tab or the end.
std::optional<Heading> atx_heading(std::string_view content) {
  std::size_t i = 0;
  while (i < content.size() && i < 3 && content[i] == ' ') ++i;
  const std::size_t hashes = i;
  while (i < content.size() && content[i] == '#') ++i;
  const std::size_t level = i - hashes;
  if (level < 1 || level > 6) return std::nullopt;
  if (i < content.size() && !is_blank(content[i])) return std::nullopt;
  std::string_view text = trim(content.substr(i));
  // A closing run of '#' counts only when it stands alone or after a blank.
  std::size_t close = text.size();
  while (close > 0 && text[close - 1] == '#') --close;
  if (close == 0 || is_blank(text[close - 1])) text = trim(text.substr(0, close));
  Heading h;
  h.level = static_cast<int>(level);
  h.text = text;
  return h;
}

// Inline code spans of [from, to), one line: a run of n backticks up to the
// next run of exactly n. Unclosed runs are literal.
std::vector<ByteRange> code_spans(std::string_view text, std::size_t from, std::size_t to) {
  std::vector<ByteRange> spans;
  if (text.substr(from, to - from).find('`') == std::string_view::npos) return spans;
  struct Run {
    std::size_t begin, length, next_same;  // next_same: index of the next run as long, or npos
  };
  std::vector<Run> runs;
  for (std::size_t i = from; i < to;) {
    if (text[i] != '`') {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < to && text[i] == '`') ++i;
    runs.push_back({begin, i - begin, std::string_view::npos});
  }
  if (runs.size() < 2) return spans;
  // Link each run to the next one of the same length: sorting by (length,
  // position) keeps this O(k log k) however the lengths are mixed.
  std::vector<std::size_t> order(runs.size());
  for (std::size_t r = 0; r < runs.size(); ++r) order[r] = r;
  std::sort(order.begin(), order.end(), [&runs](std::size_t a, std::size_t b) {
    return runs[a].length != runs[b].length ? runs[a].length < runs[b].length : a < b;
  });
  for (std::size_t k = 1; k < order.size(); ++k) {
    if (runs[order[k - 1]].length == runs[order[k]].length) runs[order[k - 1]].next_same = order[k];
  }
  for (std::size_t r = 0; r < runs.size();) {
    const std::size_t closer = runs[r].next_same;
    if (closer == std::string_view::npos) {
      ++r;  // no closer: the run is literal text
      continue;
    }
    spans.push_back({runs[r].begin, runs[closer].begin + runs[closer].length});
    r = closer + 1;
  }
  return spans;
}

// Wikilinks in [from, to), one line, outside code.
void wikilinks(std::string_view text, std::size_t from, std::size_t to, int line_number,
               std::vector<LinkOccurrence>& out) {
  // Every search is bounded by `to` and moves forward: linear in the segment.
  const std::string_view segment = text.substr(0, to);
  std::size_t open = segment.find("[[", from);
  std::size_t close = std::string_view::npos;
  while (open != std::string_view::npos) {
    if (close == std::string_view::npos || close < open + 2) {
      close = segment.find("]]", open + 2);
      if (close == std::string_view::npos) return;
    }
    const std::size_t next_open = segment.substr(0, close).find("[[", open + 2);
    if (next_open != std::string_view::npos) {
      open = next_open;  // "[[a [[b]]": the inner link wins
      continue;
    }
    const std::string_view inner = segment.substr(open + 2, close - open - 2);
    if (!trim(inner).empty()) {
      const bool embed = open > from && segment[open - 1] == '!';
      out.push_back({parse_wikilink_inner(inner, embed), line_number, embed ? open - 1 : open});
    }
    open = segment.find("[[", close + 2);
  }
}

constexpr std::string_view kPercent = "%%";
constexpr std::string_view kHtmlOpen = "<!--";
constexpr std::string_view kHtmlClose = "-->";

// A comment that a line opened and did not close.
struct OpenComment {
  bool open = false;
  bool html = false;
  std::size_t begin = 0;
};

// The first comment opener in [from, to), or npos.
std::size_t comment_opener(std::string_view text, std::size_t from, std::size_t to) {
  const std::string_view bounded = text.substr(0, to);
  for (std::size_t i = find_any<'%', '<'>(bounded, from, bounded.size());
       i != std::string_view::npos; i = find_any<'%', '<'>(bounded, i + 1, bounded.size())) {
    if (bounded.substr(i, kPercent.size()) == kPercent) return i;
    if (bounded.substr(i, kHtmlOpen.size()) == kHtmlOpen) return i;
  }
  return std::string_view::npos;
}

// Only blanks and blockquote markers before `at` on its line.
bool starts_line(std::string_view text, std::size_t line_begin, std::size_t at) {
  for (std::size_t i = line_begin; i < at; ++i) {
    if (!is_blank(text[i]) && text[i] != '>') return false;
  }
  return true;
}

// Code spans, comments and links of [from, line.end): left to right, the
// first of a code span or a comment opener wins. Links are read outside code
// and outside HTML comments. An unclosed comment is left in `open`.
void scan_inline(std::string_view text, const Line& line, std::size_t from, int line_number,
                 MarkdownScan& scan, OpenComment& open) {
  const std::size_t end = line.end;
  if (find_any<'`', '%', '<'>(text, from, end) == std::string_view::npos) {
    wikilinks(text, from, end, line_number, scan.links);  // the common case
    return;
  }
  std::vector<ByteRange> spans = code_spans(text, from, end);
  std::size_t span = 0;
  std::size_t pos = from;
  while (pos < end) {
    const std::size_t limit = span < spans.size() ? spans[span].begin : end;
    const std::size_t at = comment_opener(text, pos, limit);
    if (at == std::string_view::npos) {
      if (span == spans.size()) break;
      wikilinks(text, pos, spans[span].begin, line_number, scan.links);
      scan.code.push_back(spans[span]);
      pos = spans[span++].end;
      continue;
    }
    const bool html = text[at] == '<';
    const std::string_view closer = html ? kHtmlClose : kPercent;
    const std::size_t inside = at + (html ? kHtmlOpen.size() : kPercent.size());
    const std::size_t close = text.substr(0, end).find(closer, inside);
    if (close == std::string_view::npos && html && !starts_line(text, line.begin, at)) {
      // An inline HTML comment must close on its line; else `<!--` is text.
      wikilinks(text, pos, inside, line_number, scan.links);
      pos = inside;
      continue;
    }
    wikilinks(text, pos, at, line_number, scan.links);
    if (close == std::string_view::npos) {
      if (!html) wikilinks(text, inside, end, line_number, scan.links);
      open = {true, html, at};
      return;
    }
    if (!html) wikilinks(text, inside, close, line_number, scan.links);
    pos = close + closer.size();
    scan.comments.push_back({{at, pos}, html});
    // Backticks inside the comment were text: pair the runs after it anew.
    spans = code_spans(text, pos, end);
    span = 0;
  }
  if (pos < end) wikilinks(text, pos, end, line_number, scan.links);
}

// A line starting inside the comment `open`: closes it where its closer is
// (an HTML block ends with the line that holds `-->`), reading the links
// inside a %% comment. Returns where the line's own content resumes, or
// npos when the comment runs on past the line.
std::size_t continue_comment(std::string_view text, const Line& line, int line_number,
                             MarkdownScan& scan, OpenComment& open) {
  const std::string_view closer = open.html ? kHtmlClose : kPercent;
  const std::size_t close = text.substr(0, line.end).find(closer, line.begin);
  if (close == std::string_view::npos) {
    if (!open.html) wikilinks(text, line.begin, line.end, line_number, scan.links);
    return std::string_view::npos;
  }
  if (!open.html) wikilinks(text, line.begin, close, line_number, scan.links);
  const std::size_t after = open.html ? line.end : close + closer.size();
  scan.comments.push_back({{open.begin, open.html ? line.next : after}, open.html});
  open = {};
  return after;
}

}  // namespace

MarkdownScan scan_markdown(std::string_view text, std::size_t body_begin, int first_line) {
  MarkdownScan scan;
  std::optional<Fence> fence;
  std::size_t fence_begin = 0, fence_content_begin = 0;
  int fence_line = 0;
  bool fence_is_query = false;
  OpenComment comment;
  int line_number = first_line;

  const auto close_fence = [&](std::size_t content_end, std::size_t block_end) {
    scan.code.push_back({fence_begin, block_end});
    if (fence_is_query) {
      scan.task_queries.push_back(
          {text.substr(fence_content_begin, content_end - fence_content_begin), fence_line,
           fence_begin, block_end});
    }
    fence.reset();
  };

  for (std::size_t pos = body_begin; pos < text.size(); ++line_number) {
    const Line line = line_at(text, pos);
    pos = line.next;
    if (fence) {
      const auto [depth, rest] = strip_quotes(line.content, fence->quote_depth);
      if (depth == fence->quote_depth) {
        if (closes_fence(rest, *fence)) close_fence(line.begin, line.next);
        continue;
      }
      // The blockquote holding the fence ended, and with it the fence (CommonMark).
      close_fence(line.begin, line.begin);
    }
    if (comment.open) {
      // A line that starts inside a comment is no heading, fence or list item.
      const std::size_t resume = continue_comment(text, line, line_number, scan, comment);
      if (resume != std::string_view::npos) {
        scan_inline(text, line, resume, line_number, scan, comment);
      }
      continue;
    }
    const auto [quote_depth, unquoted] = strip_quotes(line.content, INT_MAX);
    if (auto opening = opening_fence(unquoted)) {
      fence = opening;
      fence->quote_depth = quote_depth;
      fence_begin = line.begin;
      fence_content_begin = line.next;
      fence_line = line_number;
      // A query inside a callout would carry "> " on every line; kb reads
      // only top-level (or list-indented) query blocks.
      fence_is_query = quote_depth == 0 && is_tasks_info(opening->info);
      continue;
    }
    if (auto heading = atx_heading(line.content)) {
      heading->line = line_number;
      heading->line_begin = line.begin;
      heading->line_end = line.next;
      scan.headings.push_back(*heading);
    }
    scan_inline(text, line, line.begin, line_number, scan, comment);
    if (auto checkbox = checkbox_line(line.content)) {
      scan.tasks.push_back(
          {*checkbox, line_number, line.begin, static_cast<int>(scan.headings.size()) - 1});
    }
  }
  if (fence) {  // unterminated: runs to the end
    scan.unclosed_fence = UnclosedFence{fence_begin, fence_line, fence->quote_depth};
    close_fence(text.size(), text.size());
  }
  if (comment.open) {
    scan.unclosed_comment = comment.begin;
    scan.comments.push_back({{comment.begin, text.size()}, comment.html});
  }
  return scan;
}

std::vector<ByteRange> hidden_ranges(const MarkdownScan& scan, HiddenComments comments) {
  std::vector<ByteRange> hidden;
  hidden.reserve(scan.code.size() + scan.comments.size());
  auto code = scan.code.begin();
  for (const Comment& comment : scan.comments) {
    if (comments == HiddenComments::HtmlOnly && !comment.html) continue;
    while (code != scan.code.end() && code->begin < comment.range.begin) hidden.push_back(*code++);
    hidden.push_back(comment.range);
  }
  hidden.insert(hidden.end(), code, scan.code.end());
  return hidden;
}

ByteRange section_body(const MarkdownScan& scan, std::size_t heading_index, std::size_t text_size) {
  const Heading& h = scan.headings.at(heading_index);
  for (std::size_t j = heading_index + 1; j < scan.headings.size(); ++j) {
    if (scan.headings[j].level <= h.level) return {h.line_end, scan.headings[j].line_begin};
  }
  return {h.line_end, text_size};
}

}  // namespace kb::text
