#pragma once
// What a Tasks query is read with besides its text: the vault's Tasks
// settings (global query, presets, global filter) and the note that holds
// the query, which its placeholders ({{query.file.path}}) and the Query File
// Defaults (TQ_extra_instructions) read.
#include <optional>
#include <string_view>

#include "kb/tasks/settings.hpp"
#include "kb/text/yaml_value.hpp"

namespace kb::tasks {

// The note holding a query, as the plugin's `query.file` sees it
// (src/Scripting/TasksFile.ts).
struct QueryFile {
  std::string_view path;                            // vault-relative, with ".md"
  const text::FrontMatter* front_matter = nullptr;  // nullptr: the note has none
};

struct QueryContext {
  const Settings* settings = nullptr;  // nullptr: the plugin's defaults
  // The note holding the query; without one, a placeholder is an error.
  std::optional<QueryFile> file;
};

}  // namespace kb::tasks
