// `explain`, as the plugin's Explainer words it (docs/Queries/Explaining
// Queries.md and its approved samples, DocsSamplesForExplain.test.*;
// src/Query/Explain/Explainer.ts, QueryRendererHelper.ts explainResults).
#include <catch2/catch.hpp>
#include <string>

#include "kb/tasks/query.hpp"

using kb::tasks::TasksQuery;

namespace {

// The docs' samples are explained on 2022-10-21.
std::string explained(const std::string& query, kb::text::Date today = {2022, 10, 21}) {
  auto parsed = TasksQuery::parse(query);
  INFO(query);
  if (!parsed) FAIL(parsed.error().message);
  return parsed->explanation(today);
}

}  // namespace

TEST_CASE("Dates in filters are expanded", "[tasks_explain]") {
  // The docs' first sample, with dates kb reads ("2 years ago" is not one).
  CHECK(explained("starts after 2020-10-21\nscheduled after yesterday\ndue before "
                  "tomorrow\nexplain") ==
        "Explanation of this Tasks code block query:\n\n"
        "  starts after 2020-10-21 =>\n"
        "    start date is after 2020-10-21 (Wednesday 21st October 2020) OR no start date\n\n"
        "  scheduled after yesterday =>\n"
        "    scheduled date is after 2022-10-20 (Thursday 20th October 2022)\n\n"
        "  due before tomorrow =>\n"
        "    due date is before 2022-10-22 (Saturday 22nd October 2022)\n");
  CHECK(explained("due this week\nhappens on 2022-10-03\ndone in or before 2022-10-13") ==
        "Explanation of this Tasks code block query:\n\n"
        "  due this week =>\n"
        "    due date is between:\n"
        "      2022-10-17 (Monday 17th October 2022) and\n"
        "      2022-10-23 (Sunday 23rd October 2022) inclusive\n\n"
        "  happens on 2022-10-03 =>\n"
        "    due, start or scheduled date is on 2022-10-03 (Monday 3rd October 2022)\n\n"
        "  done in or before 2022-10-13 =>\n"
        "    done date is on or before 2022-10-13 (Thursday 13th October 2022)\n");
  CHECK(explained("starts in 2022-10") ==
        "Explanation of this Tasks code block query:\n\n"
        "  starts in 2022-10 =>\n"
        "    start date is between:\n"
        "      2022-10-01 (Saturday 1st October 2022) and\n"
        "      2022-10-31 (Monday 31st October 2022) inclusive\n"
        "      OR no start date\n");
}

TEST_CASE("Regular expressions are explained under the instruction's pattern", "[tasks_explain]") {
  CHECK(explained("explain\npath regex matches /^Root/Sub-Folder/Sample File\\.md/i") ==
        "Explanation of this Tasks code block query:\n\n"
        "  path regex matches /^Root/Sub-Folder/Sample File\\.md/i =>\n"
        "    using regex:     '^Root\\/Sub-Folder\\/Sample File\\.md' with flag 'i'\n");
  CHECK(explained("description regex matches /waiting|waits|wartet/") ==
        "Explanation of this Tasks code block query:\n\n"
        "  description regex matches /waiting|waits|wartet/ =>\n"
        "    using regex:            'waiting|waits|wartet' with no flags\n");
  CHECK(explained("tags regex does not match /#x/si") ==
        "Explanation of this Tasks code block query:\n\n"
        "  tags regex does not match /#x/si =>\n"
        "    using regex:            '#x' with flags 'is'\n");
}

TEST_CASE("Everything else of the query is listed", "[tasks_explain]") {
  CHECK(explained("explain") ==
        "Explanation of this Tasks code block query:\n\n"
        "  No filters supplied. All tasks will match the query.\n");
  CHECK(explained("not done\npriority HIGH\npriority above low\nhas due date\ngroup by "
                  "due\ngroup by path\nsort by urgency\nshort mode\nhide due date\nlimit 5\n"
                  "limit groups to 1 task\nexplain") ==
        "Explanation of this Tasks code block query:\n\n"
        "  not done =>\n"
        "    status type is TODO or IN_PROGRESS or ON_HOLD\n\n"
        "  priority HIGH =>\n"
        "    priority is HIGH\n\n"
        "  priority above low\n\n"
        "  has due date\n\n"
        "  group by due\n\n"
        "  group by path\n\n"
        "  sort by urgency\n\n"
        "  short mode\n\n"
        "  hide due date\n\n"
        "  At most 5 tasks.\n\n"
        "  At most 1 task per group (if any \"group by\" options are supplied).\n");
  CHECK(explained("ignore global query\ndone") ==
        "Explanation of this Tasks code block query:\n\n"
        "  ignore global query\n\n"
        "  done =>\n"
        "    status type is DONE or CANCELLED or NON_TASK\n");
}

