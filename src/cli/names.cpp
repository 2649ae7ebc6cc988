#include "names.hpp"

#include <fmt/format.h>

#include "kb/io/vault_root.hpp"

namespace kb::cli {

namespace {

using Result = query::NameLookup::Result;

struct Words {
  const char* one;
  const char* many;
};

Words what(const query::NameRules& rules) {
  if (rules.any_note) return {"note or entity", "notes"};
  if (rules.kinds.size() == 1 && rules.kinds[0] == model::NoteKind::Person) {
    return {"person", "people"};
  }
  return {"entity", "entities"};
}

}  // namespace

std::string name_kind(const query::NameRules& rules) {
  if (rules.any_note) return "NOTE";
  if (rules.kinds.size() == 1 && rules.kinds[0] == model::NoteKind::Person) return "PERSON";
  return "ENTITY";
}

CLI::Option* add_name_argument(CLI::App& sub, std::string& name, const query::NameRules& rules) {
  const std::string kind = name_kind(rules);
  std::string help = kind == "PERSON"   ? "A person"
                     : kind == "ENTITY" ? "A person, customer or project"
                                        : "Any note by path or [[link]], or an entity by name";
  help += rules.prefixes ? ": name, alias, unique word prefix, [[link]] or path"
                         : ": name, alias, [[link]] or path";
  return sub
      .add_option_function<std::vector<std::string>>(
          "NAME",
          [&name](const std::vector<std::string>& words) {
            name.clear();
            for (const auto& word : words) name += (name.empty() ? "" : " ") + word;
          },
          help)
      ->required()
      ->type_name(kind);
}

std::string shell_quote(std::string_view s) {
  bool safe = !s.empty();
  for (const char c : s) {
    safe = safe && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                    c == '/' || c == '.' || c == '_' || c == '-' || c == '+' || c == ',' ||
                    c == ':' || c == '@' || static_cast<unsigned char>(c) >= 0x80);
  }
  if (safe) return std::string(s);
  std::string quoted = "'";
  for (const char c : s) {
    if (c == '\'') {
      quoted += "'\\''";
    } else {
      quoted += c;
    }
  }
  return quoted + "'";
}

Expected<model::NoteId, Failure> resolve(Context& context, const model::Vault& vault,
                                         std::string_view name, const query::NameRules& rules) {
  using Outcome = Expected<model::NoteId, Failure>;
  auto lookup = query::resolve_name(vault, name, rules);
  if (lookup.result == Result::NotFound) {
    // A file named from the current folder, as the shell completes it.
    if (const auto path = io::path_in_vault(context.vault_root(), std::string(name))) {
      if (auto by_path = query::resolve_name(vault, *path, rules);
          by_path.result != Result::NotFound) {
        lookup = std::move(by_path);
      }
    }
  }
  const Words words = what(rules);
  switch (lookup.result) {
    case Result::Found: {
      const model::NoteSummary& note = vault.notes[lookup.notes.front()];
      if (lookup.how == query::NameLookup::How::Prefix && !context.globals().quiet &&
          !context.retrying()) {
        fmt::print(stderr, "kb: '{}' is {} ({})\n", name, note.name, note.path);
      }
      return lookup.notes.front();
    }
    case Result::NotOfKind: {
      const model::NoteSummary& note = vault.notes[lookup.notes.front()];
      if (note.excluded_by >= 0) {
        const auto& rule = vault.conventions.exclusions.rules()[note.excluded_by];
        return Outcome::failure(
            {kNotFound, fmt::format("{} is excluded: {}", note.path, model::describe(rule))});
      }
      if (rules.kinds.size() == 1 && rules.kinds[0] == model::NoteKind::Person) {
        return Outcome::failure({kNotFound, fmt::format("{} is not a person note", note.path)});
      }
      return Outcome::failure({kNotFound, fmt::format("{} is not a person, customer or project "
                                                      "note; kb links and kb backlinks take any "
                                                      "note",
                                                      note.path)});
    }
    case Result::NotFound: {
      std::string message = fmt::format("no {} named '{}'", words.one, name);
      for (std::size_t i = 0; i < lookup.notes.size(); ++i) {
        message += (i ? ", " : "; closest: ");
        message += vault.notes[lookup.notes[i]].name;
      }
      return Outcome::failure({kNotFound, message});
    }
    case Result::Ambiguous:
      break;
  }
  std::string message =
      fmt::format("'{}' matches {} {}; name one of them:", name, lookup.notes.size(), words.many);
  for (const model::NoteId id : lookup.notes) {
    const std::string argument = query::selecting_argument(vault, id, rules);
    const model::NoteSummary& note = vault.notes[id];
    message += "\n  " + shell_quote(argument);
    if (argument != note.path) message += fmt::format("  ({})", note.path);
  }
  return Outcome::failure({kUsage, message});
}

}  // namespace kb::cli
