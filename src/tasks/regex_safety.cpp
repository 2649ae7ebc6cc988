// safe-regex2 5.1 with ret 0.5, written again: ret's tokenizer builds a tree
// of groups (alternatives) and repetitions (`*`, `+`, `?`, `{n,m}`), and
// safe-regex2 walks it, refusing a repetition inside a repeated group (star
// height above 1: `(a+)+`) and more than 25 repetitions in all. Anything ret
// cannot read (a lookbehind `(?<=`, an unterminated class) is refused too.
// Their quirks are kept: a repetition of a repetition is not looked into
// (`(a+)+?` passes), and some escapes are decoded before tokenizing.
#include "regex_safety.hpp"

#include <cstddef>
#include <vector>

#include "kb/text/unicode.hpp"

namespace kb::tasks {
namespace {

constexpr std::size_t kMaxPatternLength = 500;  // UTF-16 units
constexpr int kRepetitionLimit = 25;

bool is_hex_upper(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F');
}

// The length of a `u[A-F0-9]{4}|x[A-F0-9]{2}|c[@A-Z[\\\]^?]|[0tnvfr]`
// escape body at s[i], 0 if none.
std::size_t escape_body(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  const auto hex = [&](std::size_t from, std::size_t n) {
    if (from + n > s.size()) return false;
    for (std::size_t k = from; k < from + n; ++k) {
      if (!is_hex_upper(s[k])) return false;
    }
    return true;
  };
  switch (s[i]) {
    case 'u':
      return hex(i + 1, 4) ? 5 : 0;
    case 'x':
      return hex(i + 1, 2) ? 3 : 0;
    case 'c':
      return i + 1 < s.size() &&
                     std::string_view("@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^?").find(s[i + 1]) !=
                         std::string_view::npos
                 ? 2
                 : 0;
    default:
      return std::string_view("0tnvfr").find(s[i]) != std::string_view::npos ? 1 : 0;
  }
}

// The character an escape body stands for.
std::string decoded(std::string_view body) {
  static constexpr std::string_view kControls = "@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^ ?";
  unsigned code = 0;
  switch (body[0]) {
    case 'u':
    case 'x':
      for (char c : body.substr(1))
        code = code * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : c - 'A' + 10);
      break;
    case 'c':
      code = static_cast<unsigned>(kControls.find(body[1]));
      break;
    default: {
      static constexpr std::string_view kSimple = "0tnvfr";  // \0 \t \n \v \f \r
      static constexpr unsigned kCodes[] = {0, 9, 10, 11, 12, 13};
      code = kCodes[kSimple.find(body[0])];
      break;
    }
  }
  std::string out;
  if (code < 0x80) {
    const char c = static_cast<char>(code);
    // ret escapes the characters that mean something in a pattern.
    if (std::string_view("[]{}^$.|?*+()").find(c) != std::string_view::npos) out += '\\';
    out += c;
  } else {
    out = "\xC2\x80";  // any non-ASCII character: one character, nothing special
  }
  return out;
}

// ret's strToChars: /(\[\\b\])|(\\)?\\(?:u..|x..|c.|[0tnvfr])/g replaced.
std::string decode_escapes(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    if (s.substr(i, 4) == "[\\b]") {
      out += '\x08';
      i += 4;
      continue;
    }
    if (s[i] == '\\') {
      if (i + 1 < s.size() && s[i + 1] == '\\') {
        if (const std::size_t n = escape_body(s, i + 2)) {  // "\\\\uXXXX": left alone
          out += s.substr(i, 2 + n);
          i += 2 + n;
          continue;
        }
      }
      if (const std::size_t n = escape_body(s, i + 1)) {
        out += decoded(s.substr(i + 1, n));
        i += 1 + n;
        continue;
      }
    }
    out += s[i++];
  }
  return out;
}

struct Node {
  enum class Type { Atom, Group, Repetition } type = Type::Atom;
  int value = -1;                         // Repetition: the node repeated
  std::vector<std::vector<int>> options;  // Group (and the root): its alternatives
};

