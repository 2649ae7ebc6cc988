#pragma once
// The command line: the only layer that parses arguments, prints, and picks
// exit codes. Each verb lives in its own cmd_<verb>.cpp; verbs.hpp declares
// them and the verb table in app.cpp lists them in help order.
#include <CLI/CLI.hpp>
#include <ctime>
#include <functional>
#include <optional>
#include <set>
#include <string>

#include "kb/io/fs.hpp"
#include "kb/model/vault.hpp"
#include "kb/output/person.hpp"
#include "kb/tasks/date_clock.hpp"
#include "kb/tasks/query.hpp"
#include "kb/text/date.hpp"

namespace kb::cli {

enum Exit : int {
  kOk = 0,        // found / nothing to report
  kNotFound = 1,  // no match, problems found, something failed or out of date
  kUsage = 2,     // usage error, ambiguous name, unreadable vault
};

// Why a verb stopped: its exit code and the message printed for it on stderr
// as "kb: message" (further lines of the message are printed as they are).
struct Failure {
  int exit = kUsage;
  std::string message;
};
Failure failure(int exit, const Diagnostic& d);  // the message is "path:line: message"

// What a verb ends with: an exit code, with the failure's message when it
// failed. run() prints it; a verb prints only its answer and its warnings.
class Outcome {
 public:
  Outcome(int exit) : exit_(exit) {}  // NOLINT(google-explicit-constructor): `return kOk;`
  Outcome(Failure failure)            // NOLINT(google-explicit-constructor): `return Failure{...};`
      : exit_(failure.exit), message_(std::move(failure.message)) {}
  int exit() const { return exit_; }
  const std::string& message() const { return message_; }

 private:
  int exit_;
  std::string message_;
};

// Options every verb shares, set before or after the verb.
struct Globals {
  std::string vault;      // --vault ("" when not given)
  std::string config;     // --config
  std::string today;      // --today YYYY-MM-DD
  bool no_cache = false;  // --no-cache
  bool quiet = false;     // -q: no warnings
  std::string color = "auto";
  bool no_pager = false;  // --no-pager
  // Not options: stdout as kb found it, before any pager took it over.
  bool terminal = false;  // stdout is a terminal
  std::size_t width = 0;  // its columns (0 when not a terminal)
};

// Where the vault is, and how kb knows.
struct VaultLocation {
  std::string root;      // as given for --vault and KB_VAULT; absolute when found
  std::string found_by;  // "--vault", "KB_VAULT", or the marker found walking up:
                         // ".obsidian/" or ".kb.yaml"
};

// What a verb's run function gets.
class Context {
 public:
  explicit Context(const Globals& globals) : globals_(globals) {}
  const Globals& globals() const { return globals_; }

  // --vault, else $KB_VAULT, else the nearest folder from the current one up
  // holding .obsidian/ or .kb.yaml; a failure when there is none.
  Expected<const VaultLocation*, Failure> locate_vault();
  // Loads the vault (once), printing load warnings; a failure when the vault
  // cannot be read.
  Expected<model::Vault*, Failure> vault();
  // Refreshes the parse cache after a vault was loaded: run() calls it once
  // the verb has printed its answer.
  void save_parse_cache();
  // Reads the bodies of the notes among `ids` (the vault's summaries carry
  // the rest); a failure naming the first that cannot be read or changed on
  // disk since kb listed the vault (an editor saving, a kb regen beside this
  // one). A verb failing so, before it printed or wrote anything, is run once
  // more (retry_wanted, reload: run() does it) on a vault read again whole,
  // every note from its current bytes and none from the cache, so that no
  // second change can stop it.
  std::optional<Failure> read_bodies(const std::vector<model::NoteId>& ids);
  bool retry_wanted() const { return retry_wanted_; }
  void reload();  // forgets the loaded vault, so that vault() loads it again
  // The verb's second run, after reload(): what the first said (a name's
  // notice, a name not found) is not said again.
  bool retrying() const { return read_everything_; }
  // The conventions in effect (once): --config FILE, else <vault>/.kb.yaml
  // when present, else the defaults. Prints config warnings; a failure for an
  // unreadable file or a bad value.
  Expected<const model::Conventions*, Failure> conventions();
  // The config file read ("" when none): the --config path, or ".kb.yaml".
  const std::string& config_file() const { return config_file_; }
  text::Date today() const;
  // When and in which zone date filters' words are read (kb/tasks/date_clock.hpp).
  tasks::DateClock date_clock() const;
  // The vault's folder and the disk rooted there: only once locate_vault(),
  // conventions() or vault() succeeded.
  std::string vault_root() const;
  io::DiskFileSystem& fs();
  // Colour on a terminal unless NO_COLOR is set or --color says otherwise.
  output::Style style() const;

 private:
  void read_tasks_settings(model::Conventions& conventions);

  const Globals& globals_;
  // The moment kb started: today() and date_clock() both read it, so a run
  // that straddles midnight sees one day.
  const std::time_t started_ = std::time(nullptr);
  std::optional<VaultLocation> location_;
  std::optional<io::DiskFileSystem> fs_;
  std::optional<model::Conventions> conventions_;
  std::string config_file_;
  std::optional<Failure> config_failure_;
  std::optional<model::Vault> vault_;
  std::set<std::string> warned_;  // load warnings printed: a second read repeats none
  std::size_t warnings_shown_ = 0;
  bool hid_warnings_ = false;  // "N more warnings not shown" printed
  std::optional<Failure> load_failure_;
  bool retry_wanted_ = false;
  bool read_everything_ = false;  // the retry: no note taken from the cache
  std::optional<io::DiskCacheStore> cache_;
  std::string cache_vault_id_;
};

using Runner = std::function<Outcome(Context&)>;

// One verb: its name and one-line summary for `kb --help`, and what adds its
// options, positionals and help footer to its subcommand and returns the
// function that runs it with what was parsed.
struct Verb {
  const char* name;
  const char* summary;
  Runner (*define)(CLI::App& sub);
  bool pages;  // its output goes through the pager on a terminal
};

int run(int argc, char** argv);

// Prints "kb: message" on stderr (the failure's exit code is the caller's).
void report(const Failure& failure);
void error(std::string_view message);
void warn(const Diagnostic& d);
// Unless `quiet`: each regular expression of `query` whose search hit
// PCRE2's limit counted those tasks as not matching, where JavaScript would
// search on; says so about the query at `where` (its answer may lack them).
void warn_given_up(const tasks::TasksQuery& query, const std::string& where, bool quiet);

}  // namespace kb::cli
