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
#include <functional>
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

// Explanation.ts: a description, and for a Boolean operator its symbol
// and operands.
struct Explanation {
  std::string description;
  std::vector<Explanation> children;
  std::string symbol;  // AND, OR, NOT, XOR; "" for a filter

  // Explanation.asString: each level indented two more.
  void append_to(std::string& out, const std::string& indent) const {
    out += indent;
    if (children.empty() || symbol.empty()) {
      for (char c : description) {  // a filter's explanation may have lines of its own
        out += c;
        if (c == '\n') out += indent;
      }
    } else {
      out += symbol;
      // "All of" and the like only mean something with two operands or more.
      if (children.size() > 1) out += " (" + description + ")";
      out += ':';
    }
    for (const Explanation& child : children) {
      out += '\n';
      child.append_to(out, indent + "  ");
    }
  }
};

using Explain = std::function<Explanation(text::Date today)>;

// Explanation.combineOrCreateExplanation: "(a) AND (b) AND (c)" is one AND
// of three, but an AND whose right operand is a combination stays nested.
Explanation combine(std::string description, std::string symbol, Explanation left,
                    Explanation right) {
  if (left.symbol == symbol && right.symbol.empty()) {
    left.children.push_back(std::move(right));
    return left;
  }
  return {std::move(description), {std::move(left), std::move(right)}, std::move(symbol)};
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
    Cursor words(ops, Cursor::Spaces::Any);
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

// A parsed (part of a) Boolean combination: its filter and its explanation.
struct Part {
  Filter filter;
  Explain explain;
};

// Recursive descent over the tokens, by operator precedence.
class Parser {
 public:
  Parser(const std::vector<Token>& tokens, const DateClock& clock)
      : tokens_(tokens), clock_(clock) {}

  std::optional<Part> parse() {
    std::optional<Part> part = parse_or();
    if (part && pos_ != tokens_.size()) return fail("malformed boolean query");
    return part;
  }

  const std::string& error() const { return error_; }

 private:
  using Combine = bool (*)(bool, bool);

  bool next_is(Kind kind) const { return pos_ < tokens_.size() && tokens_[pos_].kind == kind; }

  std::optional<Part> fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
    return std::nullopt;
  }

  // left (OP right)*, left-associative, as the postfix form the plugin runs.
  std::optional<Part> parse_binary(Kind op, std::optional<Part> (Parser::*operand)(),
                                   Combine combine_results, std::string_view symbol,
                                   std::string_view description) {
    std::optional<Part> left = (this->*operand)();
    while (left && next_is(op)) {
      ++pos_;
      std::optional<Part> right = (this->*operand)();
      if (!right) return std::nullopt;
      // A task passes `A AND B` only if it passes both: it has what each requires.
      std::vector<std::string> required;
      if (op == Kind::And) {
        required = left->filter.required_path_texts;
        required.insert(required.end(), right->filter.required_path_texts.begin(),
                        right->filter.required_path_texts.end());
      }
      const bool reads_other_tasks =
          left->filter.reads_other_tasks || right->filter.reads_other_tasks;
      std::vector<RegexMatcher> regexes = left->filter.regexes;
      regexes.insert(regexes.end(), right->filter.regexes.begin(), right->filter.regexes.end());
      Filter filter([l = std::move(left->filter), r = std::move(right->filter), combine_results](
                        const TaskItem& item, const RunContext& run) {
        return combine_results(l(item, run), r(item, run));
      });
      filter.required_path_texts = std::move(required);
      filter.reads_other_tasks = reads_other_tasks;
      filter.regexes = std::move(regexes);
      Explain explain = [l = std::move(left->explain), r = std::move(right->explain),
                         symbol = std::string(symbol),
                         description = std::string(description)](text::Date today) {
        // XOR never merges operands (Explanation.booleanXor).
        if (symbol == "XOR") return Explanation{description, {l(today), r(today)}, symbol};
        return combine(description, symbol, l(today), r(today));
      };
      left = Part{std::move(filter), std::move(explain)};
    }
    return left;
  }

  std::optional<Part> parse_or() {
    return parse_binary(
        Kind::Or, &Parser::parse_and, [](bool a, bool b) { return a || b; }, "OR",
        "At least one of");
  }
  std::optional<Part> parse_and() {
    return parse_binary(
        Kind::And, &Parser::parse_xor, [](bool a, bool b) { return a && b; }, "AND", "All of");
  }
  std::optional<Part> parse_xor() {
    return parse_binary(
        Kind::Xor, &Parser::parse_not, [](bool a, bool b) { return a != b; }, "XOR",
        "Exactly one of");
  }

  std::optional<Part> parse_not() {
    if (!next_is(Kind::Not)) return parse_primary();
    ++pos_;
    if (++depth_ > kMaxNesting) return fail("boolean query nested too deeply");
    std::optional<Part> inner = parse_not();
    --depth_;
    if (!inner) return std::nullopt;
    const bool reads_other_tasks = inner->filter.reads_other_tasks;
    std::vector<RegexMatcher> regexes = inner->filter.regexes;
    Filter negated([f = std::move(inner->filter)](const TaskItem& item, const RunContext& run) {
      return !f(item, run);
    });
    negated.reads_other_tasks = reads_other_tasks;
    negated.regexes = std::move(regexes);
    Explain explain = [e = std::move(inner->explain)](text::Date today) {
      return Explanation{"None of", {e(today)}, "NOT"};
    };
    return Part{std::move(negated), std::move(explain)};
  }

  std::optional<Part> parse_primary() {
    if (next_is(Kind::Filter)) {
      std::string_view text = tokens_[pos_++].text;
      FilterResult sub = parse_filter(text, clock_);
      if (!sub) {
        // BooleanField.parseLine: the sub-filter's own error, if it has one.
        std::string why = "couldn't parse sub-expression " + quoted(text);
        if (sub.error() != do_not_understand_query(text)) why += ": " + sub.error();
        return fail(why);
      }
      // Filter.simulateExplainFilter: the explanation alone when it is the
      // instruction, else the instruction followed by " =>" and it.
      Explain explain = [instruction = std::string(text),
                         explain = sub->explain](text::Date today) {
        std::string explained = explain ? explain(today) : instruction;
        if (explained == instruction) return Explanation{std::move(explained), {}, {}};
        return Explanation{instruction + " =>", {Explanation{std::move(explained), {}, {}}}, {}};
      };
      return Part{std::move(*sub), std::move(explain)};
    }
    if (!next_is(Kind::Open)) return fail("malformed boolean query");
    ++pos_;
    if (++depth_ > kMaxNesting) return fail("boolean query nested too deeply");
    std::optional<Part> inner = parse_or();
    --depth_;
    if (!inner) return std::nullopt;
    if (!next_is(Kind::Close)) return fail("malformed boolean query");
    ++pos_;
    return inner;
  }

  const std::vector<Token>& tokens_;
  const DateClock& clock_;
  std::size_t pos_ = 0;
  int depth_ = 0;
  std::string error_;
};

}  // namespace

std::optional<FilterResult> parse_boolean_filter(std::string_view line, const DateClock& clock) {
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
  Parser parser(tokens, clock);
  std::optional<Part> part = parser.parse();
  if (!part) return failure(parser.error());
  // BooleanField.constructExplanation: the tree of operators and filters.
  part->filter.explain = [explain = std::move(part->explain)](text::Date today) {
    std::string out;
    explain(today).append_to(out, "");
    return out;
  };
  return FilterResult(std::move(part->filter));
}

}  // namespace kb::tasks
