#pragma once
// The `tasks:` section of .kb.yaml: the Tasks plugin's settings, each one
// overriding what the plugin's data.json says (kb/model/tasks_settings.hpp).
//
//   tasks:
//     global_filter: "#task"
//     remove_global_filter: true
//     global_query: |
//       path does not include Archive/
//     presets:
//       mine: not done
//     statuses:                     # the whole collection, in order
//       - {symbol: " ", name: Todo, next_symbol: x, type: TODO}
//       - {symbol: x, name: Done, next_symbol: " ", type: DONE}
//     task_format: dataview         # or emoji
//     use_filename_as_scheduled_date: true
//     filename_as_scheduled_date_format: YYYYMMDD
//     filename_as_date_folders: [Daily]
#include <functional>
#include <optional>
#include <string_view>

#include "kb/model/conventions.hpp"
#include "kb/text/yaml_value.hpp"
#include "kb/util/diagnostic.hpp"

namespace kb::model {

// The line of `key:` in the config file, given its value's line.
using KeyLine = std::function<int(std::string_view key, int value_line)>;

// `section` (the value of `tasks:`) read into conventions.tasks_config; each
// setting it sets gets the origin "tasks.NAME" -> "path:line". Unknown and
// duplicate keys are warnings; the first bad value is the error returned.
std::optional<Diagnostic> read_tasks_section(const text::YamlValue& section, std::string_view path,
                                             const KeyLine& key_line, Conventions& conventions,
                                             Diagnostics& warnings);

}  // namespace kb::model
