#include "kb/tasks/task.hpp"

#include <catch2/catch.hpp>

using namespace kb::tasks;
using kb::text::Date;

TEST_CASE("Task markers, indentation and statuses", "[task]") {
  for (std::string_view line :
       {"- [ ] x", "* [ ] x", "+ [ ] x", "1. [ ] x", "12) [ ] x", "  - [ ] x", "\t- [ ] x",
        "> - [ ] x", "> > 3. [ ] x", "-   [ ] x"}) {
    INFO(line);
    const auto t = parse_task(line);
    REQUIRE(t);
    REQUIRE(t->description == "x");
  }
  REQUIRE(parse_task("    - [ ] x")->indentation == "    ");
  REQUIRE(parse_task("> - [ ] x")->indentation == "> ");
  REQUIRE(parse_task("- [ ] x")->indentation.empty());
  REQUIRE(parse_task("12) [ ] x")->list_marker == "12)");

  REQUIRE(parse_task("- [ ] a")->status == StatusType::Todo);
  REQUIRE(parse_task("- [x] a")->status == StatusType::Done);
  // 'X' is not one of the plugin's default statuses: an unknown one, a TODO
  // named "Unknown" (Status.createUnknownStatus).
  REQUIRE(parse_task("- [X] a")->status == StatusType::Todo);
  REQUIRE(parse_task("- [X] a")->status_name == "Unknown");
  REQUIRE(parse_task("- [/] a")->status_name == "In Progress");
  REQUIRE(parse_task("- [/] a")->status == StatusType::InProgress);
  REQUIRE(parse_task("- [-] a")->status == StatusType::Cancelled);
  REQUIRE(parse_task("- [?] a")->status == StatusType::Todo);
  const auto unicode = parse_task("- [é] a");
  REQUIRE(unicode);
  REQUIRE(unicode->status_symbol == "é");
  REQUIRE(unicode->status == StatusType::Todo);
}

TEST_CASE("Lines that are not tasks", "[task]") {
  for (std::string_view line :
       {"-[ ] x", "- [xx] x", "- [] x", "- [ ]x", "- x", "[ ] x", "a - [ ] x", "1 [ ] x", "1.[ ] x",
        "-\t[ ] x", "", "- [", "- [ ", "#- [ ] x", "a. [ ] x", "1234567890. [ ] x"}) {
    INFO(line);
    REQUIRE_FALSE(parse_task(line));
  }
}

TEST_CASE("An empty task at the end of the line", "[task]") {
  const auto t = parse_task("- [ ]");
  REQUIRE(t);
  REQUIRE(t->text.empty());
  REQUIRE(t->description.empty());
  REQUIRE(parse_task("- [x]   "));
  REQUIRE(parse_task("- [ ]\r"));
}

TEST_CASE("Emoji fields are read from the end", "[task]") {
  const auto t = parse_task(
      "- [ ] Call Jane 🔼 🔁 every week ➕ 2025-01-01 🛫 2025-01-02 ⏳ 2025-01-03 📅 "
      "2025-01-04 "
      "✅ 2025-01-05 ❌ 2025-01-06 🆔 abc ⛔ x1,y2");
  REQUIRE(t);
  REQUIRE(t->description == "Call Jane");
  REQUIRE(t->priority == Priority::Medium);
  REQUIRE(t->recurrence == "every week");
  REQUIRE(t->created == Date{2025, 1, 1});
  REQUIRE(t->start == Date{2025, 1, 2});
  REQUIRE(t->scheduled == Date{2025, 1, 3});
  REQUIRE(t->due == Date{2025, 1, 4});
  REQUIRE(t->done == Date{2025, 1, 5});
  REQUIRE(t->cancelled == Date{2025, 1, 6});
  REQUIRE(t->id == "abc");
  REQUIRE(t->depends_on == std::vector<std::string_view>{"x1", "y2"});
}

TEST_CASE("Each priority", "[task]") {
  REQUIRE(parse_task("- [ ] a 🔺")->priority == Priority::Highest);
  REQUIRE(parse_task("- [ ] a ⏫")->priority == Priority::High);
  REQUIRE(parse_task("- [ ] a 🔼")->priority == Priority::Medium);
  REQUIRE(parse_task("- [ ] a 🔽")->priority == Priority::Low);
  REQUIRE(parse_task("- [ ] a ⏬")->priority == Priority::Lowest);
  REQUIRE(parse_task("- [ ] a ⏬\xEF\xB8\x8F")->priority == Priority::Lowest);
  REQUIRE(parse_task("- [ ] a")->priority == Priority::None);
  // Not at the end after the other fields are gone: part of the description.
  const auto t = parse_task("- [ ] a ⏫ b");
  REQUIRE(t->priority == Priority::None);
  REQUIRE(t->description == "a ⏫ b");
}

