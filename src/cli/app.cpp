#include "app.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <system_error>

#include "build_info.hpp"
#include "kb/io/cache_dir.hpp"
#include "kb/io/fs.hpp"
#include "kb/io/temp_files.hpp"
#include "kb/io/vault_root.hpp"
#include "kb/model/config.hpp"
#include "kb/text/unicode.hpp"
#include "verbs.hpp"

namespace kb::cli {

namespace {

constexpr std::size_t kMaxWarnings = 20;
constexpr const char* kParseCacheFile = "notes.v1";

const char* kDescription =
    R"(kb answers questions about an Obsidian-style vault of people, meetings,
customers, projects and sources, and regenerates the generated sections of
person notes.

Examples:
  kb person "Asaf Levy"                    who this is, recent context, open tasks
  kb --vault ~/notes person "asaf levy" --json    one JSON object for scripts
  kb regen --all                           rewrite generated sections, safely
  kb people --tsv | cut -f1                pipelines
  KB_VAULT=~/notes kb tasks "not done"

Exit codes: 0 ok; 1 not found / problems found; 2 usage error, ambiguous
name or unreadable vault.)";

// Every verb, in the order `kb --help` lists them.
constexpr Verb kVerbs[] = {
    {"person", "Show a person: profile, recent context and open tasks", define_person},
    {"regen", "Regenerate Recent Context, Open Tasks and last_contact in person notes",
     define_regen},
    {"brief", "Prepare a meeting: what happened with a person since the last one", define_brief},
    {"graph", "Draw a person's neighbourhood: people, customers, projects", define_graph},
    {"people", "List every person: name, path, last contact, notes, role", define_people},
    {"meetings", "List meeting notes, newest first, with who was there", define_meetings},
    {"show", "Show a person, customer or project: its notes and the people in them", define_show},
    {"links", "List the links of a note: line, link, and the note or file it resolves to",
     define_links},
    {"backlinks", "List the links into a note: path and line of each", define_backlinks},
    {"tasks", "Run an Obsidian Tasks query over every task of the vault", define_tasks},
    {"check", "Lint the vault: front-matter, broken links, ambiguous names, tasks blocks",
     define_check},
    {"config", "Show the configuration in effect and where each value came from", define_config},
};

}  // namespace

Failure failure(int exit, const Diagnostic& d) {
  return Failure{exit, format_diagnostic(d)};
}

void report(const Failure& failure) {
  if (!failure.message.empty()) error(failure.message);
}

// A message that cannot be shown (stderr closed: SIGPIPE is ignored, see
// kb/io/process_guard.hpp) is dropped: it must not stop kb between two notes.
void error(std::string_view message) {
  try {
    fmt::print(stderr, "kb: {}\n", message);
  } catch (const std::exception&) {
  }
}

void warn(const Diagnostic& d) {
  error(format_diagnostic(d));
}

Expected<const VaultLocation*, Failure> Context::locate_vault() {
  if (location_) return &*location_;
  if (!globals_.vault.empty()) {
    location_ = VaultLocation{globals_.vault, "--vault"};
  } else if (const char* env = std::getenv("KB_VAULT"); env && *env) {
    location_ = VaultLocation{env, "KB_VAULT"};
  } else {
    // Never the current folder itself: started in a subfolder of a vault,
    // kb would answer (and regen would write) from a part of it.
    const std::string here = io::current_folder();
    const auto found = io::find_vault_root(here);
    if (!found) {
      return Expected<const VaultLocation*, Failure>::failure(
          {kUsage, fmt::format("no vault found: no folder from {} up holds .obsidian/ or "
                               ".kb.yaml; name the vault with --vault DIR or KB_VAULT=DIR, or "
                               "create an empty .kb.yaml in its top folder",
                               here.empty() ? std::string("the current folder") : here)});
    }
    location_ = VaultLocation{found->root, found->marker};
  }
  return &*location_;
}

std::string Context::vault_root() const {
  return location_ ? location_->root : std::string();
}

io::DiskFileSystem& Context::fs() {
  if (!fs_) fs_.emplace(vault_root());
  return *fs_;
}

Expected<const model::Conventions*, Failure> Context::conventions() {
  if (conventions_) return &*conventions_;
  if (config_failure_) {
    return Expected<const model::Conventions*, Failure>::failure(*config_failure_);
  }
  if (auto located = locate_vault(); !located) {
    config_failure_ = located.error();
    return Expected<const model::Conventions*, Failure>::failure(*config_failure_);
  }
  std::optional<Expected<std::string>> text;
  if (!globals_.config.empty()) {
    // --config is relative to the working directory, not to the vault.
    const std::string& path = globals_.config;
    const std::size_t slash = path.rfind('/');
    const std::string folder =
        slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    text =
        io::DiskFileSystem(folder).read(slash == std::string::npos ? path : path.substr(slash + 1));
    config_file_ = path;
  } else if (fs().stat(".kb.yaml")) {
    text = fs().read(".kb.yaml");
    config_file_ = ".kb.yaml";
  }
  if (!text) {
    conventions_.emplace();
    return &*conventions_;
  }
  Diagnostics warnings;
  auto loaded = text->ok() ? model::load_config(**text, config_file_, warnings)
                           : Expected<model::Conventions>::failure(text->error());
  if (!globals_.quiet) {
    for (const auto& d : warnings) warn(d);
  }
  if (!loaded) {
    Diagnostic d = loaded.error();
    d.path = config_file_;
    config_failure_ = failure(kUsage, d);
    return Expected<const model::Conventions*, Failure>::failure(*config_failure_);
  }
  conventions_.emplace(std::move(*loaded));
  return &*conventions_;
}

