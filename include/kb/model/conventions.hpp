#pragma once
// How a vault marks people, customers, projects, meetings and dates. The
// defaults follow the seed vault and the common public styles; a .kb.yaml
// may change them (kb/model/config.hpp, docs/config.md).
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/exclusions.hpp"
#include "kb/tasks/settings.hpp"

namespace kb::model {

struct KindRule {
  std::vector<std::string> types;       // front-matter `type` values (case-insensitive)
  std::vector<std::string> tags;        // tags without '#' (front-matter `tags` or body #tag)
  std::vector<std::string> categories;  // `categories` entries, links or plain ("People")
  std::vector<std::string> folders;     // a note directly inside a folder of this name (or path)
};

// One bullet of a person's Recent Context. Placeholders: {date}, {link},
// {summary}, {via}; "{{" and "}}" are literal braces. An empty {summary} or
// {via} is dropped with its lead-in (see kb/model/context_template.hpp).
inline constexpr std::string_view kDefaultContextTemplate =
    "- {date}: {link} - {summary} (via {via})";

struct Conventions {
  KindRule person{{"people", "person"}, {"people", "person"}, {"People"}, {"People"}};
  KindRule customer{
      {"customer", "customers"}, {"customer", "customers"}, {"Customers"}, {"Customers"}};
  KindRule project{{"project", "projects"}, {"project", "projects"}, {"Projects"}, {"Projects"}};
  KindRule meeting{{"meeting", "meetings"}, {"meeting", "meetings"}, {"Meetings"}, {}};
  KindRule source{{"source", "sources", "transcript"}, {}, {}, {}};
  std::vector<std::string> participant_keys{"participants", "attendees", "people"};
  std::vector<std::string> participant_headings{"Attendees", "Participants"};
  std::vector<std::string> date_keys{"date", "start"};
  std::string recent_context_heading = "Recent Context";
  std::string open_tasks_heading = "Open Tasks";
  std::string context_template{kDefaultContextTemplate};
  std::size_t summary_length = 100;
  // .kb.yaml's `exclude:` globs (kb/text/glob.hpp), as written.
  std::vector<std::string> exclude;
  // Every rule that keeps a note out of the people graph: `exclude` as
  // globs, then what the vault's .obsidian/ settings ask for (added by the
  // caller that reads them; kb/model/exclusions.hpp).
  Exclusions exclusions;

  // Setting ("person.tags", "summary_length") -> "path:line" of the config
  // entry that set it; a setting not listed has its default value.
  std::map<std::string, std::string> origins;

  // The vault's Tasks plugin settings in effect: the plugin's own file
  // (kb/model/tasks_settings.hpp), the defaults without it, each setting
  // the config's `tasks:` section sets taking its place.
  tasks::Settings tasks;
  std::string tasks_file;              // vault-relative; "" when the defaults apply
  std::vector<std::string> tasks_set;  // the settings that file set
  // The config's `tasks:` section (kb/model/tasks_config.hpp): a setting
  // counts only when origins holds "tasks.NAME" for it.
  tasks::Settings tasks_config;
};

}  // namespace kb::model
