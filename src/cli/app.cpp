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

#include "kb/io/cache_dir.hpp"
#include "kb/io/cache_folders.hpp"
#include "kb/io/fs.hpp"
#include "kb/io/temp_files.hpp"
#include "kb/io/vault_root.hpp"
#include "kb/model/config.hpp"
#include "kb/model/tasks_settings.hpp"
#include "kb/text/unicode.hpp"

namespace kb::cli {

namespace {

constexpr std::size_t kMaxWarnings = 20;
constexpr const char* kParseCacheFile = "notes.v1";

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

void warn_given_up(const tasks::TasksQuery& query, const std::string& where, bool quiet) {
  if (quiet) return;
  for (const auto& given_up : query.regexes_given_up()) {
    warn({where, 0,
          fmt::format("the regular expression {} gave up on {} task{} (too much backtracking); "
                      "they count as not matching, so the answer may lack them",
                      given_up.literal, given_up.searches, given_up.searches == 1 ? "" : "s")});
  }
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
    // The vault's own config: a regular file only (a FIFO or a link to
    // /dev/zero there must not hang kb); --config may be a pipe.
    auto content = fs().read_with_stat(".kb.yaml");
    text = content ? Expected<std::string>(std::move(content->bytes))
                   : Expected<std::string>::failure(content.error());
    config_file_ = ".kb.yaml";
  }
  Diagnostics warnings;
  if (text) {
    auto loaded = text->ok() ? model::load_config(**text, config_file_, warnings)
                             : Expected<model::Conventions>::failure(text->error());
    if (!loaded) {
      if (!globals_.quiet) {
        for (const auto& d : warnings) warn(d);
      }
      Diagnostic d = loaded.error();
      d.path = config_file_;
      config_failure_ = failure(kUsage, d);
      return Expected<const model::Conventions*, Failure>::failure(*config_failure_);
    }
    conventions_.emplace(std::move(*loaded));
  } else {
    conventions_.emplace();
  }
  // What Obsidian's own settings keep out of the people graph, after .kb.yaml's globs.
  const model::Exclusions obsidian = model::read_obsidian_exclusions(fs(), warnings);
  for (const auto& rule : obsidian.rules()) conventions_->exclusions.add(rule);
  if (!globals_.quiet) {
    for (const auto& d : warnings) warn(d);
  }
  read_tasks_settings(*conventions_);
  conventions_->tasks.clock = date_clock();
  return &*conventions_;
}

// The Tasks plugin's settings, from the vault (whichever config file is in
// use), under the config's `tasks:` section: a settings file kb cannot read
// warns and leaves the defaults.
void Context::read_tasks_settings(model::Conventions& conventions) {
  Diagnostics warnings;
  model::read_vault_tasks_settings(fs(), conventions, warnings);
  if (!globals_.quiet) {
    for (auto& d : warnings) {
      d.unread = false;
      warn(d);
    }
  }
}

Expected<model::Vault*, Failure> Context::vault() {
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
  // The retry after a note changed under kb reads every note from its bytes,
  // so that no second change can stop it.
  options.cache_entries = !read_everything_;
  if (!globals_.no_cache) {
    if (auto dir = io::cache_dir_for(vault_root())) {
      if (!cache_) {
        io::sweep_stale_temp_files(dir->folder);  // left by a kb stopped while writing the cache
        // "Last used" for kb cache; and, once a day, the folders of vaults
        // nobody used for a month go (best effort, silent).
        io::mark_cache_used(*dir);
        io::auto_prune_cache(dir->root, dir->folder);
        cache_.emplace(dir->folder, kParseCacheFile);
      }
      options.cache = &*cache_;
      options.vault_id = dir->vault_path;
    }
  }
  auto loaded = model::load_vault(fs(), *conventions, options);
  if (!loaded) {
    load_failure_ = failure(kUsage, loaded.error());
    return Expected<model::Vault*, Failure>::failure(*load_failure_);
  }
  vault_.emplace(std::move(*loaded));
  cache_vault_id_ = options.vault_id;
  if (!globals_.quiet) {
    // A second read (the retry) repeats none of the first one's warnings.
    const std::set<std::string> printed = std::move(warned_);
    warned_.clear();
    std::size_t hidden = 0;
    for (const Diagnostic& d : vault_->diagnostics) {
      std::string line = format_diagnostic(d);
      if (printed.count(line)) continue;
      if (warnings_shown_ == kMaxWarnings) {
        ++hidden;
        continue;
      }
      ++warnings_shown_;
      error(line);
      warned_.insert(std::move(line));
    }
    if (hidden > 0 && !hid_warnings_) {
      error(fmt::format("{} more warnings not shown (kb check lists them all; -q hides them)",
                        hidden));
    }
    hid_warnings_ = hid_warnings_ || hidden > 0;
    warned_.insert(printed.begin(), printed.end());
  }
  return &*vault_;
}

void Context::save_parse_cache() {
  if (!vault_ || !cache_) return;
  std::fflush(stdout);  // the answer first: nothing the user waits for depends on the cache
  model::save_parse_cache(*vault_, *cache_, cache_vault_id_);
}

std::optional<Failure> Context::read_bodies(const std::vector<model::NoteId>& ids) {
  auto failures = vault_->read_bodies(ids);
  if (failures.empty()) return std::nullopt;
  retry_wanted_ = true;
  return failure(kNotFound, failures.front());
}

void Context::reload() {
  vault_.reset();
  load_failure_.reset();
  retry_wanted_ = false;
  read_everything_ = true;
}

text::Date Context::today() const {
  if (auto date = text::parse_iso_date(globals_.today)) return *date;
  std::tm local{};
  localtime_r(&started_, &local);
  return text::Date{local.tm_year + 1900, local.tm_mon + 1, local.tm_mday};
}

tasks::DateClock Context::date_clock() const {
  // The plugin's chrono reads dates from the moment the query runs, in the
  // machine's zone; --today names a day, read at 12:00 (reproducible).
  tasks::DateClock clock;
  clock.utc_offset_minutes = std::nullopt;
  clock.reading_day = today();
  if (text::parse_iso_date(globals_.today)) return clock;
  std::tm local{};
  localtime_r(&started_, &local);
  clock.time_of_day_ms = ((local.tm_hour * 60LL + local.tm_min) * 60 + local.tm_sec) * 1000;
  return clock;
}

output::Style Context::style() const {
  output::Style style;
  if (globals_.color == "always") {
    style.color = true;
  } else if (globals_.color == "auto") {
    const char* no_color = std::getenv("NO_COLOR");
    style.color = globals_.terminal && !(no_color && *no_color);
  }
  return style;
}

}  // namespace kb::cli
