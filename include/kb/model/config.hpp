#pragma once
// The vault's config file (.kb.yaml at the vault root, or --config FILE):
// which markers make a note a person, customer, project, meeting or source,
// where participants and dates are read from, and how the generated sections
// are named and written. Every key is optional; docs/config.md lists them.
//
//   person:                       # also customer, project, meeting, source
//     types: [people, person]     # front-matter `type` values
//     tags: [people, person]      # front-matter `tags` or body #tags
//     categories: [People]        # `categories` entries ("[[People]]")
//     folders: [People]           # a folder name or path holding the notes
//   participant_keys: [participants, attendees, people]
//   participant_headings: [Attendees, Participants]
//   date_keys: [date, start]
//   recent_context_heading: Recent Context
//   open_tasks_heading: Open Tasks
//   context_template: "- {date}: {link} - {summary} (via {via})"
//   summary_length: 100
//
// A list may be written as one string; it replaces the default list, and an
// empty value or [] turns that marker off.
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/conventions.hpp"
#include "kb/util/diagnostic.hpp"
#include "kb/util/expected.hpp"

namespace kb::model {

// The conventions a config file asks for, starting from the defaults. `path`
// names the file in diagnostics and origins (".kb.yaml"). Unknown and
// duplicate keys are warnings; malformed YAML or a bad value fails (severity
// Error), e.g. ".kb.yaml:4: 'summary_length' must be a whole number from 1 to
// 10000, not 'long'". Each setting the file sets gets its origin "path:line".
Expected<Conventions> load_config(std::string_view yaml_text, std::string_view path,
                                  Diagnostics& warnings);

// One setting as `kb config` shows it.
struct Setting {
  std::string key;                  // "person.tags", "summary_length"
  bool is_list = false;             // values holds the list; else values[0] is the value
  std::vector<std::string> values;  // summary_length as decimal text
  std::string origin;               // "default" or "path:line"
};

// Every setting of `conventions`, in the order of the file format above.
std::vector<Setting> settings_in_effect(const Conventions& conventions);

}  // namespace kb::model