TEST_CASE("Alternative date emojis", "[task]") {
  REQUIRE(parse_task("- [ ] a 📆 2025-02-03")->due == Date{2025, 2, 3});
  REQUIRE(parse_task("- [ ] a 🗓 2025-02-03")->due == Date{2025, 2, 3});
  REQUIRE(parse_task("- [ ] a ⌛ 2025-02-03")->scheduled == Date{2025, 2, 3});
  REQUIRE(parse_task("- [ ] a 📅2025-02-03")->due == Date{2025, 2, 3});
  REQUIRE(parse_task("- [ ] a📅 2025-02-03")->description == "a");
}

TEST_CASE("Fields in the middle stay in the description", "[task]") {
  const auto t = parse_task("- [ ] Pay 📅 2025-02-03 rent");
  REQUIRE(t->description == "Pay 📅 2025-02-03 rent");
  REQUIRE_FALSE(t->due);
}

TEST_CASE("An impossible date is kept as an invalid date", "[task]") {
  // DefaultTaskSerializer: window.moment('2025-02-30', 'YYYY-MM-DD') is an invalid moment.
  const auto t = parse_task("- [ ] a 📅 2025-02-30 ➕ 2025-13-01");
  REQUIRE(t->description == "a");
  REQUIRE(t->due);
  REQUIRE_FALSE(t->due->valid());
  REQUIRE(t->due->written == "2025-02-30");
  REQUIRE_FALSE(t->created->valid());
  REQUIRE_FALSE(day_of(t->due));
  REQUIRE(day_of(parse_task("- [ ] a 📅 2024-02-29")->due) == Date{2024, 2, 29});
}

TEST_CASE("The earliest duplicate field wins, as in the plugin", "[task]") {
  const auto t = parse_task("- [ ] a 📅 2025-01-01 📅 2025-02-02");
  REQUIRE(t->due == Date{2025, 1, 1});
  REQUIRE(t->description == "a");
}

TEST_CASE("Tags anywhere, trailing tags go back onto the description", "[task]") {
  SECTION("tags at the end stay") {
    const auto t = parse_task("- [ ] Do exercises #todo #health");
    REQUIRE(t->description == "Do exercises #todo #health");
    REQUIRE(t->tags == std::vector<std::string>{"#todo", "#health"});
  }
  SECTION("tags between fields join the description") {
    // tests/Task/Task.test.ts: "supports tag anywhere in the description ..."
    const auto t = parse_task(
        "- [ ] this is a task due 📅 2021-09-12 #inside_tag ⏫ #some/tags_with_underscore");
    REQUIRE(t->description == "this is a task due #inside_tag #some/tags_with_underscore");
    REQUIRE(t->due == Date{2021, 9, 12});
    REQUIRE(t->priority == Priority::High);
    REQUIRE(t->tags == std::vector<std::string>{"#inside_tag", "#some/tags_with_underscore"});
  }
  SECTION("many fields and tags mixed") {
    // tests/Task/Task.test.ts: "supports parsing large number of values"
    const auto t = parse_task(
        "- [ ] Wobble ⏫  #tag1 ✅ 2022-07-02 #tag2  📅 2022-07-02 #tag3 ⏳ 2022-07-02 #tag4 "
        "🛫 "
        "2022-07-02 #tag5  🔁 every day  #tag6 #tag7 #tag8 #tag9 #tag10");
    REQUIRE(t->description ==
            "Wobble #tag1 #tag2 #tag3 #tag4 #tag5 #tag6 #tag7 #tag8 #tag9 #tag10");
    REQUIRE(t->done == Date{2022, 7, 2});
    REQUIRE(t->scheduled == Date{2022, 7, 2});
    REQUIRE(t->start == Date{2022, 7, 2});
    REQUIRE(t->recurrence == "every day");
    REQUIRE(t->priority == Priority::High);
    REQUIRE(t->tags.size() == 10);
  }
  SECTION("tag rules") {
    const auto t = parse_task("- [ ] #dog #car http://www/ddd#ere #house, x#no #123 #a/b-c_d #é!");
    REQUIRE(t->tags ==
            std::vector<std::string>{"#dog", "#car", "#house", "#123", "#a/b-c_d", "#é"});
    // JavaScript's \s: a no-break space starts a tag; a tab is part of one.
    REQUIRE(extract_tags("a\u00A0#nb") == std::vector<std::string>{"#nb"});
    REQUIRE(extract_tags("#a\t#b #c") == std::vector<std::string>{"#a", "#c"});
  }
}

