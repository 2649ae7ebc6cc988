#include "kb/model/exclusions.hpp"

#include <nlohmann/json.hpp>

#include "kb/model/settings_file.hpp"
#include "kb/text/glob.hpp"

namespace kb::model {

namespace {

constexpr const char* kTemplatesJson = ".obsidian/templates.json";
constexpr const char* kTemplaterJson = ".obsidian/plugins/templater-obsidian/data.json";
constexpr const char* kAppJson = ".obsidian/app.json";

// The file's JSON object, or null when the file is missing (nothing asked)
// or unusable (a warning).
nlohmann::json read_json(const io::FileSystem& fs, const std::string& path, Diagnostics& warnings) {
  constexpr std::string_view kIgnored = "its settings are ignored";
  const auto bytes = read_settings_file(fs, path, kIgnored, warnings);
  if (!bytes) return nullptr;
  auto json = nlohmann::json::parse(*bytes, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object()) {
    warn_about_settings(warnings, path, 0, "not a JSON object", kIgnored);
    return nullptr;
  }
  return json;
}

// "/Templates/" and "Templates" name the same folder; "" and "/" none.
std::string folder_path(std::string_view folder) {
  while (!folder.empty() && folder.front() == '/') folder.remove_prefix(1);
  while (!folder.empty() && folder.back() == '/') folder.remove_suffix(1);
  return std::string(folder);
}

void add_templates_folder(Exclusions& exclusions, const nlohmann::json& settings, const char* key,
                          const char* source, Diagnostics& warnings) {
  if (settings.is_null() || !settings.contains(key)) return;
  const auto& value = settings[key];
  if (!value.is_string()) {
    warnings.push_back(Diagnostic{source, 0, std::string("'") + key + "' is not a folder path",
                                  Severity::Warning});
    return;
  }
  std::string folder = folder_path(value.get<std::string>());
  if (folder.empty()) return;  // Templater's default: no folder chosen
  exclusions.add(
      Exclusion{Exclusion::Form::Folder, std::move(folder), source, "templates folder", nullptr});
}

}  // namespace

bool Exclusion::matches(std::string_view path) const {
  switch (form) {
    case Form::Folder:
      return path.size() > pattern.size() && path.starts_with(pattern) &&
             path[pattern.size()] == '/';
    case Form::Prefix:
      return path.starts_with(pattern);
    case Form::Regex:
      return regex && regex->matches(path);
    case Form::Glob:
      return text::glob_matches_path(pattern, path);
  }
  return false;
}

const Exclusion* Exclusions::match(std::string_view path) const {
  const int index = match_index(path);
  return index < 0 ? nullptr : &rules_[static_cast<std::size_t>(index)];
}

int Exclusions::match_index(std::string_view path) const {
  for (std::size_t i = 0; i < rules_.size(); ++i) {
    if (rules_[i].matches(path)) return static_cast<int>(i);
  }
  return -1;
}

Expected<Exclusion, std::string> obsidian_filter(std::string_view filter) {
  using Result = Expected<Exclusion, std::string>;
  Exclusion exclusion;
  exclusion.pattern = std::string(filter);
  exclusion.reason = "Obsidian excluded files";
  exclusion.source = kAppJson;
  if (filter.size() > 2 && filter.front() == '/' && filter.back() == '/') {
    auto compiled = tasks::RegexMatcher::compile(filter);
    if (!compiled) return Result::failure(compiled.error());
    exclusion.form = Exclusion::Form::Regex;
    exclusion.regex = std::make_shared<const tasks::RegexMatcher>(std::move(*compiled));
  } else {
    exclusion.form = Exclusion::Form::Prefix;
  }
  return exclusion;
}

Exclusions read_obsidian_exclusions(const io::FileSystem& fs, Diagnostics& warnings) {
  Exclusions exclusions;
  add_templates_folder(exclusions, read_json(fs, kTemplatesJson, warnings), "folder",
                       kTemplatesJson, warnings);
  add_templates_folder(exclusions, read_json(fs, kTemplaterJson, warnings), "templates_folder",
                       kTemplaterJson, warnings);
  const auto app = read_json(fs, kAppJson, warnings);
  if (app.is_null() || !app.contains("userIgnoreFilters")) return exclusions;
  const auto& filters = app["userIgnoreFilters"];
  if (!filters.is_array()) {
    warnings.push_back(
        Diagnostic{kAppJson, 0, "'userIgnoreFilters' is not a list of filters", Severity::Warning});
    return exclusions;
  }
  for (const auto& filter : filters) {
    if (!filter.is_string() || filter.get<std::string>().empty()) continue;  // Obsidian skips them
    auto rule = obsidian_filter(filter.get<std::string>());
    if (!rule) {
      warnings.push_back(Diagnostic{
          kAppJson, 0,
          "excluded files filter '" + filter.get<std::string>() + "' is ignored: " + rule.error(),
          Severity::Warning});
      continue;
    }
    exclusions.add(std::move(*rule));
  }
  return exclusions;
}

std::string describe(const Exclusion& exclusion) {
  const std::string shown =
      exclusion.form == Exclusion::Form::Folder ? exclusion.pattern + "/" : exclusion.pattern;
  return shown + " (" + exclusion.reason + ", " + exclusion.source + ")";
}

}  // namespace kb::model
