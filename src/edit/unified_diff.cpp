#include "kb/edit/unified_diff.hpp"

#include <algorithm>
#include <optional>
#include <unordered_map>
#include <vector>

namespace kb::edit {
namespace {

// Past this many edits the diff stops searching (the trace costs D^2 ints).
constexpr int kMaxEdits = 2000;

enum class Op { Equal, Delete, Insert };

// Lines with their '\n' (the last may lack it), so "a" and "a\n" differ.
std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t begin = 0;
  while (begin < text.size()) {
    const std::size_t nl = text.find('\n', begin);
    const std::size_t next = nl == std::string_view::npos ? text.size() : nl + 1;
    lines.push_back(text.substr(begin, next - begin));
    begin = next;
  }
  return lines;
}

// Myers' greedy shortest edit script between a and b (line ids). Empty
// optional when it needs more than kMaxEdits edits.
std::optional<std::vector<Op>> myers(const std::vector<int>& a, const std::vector<int>& b) {
  const int n = static_cast<int>(a.size()), m = static_cast<int>(b.size());
  const int max = n + m;
  std::vector<int> v(2 * static_cast<std::size_t>(max) + 3, 0);
  const int offset = max + 1;
  std::vector<std::vector<int>> trace;  // trace[d][k + d] = furthest x on diagonal k after d edits
  int found_d = -1;
  for (int d = 0; d <= std::min(max, kMaxEdits) && found_d < 0; ++d) {
    for (int k = -d; k <= d; k += 2) {
      int x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]))
                  ? v[offset + k + 1]
                  : v[offset + k - 1] + 1;
      int y = x - k;
      while (x < n && y < m && a[x] == b[y]) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) found_d = d;
    }
    trace.emplace_back(v.begin() + offset - d, v.begin() + offset + d + 1);
  }
  if (found_d < 0) return std::nullopt;

  std::vector<Op> ops;
  int x = n, y = m;
  for (int d = found_d; d > 0; --d) {
    const std::vector<int>& prev = trace[d - 1];  // index k + (d - 1)
    const int k = x - y;
    const bool down = k == -d || (k != d && prev[k - 1 + d - 1] < prev[k + 1 + d - 1]);
    const int prev_k = down ? k + 1 : k - 1;
    const int prev_x = prev[prev_k + d - 1];
    const int prev_y = prev_x - prev_k;
    while (x > prev_x && y > prev_y) {
      ops.push_back(Op::Equal);
      --x, --y;
    }
    ops.push_back(down ? Op::Insert : Op::Delete);
    x = prev_x, y = prev_y;
  }
  while (x > 0 && y > 0) {
    ops.push_back(Op::Equal);
    --x, --y;
  }
  std::reverse(ops.begin(), ops.end());
  return ops;
}

std::string range_text(std::size_t before, std::size_t count) {
  const std::size_t start = count == 0 ? before : before + 1;
  return count == 1 ? std::to_string(start) : std::to_string(start) + "," + std::to_string(count);
}

void append_line(std::string& out, char prefix, std::string_view line) {
  out += prefix;
  if (line.ends_with('\n')) {
    out += line;
  } else {
    out += line;
    out += "\n\\ No newline at end of file\n";
  }
}

}  // namespace

std::string unified_diff(std::string_view old_text, std::string_view new_text,
                         std::string_view path, int context) {
  if (old_text == new_text) return "";
  const auto old_lines = split_lines(old_text), new_lines = split_lines(new_text);

  std::size_t prefix = 0;
  while (prefix < old_lines.size() && prefix < new_lines.size() &&
         old_lines[prefix] == new_lines[prefix]) {
    ++prefix;
  }
  std::size_t suffix = 0;
  while (suffix < old_lines.size() - prefix && suffix < new_lines.size() - prefix &&
         old_lines[old_lines.size() - 1 - suffix] == new_lines[new_lines.size() - 1 - suffix]) {
    ++suffix;
  }

  // Intern the middle lines so the search compares ints.
  std::unordered_map<std::string_view, int> ids;
  const auto intern = [&](const std::vector<std::string_view>& lines) {
    std::vector<int> out;
    for (std::size_t i = prefix; i < lines.size() - suffix; ++i) {
      out.push_back(ids.emplace(lines[i], static_cast<int>(ids.size())).first->second);
    }
    return out;
  };
  const std::vector<int> a = intern(old_lines), b = intern(new_lines);
  std::vector<Op> middle;
  if (auto ops = myers(a, b)) {
    middle = std::move(*ops);
  } else {
    middle.assign(a.size(), Op::Delete);
    middle.insert(middle.end(), b.size(), Op::Insert);
  }

  std::vector<Op> ops(prefix, Op::Equal);
  ops.insert(ops.end(), middle.begin(), middle.end());
  ops.insert(ops.end(), suffix, Op::Equal);
  // Line counters before each op.
  std::vector<std::size_t> old_before(ops.size() + 1), new_before(ops.size() + 1);
  for (std::size_t i = 0; i < ops.size(); ++i) {
    old_before[i + 1] = old_before[i] + (ops[i] != Op::Insert);
    new_before[i + 1] = new_before[i] + (ops[i] != Op::Delete);
  }

  const std::size_t ctx = static_cast<std::size_t>(std::max(context, 0));
  std::string out = "--- a/" + std::string(path) + "\n+++ b/" + std::string(path) + "\n";
  std::size_t i = 0;
  while (true) {
    while (i < ops.size() && ops[i] == Op::Equal) ++i;
    if (i == ops.size()) break;
    const std::size_t start = i >= ctx ? i - ctx : 0;
    std::size_t last_change = i;
    std::size_t j = i;
    while (j < ops.size()) {
      if (ops[j] != Op::Equal) {
        last_change = j;
        ++j;
        continue;
      }
      std::size_t run_end = j;
      while (run_end < ops.size() && ops[run_end] == Op::Equal) ++run_end;
      if (run_end == ops.size() || run_end - j > 2 * ctx) break;
      j = run_end;
    }
    const std::size_t end = std::min(ops.size(), last_change + 1 + ctx);
    out += "@@ -" + range_text(old_before[start], old_before[end] - old_before[start]) + " +" +
           range_text(new_before[start], new_before[end] - new_before[start]) + " @@\n";
    for (std::size_t h = start; h < end; ++h) {
      switch (ops[h]) {
        case Op::Equal:
          append_line(out, ' ', old_lines[old_before[h]]);
          break;
        case Op::Delete:
          append_line(out, '-', old_lines[old_before[h]]);
          break;
        case Op::Insert:
          append_line(out, '+', new_lines[new_before[h]]);
          break;
      }
    }
    i = end;
  }
  return out;
}

}  // namespace kb::edit
