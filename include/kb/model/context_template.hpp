#pragma once
// The Recent Context line template (Conventions::context_template), e.g.
//   "- {date}: {link} - {summary} (via {via})"
//
// Rules:
// - Placeholders are {date}, {link}, {summary} and {via}; "{{" and "}}" write
//   a literal brace. Anything else in braces is an error.
// - A placeholder whose value is empty is left out together with its lead-in:
//   the literal text between the previous placeholder (or the start) and it.
//   When that lead-in opens a bracket it does not close ('(' or '['), the
//   matching closers written right after the placeholder go too. So with the
//   default, an empty summary drops " - {summary}" and no owner drops
//   " (via {via})", closing ")" included.
// - {date} is "unknown" for an undated note and {link} is never empty, so
//   only {summary} and {via} are ever left out.
#include <string>
#include <string_view>

namespace kb::model {

struct ContextFields {
  std::string_view date, link, summary, via;
};

// The line for one entry. Expects a template context_template_problem accepts;
// a bad placeholder is copied as written.
std::string render_context_line(std::string_view context_template, const ContextFields& fields);

// Empty when the template is usable; else what is wrong with it, e.g.
// "unknown placeholder '{who}'".
std::string context_template_problem(std::string_view context_template);

}  // namespace kb::model
