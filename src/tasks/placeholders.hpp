#pragma once
// Placeholders in query instructions, `{{query.file.path}}`, expanded as the
// plugin expands them with JavaScript off, its default
// (src/Scripting/ExpandPlaceholders.ts, KnownPlaceholderResolver.ts,
// QueryContext.ts; docs/Scripting/Placeholders.md, Query Properties.md):
//
//   query.file.path, .pathWithoutExtension, .root, .folder, .filename,
//   .filenameWithoutExtension               the note holding the query
//   query.file.property('key'), ("key")      a front-matter property (key in
//                                            any case); a missing one is an
//                                            error, a list is JSON
//   query.file.hasProperty('key')            true or false
//   query.file.frontmatter.key[.sub]         a property by its exact key, as
//                                            Mustache prints it (a list as
//                                            a,b; tags with their '#')
//   preset.name                              a preset's instructions
//   {{! text }}                              a Mustache comment: removed
//
// Anything else is an error naming it: an unknown property (the plugin's
// "Unknown property"), JavaScript (which kb never runs), or what kb does not
// read (query.file.outlinks*, query.file.tags, query.allTasks).
#include <optional>
#include <string>
#include <string_view>

#include "kb/tasks/query_context.hpp"
#include "kb/util/expected.hpp"

namespace kb::tasks {

// What the plugin takes for a placeholder: the text holds "{{" and "}}".
bool has_placeholder_marks(std::string_view text);

// The first "{{...}}" of `text` (to the end when unclosed), for messages.
std::string_view first_placeholder(std::string_view text);

// `text` with every placeholder expanded, repeatedly while that changes it
// (at most 10 times, as the plugin); the failure is a message naming the
// placeholder.
Expected<std::string, std::string> expand_placeholders(std::string_view text, const QueryFile& file,
                                                       const Settings& settings);

}  // namespace kb::tasks
