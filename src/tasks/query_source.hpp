#pragma once
// From a query's text to the instructions that run, as the plugin builds a
// query (src/Query/Query.ts, Scanner.ts, QueryRendererHelper.ts):
//
//   1. the text's lines, a trailing backslash continuing one on the next;
//   2. each statement's placeholders expanded with the note holding the
//      query (a placeholder without that note is an error, never a literal
//      match); a value of several lines gives several instructions;
//   3. `preset NAME` replaced by the preset's instructions (recursively);
//   4. before them the Query File Defaults (the note's TQ_ properties) and,
//      unless an instruction says `ignore global query`, the global query.
#include <string>
#include <string_view>
#include <vector>

#include "kb/tasks/query_context.hpp"
#include "kb/util/diagnostic.hpp"
#include "kb/util/expected.hpp"

namespace kb::tasks {

struct Instruction {
  enum class From { Query, GlobalQuery, FileDefaults };
  std::string text;    // one instruction, trimmed, placeholders expanded
  std::string source;  // the statement it came from, as written (continuations joined)
  std::string raw;     // that statement's lines as written, joined with '\n'
  int line = 0;        // the statement's line in the query text (first_line based)
  From from = From::Query;
};

// The instructions of the query `text` (whose first line is `first_line`)
// read with `context`, in the order they run; a failure is a Diagnostic
// without a path whose line is the query's line (0 when the problem is in
// the global query or the note's properties, which the message names).
Expected<std::vector<Instruction>> query_instructions(std::string_view text, int first_line,
                                                      const QueryContext& context);

// How a failure of `instruction` is worded: with where it came from when
// not from the query itself.
Diagnostic instruction_error(const Instruction& instruction, std::string message);

}  // namespace kb::tasks