Expected<model::Vault*, Failure> Context::vault(Reads reads) {
  if (vault_) return &*vault_;
  if (load_failure_) return Expected<model::Vault*, Failure>::failure(*load_failure_);
  const auto found = this->conventions();
  if (!found) {
    load_failure_ = found.error();
    return Expected<model::Vault*, Failure>::failure(*load_failure_);
  }
  const model::Conventions* conventions = *found;
  // The parse cache only ever saves work: what to trust of it, and when to
  // write it, is model::load_vault's and model::save_parse_cache's business.
  model::LoadOptions options;
  if (!globals_.no_cache) {
    if (auto dir = io::cache_dir_for(vault_root())) {
      io::sweep_stale_temp_files(dir->folder);  // left by a kb stopped while writing the cache
      cache_.emplace(dir->folder, kParseCacheFile);
      options.cache = &*cache_;
      options.vault_id = dir->vault_path;
    }
  }
  options.cache_entries = reads == Reads::Summary;
  auto loaded = model::load_vault(fs(), *conventions, options);
  if (!loaded) {
    load_failure_ = failure(kUsage, loaded.error());
    return Expected<model::Vault*, Failure>::failure(*load_failure_);
  }
  vault_.emplace(std::move(*loaded));
  cache_vault_id_ = options.vault_id;
  if (!globals_.quiet) {
    const auto& diagnostics = vault_->diagnostics;
    for (std::size_t i = 0; i < diagnostics.size() && i < kMaxWarnings; ++i) warn(diagnostics[i]);
    if (diagnostics.size() > kMaxWarnings) {
      error(fmt::format("{} more warnings not shown (kb check lists them all; -q hides them)",
                        diagnostics.size() - kMaxWarnings));
    }
  }
  return &*vault_;
}

void Context::save_parse_cache() {
  if (!vault_ || !cache_) return;
  std::fflush(stdout);  // the answer first: nothing the user waits for depends on the cache
  model::save_parse_cache(*vault_, *cache_, cache_vault_id_);
}

std::optional<Failure> Context::hydrate(const std::vector<model::NoteId>& ids) {
  if (auto changed = vault_->hydrate(fs(), ids)) return failure(kUsage, *changed);
  return std::nullopt;
}

text::Date Context::today() const {
  if (auto date = text::parse_iso_date(globals_.today)) return *date;
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  return text::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

output::Style Context::style() const {
  output::Style style;
  if (globals_.color == "always") {
    style.color = true;
  } else if (globals_.color == "auto") {
    const char* no_color = std::getenv("NO_COLOR");
    style.color = isatty(STDOUT_FILENO) && !(no_color && *no_color);
  }
  return style;
}

int run(int argc, char** argv) {
  CLI::App app{kDescription, "kb"};
  const std::string commit = build_commit();
  app.set_version_flag(
      "--version", commit.empty() ? "kb " KB_VERSION : "kb " KB_VERSION " (commit " + commit + ")");
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the verb
  Globals globals;
  app.add_option("--vault", globals.vault,
                 "Vault folder (default: $KB_VAULT, else the nearest folder up holding .obsidian/ "
                 "or .kb.yaml)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--config", globals.config, "Config file (default: <vault>/.kb.yaml)")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--today", globals.today, "Take this date (YYYY-MM-DD) as today")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->check([](const std::string& s) {
        return text::parse_iso_date(s) ? std::string() : "expected a date YYYY-MM-DD";
      });
  app.add_flag("--no-cache", globals.no_cache, "Do not read or write the parse cache");
  app.add_flag("-q,--quiet", globals.quiet, "Do not print warnings about the vault");
  app.add_option("--color", globals.color, "Colour: auto, always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}));

  Runner selected;
  for (const Verb& verb : kVerbs) {
    CLI::App* sub = app.add_subcommand(verb.name, verb.summary);
    sub->fallthrough();
    Runner runner = verb.define(*sub);
    sub->callback([&selected, runner] { selected = runner; });
  }
  // CLI11 reads an argument in brackets as a list ("[a,b]" -> a, b), which
  // would break "[[Asaf Levy|Asaf, CTO]]": such arguments are marked before
  // parsing and every option takes the mark off again.
  constexpr char kMark = '\x1f';
  const auto unmark = [](const std::string& value) {
    return value.starts_with(kMark) ? value.substr(1) : value;
  };
  for (CLI::Option* option : app.get_options()) option->transform(unmark);
  for (CLI::App* sub : app.get_subcommands({})) {
    for (CLI::Option* option : sub->get_options()) option->transform(unmark);
  }
  std::vector<std::string> marked(argv, argv + argc);
  std::vector<char*> args;
  for (std::string& arg : marked) {
    if (&arg != &marked.front() && arg.size() >= 2 && arg.front() == '[' && arg.back() == ']') {
      arg.insert(arg.begin(), kMark);
    }
    args.push_back(arg.data());
  }
  try {
    app.parse(argc, args.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --version
    std::string verb;
    for (const CLI::App* sub : app.get_subcommands()) verb = sub->get_name();
    error(e.what());
    error(fmt::format("run 'kb {}--help' for usage", verb.empty() ? "" : verb + " "));
    return kUsage;
  }
  if (!selected) return kUsage;
  Context context(globals);
  try {
    const Outcome outcome = selected(context);
    // The one place a verb's failure is printed.
    if (!outcome.message().empty()) report(Failure{outcome.exit(), outcome.message()});
    context.save_parse_cache();
    return outcome.exit();
  } catch (const std::system_error& e) {
    // The reader of kb's output went away (`kb people | head -1`): stop, quietly.
    if (e.code() == std::errc::broken_pipe) return kOk;
    error(fmt::format("internal error: {}", e.what()));
    return kUsage;
  } catch (const std::exception& e) {
    error(fmt::format("internal error: {}", e.what()));
    return kUsage;
  }
}

}  // namespace kb::cli
