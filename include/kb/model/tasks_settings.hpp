#pragma once
// The vault's Obsidian Tasks plugin settings (global filter, global query,
// presets, statuses, task format), read from the file the plugin keeps them
// in. They are part of the vault's conventions: every verb that reads task
// lines or parses a tasks query uses them (kb/tasks/settings.hpp).
#include <cstdint>
#include <string>
#include <vector>

#include "kb/io/fs.hpp"
#include "kb/tasks/settings.hpp"
#include "kb/util/diagnostic.hpp"

namespace kb::model {

struct TasksSettingsSource {
  std::string file;              // vault-relative; "" when the defaults are in effect
  std::vector<std::string> set;  // the settings the file set (tasks::SettingsRead::set)
};

// tasks::kSettingsFile of the vault read into settings. A missing file is the
// plugin's defaults, silently; a file that cannot be read or is not a JSON
// object is a warning naming it, and the defaults; a value kb cannot use is a
// warning, and that setting's default.
tasks::Settings load_tasks_settings(const io::FileSystem& fs, TasksSettingsSource& source,
                                    Diagnostics& warnings);

// A stable hash of everything in `settings`, for caches keyed by what
// changes how notes read.
std::uint64_t tasks_settings_hash(const tasks::Settings& settings);

}  // namespace kb::model
