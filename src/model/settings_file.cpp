#include "kb/model/settings_file.hpp"

namespace kb::model {

std::optional<std::string> read_settings_file(const io::FileSystem& fs, const std::string& path,
                                              std::string_view consequence, Diagnostics& warnings) {
  if (!fs.stat(path)) return std::nullopt;
  auto content = fs.read_with_stat(path);
  if (!content) {
    warn_about_settings(warnings, path, 0, content.error().message, consequence);
    return std::nullopt;
  }
  return std::move(content->bytes);
}

void warn_about_settings(Diagnostics& warnings, const std::string& path, int line,
                         std::string message, std::string_view consequence) {
  if (!consequence.empty()) {
    message += "; ";
    message += consequence;
  }
  warnings.push_back(Diagnostic{path, line, std::move(message), Severity::Warning});
}

}  // namespace kb::model