// ret's tokenizer, keeping only the tree's shape; false when ret throws.
class Tree {
 public:
  bool build(std::string_view s) {
    nodes_.push_back({Node::Type::Group, -1, {{}}});  // the root
    std::vector<int> open = {0};
    const auto last = [&]() -> std::vector<int>& {
      return nodes_[static_cast<std::size_t>(open.back())].options.back();
    };
    const auto repeat = [&]() {
      if (last().empty()) return false;  // "Nothing to repeat"
      const int value = last().back();
      nodes_.push_back({Node::Type::Repetition, value, {}});
      last().back() = static_cast<int>(nodes_.size()) - 1;
      return true;
    };
    const auto atom = [&]() {
      nodes_.push_back({});
      last().push_back(static_cast<int>(nodes_.size()) - 1);
    };
    std::size_t i = 0;
    while (i < s.size()) {
      const char c = s[i++];
      switch (c) {
        case '\\':
          if (i == s.size()) return false;  // "\ at end of pattern"
          text::decode_utf8(s, i);          // the escaped character, whatever it is
          atom();
          break;
        case '[':
          if (!skip_class(s, i)) return false;
          atom();
          break;
        case '(': {
          if (i < s.size() && s[i] == '?') {
            const char kind = i + 1 < s.size() ? s[i + 1] : '\0';
            i += 2;
            if (kind == '<') {
              const auto first = [](char ch) {
                return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_' ||
                       ch == '$';
              };
              if (i >= s.size() || !first(s[i])) return false;  // also `(?<=` and `(?<!`
              while (i < s.size() && (first(s[i]) || (s[i] >= '0' && s[i] <= '9'))) ++i;
              if (i >= s.size() || s[i] != '>') return false;
              ++i;
            } else if (kind != '=' && kind != '!' && kind != ':') {
              return false;  // "Invalid group"
            }
          }
          nodes_.push_back({Node::Type::Group, -1, {{}}});
          const int group = static_cast<int>(nodes_.size()) - 1;
          last().push_back(group);
          open.push_back(group);
          break;
        }
        case ')':
          if (open.size() == 1) return false;  // "Unmatched )"
          open.pop_back();
          break;
        case '|':
          nodes_[static_cast<std::size_t>(open.back())].options.emplace_back();
          break;
        case '{': {
          // /^(\d+)(,(\d+)?)?\}/ makes a repetition; otherwise '{' is a character.
          std::size_t j = i;
          while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
          bool ok = j > i;
          if (ok && j < s.size() && s[j] == ',') {
            ++j;
            while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
          }
          ok = ok && j < s.size() && s[j] == '}';
          if (ok) {
            if (!repeat()) return false;
            i = j + 1;
          } else {
            atom();
          }
          break;
        }
        case '?':
        case '+':
        case '*':
          if (!repeat()) return false;
          break;
        default:
          atom();
      }
    }
    return open.size() == 1;  // "Unterminated group" otherwise
  }

  // safe-regex2's walk from the root.
  bool safe() {
    reps_ = 0;
    return walk_stack_of(0, 0);
  }

 private:
  // Past a class's closing ']' (ret's tokenizeClass); false when there is none.
  static bool skip_class(std::string_view s, std::size_t& i) {
    if (i < s.size() && s[i] == '^') ++i;
    while (i < s.size()) {
      if (s[i] == '\\' && i + 1 < s.size()) {
        ++i;
        text::decode_utf8(s, i);
      } else if (s[i] == ']') {
        ++i;
        return true;
      } else {
        text::decode_utf8(s, i);
      }
    }
    return false;  // "Unterminated character class"
  }

  bool walk(int id, int star_height) {
    const Node& node = nodes_[static_cast<std::size_t>(id)];
    if (node.type == Node::Type::Repetition) {
      ++star_height;
      ++reps_;
      if (star_height > 1 || reps_ > kRepetitionLimit) return false;
      // Only a repeated group is looked into (node.value?.stack / options).
      const Node& value = nodes_[static_cast<std::size_t>(node.value)];
      return value.type != Node::Type::Group || walk_stack_of(node.value, star_height);
    }
    return node.type != Node::Type::Group || walk_stack_of(id, star_height);
  }

  bool walk_stack_of(int group, int star_height) {
    // Copied: walk() may not grow nodes_, but a reference would dangle if it did.
    const std::vector<std::vector<int>> options = nodes_[static_cast<std::size_t>(group)].options;
    for (const auto& option : options) {
      for (int child : option) {
        if (!walk(child, star_height)) return false;
      }
    }
    return true;
  }

  std::vector<Node> nodes_;
  int reps_ = 0;
};

std::size_t utf16_length(std::string_view s) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < s.size();) n += text::decode_utf8(s, i) > 0xFFFF ? 2 : 1;
  return n;
}

}  // namespace

std::optional<std::string> regex_safety_problem(std::string_view pattern) {
  const std::size_t length = utf16_length(pattern);
  if (length > kMaxPatternLength) {
    return "Regular expression pattern is too long (" + std::to_string(length) +
           " characters, maximum " + std::to_string(kMaxPatternLength) + ").";
  }
  Tree tree;
  if (!tree.build(decode_escapes(pattern)) || !tree.safe()) {
    std::string message = "Regular expression /";
    message += pattern;
    message += "/ may cause performance problems (possible catastrophic backtracking detected).";
    return message;
  }
  return std::nullopt;
}

}  // namespace kb::tasks
