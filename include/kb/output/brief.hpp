#pragma once
// Renderings of the brief: one screen of terminal text, JSON, and Markdown to
// paste into a note.
#include <nlohmann/json.hpp>
#include <string>

#include "kb/output/person.hpp"
#include "kb/query/brief.hpp"

namespace kb::output {

// Long lists are cut to this many lines, with a "... N more" line, so the
// text fits one screen; --json and --md carry everything.
inline constexpr std::size_t kBriefTextListLimit = 6;

std::string brief_text(const query::Brief& brief, const Style& style);
nlohmann::json brief_json(const query::Brief& brief);
std::string brief_markdown(const query::Brief& brief);

}  // namespace kb::output
