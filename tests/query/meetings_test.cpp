#include "kb/query/meetings.hpp"

#include "fixture_vault.hpp"

using namespace kb;

namespace {

std::vector<std::string> paths(const std::vector<query::MeetingRow>& rows) {
  std::vector<std::string> out;
  for (const auto& row : rows) out.push_back(row.path);
  return out;
}

}  // namespace

TEST_CASE("meetings: typed meetings and notes with participants, newest first", "[meetings]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  const auto rows = query::list_meetings(vault, {});
  // The 1:1 is neither typed a meeting nor lists participants; the idea only
  // mentions Bob.
  CHECK(paths(rows) == std::vector<std::string>{"Customers/Acme/2025-10-01 - Kickoff.md",
                                                "Meetings/2025-09-01 - Retro.md",
                                                "Notes/Undated sync.md"});
  REQUIRE(rows.size() == 3);
  CHECK(rows[0].date == text::Date{2025, 10, 1});
  CHECK(rows[0].via == "Acme");
  CHECK(rows[0].summary == "Kickoff with Acme.");
  // A link and a plain name resolve to the person's name; Carol is no note.
  CHECK(rows[0].participants == std::vector<std::string>{"Ann Lee", "Bob Stone", "Carol"});
  CHECK_FALSE(rows[1].via.has_value());
  CHECK(rows[1].participants.empty());
  CHECK_FALSE(rows[2].date.has_value());
  CHECK(rows[2].participants == std::vector<std::string>{"Ann Lee"});  // alias "Annie"
}

TEST_CASE("meetings: --with keeps the notes involving the person", "[meetings]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  query::MeetingFilter filter;
  filter.with = testing::id_of(vault, "People/Bob Stone.md");
  CHECK(paths(query::list_meetings(vault, filter)) ==
        std::vector<std::string>{"Customers/Acme/2025-10-01 - Kickoff.md"});
  filter.with = testing::id_of(vault, "People/Ann Lee/Ann Lee.md");
  CHECK(
      paths(query::list_meetings(vault, filter)) ==
      std::vector<std::string>{"Customers/Acme/2025-10-01 - Kickoff.md", "Notes/Undated sync.md"});
}

TEST_CASE("meetings: --since and --until are inclusive and drop undated notes", "[meetings]") {
  const auto fs = testing::fixture_fs();
  const auto vault = testing::load(fs);
  query::MeetingFilter filter;
  filter.since = text::Date{2025, 10, 1};
  CHECK(paths(query::list_meetings(vault, filter)) ==
        std::vector<std::string>{"Customers/Acme/2025-10-01 - Kickoff.md"});
  filter.since.reset();
  filter.until = text::Date{2025, 9, 1};
  CHECK(paths(query::list_meetings(vault, filter)) ==
        std::vector<std::string>{"Meetings/2025-09-01 - Retro.md"});
  filter.since = text::Date{2025, 9, 2};
  filter.until = text::Date{2025, 9, 30};
  CHECK(query::list_meetings(vault, filter).empty());
}

TEST_CASE("meetings: summaries are cut to the configured length", "[meetings]") {
  io::MemoryFileSystem fs;
  fs.add("Meetings/Long.md", "---\ntype: meeting\n---\n" + std::string(120, 'x') + "\n");
  const auto rows = query::list_meetings(testing::load(fs), {});
  REQUIRE(rows.size() == 1);
  CHECK(rows[0].summary == std::string(100, 'x') + "...");
}
