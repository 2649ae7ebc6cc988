// Boolean combinations of filters: "(not done) AND ((due today) OR NOT
// (has tags))". Each filter sits in delimiters, one kind per line: (...),
// [...], {...} or "...". Operators are upper case only: NOT binds tightest,
// then XOR, AND, OR (docs: Queries/Combining Filters).
//
// Like the plugin, a line is first cut at operator boundaries (a closing
// delimiter, AND/OR/XOR/AND NOT/OR NOT, an opening delimiter; or NOT and an
// opening delimiter); the rest of each piece, minus the delimiters and blanks
// at its ends, is one filter. So a filter may contain delimiter characters
// except at its very end.
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "cursor.hpp"
#include "filter.hpp"

namespace kb::tasks {
namespace {

struct Delimiters {
  char open, close;
};

constexpr std::array<Delimiters, 4> kDelimiterPairs = {
    {{'(', ')'}, {'[', ']'}, {'{', '}'}, {'"', '"'}}};

constexpr std::string_view kMixedDelimiters =
    "all filters in a Boolean instruction must be inside one of these pairs of delimiter "
    "characters: (...) or [...] or {...} or \"...\"; combinations of those delimiters are not "
    "supported";

constexpr int kMaxNesting = 100;

bool starts_with_at(std::string_view s, std::size_t i, std::string_view word) {
  return s.substr(i, word.size()) == word;
}

bool is_open_delimiter(char c) {
  return c == '(' || c == '[' || c == '{' || c == '"';
}
bool is_close_delimiter(char c) {
  return c == ')' || c == ']' || c == '}' || c == '"';
}

// The plugin's test for a Boolean line: an operator before an opening
// delimiter, or some text between an opening and a closing delimiter.
bool looks_boolean(std::string_view line) {
  for (std::string_view op : {"AND", "OR", "XOR", "NOT"}) {
    for (std::size_t at = line.find(op); at != std::string_view::npos; at = line.find(op, at + 1)) {
      std::size_t j = at + op.size();
      while (j < line.size() && is_blank(line[j])) ++j;
      if (j < line.size() && is_open_delimiter(line[j])) return true;
    }
  }
  std::size_t first_open = std::string_view::npos, last_close = std::string_view::npos;
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (first_open == std::string_view::npos && is_open_delimiter(line[i])) first_open = i;
    if (is_close_delimiter(line[i])) last_close = i;
  }
  return first_open != std::string_view::npos && last_close != std::string_view::npos &&
         last_close >= first_open + 2;
}

// The delimiters are chosen by the first character after any leading
// operators and the last character of the line, which must be a pair.
std::optional<Delimiters> find_delimiters(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && ((line[i] >= 'A' && line[i] <= 'Z') || is_blank(line[i]))) ++i;
  if (i >= line.size()) return std::nullopt;
  for (const Delimiters& pair : kDelimiterPairs) {
    if (line[i] == pair.open && line.back() == pair.close) return pair;
  }
  return std::nullopt;
}

enum class Kind { Open, Close, And, Or, Xor, Not, Filter };

struct Token {
  Kind kind;
  std::string_view text;  // for Filter
};

class Tokenizer {
 public:
  Tokenizer(std::string_view line, Delimiters delimiters) : line_(line), d_(delimiters) {}

  std::vector<Token> run() {
    std::size_t piece_start = 0, i = 0;
    while (i < line_.size()) {
      std::size_t end = 0;
      if (line_[i] == d_.close && (end = binary_operator_end(i)) != 0) {
        add_piece(line_.substr(piece_start, i - piece_start));
        tokens_.push_back({Kind::Close, {}});
        add_operators(line_.substr(i + 1, end - i - 2));
        tokens_.push_back({Kind::Open, {}});
      } else if ((end = unary_not_end(i)) != 0) {
        add_piece(line_.substr(piece_start, i - piece_start));
        tokens_.push_back({Kind::Not, {}});
        tokens_.push_back({Kind::Open, {}});
      } else {
        ++i;
        continue;
      }
      i = piece_start = end;
    }
    add_piece(line_.substr(piece_start));
    return std::move(tokens_);
  }

