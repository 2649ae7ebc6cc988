#include "completion_spec.hpp"

#include <algorithm>

namespace kb::cli::completion {

namespace {

// CLI11's type name, "WHEN:{auto,always,never}" for a value with a fixed set
// of choices: the type and the choices.
void read_type(const std::string& full, std::string& type, std::vector<std::string>& choices) {
  const std::size_t colon = full.find(':');
  type = full.substr(0, colon);
  if (colon == std::string::npos) return;
  const std::string rest = full.substr(colon + 1);
  if (rest.size() < 2 || rest.front() != '{' || rest.back() != '}') return;
  std::size_t start = 1;
  while (start < rest.size() - 1) {
    std::size_t comma = rest.find(',', start);
    if (comma == std::string::npos || comma > rest.size() - 1) comma = rest.size() - 1;
    choices.push_back(rest.substr(start, comma - start));
    start = comma + 1;
  }
}

// The one place a type says how its values complete. `verbs` are what VERB
// (kb help VERB) completes to.
Value value_of(const std::string& full_type, const std::vector<std::string>& verbs) {
  std::string type;
  std::vector<std::string> choices;
  read_type(full_type, type, choices);
  if (!choices.empty()) return {Value::Kind::Words, std::move(choices), {}};
  if (type.empty()) return {};
  if (type == "DIR") return {Value::Kind::Dirs, {}, {}};
  if (type == "FILE") return {Value::Kind::Files, {}, {}};
  if (type == "PERSON" || type == "ENTITY" || type == "NOTE") {
    return {Value::Kind::Names, {}, type};
  }
  if (type == "VERB") return {Value::Kind::Words, verbs, {}};
  return {Value::Kind::Free, {}, {}};
}

bool known(const std::vector<Option>& options, const std::string& name) {
  return std::any_of(options.begin(), options.end(), [&](const Option& option) {
    return std::find(option.names.begin(), option.names.end(), name) != option.names.end();
  });
}

void read_options(const CLI::App& app, const std::vector<std::string>& verbs,
                  std::vector<Option>& out) {
  for (const CLI::Option* option : app.get_options()) {
    if (!option->nonpositional()) continue;
    // Option groups share their verb's --help: each option once.
    if (!option->get_lnames().empty() && known(out, "--" + option->get_lnames().front())) continue;
    Option spec;
    for (const auto& name : option->get_lnames()) spec.names.push_back("--" + name);
    for (const auto& name : option->get_snames()) spec.names.push_back("-" + name);
    if (option->get_items_expected_max() > 0) spec.value = value_of(option->get_type_name(), verbs);
    spec.help = option->get_description();
    out.push_back(std::move(spec));
  }
  for (const CLI::App* group : app.get_subcommands({})) {
    if (group->get_name().empty()) read_options(*group, verbs, out);  // option groups
  }
}

bool listed(const CLI::App* sub) {
  return !sub->get_name().empty() && !sub->get_group().empty();  // not groups, hidden verbs
}

}  // namespace

Spec describe(const CLI::App& app) {
  Spec spec;
  std::vector<std::string> verbs;
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (listed(sub)) verbs.push_back(sub->get_name());
  }
  read_options(app, verbs, spec.globals);
  for (const CLI::App* sub : app.get_subcommands({})) {
    if (!listed(sub)) continue;
    Verb verb{sub->get_name(), sub->get_description(), {}, {}};
    read_options(*sub, verbs, verb.options);
    for (const CLI::Option* option : sub->get_options()) {
      if (option->nonpositional()) continue;
      // A plain text positional is known by its name (VERB, QUERY).
      const std::string type = option->get_type_name();
      verb.positional = value_of(type == "TEXT" ? option->get_name() : type, verbs);
    }
    spec.verbs.push_back(std::move(verb));
  }
  return spec;
}

std::string joined(const std::vector<std::string>& words, const char* separator) {
  std::string out;
  for (const auto& word : words) out += (out.empty() ? "" : separator) + word;
  return out;
}

std::vector<std::string> verb_names(const Spec& spec) {
  std::vector<std::string> names;
  names.reserve(spec.verbs.size());
  for (const auto& verb : spec.verbs) names.push_back(verb.name);
  return names;
}

std::vector<std::string> option_names(const std::vector<Option>& options, bool with_value) {
  std::vector<std::string> names;
  for (const auto& option : options) {
    if (with_value && !option.takes_value()) continue;
    names.insert(names.end(), option.names.begin(), option.names.end());
  }
  return names;
}

bool any_takes_value(const std::vector<Option>& options) {
  return std::any_of(options.begin(), options.end(),
                     [](const Option& option) { return option.takes_value(); });
}

std::string single_quoted(const std::string& s) {
  std::string out = "'";
  for (const char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

}  // namespace kb::cli::completion
