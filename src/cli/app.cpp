#include "app.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>

#include <unistd.h>

#include "kb/io/cache_dir.hpp"
#include "kb/io/fs.hpp"
#include "kb/model/config.hpp"
#include "kb/model/parse_cache.hpp"
#include "kb/text/unicode.hpp"

namespace kb::cli {

namespace {

constexpr std::size_t kMaxWarnings = 20;
constexpr const char* kParseCacheFile = "notes.v1";

const char* kDescription = R"(kb answers questions about an Obsidian-style vault of people, meetings,
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

}  // namespace

std::vector<Command>& command_table() {
  static std::vector<Command> table;  // function-local: safe during static initialisation
  return table;
}

void error(std::string_view message) { fmt::print(stderr, "kb: {}\n", message); }

void warn(const Diagnostic& d) { fmt::print(stderr, "kb: {}\n", format_diagnostic(d)); }

std::string Context::vault_root() const {
  if (!globals_.vault.empty()) return globals_.vault;
  if (const char* env = std::getenv("KB_VAULT"); env && *env) return env;
  return ".";
}

io::DiskFileSystem& Context::fs() {
  if (!fs_) fs_.emplace(vault_root());
  return *fs_;
}

const model::Conventions* Context::conventions() {
  if (conventions_) return &*conventions_;
  if (config_failed_) return nullptr;
  std::optional<Expected<std::string>> text;
  if (!globals_.config.empty()) {
    // --config is relative to the working directory, not to the vault.
    const std::string& path = globals_.config;
    const std::size_t slash = path.rfind('/');
    const std::string folder =
        slash == std::string::npos ? "." : (slash == 0 ? "/" : path.substr(0, slash));
    text = io::DiskFileSystem(folder).read(slash == std::string::npos ? path : path.substr(slash + 1));
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
    warn(d);
    config_failed_ = true;
    return nullptr;
  }
  conventions_.emplace(std::move(*loaded));
  return &*conventions_;
}

model::Vault* Context::vault(Reads reads) {
  if (vault_) return &*vault_;
  if (load_failed_) return nullptr;
  const model::Conventions* conventions = this->conventions();
  if (!conventions) {
    load_failed_ = true;
    return nullptr;
  }
  // The parse cache only ever saves work: a missing, damaged or foreign
  // cache file is ignored, and one that cannot be written is not an error.
  std::optional<io::CacheDir> cache_dir;
  if (!globals_.no_cache) cache_dir = io::cache_dir_for(vault_root());
  std::string cache_bytes;
  std::optional<model::ParseCache> cache;
  if (cache_dir) {
    if (auto bytes = io::DiskFileSystem(cache_dir->folder).read(kParseCacheFile)) {
      cache_bytes = std::move(*bytes);
      // Verbs that read every note use no entry: the old bytes only tell
      // whether the cache must be written again.
      if (reads == Reads::Summary) cache = model::decode_parse_cache(cache_bytes);
      if (cache && (cache->vault != cache_dir->vault_path ||
                    cache->conventions_hash != model::conventions_hash(*conventions))) {
        cache.reset();
      }
    }
  }
  model::LoadOptions options;
  if (cache) options.cache = &*cache;
  auto loaded = model::load_vault(fs(), *conventions, options);
  if (!loaded) {
    warn(loaded.error());
    load_failed_ = true;
    return nullptr;
  }
  vault_.emplace(std::move(*loaded));
  // Every note from the cache and none gone: the cache would be rewritten as it is.
  const bool cache_current =
      options.cache && options.cache->notes.size() == vault_->notes.size() &&
      std::all_of(vault_->notes.begin(), vault_->notes.end(),
                  [](const model::Note& note) { return note.cached.has_value(); });
  if (cache_dir && !cache_current) {
    save_parse_cache(cache_dir->folder, cache_dir->vault_path, cache_bytes);
  }
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

void Context::save_parse_cache(const std::string& folder, const std::string& vault_path,
                               const std::string& old_bytes) {
  // A note modified in the last two seconds is left out: an edit within the
  // file system's timestamp granularity could keep its size and mtime.
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  const std::int64_t racy_after =
      std::chrono::duration_cast<std::chrono::nanoseconds>(now).count() - 2'000'000'000;
  const std::string bytes =
      model::encode_parse_cache(model::parse_cache_of(*vault_, vault_path, racy_after));
  if (bytes == old_bytes || !io::make_folders(folder)) return;  // written only when it changed
  // Atomic: a kb running beside this one reads the old file or the new one.
  io::DiskFileSystem(folder).write_atomic(kParseCacheFile, bytes, {});
}

bool Context::hydrate(const std::vector<model::NoteId>& ids) {
  if (auto failure = vault_->hydrate(fs(), ids)) {
    warn(*failure);
    return false;
  }
  return true;
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

namespace {

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

// Up to three names closest to `query`: substring matches first, then by
// edit distance.
std::vector<std::string> closest_names(const model::Vault& vault, std::string_view query,
                                       const std::vector<model::NoteKind>& kinds) {
  const std::string folded = text::fold_name(query);
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const auto& note : vault.notes) {
    if (!model::is_entity(note.kind)) continue;
    if (!kinds.empty() && std::find(kinds.begin(), kinds.end(), note.kind) == kinds.end()) continue;
    const std::string name = text::fold_name(note.name);
    const std::size_t score =
        name.find(folded) != std::string::npos ? 0 : 1 + edit_distance(folded, name);
    scored.emplace_back(score, note.name);
  }
  std::sort(scored.begin(), scored.end());
  std::vector<std::string> names;
  for (const auto& [score, name] : scored) {
    if (names.size() == 3 || score > 1 + folded.size() / 2) break;
    names.push_back(name);
  }
  return names;
}

}  // namespace

std::optional<model::NoteId> resolve_entity(const model::Vault& vault, std::string_view name,
                                            const std::vector<model::NoteKind>& kinds,
                                            int& exit_code) {
  const auto matches = vault.find_entities(name, kinds);
  const bool people = kinds.size() == 1 && kinds[0] == model::NoteKind::Person;
  const char* what = people ? "person" : "entity";
  if (matches.size() == 1) return matches.front();
  if (matches.empty()) {
    std::string message = fmt::format("no {} named '{}'", what, name);
    const auto near = closest_names(vault, name, kinds);
    if (!near.empty()) {
      message += "; closest: ";
      for (std::size_t i = 0; i < near.size(); ++i) message += (i ? ", " : "") + near[i];
    }
    error(message);
    exit_code = kNotFound;
    return std::nullopt;
  }
  error(fmt::format("'{}' matches {} {}s; use the note's path or full name:", name, matches.size(),
                    what));
  for (model::NoteId id : matches) {
    fmt::print(stderr, "  {}\t{}\n", vault.notes[id].name, vault.notes[id].path);
  }
  exit_code = kUsage;
  return std::nullopt;
}

int run(int argc, char** argv) {
  CLI::App app{kDescription, "kb"};
  app.set_version_flag("--version", "kb " KB_VERSION);
  app.require_subcommand(1);
  app.fallthrough();  // global options may follow the verb
  Globals globals;
  app.add_option("--vault", globals.vault, "Vault folder (default: $KB_VAULT, else .)")
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

  std::function<int(Context&)> selected;
  auto commands = command_table();
  std::sort(commands.begin(), commands.end(),
            [](const Command& a, const Command& b) { return a.order < b.order; });
  for (const Command& command : commands) {
    CLI::App* sub = app.add_subcommand(command.name, command.help);
    sub->fallthrough();
    auto runner = command.setup(*sub);
    sub->callback([&selected, runner] { selected = runner; });
  }
  try {
    app.parse(argc, argv);
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
    return selected(context);
  } catch (const std::exception& e) {
    error(fmt::format("internal error: {}", e.what()));
    return kUsage;
  }
}

}  // namespace kb::cli
