// `explain`: the plugin's explanation of a query (Explainer.explainQuery and
// QueryRendererHelper's explainResults), worded from what TasksQuery::Impl
// kept of each query that runs together.
#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "cursor.hpp"
#include "query_impl.hpp"

namespace kb::tasks {

namespace {

// Statement.explainStatement: the lines as written, then the statement
// with continuation lines joined and the placeholders expanded, each after
// " =>" when it differs from the one before.
std::string explain_statement(const ExplainedStatement& statement, std::string_view indent) {
  std::string out(indent);
  const std::string_view raw = trim_blanks(statement.raw);
  for (char c : raw) {
    out += c;
    if (c == '\n') out += indent;
  }
  if (statement.raw.find('\n') != std::string::npos) {
    out += '\n';  // so that " =>" starts the next line
    out += indent;
  }
  std::string_view previous = raw;
  for (std::string_view next :
       {std::string_view(statement.source), std::string_view(statement.text)}) {
    if (next == previous) continue;
    out += " =>\n";
    out += indent;
    out += next;
    previous = next;
  }
  return out;
}

std::string explain_statements(const std::vector<ExplainedStatement>& statements,
                               std::string_view indent) {
  if (statements.empty()) return {};
  std::string out;
  for (const ExplainedStatement& statement : statements) {
    if (!out.empty()) out += "\n\n";
    out += explain_statement(statement, indent);
  }
  return out + "\n";
}

std::string at_most(std::size_t limit) {
  return "At most " + std::to_string(limit) + (limit == 1 ? " task" : " tasks");
}

// Explainer.explainQuery with its indentation.
std::string explain_query(const ExplainedQuery& query, text::Date today, std::string_view indent) {
  std::vector<std::string> parts;
  if (query.ignore_global_query) parts.push_back(std::string(indent) + "ignore global query\n");
  if (query.filters.empty()) {
    parts.push_back(std::string(indent) + "No filters supplied. All tasks will match the query.\n");
  } else {
    std::string filters;
    for (const auto& [statement, explain] : query.filters) {
      if (!filters.empty()) filters += '\n';
      filters += explain_statement(statement, indent);
      const std::string explanation = explain ? explain(today) : statement.text;
      if (explanation == statement.text) {
        filters += '\n';
        continue;
      }
      filters += " =>";
      std::size_t pos = 0;
      while (pos <= explanation.size()) {  // each line indented two more
        const std::size_t end = std::min(explanation.find('\n', pos), explanation.size());
        filters += '\n';
        filters += indent;
        filters += "  ";
        filters += explanation.substr(pos, end - pos);
        pos = end + 1;
      }
      filters += '\n';
    }
    parts.push_back(std::move(filters));
  }
  parts.push_back(explain_statements(query.groups, indent));
  parts.push_back(explain_statements(query.sorts, indent));
  parts.push_back(explain_statements(query.layouts, indent));
  std::string limits;
  if (query.limit) limits += std::string(indent) + at_most(*query.limit) + ".\n";
  if (query.group_limit) {
    if (!limits.empty()) limits += '\n';
    limits += std::string(indent) + at_most(*query.group_limit) +
              " per group (if any \"group by\" options are supplied).\n";
  }
  parts.push_back(std::move(limits));
  std::string out;
  for (const std::string& part : parts) {
    if (part.empty()) continue;
    if (!out.empty()) out += '\n';
    out += part;
  }
  return out;
}

}  // namespace

std::string TasksQuery::explanation(text::Date today) const {
  // QueryRendererHelper.ts explainResults.
  std::string out;
  if (!impl_->global_filter.empty()) {
    out += "Only tasks containing the global filter '" + impl_->global_filter + "'.\n\n";
  }
  bool has_block = false;
  for (const ExplainedQuery& query : impl_->explained) {
    std::string label = "Explanation of this Tasks code block query";
    if (query.from == Instruction::From::GlobalQuery) label = "Explanation of the global query";
    if (query.from == Instruction::From::FileDefaults) {
      label =
          "Explanation of the Query File Defaults (from properties/frontmatter in the query's "
          "file)";
    }
    if (query.from == Instruction::From::Query) has_block = true;
    if (&query != &impl_->explained.front()) out += '\n';
    out += label + ":\n\n" + explain_query(query, today, "  ");
  }
  if (!has_block) {
    if (!impl_->explained.empty()) out += '\n';
    out += "Explanation of this Tasks code block query:\n\n" +
           explain_query(ExplainedQuery{}, today, "  ");
  }
  return out;
}

}  // namespace kb::tasks
