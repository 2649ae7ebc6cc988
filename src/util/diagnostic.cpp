#include "kb/util/diagnostic.hpp"

#include <fmt/format.h>

namespace kb {

std::string printable(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '\r') {
      out += "\\r";
    } else if (c == '\t') {
      out += "\\t";
    } else if (u < 0x20 || u == 0x7f) {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 15];
    } else {
      out += c;
    }
  }
  return out;
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string message = printable(d.message);
  if (d.path.empty()) return message;
  if (d.line > 0) return fmt::format("{}:{}: {}", printable(d.path), d.line, message);
  return fmt::format("{}: {}", printable(d.path), message);
}

}  // namespace kb
