#pragma once
// A problem found in the vault, located by path and line. Lower layers collect
// these; only the CLI prints them, as `kb: path:line: message`.
#include <string>
#include <string_view>
#include <vector>

namespace kb {

enum class Severity { Warning, Error };

struct Diagnostic {
  std::string path;  // vault-relative, '/' separators; empty when not about a file
  int line = 0;      // 1-based; 0 when the whole file is meant
  std::string message;
  Severity severity = Severity::Warning;
  // The file or folder at `path` exists but could not be read: whatever was
  // built from the vault lacks it (kb regen writes nothing then).
  bool unread = false;
};

using Diagnostics = std::vector<Diagnostic>;

// "path:line: message", "path: message" or "message", always one line:
// control characters in the path or message (a file name may hold a
// newline) are shown as escapes.
std::string format_diagnostic(const Diagnostic& d);

// `s` with control characters shown as \n, \r, \t or \xNN.
std::string printable(std::string_view s);

}  // namespace kb
