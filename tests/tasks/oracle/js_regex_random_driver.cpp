// kb's side of the random differential oracle (tests/tasks/oracle/
// js_regex_random.js writes the patterns and node's answers; see
// random_differential.sh). Not part of the suite: CMake builds it only when
// asked, `cmake --build build --target kb_js_regex_random_driver`.
//
//   kb_js_regex_random_driver patterns.tsv
//
// Reads each row FLAGS<TAB>PATTERN<TAB>BITS, compiles /PATTERN/FLAGS with
// RegexMatcher and asks matches() on every subject, as `kb tasks` does for
// `description regex matches /PATTERN/FLAGS`, and prints
//   differ<TAB>FLAGS<TAB>PATTERN<TAB>node BITS<TAB>kb BITS<TAB>subjects: [...]<TAB>
//     safety check passes|refuses      (whether `kb tasks` would run it)
//     [<TAB>gave up at the match limit]  (kb's search gave up on a subject)
//   refused<TAB>FLAGS<TAB>PATTERN<TAB>kb's message
// then a last line "N patterns, R refused by kb, D differ, G of them at the
// match limit (U more refused by the plugin's safety check, X dropped by
// node)": X counts the "# dropped" comments, patterns node ran for too long.
// Exit 1 when a row differs, 2 on unreadable input.
//
// The comparison compiles with Safety::kSyntaxOnly: the plugin's safety check
// (safe-regex2's star height) refuses most random patterns with repeated
// groups, and what is compared is how kb reads and runs them. U counts the
// patterns that `kb tasks` would refuse for that check, as the plugin does.
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "kb/tasks/regex.hpp"

namespace {

using kb::tasks::RegexMatcher;

constexpr std::string_view kSubjectsHeader = "# subjects\t";
constexpr std::string_view kDroppedComment = "# dropped";

struct Row {
  std::string flags;
  std::string pattern;
  std::string node_bits;
};

// FLAGS<TAB>PATTERN<TAB>BITS; false for anything else.
bool split_row(const std::string& line, Row& row) {
  const std::size_t first = line.find('\t');
  const std::size_t last = line.rfind('\t');
  if (first == std::string::npos || first == last) return false;
  row.flags = line.substr(0, first);
  row.pattern = line.substr(first + 1, last - first - 1);
  row.node_bits = line.substr(last + 1);
  return true;
}

// The subjects where the two answers differ, as a JSON array (readable
// escapes for line terminators).
std::string differing_subjects(const std::vector<std::string>& subjects, const std::string& node,
                               const std::string& kb) {
  nlohmann::json list = nlohmann::json::array();
  for (std::size_t i = 0; i < subjects.size(); ++i) {
    if (node[i] != kb[i]) list.push_back(subjects[i]);
  }
  return list.dump();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: kb_js_regex_random_driver patterns.tsv\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  if (!in) {
    std::cerr << "kb_js_regex_random_driver: cannot read " << argv[1] << "\n";
    return 2;
  }
  std::vector<std::string> subjects;
  int patterns = 0;
  int refused = 0;
  int differ = 0;
  int unsafe = 0;
  int dropped = 0;
  int given_up = 0;
  int line_number = 0;
  for (std::string line; std::getline(in, line);) {
    ++line_number;
    if (line.starts_with(kSubjectsHeader)) {
      const auto parsed =
          nlohmann::json::parse(line.substr(kSubjectsHeader.size()), nullptr, false);
      if (!parsed.is_array()) {
        std::cerr << argv[1] << ":" << line_number << ": the subjects are not a JSON array\n";
        return 2;
      }
      subjects = parsed.get<std::vector<std::string>>();
      continue;
    }
    if (line.starts_with(kDroppedComment)) ++dropped;
    if (line.empty() || line[0] == '#') continue;
    Row row;
    if (!split_row(line, row) || row.node_bits.size() != subjects.size()) {
      std::cerr << argv[1] << ":" << line_number << ": not FLAGS<TAB>PATTERN<TAB>BITS with "
                << subjects.size() << " bits\n";
      return 2;
    }
    ++patterns;
    const std::string literal = "/" + row.pattern + "/" + row.flags;
    const auto matcher = RegexMatcher::compile(literal, RegexMatcher::Safety::kSyntaxOnly);
    if (!matcher) {
      ++refused;
      std::cout << "refused\t" << row.flags << "\t" << row.pattern << "\t" << matcher.error()
                << "\n";
      continue;
    }
    const bool safe =
        static_cast<bool>(RegexMatcher::compile(literal));  // as `kb tasks` compiles it
    if (!safe) ++unsafe;
    std::string kb_bits;
    for (const std::string& subject : subjects) kb_bits += matcher->matches(subject) ? '1' : '0';
    if (kb_bits != row.node_bits) {
      ++differ;
      const bool gave_up = matcher->searches_given_up() > 0;
      if (gave_up) ++given_up;
      std::cout << "differ\t" << row.flags << "\t" << row.pattern << "\tnode " << row.node_bits
                << "\tkb " << kb_bits
                << "\tsubjects: " << differing_subjects(subjects, row.node_bits, kb_bits)
                << (safe ? "\tsafety check passes" : "\tsafety check refuses")
                << (gave_up ? "\tgave up at the match limit" : "") << "\n";
    }
  }
  std::cout << patterns << " patterns, " << refused << " refused by kb, " << differ << " differ, "
            << given_up << " of them at the match limit (" << unsafe
            << " more refused by the plugin's safety check, " << dropped << " dropped by node)\n";
  return differ > 0 ? 1 : 0;
}