 private:
  std::size_t skip_blanks(std::size_t j) const {
    while (j < line_.size() && is_blank(line_[j])) ++j;
    return j;
  }

  // At a closing delimiter: the end of "<close> OP <open>", or 0.
  std::size_t binary_operator_end(std::size_t i) const {
    std::size_t j = skip_blanks(i + 1);
    bool may_negate = true;  // AND NOT, OR NOT; there is no XOR NOT
    if (starts_with_at(line_, j, "AND")) {
      j += 3;
    } else if (starts_with_at(line_, j, "XOR")) {
      j += 3;
      may_negate = false;
    } else if (starts_with_at(line_, j, "OR")) {
      j += 2;
    } else {
      return 0;
    }
    std::size_t k = skip_blanks(j);
    if (may_negate && k > j && starts_with_at(line_, k, "NOT")) j = k + 3;
    j = skip_blanks(j);
    return j < line_.size() && line_[j] == d_.open ? j + 1 : 0;
  }

  // "NOT <open>" starting a word: its end, or 0.
  std::size_t unary_not_end(std::size_t i) const {
    if (!starts_with_at(line_, i, "NOT")) return 0;
    if (i > 0 && !is_blank(line_[i - 1]) && line_[i - 1] != d_.open) return 0;
    std::size_t j = skip_blanks(i + 3);
    return j < line_.size() && line_[j] == d_.open ? j + 1 : 0;
  }

  void add_operators(std::string_view ops) {
    Cursor words(ops);
    while (!words.at_end()) {
      if (words.accept("AND"))
        tokens_.push_back({Kind::And, {}});
      else if (words.accept("OR"))
        tokens_.push_back({Kind::Or, {}});
      else if (words.accept("XOR"))
        tokens_.push_back({Kind::Xor, {}});
      else if (words.accept("NOT"))
        tokens_.push_back({Kind::Not, {}});
      else
        break;
    }
  }

  // Delimiters and blanks at the ends of a piece; the middle is a filter
  // (or a lone operator left between unusual spacing).
  void add_piece(std::string_view piece) {
    std::size_t a = 0, b = piece.size();
    for (; a < b && (piece[a] == d_.open || is_blank(piece[a])); ++a) {
      if (piece[a] == d_.open) tokens_.push_back({Kind::Open, {}});
    }
    while (b > a && (piece[b - 1] == d_.close || is_blank(piece[b - 1]))) --b;
    std::string_view middle = piece.substr(a, b - a);
    if (middle == "AND")
      tokens_.push_back({Kind::And, {}});
    else if (middle == "OR")
      tokens_.push_back({Kind::Or, {}});
    else if (middle == "XOR")
      tokens_.push_back({Kind::Xor, {}});
    else if (middle == "NOT")
      tokens_.push_back({Kind::Not, {}});
    else if (!middle.empty())
      tokens_.push_back({Kind::Filter, middle});
    for (std::size_t k = b; k < piece.size(); ++k) {
      if (piece[k] == d_.close) tokens_.push_back({Kind::Close, {}});
    }
  }

  std::string_view line_;
  Delimiters d_;
  std::vector<Token> tokens_;
};

// Recursive descent over the tokens, by operator precedence.
class Parser {
 public:
  explicit Parser(const std::vector<Token>& tokens) : tokens_(tokens) {}

  std::optional<Filter> parse() {
    std::optional<Filter> filter = parse_or();
    if (filter && pos_ != tokens_.size()) return fail("malformed boolean query");
    return filter;
  }

  const std::string& error() const { return error_; }

 private:
  using Combine = bool (*)(bool, bool);

  bool next_is(Kind kind) const { return pos_ < tokens_.size() && tokens_[pos_].kind == kind; }