TEST_CASE("Block links are removed before the fields", "[task]") {
  const auto t = parse_task("- [ ] a 📅 2025-01-01 ^abc-1");
  REQUIRE(t->due == Date{2025, 1, 1});
  REQUIRE(t->description == "a");
  REQUIRE(t->text == "a 📅 2025-01-01 ^abc-1");
}

TEST_CASE("text is everything after the checkbox", "[task]") {
  const auto t = parse_task("  - [x]  Done thing ✅ 2025-01-01  \r");
  REQUIRE(t->text == "Done thing ✅ 2025-01-01");
  REQUIRE(t->status_symbol == "x");
  REQUIRE(t->description == "Done thing");
}

TEST_CASE("Names of statuses and priorities", "[task]") {
  REQUIRE(status_type_name(StatusType::Todo) == "TODO");
  REQUIRE(status_type_name(StatusType::InProgress) == "IN_PROGRESS");
  REQUIRE(status_type_name(StatusType::Done) == "DONE");
  REQUIRE(status_type_name(StatusType::Cancelled) == "CANCELLED");
  REQUIRE(status_type_name(StatusType::NonTask) == "NON_TASK");
  REQUIRE(priority_name(Priority::Highest) == "highest");
  REQUIRE(priority_name(Priority::None) == "none");
  REQUIRE(priority_name(Priority::Lowest) == "lowest");
  REQUIRE(is_done(StatusType::Done));
  REQUIRE(is_done(StatusType::Cancelled));
  REQUIRE(is_done(StatusType::NonTask));
  REQUIRE_FALSE(is_done(StatusType::Todo));
  REQUIRE_FALSE(is_done(StatusType::InProgress));
  REQUIRE(Priority::Medium < Priority::None);
  REQUIRE(Priority::None < Priority::Low);
}

TEST_CASE("Recurrence, ids and dependencies", "[task]") {
  SECTION("recurrence before a date") {
    const auto t = parse_task("- [ ] Water plants 🔁 every day when done 📅 2025-01-01");
    REQUIRE(t->recurrence == "every day when done");
    REQUIRE(t->due == Date{2025, 1, 1});
    REQUIRE(t->description == "Water plants");
  }
  SECTION("recurrence without a space") {
    const auto t = parse_task("- [ ] a 🔁every Monday");
    REQUIRE(t->recurrence == "every Monday");
    REQUIRE(t->description == "a");
  }
  SECTION("text the recurrence class rejects stays in the description") {
    const auto t = parse_task("- [ ] a 🔁 every day; really");
    REQUIRE(t->recurrence.empty());
    REQUIRE(t->description == "a 🔁 every day; really");
  }
  SECTION("depends on a list") {
    const auto t = parse_task("- [ ] a ⛔️ abc , d_e-1 🆔 me");
    REQUIRE(t->id == "me");
    REQUIRE(t->depends_on == std::vector<std::string_view>{"abc", "d_e-1"});
    REQUIRE(t->description == "a");
  }
  SECTION("malformed dependency lists stay in the description") {
    REQUIRE(parse_task("- [ ] a ⛔ x,,y")->description == "a ⛔ x,,y");
    REQUIRE(parse_task("- [ ] a ⛔ x y")->description == "a ⛔ x y");
    REQUIRE(parse_task("- [ ] a ⛔ x,")->description == "a ⛔ x,");
  }
}

TEST_CASE("Descriptions made only of fields or tags", "[task]") {
  const auto dated = parse_task("- [ ] 📅 2025-01-01");
  REQUIRE(dated->description.empty());
  REQUIRE(dated->due == Date{2025, 1, 1});
  const auto tagged = parse_task("- [ ] #next");
  REQUIRE(tagged->description == "#next");
  REQUIRE(tagged->tags == std::vector<std::string>{"#next"});
  const auto both = parse_task("- [ ] #a #b ⏫");
  REQUIRE(both->description == "#a #b");
  REQUIRE(both->priority == Priority::High);
  REQUIRE(both->tags == std::vector<std::string>{"#a", "#b"});
}

