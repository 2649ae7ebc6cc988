#pragma once
// The command line: the only layer that parses arguments, prints, and picks
// exit codes. Each verb lives in its own cmd_<verb>.cpp and registers itself
// in the table in app.cpp.
#include <CLI/CLI.hpp>
#include <functional>
#include <optional>
#include <string>

#include "kb/io/fs.hpp"
#include "kb/model/vault.hpp"
#include "kb/output/person.hpp"
#include "kb/text/date.hpp"

namespace kb::cli {

enum Exit : int {
  kOk = 0,        // found / nothing to report
  kNotFound = 1,  // no match, problems found, something failed or out of date
  kUsage = 2,     // usage error, ambiguous name, unreadable vault
};

// Options every verb shares, set before or after the verb.
struct Globals {
  std::string vault;        // --vault, else $KB_VAULT, else "."
  std::string config;       // --config
  std::string today;        // --today YYYY-MM-DD
  bool no_cache = false;    // --no-cache
  bool quiet = false;       // -q: no warnings
  std::string color = "auto";
};

// What a verb's run function gets.
class Context {
 public:
  explicit Context(const Globals& globals) : globals_(globals) {}
  const Globals& globals() const { return globals_; }

  // What a verb reads of the notes. Summary: a note unchanged since an
  // earlier run comes from the parse cache without its text, front-matter
  // and scan, and the verb calls hydrate() for each note it reads those of.
  // Everything: every note is read and parsed.
  enum class Reads { Summary, Everything };
  // Loads the vault (once), printing load warnings, and updates the parse
  // cache; nullptr after printing an error when the vault cannot be read.
  model::Vault* vault(Reads reads = Reads::Everything);
  // Reads the notes among `ids` that came from the cache; false after
  // printing the error when one changed on disk meanwhile.
  bool hydrate(const std::vector<model::NoteId>& ids);
  // The conventions in effect (once): --config FILE, else <vault>/.kb.yaml
  // when present, else the defaults. Prints config warnings; nullptr after
  // printing the error for an unreadable file or a bad value.
  const model::Conventions* conventions();
  // The config file read ("" when none): the --config path, or ".kb.yaml".
  const std::string& config_file() const { return config_file_; }
  text::Date today() const;
  std::string vault_root() const;
  io::DiskFileSystem& fs();  // rooted at vault_root()
  // Colour on a terminal unless NO_COLOR is set or --color says otherwise.
  output::Style style() const;

 private:
  const Globals& globals_;
  std::optional<io::DiskFileSystem> fs_;
  std::optional<model::Conventions> conventions_;
  std::string config_file_;
  bool config_failed_ = false;
  std::optional<model::Vault> vault_;
  bool load_failed_ = false;
  void save_parse_cache(const std::string& folder, const std::string& vault_path,
                        const std::string& old_bytes);
};

struct Command {
  const char* name;
  const char* help;
  int order;  // position in `kb --help`
  // Adds the verb's options to `sub` and returns what runs it.
  std::function<std::function<int(Context&)>(CLI::App& sub)> setup;
};

// The verb table. Each cmd_<verb>.cpp adds its verb with a file-level
//   static const RegisterCommand registered{{"verb", "help", order, setup}};
// so adding a verb touches no shared file.
std::vector<Command>& command_table();
struct RegisterCommand {
  explicit RegisterCommand(Command command) { command_table().push_back(std::move(command)); }
};

int run(int argc, char** argv);

// Prints "kb: message" on stderr.
void error(std::string_view message);
void warn(const Diagnostic& d);

// Resolves NAME to one person (or entity of `kinds`), printing a message and
// setting `exit_code` (1 none, 2 ambiguous) when it cannot.
std::optional<model::NoteId> resolve_entity(const model::Vault& vault, std::string_view name,
                                            const std::vector<model::NoteKind>& kinds,
                                            int& exit_code);

}  // namespace kb::cli
