#include "kb/tasks/settings.hpp"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "kb/text/unicode.hpp"

namespace kb::tasks {

namespace {

using Json = nlohmann::json;

// JavaScript's \s and String.prototype.trim(): WhiteSpace and LineTerminator.
bool is_js_space(char32_t c) {
  return c == U'\t' || c == U'\n' || c == U'\v' || c == U'\f' || c == U'\r' || c == U' ' ||
         c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0xFEFF;
}

// The byte length of the JavaScript space starting at s[i], or 0.
std::size_t js_space_at(std::string_view s, std::size_t i) {
  if (i >= s.size()) return 0;
  std::size_t next = i;
  return is_js_space(text::decode_utf8(s, next)) ? next - i : 0;
}

// The byte length of the JavaScript space ending at s[end - 1], or 0.
std::size_t js_space_before(std::string_view s, std::size_t end) {
  for (std::size_t length = 1; length <= 3 && length <= end; ++length) {
    if (const std::size_t n = js_space_at(s, end - length); n == length) return n;
  }
  return 0;
}

std::string_view js_trim(std::string_view s) {
  while (const std::size_t n = js_space_at(s, 0)) s.remove_prefix(n);
  while (const std::size_t n = js_space_before(s, s.size())) s.remove_suffix(n);
  return s;
}

int line_of(std::string_view text, std::size_t offset) {
  offset = std::min(offset, text.size());
  return 1 +
         static_cast<int>(std::count(text.begin(), text.begin() + static_cast<long>(offset), '\n'));
}

class Reader {
 public:
  explicit Reader(SettingsRead& out) : out_(out) {}

  void string(const Json& object, const char* key, std::string& value, const char* setting) {
    const auto it = object.find(key);
    if (it == object.end()) return;
    if (!it->is_string()) return wrong(key, "text");
    value = it->get<std::string>();
    set(setting);
  }

  void boolean(const Json& object, const char* key, bool& value, const char* setting) {
    const auto it = object.find(key);
    if (it == object.end()) return;
    if (!it->is_boolean()) return wrong(key, "true or false");
    value = it->get<bool>();
    set(setting);
  }

  void presets(const Json& object) {
    // Settings.ts migrateSettings: `includes` is the old name of `presets`.
    const char* key = object.contains("presets") ? "presets" : "includes";
    const auto it = object.find(key);
    if (it == object.end()) return;
    if (!it->is_object()) return wrong(key, "an object of preset names and instructions");
    Presets presets;
    for (const auto& [name, value] : it->items()) {
      if (!value.is_string()) {
        warn(std::string(key) + "." + name + " is not text; that preset is left out");
        continue;
      }
      presets.emplace_back(name, value.get<std::string>());
    }
    out_.settings.presets = std::move(presets);
    set("presets");
  }

  void format(const Json& object) {
    const auto it = object.find("taskFormat");
    if (it == object.end()) return;
    if (it->is_string() && *it == "tasksPluginEmoji") {
      out_.settings.format.syntax = TaskFormat::Syntax::Emoji;
    } else if (it->is_string() && *it == "dataview") {
      out_.settings.format.syntax = TaskFormat::Syntax::Dataview;
    } else {
      return wrong("taskFormat", "\"tasksPluginEmoji\" or \"dataview\"");
    }
    set("task_format");
  }

  void folders(const Json& object) {
    const auto it = object.find("filenameAsDateFolders");
    if (it == object.end()) return;
    if (!it->is_array()) return wrong("filenameAsDateFolders", "a list of folders");
    std::vector<std::string> folders;
    for (const auto& folder : *it) {
      if (!folder.is_string()) return wrong("filenameAsDateFolders", "a list of folders");
      folders.push_back(folder.get<std::string>());
    }
    out_.settings.filename_as_date_folders = std::move(folders);
    set("filename_as_date_folders");
  }

  // statusSettings: {coreStatuses: [...], customStatuses: [...]}, core first.
  void statuses(const Json& object) {
    const auto it = object.find("statusSettings");
    if (it == object.end()) return;
    if (!it->is_object()) return wrong("statusSettings", "an object");
    std::vector<Status> all;
    for (const char* list : {"coreStatuses", "customStatuses"}) {
      const auto found = it->find(list);
      const std::string where = std::string("statusSettings.") + list;
      if (found == it->end() || !found->is_array()) {
        warn(where + " is missing or not a list; the plugin's default " +
             (std::string_view(list) == "coreStatuses" ? "core" : "custom") + " statuses are used");
        const auto& defaults = StatusCollection::defaults().statuses();
        const bool core = std::string_view(list) == "coreStatuses";
        all.insert(all.end(), defaults.begin() + (core ? 0 : 2),
                   core ? defaults.begin() + 2 : defaults.end());
        continue;
      }
      for (std::size_t i = 0; i < found->size(); ++i) {
        if (auto status = read_status((*found)[i], where + "[" + std::to_string(i) + "]")) {
          all.push_back(std::move(*status));
        }
      }
    }
    out_.settings.statuses = StatusCollection(all);
    set("statuses");
  }

