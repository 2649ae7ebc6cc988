// A note's tasks and list items with their nesting: one pass over the note's
// lines, keeping the chain of open list items (CommonMark's containers) on a
// stack. Items that are not tasks are kept only when a task needs them (as
// its ancestor or under it), so a note of flat tasks costs one list item per
// task and nothing else.
#include "kb/tasks/note_lists.hpp"

#include <utility>
#include <vector>

#include "kb/text/unicode.hpp"

namespace kb::tasks {
namespace {

struct Line {
  std::size_t begin = 0;
  std::size_t end = 0;   // before "\n" or "\r\n"
  std::size_t next = 0;  // after the line ending
};

// Only LF ends a line; a CR right before it belongs to the ending (as in
// text::scan_markdown, whose line numbers these are).
Line line_at(std::string_view text, std::size_t begin) {
  Line line{begin, text.size(), text.size()};
  const std::size_t nl = text.find('\n', begin);
  if (nl != std::string_view::npos) {
    line.end = nl;
    line.next = nl + 1;
  }
  if (line.end > begin && text[line.end - 1] == '\r') --line.end;
  return line;
}

bool is_blank(char c) {
  return c == ' ' || c == '\t';
}

bool is_digit(char c) {
  return c >= '0' && c <= '9';
}

// The column after a blank at `column`: a tab goes to the next multiple of 4.
int advance(int column, char blank) {
  return blank == '\t' ? column + 4 - column % 4 : column + 1;
}

// Blockquote and callout markers ("> ", ">", up to three spaces before each):
// how many, and the rest of the line.
std::pair<int, std::string_view> strip_quotes(std::string_view s) {
  int depth = 0;
  for (;;) {
    std::size_t i = 0;
    while (i < s.size() && i < 3 && s[i] == ' ') ++i;
    if (i >= s.size() || s[i] != '>') return {depth, s};
    ++i;
    if (i < s.size() && is_blank(s[i])) ++i;
    s.remove_prefix(i);
    ++depth;
  }
}

// `***`, `- - -`, `___`: three or more of one of them and blanks only.
bool is_thematic_break(std::string_view s) {
  char mark = 0;
  int count = 0;
  for (const char c : s) {
    if (is_blank(c)) continue;
    if (mark == 0 && (c == '-' || c == '*' || c == '_')) mark = c;
    if (c != mark) return false;
    ++count;
  }
  return count >= 3;
}

// Where a list item's marker stands and where its content starts (CommonMark:
// after the marker and one to four blanks; one when more or none follow).
struct Marker {
  int indent = 0;
  int content_column = 0;
};

// The list item marker of `s` (a line without its blockquote markers): `-`,
// `*`, `+`, or one to nine digits and `.` or `)`, then a blank or the end.
std::optional<Marker> list_marker(std::string_view s) {
  std::size_t i = 0;
  int column = 0;
  while (i < s.size() && is_blank(s[i])) column = advance(column, s[i++]);
  if (i >= s.size()) return std::nullopt;
  const std::size_t marker_begin = i;
  if (s[i] == '-' || s[i] == '*' || s[i] == '+') {
    ++i;
  } else {
    while (i < s.size() && is_digit(s[i]) && i - marker_begin < 9) ++i;
    if (i == marker_begin || i >= s.size() || (s[i] != '.' && s[i] != ')')) return std::nullopt;
    ++i;
  }
  const int marker_end = column + static_cast<int>(i - marker_begin);
  if (i < s.size() && !is_blank(s[i])) return std::nullopt;
  int content = marker_end;
  while (i < s.size() && is_blank(s[i])) content = advance(content, s[i++]);
  if (i >= s.size() || content - marker_end > 4) content = marker_end + 1;
  return Marker{column, content};
}

// "1. text", "3) text": a numbered-list marker, then a blank or the end.
bool starts_numbered_item(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size() && is_digit(s[i]) && i < 9) ++i;
  if (i == 0 || i >= s.size() || (s[i] != '.' && s[i] != ')')) return false;
  return i + 1 == s.size() || is_blank(s[i + 1]);
}

// An item whose content may still hold nested items.
struct Open {
  int content_column = 0;
  int quotes = 0;
  int index = -1;  // in the TaskList, once kept
  int line = 0;
  std::string_view markdown;
  bool task = false;
};

class Reader {
 public:
  Reader(TaskList& list, int note) : list_(list), note_(note) { stack_.clear(); }

  bool under_task() const { return tasks_open_ > 0; }
  bool empty() const { return stack_.empty(); }

  // Closes the items a line at `column` inside `quotes` blockquotes is not part of.
  void close(int quotes, int column) {
    while (!stack_.empty() &&
           (stack_.back().quotes != quotes || column < stack_.back().content_column)) {
      if (stack_.back().task) --tasks_open_;
      stack_.pop_back();
    }
  }

  // A list item line, already placed by close(): kept when it is a task or
  // under one, with any ancestors not kept yet.
  void item(const Open& open, std::optional<Task> task, std::string_view heading) {
    Open entry = open;
    entry.task = task.has_value();
    if (task || under_task()) {
      int parent = -1;
      for (Open& ancestor : stack_) {
        if (ancestor.index < 0) {
          ancestor.index = list_.add_list_item(note_, ancestor.line, parent, ancestor.markdown);
        }
        parent = ancestor.index;
      }
      entry.index = task ? list_.add_in_list(note_, open.line, heading, std::move(*task), parent,
                                             open.markdown)
                         : list_.add_list_item(note_, open.line, parent, open.markdown);
    }
    if (entry.task) ++tasks_open_;
    stack_.push_back(entry);
  }

