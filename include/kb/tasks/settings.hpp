#pragma once
// The Tasks plugin's settings that change which checkbox lines are tasks,
// what a task says and what a query means: the global filter, the global
// query, presets, the status collection and the task format. The plugin
// keeps them in <vault>/.obsidian/plugins/obsidian-tasks-plugin/data.json;
// the caller reads that file (kb never runs or fetches anything it names)
// and hands its text to read_settings_json, which is pure.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "kb/tasks/date_clock.hpp"
#include "kb/tasks/statuses.hpp"
#include "kb/tasks/task.hpp"
#include "kb/text/checkbox.hpp"
#include "kb/util/diagnostic.hpp"
#include "kb/util/expected.hpp"

namespace kb::tasks {

// Where the plugin keeps its settings, relative to the vault.
inline constexpr std::string_view kSettingsFile =
    ".obsidian/plugins/obsidian-tasks-plugin/data.json";

// Preset name -> its instructions (one a line), in the order they were written.
using Presets = std::vector<std::pair<std::string, std::string>>;

// The plugin's default presets (src/Query/Presets/Presets.ts).
const Presets& default_presets();

struct Settings {
  std::string global_filter;          // "": every checkbox line is a task
  bool remove_global_filter = false;  // shown descriptions leave it out
  std::string global_query;           // instructions run before every query's own
  Presets presets = default_presets();
  StatusCollection statuses;
  TaskFormat format;
  // A task without start, scheduled or due date, in a note whose file name
  // holds a date, is scheduled on that date (the plugin's DateFallback).
  bool use_filename_as_scheduled_date = false;
  std::string filename_as_scheduled_date_format;      // a moment.js format; "": none
  std::vector<std::string> filename_as_date_folders;  // empty: every folder
  // Not a setting: the machine's clock and zone, which chrono reads (the
  // CLI sets them; the defaults, 12:00 UTC, keep tests reproducible).
  DateClock clock;

  // The instructions of preset `name`; nothing when there is none.
  const std::string* preset(std::string_view name) const;
};

// Each setting's name, as .kb.yaml's `tasks:` section writes it (the
// plugin's data.json key in brackets): global_filter (globalFilter),
// remove_global_filter (removeGlobalFilter), global_query (globalQuery),
// presets (presets), statuses (statusSettings), task_format (taskFormat),
// use_filename_as_scheduled_date, filename_as_scheduled_date_format,
// filename_as_date_folders (their camelCase names).
inline constexpr std::string_view kSettingNames[] = {"global_filter",
                                                     "remove_global_filter",
                                                     "global_query",
                                                     "presets",
                                                     "statuses",
                                                     "task_format",
                                                     "use_filename_as_scheduled_date",
                                                     "filename_as_scheduled_date_format",
                                                     "filename_as_date_folders"};

// Setting `name` (one of kSettingNames) of `from` copied into `to`: how a
// .kb.yaml overrides data.json field by field. False for another name.
bool copy_setting(std::string_view name, const Settings& from, Settings& to);

// What read_settings_json found.
struct SettingsRead {
  Settings settings;
  // The settings the file set (names of kSettingNames); the others kept
  // their defaults, as the plugin merges its defaults under what it loads.
  std::vector<std::string> set;
  // Values kb could not use, each naming the key; the setting keeps its
  // default. Diagnostics without a path: the caller names the file.
  Diagnostics warnings;
};

// data.json's text read as the plugin reads it (Settings.ts loadSettings:
// presets replace the default presets whole, `includes` is the old name of
// `presets`, a custom status without a symbol is ' ' and without a type is
// TODO). Fails, with the line where the JSON goes wrong, when the text is
// not a JSON object.
Expected<SettingsRead> read_settings_json(std::string_view json);

// The task a checkbox line is under `settings` (Task.fromLine): nothing when
// the line lacks the global filter; its status from the settings'
// collection; the global filter is not one of its tags; its fields read in
// the settings' format; without a start, scheduled or due date, scheduled
// on `filename_date` when given (inferred: kb/tasks/filename_date.hpp).
// Views point into `line` and into `settings`.
std::optional<Task> read_task(const text::CheckboxLine& line, const Settings& settings,
                              std::optional<Date> filename_date = std::nullopt);

// Whether the text after a checkbox (without a block link) holds the global
// filter: the plugin's GlobalFilter.includedIn, case-sensitive substring.
bool has_global_filter(std::string_view body, const Settings& settings);

// A task's text as the plugin shows it: without the global filter as a
// word when remove_global_filter is set (GlobalFilter.removeAsWordFrom:
// only where spaces or the ends stand around it, so #task/sub stays).
std::string shown_text(std::string_view text, const Settings& settings);

// `description` as the description filter and sort see it: the first
// occurrence of the global filter removed, then trimmed
// (GlobalFilter.removeAsSubstringFrom).
std::string description_without_global_filter(std::string_view description,
                                              std::string_view global_filter);

}  // namespace kb::tasks