 private:
  // One StatusConfiguration, as Settings.getSettings repairs it: a missing
  // symbol is ' ', a missing next symbol 'x', a type it does not know TODO.
  std::optional<Status> read_status(const Json& entry, const std::string& where) {
    if (!entry.is_object()) {
      warn(where + " is not an object; that status is left out");
      return std::nullopt;
    }
    Status status;
    const auto text = [&](const char* key, std::string fallback) {
      const auto it = entry.find(key);
      if (it == entry.end() || it->is_null()) return fallback;
      if (it->is_string()) return it->get<std::string>();
      warn(where + "." + key + " is not text; '" + fallback + "' is used");
      return fallback;
    };
    status.symbol = text("symbol", " ");
    status.name = text("name", "");
    status.next_symbol = text("nextStatusSymbol", "x");
    status.type = status_type_from_settings(text("type", "TODO"));
    return status;
  }

  void wrong(std::string_view key, std::string_view expected) {
    warn(std::string(key) + " is not " + std::string(expected) + "; the plugin's default is used");
  }

  void warn(std::string message) {
    out_.warnings.push_back(Diagnostic{"", 0, std::move(message), Severity::Warning});
  }

  void set(const char* setting) { out_.set.emplace_back(setting); }

  SettingsRead& out_;
};

}  // namespace

const Presets& default_presets() {
  static const Presets kDefaults = {
      {"this_file", "path includes {{query.file.path}}"},
      {"this_folder", "folder includes {{query.file.folder}}"},
      {"this_folder_only", "filter by function task.file.folder === query.file.folder"},
      {"this_root", "root includes {{query.file.root}}"},
      {"hide_date_fields",
       "# Hide any values for all date fields\nhide due date\nhide scheduled date\nhide start "
       "date\nhide created date\nhide done date\nhide cancelled date"},
      {"hide_non_date_fields",
       "# Hide all the non-date fields, but not tags\nhide id\nhide depends on\nhide recurrence "
       "rule\nhide on completion\nhide priority"},
      {"hide_query_elements",
       "# Hide toolbar, postpone, edit, backlinks and task count\nhide toolbar\nhide postpone "
       "button\nhide edit button\nhide backlinks\nhide task count"},
      {"hide_everything",
       "# Hide everything except description and any tags\npreset hide_date_fields\npreset "
       "hide_non_date_fields\npreset hide_query_elements"},
  };
  return kDefaults;
}

const std::string* Settings::preset(std::string_view name) const {
  for (const auto& [preset_name, instructions] : presets) {
    if (preset_name == name) return &instructions;
  }
  return nullptr;
}

Expected<SettingsRead> read_settings_json(std::string_view json) {
  Json root;
  try {
    root = Json::parse(json);
  } catch (const Json::parse_error& e) {
    return Expected<SettingsRead>::failure(Diagnostic{
        "", line_of(json, e.byte == 0 ? 0 : e.byte - 1), "not valid JSON", Severity::Error});
  }
  if (!root.is_object()) {
    return Expected<SettingsRead>::failure(
        Diagnostic{"", 0, "not a JSON object of settings", Severity::Error});
  }
  SettingsRead out;
  Reader reader(out);
  reader.string(root, "globalFilter", out.settings.global_filter, "global_filter");
  reader.boolean(root, "removeGlobalFilter", out.settings.remove_global_filter,
                 "remove_global_filter");
  reader.string(root, "globalQuery", out.settings.global_query, "global_query");
  reader.presets(root);
  reader.statuses(root);
  reader.format(root);
  reader.boolean(root, "useFilenameAsScheduledDate", out.settings.use_filename_as_scheduled_date,
                 "use_filename_as_scheduled_date");
  reader.string(root, "filenameAsScheduledDateFormat",
                out.settings.filename_as_scheduled_date_format,
                "filename_as_scheduled_date_format");
  reader.folders(root);
  return out;
}

bool copy_setting(std::string_view name, const Settings& from, Settings& to) {
  if (name == "global_filter") {
    to.global_filter = from.global_filter;
  } else if (name == "remove_global_filter") {
    to.remove_global_filter = from.remove_global_filter;
  } else if (name == "global_query") {
    to.global_query = from.global_query;
  } else if (name == "presets") {
    to.presets = from.presets;
  } else if (name == "statuses") {
    to.statuses = from.statuses;
  } else if (name == "task_format") {
    to.format = from.format;
  } else if (name == "use_filename_as_scheduled_date") {
    to.use_filename_as_scheduled_date = from.use_filename_as_scheduled_date;
  } else if (name == "filename_as_scheduled_date_format") {
    to.filename_as_scheduled_date_format = from.filename_as_scheduled_date_format;
  } else if (name == "filename_as_date_folders") {
    to.filename_as_date_folders = from.filename_as_date_folders;
  } else {
    return false;
  }
  return true;
}

bool has_global_filter(std::string_view body, const Settings& settings) {
  return body.find(settings.global_filter) != std::string_view::npos;
}

std::optional<Task> read_task(const text::CheckboxLine& line, const Settings& settings,
                              std::optional<Date> filename_date) {
  if (!settings.global_filter.empty()) {
    // Task.extractTaskComponents: the body is trimmed and loses its block link.
    std::string_view body = js_trim(line.text);
    std::size_t start = body.size();
    while (start > 0 &&
           ((body[start - 1] >= 'a' && body[start - 1] <= 'z') ||
            (body[start - 1] >= 'A' && body[start - 1] <= 'Z') ||
            (body[start - 1] >= '0' && body[start - 1] <= '9') || body[start - 1] == '-')) {
      --start;
    }
    if (start < body.size() && start >= 2 && body[start - 1] == '^' && body[start - 2] == ' ') {
      body = js_trim(body.substr(0, start - 2));
    }
    if (!has_global_filter(body, settings)) return std::nullopt;
  }
  Task task = parse_task(line, settings.format);
  const Status& status = settings.statuses.find(task.status_symbol);
  task.status = status.type;
  task.status_name = status.name;
  // DateFallback.canApplyFallback: an invalid date is still a date.
  if (filename_date && !task.start && !task.scheduled && !task.due) {
    task.scheduled = TaskDate{filename_date, {}};
    task.scheduled_inferred = true;
  }
  if (!settings.global_filter.empty()) {
    std::erase_if(task.tags, [&](const std::string& tag) { return tag == settings.global_filter; });
  }
  return task;
}

std::string shown_text(std::string_view text, const Settings& settings) {
  const std::string_view filter = settings.global_filter;
  if (!settings.remove_global_filter || filter.empty()) return std::string(text);
  // RegExp('(^|\\s)' + escaped + '($|\\s)', 'ug') replaced by '$1$2': each
  // match takes the space after it, so of "#task #task" only the first goes.
  const auto trailing = [&](std::size_t end) -> std::optional<std::size_t> {
    if (end == text.size()) return 0;
    const std::size_t space = js_space_at(text, end);
    return space > 0 ? std::optional<std::size_t>(space) : std::nullopt;
  };
  std::string out;
  std::size_t copied = 0;
  bool found = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t lead = 0;
    std::optional<std::size_t> trail;
    if (i == 0 && text.starts_with(filter)) trail = trailing(filter.size());
    if (!trail) {
      lead = js_space_at(text, i);
      if (lead > 0 && text.substr(i + lead).starts_with(filter)) {
        trail = trailing(i + lead + filter.size());
      }
    }
    if (!trail) {
      ++i;
      continue;
    }
    const std::size_t end = i + lead + filter.size();
    out.append(text.substr(copied, i + lead - copied));  // up to and with the space before
    out.append(text.substr(end, *trail));                // the space after
    copied = i = end + *trail;
    found = true;
  }
  if (!found) return std::string(text);
  out.append(text.substr(copied));
  // .replace('  ', ' ') replaces the first double space only, then .trim().
  if (const std::size_t twice = out.find("  "); twice != std::string::npos) out.erase(twice, 1);
  return std::string(js_trim(out));
}

std::string description_without_global_filter(std::string_view description,
                                              std::string_view global_filter) {
  std::string out(description);
  if (const std::size_t at = out.find(global_filter); at != std::string::npos) {
    out.erase(at, global_filter.size());
  }
  return std::string(js_trim(out));
}

}  // namespace kb::tasks
