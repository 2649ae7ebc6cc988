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

// Inline code spans of one line: a run of n backticks up to the next run of
// exactly n. Unclosed runs are literal.
void inline_code(std::string_view text, const Line& line, std::vector<ByteRange>& out) {
  const std::string_view content = line.content;
  if (content.find('`') == std::string_view::npos) return;  // the common case
  struct Run {
    std::size_t begin, length, next_same;  // next_same: index of the next run as long, or npos
  };
  std::vector<Run> runs;
  for (std::size_t i = line.begin; i < line.end;) {
    if (text[i] != '`') {
      ++i;
      continue;
    }
    const std::size_t begin = i;
    while (i < line.end && text[i] == '`') ++i;
    runs.push_back({begin, i - begin, std::string_view::npos});
  }
  if (runs.size() < 2) return;
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
    out.push_back({runs[r].begin, runs[closer].begin + runs[closer].length});
    r = closer + 1;
  }
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

void scan_inline(std::string_view text, const Line& line, int line_number, MarkdownScan& scan) {
  const std::size_t first_code = scan.code.size();
  inline_code(text, line, scan.code);
  std::size_t from = line.begin;
  for (std::size_t c = first_code; c < scan.code.size(); ++c) {
    wikilinks(text, from, scan.code[c].begin, line_number, scan.links);
    from = scan.code[c].end;
  }
  wikilinks(text, from, line.end, line_number, scan.links);
}

}  // namespace

MarkdownScan scan_markdown(std::string_view text, std::size_t body_begin, int first_line) {
  MarkdownScan scan;
  std::optional<Fence> fence;
  std::size_t fence_begin = 0, fence_content_begin = 0;
  int fence_line = 0;
  bool fence_is_query = false;
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
    scan_inline(text, line, line_number, scan);
    if (auto checkbox = checkbox_line(line.content)) {
      scan.tasks.push_back(
          {*checkbox, line_number, line.begin, static_cast<int>(scan.headings.size()) - 1});
    }
  }
  if (fence) {  // unterminated: runs to the end
    scan.unclosed_fence = UnclosedFence{fence_begin, fence_line, fence->quote_depth};
    close_fence(text.size(), text.size());
  }
  return scan;
}

ByteRange section_body(const MarkdownScan& scan, std::size_t heading_index, std::size_t text_size) {
  const Heading& h = scan.headings.at(heading_index);
  for (std::size_t j = heading_index + 1; j < scan.headings.size(); ++j) {
    if (scan.headings[j].level <= h.level) return {h.line_end, scan.headings[j].line_begin};
  }
  return {h.line_end, text_size};
}

}  // namespace kb::text
