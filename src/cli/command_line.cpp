// The command line as a whole: the verb table, the global options, and run():
// parse, run the verb, print its outcome, pick the exit code.
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include <cstdlib>
#include <optional>
#include <system_error>

#include "app.hpp"
#include "build_info.hpp"
#include "help.hpp"
#include "pager.hpp"
#include "verbs.hpp"

namespace kb::cli {

namespace {

const char* kDescription =
    R"(kb answers questions about an Obsidian-style vault of people, meetings,
customers, projects and sources, and regenerates the generated sections of
person notes.)";

const char* kFooter = R"(Examples:
  kb person "Asaf Levy"                    # who this is, recent context, open tasks
  kb person asaf                           # a unique word prefix is enough to read
  kb --vault ~/notes person "asaf levy" --json   # one JSON object for scripts
  kb regen --all                           # rewrite generated sections, safely
  kb people --tsv --no-header | cut -f1   # pipelines
  KB_VAULT=~/notes kb tasks "not done"

The vault is --vault, else $KB_VAULT, else the nearest folder from the current
one up holding .obsidian/ or .kb.yaml. 'kb help VERB' shows a verb's options and
examples; docs/cli.md and 'man kb' describe everything.

Exit codes: 0 ok; 1 not found / problems found; 2 usage error, ambiguous
name or unreadable vault.)";

// Every verb, in the order `kb --help` lists them.
constexpr Verb kVerbs[] = {
    {"person", "Show a person: profile, recent context and open tasks", define_person, true},
    {"regen", "Regenerate Recent Context, Open Tasks and last_contact in person notes",
     define_regen, false},
    {"brief", "Prepare a meeting: what happened with a person since the last one", define_brief,
     true},
    {"graph", "Draw a person's neighbourhood: people, customers, projects", define_graph, false},
    {"people", "List every person: name, path, last contact, notes, role", define_people, true},
    {"meetings", "List meeting notes, newest first, with who was there", define_meetings, true},
    {"show", "Show a person, customer or project: its notes and the people in them", define_show,
     true},
    {"links", "List the links of a note: line, link, and the note or file it resolves to",
     define_links, true},
    {"backlinks", "List the links into a note: path and line of each", define_backlinks, true},
    {"tasks", "Run an Obsidian Tasks query over every task of the vault", define_tasks, true},
    {"check", "Lint the vault: front-matter, broken links, ambiguous names, tasks blocks",
     define_check, true},
    {"config", "Show the vault and configuration in effect, and where each came from",
     define_config, true},
    {"cache",
     "List the parse-cache folders kb keeps per vault; 'kb cache prune' removes stale ones",
     define_cache, true},
    {"completions", "Print the shell completion script: kb completions bash|zsh|fish",
     define_completions, false},
    {"help", "Show kb's help, or a verb's: kb help VERB", define_help, true},
    // Hidden (no summary): what the completion scripts ask for names.
    {"__complete", "", define_complete, false},
};

std::string check_date(const std::string& s) {
  return text::parse_iso_date(s) ? std::string() : "expected a date YYYY-MM-DD";
}

void add_global_options(CLI::App& app, Globals& globals) {
  app.add_option("--vault", globals.vault,
                 "Vault folder (default: $KB_VAULT, else the nearest folder up holding .obsidian/ "
                 "or .kb.yaml)")
      ->type_name("DIR")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option("--config", globals.config, "Config file (default: <vault>/.kb.yaml)")
      ->type_name("FILE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);
  app.add_option(
         "--today", globals.today,
         "Take this date (YYYY-MM-DD) as today; date filters read their words from its 12:00")
      ->type_name("DATE")
      ->multi_option_policy(CLI::MultiOptionPolicy::TakeLast)
      ->check(check_date);
  app.add_flag("--no-cache", globals.no_cache, "Do not read or write the parse cache");
  app.add_flag("-q,--quiet", globals.quiet,
               "Do not print warnings about the vault, summaries, or whom a word prefix chose");
  app.add_option("--color", globals.color, "Colour: auto (on a terminal), always, never")
      ->type_name("WHEN")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  app.add_flag("--no-pager", globals.no_pager,
               "Do not page output on a terminal ($KB_PAGER, else $PAGER, else less -FRX)");
}

// The terminal's columns: the window size, else $COLUMNS, else 80.
std::size_t terminal_width() {
  winsize size{};
  if (::ioctl(STDOUT_FILENO, TIOCGWINSZ, &size) == 0 && size.ws_col > 0) return size.ws_col;
  if (const char* columns = std::getenv("COLUMNS"); columns != nullptr) {
    const long n = std::strtol(columns, nullptr, 10);
    if (n > 0 && n < 10000) return static_cast<std::size_t>(n);
  }
  return 80;
}

// CLI11 reads an argument in brackets as a list ("[a,b]" -> a, b), which
// would break "[[Asaf Levy|Asaf, CTO]]": such arguments are marked before
// parsing, and every option takes the mark off again.
constexpr char kMark = '\x1f';

void unmark_values(CLI::App& app) {
  const auto unmark = [](const std::string& value) {
    return value.starts_with(kMark) ? value.substr(1) : value;
  };
  for (CLI::Option* option : app.get_options()) option->transform(unmark);
  for (CLI::App* sub : app.get_subcommands({})) unmark_values(*sub);
}

std::vector<std::string> marked(const std::vector<std::string>& args) {
  std::vector<std::string> out = args;
  for (std::string& arg : out) {
    if (arg.size() >= 2 && arg.front() == '[' && arg.back() == ']') arg.insert(arg.begin(), kMark);
  }
  return out;
}

}  // namespace

