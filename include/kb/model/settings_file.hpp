#pragma once
// The settings files Obsidian and its plugins keep in the vault's .obsidian/
// folder (templates.json, app.json, plugins/*/data.json) are read the way
// Obsidian reads them: a missing file is the defaults, silently; a file that
// cannot be used is a warning naming it, and the defaults. Obsidian does not
// stop over one, so nor does kb: such a warning never marks the vault unread.
#include <optional>
#include <string>
#include <string_view>

#include "kb/io/fs.hpp"
#include "kb/util/diagnostic.hpp"

namespace kb::model {

// The bytes of the vault-relative settings file `path`, or nullopt: silently
// when it does not exist, with a warning "path: <why>; <consequence>" when it
// cannot be read or is not a regular file (a FIFO must not hang kb).
std::optional<std::string> read_settings_file(const io::FileSystem& fs, const std::string& path,
                                              std::string_view consequence, Diagnostics& warnings);

// Adds the warning "path:line: <message>; <consequence>" about a settings
// file (line 0: the whole file).
void warn_about_settings(Diagnostics& warnings, const std::string& path, int line,
                         std::string message, std::string_view consequence);

}  // namespace kb::model