  std::optional<Filter> fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return std::nullopt;
  }

  // left (OP right)*, left-associative.
  std::optional<Filter> parse_binary(Kind op, std::optional<Filter> (Parser::*operand)(),
                                     Combine combine) {
    std::optional<Filter> left = (this->*operand)();
    while (left && next_is(op)) {
      ++pos_;
      std::optional<Filter> right = (this->*operand)();
      if (!right) return std::nullopt;
      // A task passes `A AND B` only if it passes both: it has what each requires.
      std::vector<std::string> required;
      if (op == Kind::And) {
        required = left->required_path_texts;
        required.insert(required.end(), right->required_path_texts.begin(),
                        right->required_path_texts.end());
      }
      const bool reads_other_tasks = left->reads_other_tasks || right->reads_other_tasks;
      left = Filter([l = std::move(*left), r = std::move(*right), combine](const TaskItem& item,
                                                                           const RunContext& run) {
        return combine(l(item, run), r(item, run));
      });
      left->required_path_texts = std::move(required);
      left->reads_other_tasks = reads_other_tasks;
    }
    return left;
  }

  std::optional<Filter> parse_or() {
    return parse_binary(Kind::Or, &Parser::parse_and, [](bool a, bool b) { return a || b; });
  }
  std::optional<Filter> parse_and() {
    return parse_binary(Kind::And, &Parser::parse_xor, [](bool a, bool b) { return a && b; });
  }
  std::optional<Filter> parse_xor() {
    return parse_binary(Kind::Xor, &Parser::parse_not, [](bool a, bool b) { return a != b; });
  }

  std::optional<Filter> parse_not() {
    if (!next_is(Kind::Not)) return parse_primary();
    ++pos_;
    if (++depth_ > kMaxNesting) return fail("boolean query nested too deeply");
    std::optional<Filter> inner = parse_not();
    --depth_;
    if (!inner) return std::nullopt;
    const bool reads_other_tasks = inner->reads_other_tasks;
    Filter negated([f = std::move(*inner)](const TaskItem& item, const RunContext& run) {
      return !f(item, run);
    });
    negated.reads_other_tasks = reads_other_tasks;
    return negated;
  }

  std::optional<Filter> parse_primary() {
    if (next_is(Kind::Filter)) {
      std::string_view text = tokens_[pos_++].text;
      FilterResult sub = parse_filter(text);
      if (!sub) {
        // BooleanField.parseLine: the sub-filter's own error, if it has one.
        std::string why = "couldn't parse sub-expression " + quoted(text);
        if (sub.error() != do_not_understand_query(text)) why += ": " + sub.error();
        return fail(why);
      }
      return std::move(*sub);
    }
    if (!next_is(Kind::Open)) return fail("malformed boolean query");
    ++pos_;
    if (++depth_ > kMaxNesting) return fail("boolean query nested too deeply");
    std::optional<Filter> inner = parse_or();
    --depth_;
    if (!inner) return std::nullopt;
    if (!next_is(Kind::Close)) return fail("malformed boolean query");
    ++pos_;
    return inner;
  }

  const std::vector<Token>& tokens_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;
};

}  // namespace

std::optional<FilterResult> parse_boolean_filter(std::string_view line) {
  if (!looks_boolean(line)) return std::nullopt;
  auto failure = [line](std::string_view why) {
    // BooleanField.helpMessageFromSimpleError, its lines joined.
    return FilterResult::failure(
        "Could not interpret the following instruction as a Boolean combination: " + quoted(line) +
        ". The error message is: " + std::string(why));
  };
  std::optional<Delimiters> delimiters = find_delimiters(line);
  if (!delimiters) return failure(kMixedDelimiters);
  std::vector<Token> tokens = Tokenizer(line, *delimiters).run();
  Parser parser(tokens);
  std::optional<Filter> filter = parser.parse();
  if (!filter) return failure(parser.error());
  return FilterResult(std::move(*filter));
}

}  // namespace kb::tasks
