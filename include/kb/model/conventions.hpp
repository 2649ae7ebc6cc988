#pragma once
// How a vault marks people, customers, projects, meetings and dates. The
// defaults follow the seed vault and the common public styles; a .kb.yaml
// may change them.
#include <cstddef>
#include <string>
#include <vector>

namespace kb::model {

struct KindRule {
  std::vector<std::string> types;       // front-matter `type` values (case-insensitive)
  std::vector<std::string> tags;        // tags without '#' (front-matter `tags` or body #tag)
  std::vector<std::string> categories;  // `categories` entries, links or plain ("People")
  std::vector<std::string> folders;     // a note directly inside a folder of this name
};

struct Conventions {
  KindRule person{{"people", "person"}, {"people", "person"}, {"People"}, {"People"}};
  KindRule customer{{"customer", "customers"}, {"customer", "customers"}, {"Customers"}, {"Customers"}};
  KindRule project{{"project", "projects"}, {"project", "projects"}, {"Projects"}, {"Projects"}};
  KindRule meeting{{"meeting", "meetings"}, {"meeting", "meetings"}, {"Meetings"}, {}};
  KindRule source{{"source", "sources", "transcript"}, {}, {}, {}};
  std::vector<std::string> participant_keys{"participants", "attendees", "people"};
  std::vector<std::string> participant_headings{"Attendees", "Participants"};
  std::vector<std::string> date_keys{"date", "start"};
  std::string recent_context_heading = "Recent Context";
  std::string open_tasks_heading = "Open Tasks";
  std::size_t summary_length = 100;
};

}  // namespace kb::model
