// kb meetings: meeting notes with date, owner and participants.
#include <fmt/format.h>

#include "kb/query/meetings.hpp"
#include "list_output.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

Runner define_meetings(CLI::App& sub) {
  struct Options {
    ListFlags flags;
    std::string with, since, until;
  };
  auto options = std::make_shared<Options>();
  const auto is_date = [](const std::string& s) {
    return text::parse_iso_date(s) ? std::string() : "expected a date YYYY-MM-DD";
  };
  sub.add_option("--with", options->with,
                 "Only notes involving this person (listed, linked, mentioned, or in "
                 "their folder)")
      ->type_name("PERSON");
  sub.add_option("--since", options->since, "Only notes dated on or after YYYY-MM-DD")
      ->type_name("DATE")
      ->check(is_date);
  sub.add_option("--until", options->until, "Only notes dated on or before YYYY-MM-DD")
      ->type_name("DATE")
      ->check(is_date);
  add_list_flags(sub, options->flags, "note paths");
  sub.footer(R"(A meeting is a note that is not a person, customer or project and is either
typed a meeting (type: meeting, #meeting, categories: Meetings) or names
participants. Fields: date, path, via (the person, customer or project whose
folder holds the note), participants, summary; --json and --jsonl add note
(the file name without .md).

Examples:
  kb meetings --since 2025-11-01
  kb meetings --with "Asaf Levy" --until 2025-10-31
  kb meetings --with asaf --jsonl | jq -r .path
  kb meetings --with asaf -0 | xargs -0 grep -h "^- \[ \]")");
  return [options](Context& context) -> Outcome {
    auto loaded = context.vault();
    if (!loaded) return loaded.error();
    model::Vault* vault = *loaded;
    query::MeetingFilter filter;
    if (!options->with.empty()) {
      const auto person = resolve(context, *vault, options->with, kPersonToRead);
      if (!person) return person.error();
      filter.with = *person;
    }
    filter.since = text::parse_iso_date(options->since);
    filter.until = text::parse_iso_date(options->until);
    output::Table table({{"date"}, {"path", "2"}, {"via"}, {"participants"}, {"summary"}}, "path");
    for (const auto& row : query::list_meetings(*vault, filter)) {
      const model::NoteSummary& note = vault->notes[row.note];
      table.add({{"date", date_or_null(row.date)},
                 {"note", std::string(note.stem())},
                 {"path", row.path},
                 {"summary", row.summary},
                 {"via", row.via ? nlohmann::json(*row.via) : nlohmann::json(nullptr)},
                 {"participants", row.participants}});
    }
    print_table(table, options->flags, context);
    return kOk;
  };
}

}  // namespace kb::cli