 private:
  TaskList& list_;
  int note_;
  // One stack reused by every note read on this thread: no allocation per note.
  static thread_local std::vector<Open> stack_;
  int tasks_open_ = 0;
};

thread_local std::vector<Open> Reader::stack_;

}  // namespace

void add_note_tasks(TaskList& list, int note, const NoteText& note_text, const Settings& settings,
                    std::optional<Date> filename_date) {
  const text::MarkdownScan& scan = *note_text.scan;
  const std::string_view text = note_text.text;
  const auto heading_of = [&](const text::TaskOccurrence& occurrence) {
    return occurrence.heading >= 0 ? scan.headings[occurrence.heading].text : std::string_view{};
  };
  Reader reader(list, note);
  std::size_t task = 0, code = 0, comment = 0, heading = 0;
  bool blank_before = true;
  int line_number = note_text.first_line;
  for (std::size_t pos = note_text.body_begin; pos < text.size(); ++line_number) {
    // Past the last checkbox line and out of every task: nothing more to keep.
    if (task == scan.tasks.size() && !reader.under_task()) break;
    // Out of every list, and the next checkbox line starts a list of its own
    // (its marker at column 0, outside quotes, closes every item): no line
    // before it matters. Notes of flat tasks are read only around their tasks.
    if (reader.empty() && task < scan.tasks.size() &&
        scan.tasks[task].checkbox.indentation.empty() && scan.tasks[task].line_begin > pos) {
      pos = scan.tasks[task].line_begin;
      line_number = scan.tasks[task].line;
    }
    const Line line = line_at(text, pos);
    pos = line.next;
    const std::string_view content = text.substr(line.begin, line.end - line.begin);
    const bool checkbox = task < scan.tasks.size() && scan.tasks[task].line_begin == line.begin;
    bool interrupts = false;  // a heading or a fence: no lazy continuation
    if (!checkbox) {
      // Lines inside a fenced block or starting inside a comment are no list
      // item and close none (the scan finds no task there either).
      while (code < scan.code.size() && scan.code[code].end <= line.begin) ++code;
      if (code < scan.code.size() && scan.code[code].begin < line.begin) continue;
      while (comment < scan.comments.size() && scan.comments[comment].range.end <= line.begin) {
        ++comment;
      }
      if (comment < scan.comments.size() && scan.comments[comment].range.begin < line.begin) {
        continue;
      }
      while (heading < scan.headings.size() && scan.headings[heading].line_begin < line.begin) {
        ++heading;
      }
      interrupts =
          (heading < scan.headings.size() && scan.headings[heading].line_begin == line.begin) ||
          (code < scan.code.size() && scan.code[code].begin == line.begin &&
           scan.code[code].end > line.end);
    }
    const auto [quotes, rest] = strip_quotes(content);
    std::size_t first = 0;
    while (first < rest.size() && is_blank(rest[first])) ++first;
    if (first == rest.size()) {
      blank_before = true;
      continue;
    }
    std::optional<Marker> marker;
    if (checkbox || (!interrupts && !is_thematic_break(rest))) marker = list_marker(rest);
    if (!marker && checkbox) marker = Marker{};  // the scan's checkbox shapes are list items
    if (!marker) {
      if (interrupts || blank_before || is_thematic_break(rest)) {
        int column = 0;
        for (std::size_t i = 0; i < first; ++i) column = advance(column, rest[i]);
        reader.close(quotes, column);
      }
      blank_before = false;
      continue;
    }
    reader.close(quotes, marker->indent);
    Open open{marker->content_column, quotes, -1, line_number, content, false};
    if (checkbox) {
      const text::TaskOccurrence& occurrence = scan.tasks[task++];
      // Under a global filter a checkbox line without it is a list item.
      reader.item(open, read_task(occurrence.checkbox, settings, filename_date),
                  heading_of(occurrence));
      // Obsidian reads a checkbox's text that starts with a numbered-list
      // marker ("- [ ] 1. text") as a list item nested on the same line, and
      // what is nested under the line goes under that item (the plugin's
      // test data numbered_tasks_issue_3481.json records it).
      if (starts_numbered_item(occurrence.checkbox.text)) reader.item(open, std::nullopt, {});
    } else {
      reader.item(open, std::nullopt, {});
    }
    blank_before = false;
  }
}

ListItemText list_item_text(std::string_view markdown) {
  // nonTaskRegex: ^([\s\t>]*)([-*+]|[0-9]+[.)])? *(\[(.)\])? *(.*)
  std::size_t i = 0;
  while (i < markdown.size() && (markdown[i] == ' ' || markdown[i] == '\t' || markdown[i] == '>')) {
    ++i;
  }
  if (i < markdown.size() && (markdown[i] == '-' || markdown[i] == '*' || markdown[i] == '+')) {
    ++i;
  } else {
    std::size_t j = i;
    while (j < markdown.size() && is_digit(markdown[j])) ++j;
    if (j > i && j < markdown.size() && (markdown[j] == '.' || markdown[j] == ')')) i = j + 1;
  }
  while (i < markdown.size() && markdown[i] == ' ') ++i;
  ListItemText out;
  if (i < markdown.size() && markdown[i] == '[') {
    std::size_t after = i + 1;
    const char32_t symbol = text::decode_utf8(markdown, after);
    if (i + 1 < markdown.size() && symbol != U'\n' && after < markdown.size() &&
        markdown[after] == ']') {
      out.status_symbol = markdown.substr(i + 1, after - i - 1);
      i = after + 1;
    }
  }
  while (i < markdown.size() && markdown[i] == ' ') ++i;
  std::string_view description = markdown.substr(i);
  while (!description.empty() && (is_blank(description.back()) || description.back() == '\r')) {
    description.remove_suffix(1);
  }
  out.description = description;
  return out;
}

}  // namespace kb::tasks
