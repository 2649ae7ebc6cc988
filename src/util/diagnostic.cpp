#include "kb/util/diagnostic.hpp"

#include <fmt/format.h>

namespace kb {

std::string format_diagnostic(const Diagnostic& d) {
  if (d.path.empty()) return d.message;
  if (d.line > 0) return fmt::format("{}:{}: {}", d.path, d.line, d.message);
  return fmt::format("{}: {}", d.path, d.message);
}

}  // namespace kb