Runner define_help(CLI::App& sub) {
  auto verb = std::make_shared<std::string>();
  sub.add_option("VERB", *verb, "The verb to explain");
  sub.footer(R"(Examples:
  kb help
  kb help person)");
  CLI::App* app = sub.get_parent();
  return [app, verb](Context&) -> Outcome {
    if (verb->empty()) {
      // Not app->help(): that shows the selected verb's, this one's.
      fmt::print("{}", app->get_formatter()->make_help(app, "kb", CLI::AppFormatMode::Normal));
      return kOk;
    }
    if (const auto unknown = explain_unknown(*app, {*verb})) return Failure{kUsage, *unknown};
    fmt::print("{}", app->get_subcommand(*verb)->help("kb"));
    return kOk;
  };
}

int run(int argc, char** argv) {
  CLI::App app{kDescription, "kb"};
  app.formatter(help_formatter());
  app.footer(kFooter);
  const std::string commit = build_commit();
  app.set_version_flag(
      "--version", commit.empty() ? "kb " KB_VERSION : "kb " KB_VERSION " (commit " + commit + ")");
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the verb
  Globals globals;
  add_global_options(app, globals);

  Runner selected;
  bool pages = false;
  for (const Verb& verb : kVerbs) {
    CLI::App* sub = app.add_subcommand(verb.name, verb.summary);
    sub->group(*verb.summary != '\0' ? "Verbs" : "");
    sub->fallthrough();
    Runner runner = verb.define(*sub);
    sub->callback([&selected, &pages, runner, &verb] {
      selected = runner;
      pages = verb.pages;
    });
  }
  unmark_values(app);

  const std::vector<std::string> args(argv + 1, argv + argc);
  if (args.empty()) {
    fmt::print(stderr, "{}", short_usage(app));
    return kUsage;
  }
  std::vector<std::string> parsed = marked(args);
  std::vector<char*> pointers{argv[0]};
  for (std::string& arg : parsed) pointers.push_back(arg.data());
  try {
    app.parse(static_cast<int>(pointers.size()), pointers.data());
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() == 0) return app.exit(e);  // --version
    if (const auto unknown = explain_unknown(app, args)) {
      error(*unknown);
      return kUsage;
    }
    const std::string verb = verb_of(app, args);
    if (verb.empty()) {  // only global options
      fmt::print(stderr, "{}", short_usage(app));
      return kUsage;
    }
    error(e.what());
    error(fmt::format("run 'kb {} --help' for usage", verb));
    return kUsage;
  }
  if (!selected) return kUsage;
  globals.terminal = ::isatty(STDOUT_FILENO) != 0;
  globals.width = globals.terminal ? terminal_width() : 0;
  Context context(globals);
  try {
    std::optional<PagedOutput> paged = pages && globals.terminal && !globals.no_pager
                                           ? PagedOutput::start(pager_command())
                                           : std::nullopt;
    Outcome outcome = selected(context);
    if (context.retry_wanted()) {
      // A note changed between listing the vault and reading it: once more,
      // on the vault read again whole (every note from its bytes).
      context.reload();
      outcome = selected(context);
    }
    if (paged) paged->finish();
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
