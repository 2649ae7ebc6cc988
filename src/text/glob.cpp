#include "kb/text/glob.hpp"

#include <vector>

namespace kb::text {

namespace {

std::vector<std::string_view> split_segments(std::string_view s) {
  std::vector<std::string_view> segments;
  while (!s.empty()) {
    const std::size_t slash = s.find('/');
    const std::string_view segment = s.substr(0, slash);
    if (!segment.empty()) segments.push_back(segment);
    if (slash == std::string_view::npos) break;
    s.remove_prefix(slash + 1);
  }
  return segments;
}

// Matches one character class starting at p[i] == '['; sets `next` to the
// index after its ']'. Returns false for a class never closed.
bool match_class(std::string_view p, std::size_t i, char c, bool& matched, std::size_t& next) {
  std::size_t j = i + 1;
  const bool negated = j < p.size() && (p[j] == '!' || p[j] == '^');
  if (negated) ++j;
  bool found = false;
  bool first = true;
  while (j < p.size() && (p[j] != ']' || first)) {
    first = false;
    char low = p[j];
    if (low == '\\' && j + 1 < p.size()) low = p[++j];
    char high = low;
    if (j + 2 < p.size() && p[j + 1] == '-' && p[j + 2] != ']') {
      high = p[j + 2];
      if (high == '\\' && j + 3 < p.size()) high = p[++j + 2];
      j += 2;
    }
    if (c >= low && c <= high) found = true;
    ++j;
  }
  if (j >= p.size()) return false;
  matched = found != negated;
  next = j + 1;
  return true;
}

// One path segment against one pattern segment (no '/'): `*` backtracks to
// the last star only, so the work is at most the product of the lengths.
bool match_segment(std::string_view p, std::string_view s) {
  std::size_t pi = 0;
  std::size_t si = 0;
  std::size_t star = std::string_view::npos;
  std::size_t star_s = 0;
  while (si < s.size()) {
    if (pi < p.size() && p[pi] == '*') {
      star = ++pi;
      star_s = si;
      continue;
    }
    bool step = false;
    std::size_t next = pi + 1;
    if (pi < p.size()) {
      if (p[pi] == '?') {
        step = true;
      } else if (p[pi] == '[') {
        bool matched = false;
        if (!match_class(p, pi, s[si], matched, next)) return false;
        step = matched;
      } else if (p[pi] == '\\' && pi + 1 < p.size()) {
        step = p[pi + 1] == s[si];
        next = pi + 2;
      } else {
        step = p[pi] == s[si];
      }
    }
    if (step) {
      pi = next;
      ++si;
    } else if (star != std::string_view::npos) {
      pi = star;
      si = ++star_s;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi] == '*') ++pi;
  return pi == p.size();
}

// Pattern segments (with "**") against exactly the path segments given.
bool match_segments(const std::vector<std::string_view>& pattern,
                    const std::vector<std::string_view>& path, std::size_t count) {
  // reachable[j]: the pattern read so far can end after j path segments.
  std::vector<char> reachable(count + 1, 0);
  reachable[0] = 1;
  for (const std::string_view segment : pattern) {
    std::vector<char> next(count + 1, 0);
    if (segment == "**") {
      bool any = false;
      for (std::size_t j = 0; j <= count; ++j) {
        any = any || reachable[j];
        next[j] = any ? 1 : 0;
      }
    } else {
      for (std::size_t j = 0; j < count; ++j) {
        if (reachable[j] && match_segment(segment, path[j])) next[j + 1] = 1;
      }
    }
    reachable = std::move(next);
  }
  return reachable[count] != 0;
}

}  // namespace

std::string glob_problem(std::string_view pattern) {
  if (pattern.empty()) return "an empty pattern";
  if (pattern.front() == '!') return "'!' patterns (exceptions) are not supported";
  const auto segments = split_segments(pattern);
  if (segments.empty()) return "a pattern naming no file or folder";
  for (const std::string_view segment : segments) {
    if (segment == "..") return "a '..' segment";
    for (std::size_t i = 0; i < segment.size(); ++i) {
      if (segment[i] == '\\') {
        ++i;
      } else if (segment[i] == '[') {
        bool matched = false;
        std::size_t next = 0;
        if (!match_class(segment, i, 'a', matched, next)) return "a '[' never closed";
        i = next - 1;
      }
    }
  }
  return "";
}

bool glob_matches_path(std::string_view pattern, std::string_view path) {
  if (!glob_problem(pattern).empty()) return false;
  const bool folders_only = pattern.back() == '/';
  const auto segments = split_segments(pattern);
  const auto parts = split_segments(path);
  // The file itself, unless only folders may match; then each of its folders.
  const std::size_t longest = folders_only ? (parts.empty() ? 0 : parts.size() - 1) : parts.size();
  const bool anchored = segments.size() > 1 || pattern.front() == '/';
  if (!anchored) {
    for (std::size_t i = 0; i < longest; ++i) {
      if (match_segment(segments.front(), parts[i])) return true;
    }
    return false;
  }
  for (std::size_t count = 1; count <= longest; ++count) {
    if (match_segments(segments, parts, count)) return true;
  }
  return false;
}

}  // namespace kb::text
