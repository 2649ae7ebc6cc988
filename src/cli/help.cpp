#include "help.hpp"

#include <fmt/format.h>

#include "kb/text/edit_distance.hpp"

namespace kb::cli {

namespace {

class Formatter : public CLI::Formatter {
 public:
  std::string make_footer(const CLI::App* app) const override {
    std::string out;
    if (const CLI::App* parent = app->get_parent(); parent != nullptr) {
      const auto globals = parent->get_options([parent](const CLI::Option* option) {
        return option != parent->get_help_ptr() &&
               option->get_lnames() != std::vector<std::string>{"version"};
      });
      std::string group = make_group("Global options (before or after the verb)", false, globals);
      while (!group.empty() && group.front() == '\n') group.erase(0, 1);
      out += group + "\n";
    }
    return out + CLI::Formatter::make_footer(app);
  }
};

// An option of `app` that takes a value: its next argument is that value.
bool takes_value(const CLI::App& app, const std::string& arg) {
  if (arg.find('=') != std::string::npos) return false;
  try {
    const CLI::Option* option = app.get_option(arg);
    return option->get_items_expected_max() > 0;  // a flag expects none (type size is 1)
  } catch (const CLI::OptionNotFound&) {
    return false;
  }
}

bool known_option(const CLI::App& app, const std::string& name) {
  try {
    app.get_option(name);
    return true;
  } catch (const CLI::OptionNotFound&) {
    return false;
  }
}

// Every option name of `app`, those of its option groups (nameless
// subcommands to CLI11) included.
std::vector<std::string> option_names(const CLI::App& app) {
  std::vector<std::string> names;
  for (const CLI::Option* option : app.get_options()) {
    for (const auto& name : option->get_lnames()) names.push_back("--" + name);
    for (const auto& name : option->get_snames()) names.push_back("-" + name);
  }
  for (const CLI::App* group : app.get_subcommands({})) {
    if (!group->get_name().empty()) continue;
    const auto more = option_names(*group);
    names.insert(names.end(), more.begin(), more.end());
  }
  return names;
}

std::string quoted_list(const std::vector<std::string>& words) {
  std::string out;
  for (std::size_t i = 0; i < words.size(); ++i) {
    if (i > 0) out += i + 1 == words.size() ? " or " : ", ";
    out += "'" + words[i] + "'";
  }
  return out;
}

}  // namespace

std::shared_ptr<CLI::Formatter> help_formatter() {
  return std::make_shared<Formatter>();
}

std::string short_usage(const CLI::App& app) {
  std::string out = "usage: kb [--vault DIR] [GLOBAL OPTIONS] VERB [OPTIONS] [ARGS]\n\nverbs:\n";
  for (const CLI::App* verb : app.get_subcommands({})) {
    if (verb->get_group().empty()) continue;  // hidden
    out += fmt::format("  {:<12}{}\n", verb->get_name(), verb->get_description());
  }
  out +=
      "\n'kb help VERB' (or 'kb VERB --help') shows a verb's options and examples; 'kb help' "
      "shows\nthe global options. The vault is --vault, else $KB_VAULT, else the nearest folder "
      "up\nholding .obsidian/ or .kb.yaml.\n";
  return out;
}

std::string verb_of(const CLI::App& app, const std::vector<std::string>& args) {
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") return {};
    if (arg.size() > 1 && arg[0] == '-') {
      if (takes_value(app, arg)) ++i;
      continue;
    }
    return arg;
  }
  return {};
}

std::optional<std::string> explain_unknown(const CLI::App& app,
                                           const std::vector<std::string>& args) {
  std::vector<std::string> verbs;
  std::vector<std::string> shown;  // the verbs to suggest: not the hidden ones
  for (const CLI::App* sub : app.get_subcommands({})) {
    verbs.push_back(sub->get_name());
    if (!sub->get_group().empty()) shown.push_back(sub->get_name());
  }
  std::vector<std::string> names = option_names(app);
  const CLI::App* sub = nullptr;  // the verb, once it is read
  // The first word that is neither a known option (global or the verb's) nor
  // a known verb, in order.
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& arg = args[i];
    if (arg == "--") break;
    if (arg.size() > 1 && arg[0] == '-') {
      const std::string name = arg.substr(0, arg.find('='));
      if (known_option(app, name)) {
        if (takes_value(app, arg)) ++i;
      } else if (sub != nullptr && known_option(*sub, name)) {
        if (takes_value(*sub, arg)) ++i;
      } else {
        std::string message = fmt::format("unknown option '{}'", name);
        if (sub != nullptr) message += " for kb " + sub->get_name();
        // "-x" is too short to guess from.
        const auto near =
            name.size() > 2 ? text::did_you_mean(name, names) : std::vector<std::string>{};
        if (!near.empty()) message += "; did you mean " + quoted_list(near) + "?";
        return message + fmt::format("\nkb: run 'kb {}--help' for usage",
                                     sub != nullptr ? sub->get_name() + " " : "");
      }
    } else if (sub == nullptr) {
      if (std::find(verbs.begin(), verbs.end(), arg) == verbs.end()) {
        std::string message = fmt::format("unknown verb '{}'", arg);
        const auto near = text::did_you_mean(arg, shown);
        if (!near.empty()) message += "; did you mean " + quoted_list(near) + "?";
        return message + "\nkb: run 'kb help' for the verbs";
      }
      sub = app.get_subcommand(arg);
      const auto more = option_names(*sub);
      names.insert(names.end(), more.begin(), more.end());
    }
  }
  return std::nullopt;
}

}  // namespace kb::cli