TEST_CASE("Unusual checkboxes and separators", "[task]") {
  const auto bracket = parse_task("- []] odd");
  REQUIRE(bracket);
  REQUIRE(bracket->status_symbol == "]");
  REQUIRE(parse_task("- [ ]\tx")->description == "x");
  REQUIRE(parse_task("- [ ] x\r")->description == "x");
  REQUIRE(parse_task("\t\t* [x] deep")->indentation == "\t\t");
  const auto emoji_status = parse_task("- [😀] x");
  REQUIRE(emoji_status);
  REQUIRE(emoji_status->status_symbol == "😀");
  REQUIRE_FALSE(parse_task("- [\xFF\xFF] x"));  // two invalid bytes are two symbols
}

TEST_CASE("Fields need the plugin's exact shapes", "[task]") {
  REQUIRE_FALSE(parse_task("- [ ] a 📅 2025-1-01")->due);
  REQUIRE(parse_task("- [ ] a 📅 2025-01-01x")->description == "a 📅 2025-01-01x");
  // The block link must be separated by a space and be the last thing.
  REQUIRE(parse_task("- [ ] a ^x y")->description == "a ^x y");
  REQUIRE(parse_task("- [ ] a^x")->description == "a^x");
}

TEST_CASE("Every field emoji may carry a variation selector", "[task]") {
  // DefaultTaskSerializer.ts fieldRegex: `symbols + '\uFE0F?'`; its tests: "should parse a
  // scheduledDate - with Variation Selector" ('⏳️ 2024-11-18').
  const std::string vs = "\xEF\xB8\x8F";
  REQUIRE(parse_task("- [ ] a ⏳" + vs + " 2024-11-18")->scheduled == Date{2024, 11, 18});
  REQUIRE(parse_task("- [ ] a 🗓" + vs + " 2025-01-01")->due == Date{2025, 1, 1});
  REQUIRE(parse_task("- [ ] a ✅" + vs + " 2025-01-01")->done == Date{2025, 1, 1});
  REQUIRE(parse_task("- [ ] a 🔁" + vs + " every day")->recurrence == "every day");
  REQUIRE(parse_task("- [ ] a 🆔" + vs + " x1")->id == "x1");
  REQUIRE(parse_task("- [ ] a 🏁" + vs + " delete")->on_completion == OnCompletion::Delete);
  // The selector follows the emoji; one before it is description.
  REQUIRE(parse_task("- [ ] a " + vs + "📅 2025-01-01")->description == "a " + vs);
}

TEST_CASE("On completion", "[task]") {
  // DefaultTaskSerializer.test.ts: "should parse delete action", "should allow multiple spaces".
  REQUIRE(parse_task("- [ ] a 🏁 delete")->on_completion == OnCompletion::Delete);
  REQUIRE(parse_task("- [ ] a 🏁    keep")->on_completion == OnCompletion::Keep);
  REQUIRE(parse_task("- [ ] a 🏁 DELETE")->on_completion == OnCompletion::Delete);
  const auto other = parse_task("- [ ] a 🏁 whatever 📅 2025-01-01");
  REQUIRE(other->on_completion == OnCompletion::Ignore);  // read and dropped, as the plugin does
  REQUIRE(other->description == "a");
  REQUIRE(other->due == Date{2025, 1, 1});
  REQUIRE(parse_task("- [ ] a 🏁 d3l")->description == "a 🏁 d3l");
}

TEST_CASE("Ids and dependencies as the plugin reads them", "[task]") {
  // DefaultTaskSerializer.test.ts: "should parse depends on multiple tasks with varying spaces".
  REQUIRE(parse_task("- [ ] a ⛔ ab ,  CD,EF  ,GK")->depends_on ==
          std::vector<std::string_view>{"ab", "CD", "EF", "GK"});
  REQUIRE(parse_task("- [ ] a 🆔 Abcd0f-")->id == "Abcd0f-");
  REQUIRE(parse_task("- [ ] a 🆔 Ab_cd0f")->id == "Ab_cd0f");
  const auto star = parse_task("- [ ] 🆔 Abc*");  // "should not parse id with asterisk"
  REQUIRE(star->id.empty());
  REQUIRE(star->description == "🆔 Abc*");
}

TEST_CASE("Block links", "[task]") {
  const auto t = parse_task("- [ ] a #x 📅 2025-01-01 ^abc-1");
  REQUIRE(t->block_link == " ^abc-1");
  REQUIRE(t->description == "a #x");
  REQUIRE(parse_task("- [ ] a")->block_link.empty());
}
