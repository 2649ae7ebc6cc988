#pragma once
// The lines `kb regen` generates must read back as themselves: plain lines
// (no heading, task, fence or open comment), two distinct section names, an
// ISO last_contact, and a default query with no fence line.
#include <optional>

#include "kb/edit/regen.hpp"
#include "kb/util/diagnostic.hpp"

namespace kb::edit::detail {

// The refusal for the first generated piece that would not read back as
// itself, naming the note it came from; nullopt when every piece does.
std::optional<Diagnostic> check_generated(const PersonSections& s);

}  // namespace kb::edit::detail