TEST_CASE("Boolean combinations are explained as a tree", "[tasks_explain]") {
  // DocsSamplesForExplain.test.explain_boolean_combinations.approved.*
  CHECK(explained("explain\nnot done\n(due before tomorrow) AND (is recurring)") ==
        "Explanation of this Tasks code block query:\n\n"
        "  not done =>\n"
        "    status type is TODO or IN_PROGRESS or ON_HOLD\n\n"
        "  (due before tomorrow) AND (is recurring) =>\n"
        "    AND (All of):\n"
        "      due before tomorrow =>\n"
        "        due date is before 2022-10-22 (Saturday 22nd October 2022)\n"
        "      is recurring\n");
  // ...explain_nested_boolean_combinations.approved.*: operands of one AND
  // merge; an AND whose right operand is a combination stays nested; NOT
  // with one operand has no "(None of)".
  const std::string nested =
      "(                                                                                       \\\n"
      "    (description includes 1) AND (description includes 2) AND (description includes 3)  \\\n"
      ") OR (                                                                                  \\\n"
      "    (description includes 5) AND (description includes 6) AND (description includes 7)  \\\n"
      ")                                                                                       \\\n"
      "AND NOT (description includes 7)";
  CHECK(explained("explain\n" + nested) ==
        "Explanation of this Tasks code block query:\n\n"
        "  (                                                                                       "
        "\\\n"
        "      (description includes 1) AND (description includes 2) AND (description includes 3)  "
        "\\\n"
        "  ) OR (                                                                                  "
        "\\\n"
        "      (description includes 5) AND (description includes 6) AND (description includes 7)  "
        "\\\n"
        "  )                                                                                       "
        "\\\n"
        "  AND NOT (description includes 7)\n"
        "   =>\n"
        "  ( (description includes 1) AND (description includes 2) AND (description includes 3) ) "
        "OR ( (description includes 5) AND (description includes 6) AND (description includes 7) ) "
        "AND NOT (description includes 7) =>\n"
        "    OR (At least one of):\n"
        "      AND (All of):\n"
        "        description includes 1\n"
        "        description includes 2\n"
        "        description includes 3\n"
        "      AND (All of):\n"
        "        AND (All of):\n"
        "          description includes 5\n"
        "          description includes 6\n"
        "          description includes 7\n"
        "        NOT:\n"
        "          description includes 7\n");
  // Explanation.ts: XOR never merges; a date range keeps its own lines.
  CHECK(explained("(done) XOR (has tags) XOR (due this week)") ==
        "Explanation of this Tasks code block query:\n\n"
        "  (done) XOR (has tags) XOR (due this week) =>\n"
        "    XOR (Exactly one of):\n"
        "      XOR (Exactly one of):\n"
        "        done =>\n"
        "          status type is DONE or CANCELLED or NON_TASK\n"
        "        has tags\n"
        "      due this week =>\n"
        "        due date is between:\n"
        "          2022-10-17 (Monday 17th October 2022) and\n"
        "          2022-10-23 (Sunday 23rd October 2022) inclusive\n");
  CHECK(explained("NOT (done) OR NOT (has tags)") ==
        "Explanation of this Tasks code block query:\n\n"
        "  NOT (done) OR NOT (has tags) =>\n"
        "    OR (At least one of):\n"
        "      NOT:\n"
        "        done =>\n"
        "          status type is DONE or CANCELLED or NON_TASK\n"
        "      NOT:\n"
        "        has tags\n");
}

TEST_CASE("Continued lines are shown as written, then joined", "[tasks_explain]") {
  // DocsSamplesForExplain.test.explain_line_continuation_-_single_slash / double_slash.
  CHECK(explained("(priority is highest) OR       \\\n    (priority is lowest)\nexplain") ==
        "Explanation of this Tasks code block query:\n\n"
        "  (priority is highest) OR       \\\n"
        "      (priority is lowest)\n"
        "   =>\n"
        "  (priority is highest) OR (priority is lowest) =>\n"
        "    OR (At least one of):\n"
        "      priority is highest\n"
        "      priority is lowest\n");
  CHECK(explained("# Search for a single backslash:\ndescription includes \\\\\nexplain") ==
        "Explanation of this Tasks code block query:\n\n"
        "  description includes \\\\ =>\n"
        "  description includes \\\n");
  CHECK(explained("sort by due \\\n  reverse") ==
        "Explanation of this Tasks code block query:\n\n"
        "  No filters supplied. All tasks will match the query.\n\n"
        "  sort by due \\\n"
        "    reverse\n"
        "   =>\n"
        "  sort by due reverse\n");
}
