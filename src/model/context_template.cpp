#include "kb/model/context_template.hpp"

#include <vector>

namespace kb::model {

namespace {

// The template as alternating pieces: literal, placeholder, literal, ...,
// literal (literals may be empty), braces unescaped.
struct Pieces {
  std::vector<std::string> literals;           // placeholders.size() + 1 of them
  std::vector<std::string_view> placeholders;  // names without braces
  std::string problem;                         // empty when the template is good
};

bool is_known(std::string_view name) {
  return name == "date" || name == "link" || name == "summary" || name == "via";
}

Pieces split_template(std::string_view tmpl) {
  Pieces pieces;
  pieces.literals.emplace_back();
  for (std::size_t i = 0; i < tmpl.size(); ++i) {
    const char c = tmpl[i];
    if ((c == '{' || c == '}') && i + 1 < tmpl.size() && tmpl[i + 1] == c) {
      pieces.literals.back() += c;
      ++i;
      continue;
    }
    if (c == '}') {
      if (pieces.problem.empty()) pieces.problem = "unmatched '}' (write '}}' for a brace)";
      pieces.literals.back() += c;
      continue;
    }
    if (c == '\n' || c == '\r') {
      if (pieces.problem.empty()) pieces.problem = "must be a single line";
      pieces.literals.back() += c;
      continue;
    }
    if (c != '{') {
      pieces.literals.back() += c;
      continue;
    }
    const std::size_t close = tmpl.find('}', i + 1);
    if (close == std::string_view::npos) {
      if (pieces.problem.empty()) pieces.problem = "unmatched '{' (write '{{' for a brace)";
      pieces.literals.back() += tmpl.substr(i);
      break;
    }
    const std::string_view name = tmpl.substr(i + 1, close - i - 1);
    if (!is_known(name)) {
      if (pieces.problem.empty()) {
        pieces.problem = "unknown placeholder '{" + std::string(name) +
                         "}' (known: {date}, {link}, {summary}, {via})";
      }
      pieces.literals.back() += tmpl.substr(i, close - i + 1);
    } else {
      pieces.placeholders.push_back(name);
      pieces.literals.emplace_back();
    }
    i = close;
  }
  return pieces;
}

std::string_view value_of(std::string_view name, const ContextFields& fields) {
  if (name == "date") return fields.date;
  if (name == "link") return fields.link;
  if (name == "summary") return fields.summary;
  return fields.via;
}

// The closers for the brackets `lead_in` opens and leaves open, innermost first.
std::string unclosed_closers(std::string_view lead_in) {
  std::string open;
  for (char c : lead_in) {
    if (c == '(' || c == '[') {
      open += c;
    } else if ((c == ')' || c == ']') && !open.empty() && open.back() == (c == ')' ? '(' : '[')) {
      open.pop_back();
    }
  }
  std::string closers;
  for (auto it = open.rbegin(); it != open.rend(); ++it) closers += *it == '(' ? ')' : ']';
  return closers;
}

}  // namespace

std::string render_context_line(std::string_view context_template, const ContextFields& fields) {
  const Pieces pieces = split_template(context_template);
  std::string line;
  std::string_view pending = pieces.literals[0];  // literal not yet written
  for (std::size_t p = 0; p < pieces.placeholders.size(); ++p) {
    std::string_view after = pieces.literals[p + 1];
    const std::string_view value = value_of(pieces.placeholders[p], fields);
    if (value.empty()) {
      for (char closer : unclosed_closers(pending)) {
        if (!after.empty() && after.front() == closer) after.remove_prefix(1);
      }
    } else {
      line += pending;
      line += value;
    }
    pending = after;
  }
  line += pending;
  return line;
}

std::string context_template_problem(std::string_view context_template) {
  if (context_template.empty()) return "must not be empty";
  return split_template(context_template).problem;
}

}  // namespace kb::model
