// kb cache: the parse-cache folders kb keeps outside the vaults, one per
// vault path ever used, and `kb cache prune` to remove the stale ones.
#include <fmt/format.h>

#include <ctime>

#include "kb/io/cache_folders.hpp"
#include "list_output.hpp"
#include "verbs.hpp"

namespace kb::cli {

namespace {

struct CacheOptions {
  std::string action;  // "" (list) or "prune"
  bool all = false, dry_run = false;
  ListFlags flags;
};

// 1536 -> "1.5K", as du -h writes sizes.
std::string human_size(std::uint64_t bytes) {
  const char* units = "KMGT";
  if (bytes < 1024) return fmt::format("{}B", bytes);
  double size = static_cast<double>(bytes);
  std::size_t unit = 0;
  for (size /= 1024; size >= 1024 && unit < 3; size /= 1024) ++unit;
  return size < 10 ? fmt::format("{:.1f}{}", size, units[unit])
                   : fmt::format("{:.0f}{}", size, units[unit]);
}

std::string utc_time(std::int64_t seconds) {
  const auto t = static_cast<std::time_t>(seconds);
  std::tm utc{};
  gmtime_r(&t, &utc);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}Z", utc.tm_year + 1900, utc.tm_mon + 1,
                     utc.tm_mday, utc.tm_hour, utc.tm_min, utc.tm_sec);
}

nlohmann::json row(const io::CacheFolder& folder, std::int64_t now) {
  nlohmann::json exists = nullptr;
  if (folder.vault_state != io::VaultState::Unknown) {
    exists = folder.vault_state == io::VaultState::Exists;
  }
  nlohmann::json stale = nullptr;
  switch (io::staleness(folder, now)) {
    case io::Staleness::VaultGone:
      stale = "vault gone";
      break;
    case io::Staleness::Unused:
      stale = fmt::format("unused {} days", (now - folder.used) / 86400);
      break;
    case io::Staleness::None:
      break;
  }
  return {{"vault", string_or_null(folder.vault)},
          {"vault_exists", exists},
          {"size", human_size(folder.bytes)},
          {"bytes", folder.bytes},
          {"last_used", utc_time(folder.used)},
          {"stale", stale},
          {"folder", folder.path}};
}

output::Table cache_table() {
  return output::Table(
      {{"vault", "1"}, {"vault_exists"}, {"size"}, {"last_used"}, {"stale"}, {"folder", "2"}},
      "folder");
}

Outcome prune(const CacheOptions& options, const std::string& root,
              const std::vector<io::CacheFolder>& folders, std::int64_t now, Context& context) {
  output::Table table = cache_table();
  std::uint64_t bytes = 0;
  int exit = kOk;
  for (const io::CacheFolder& folder : folders) {
    if (!options.all && io::staleness(folder, now) == io::Staleness::None) continue;
    if (!options.dry_run) {
      if (const auto failed = io::remove_cache_folder(root, folder.name)) {
        warn(*failed);
        exit = kNotFound;
        continue;
      }
    }
    table.add(row(folder, now));
    bytes += folder.bytes;
  }
  print_table(table, options.flags, context);
  if (!context.globals().quiet) {
    const std::size_t n = table.rows().size();
    error(fmt::format("{} {} cache folder{} ({})", options.dry_run ? "would remove" : "removed", n,
                      n == 1 ? "" : "s", human_size(bytes)));
  }
  return exit;
}

}  // namespace

Runner define_cache(CLI::App& sub) {
  auto options = std::make_shared<CacheOptions>();
  sub.add_option("ACTION", options->action, "prune: remove the stale cache folders")
      ->type_name("ACTION")
      ->check(CLI::IsMember({"prune"}));
  sub.add_flag("--all", options->all, "With prune: remove every cache folder, stale or not");
  sub.add_flag("-n,--dry-run", options->dry_run,
               "With prune: list what would be removed, remove nothing");
  add_list_flags(sub, options->flags, "the cache folder paths");
  sub.footer(R"(kb keeps a parse cache per vault in $XDG_CACHE_HOME/kb/<hash>/ (else
~/.cache/kb/), never in the vault; --no-cache bypasses it. 'kb cache' lists
these folders; a folder is stale when its vault is gone or no run used it for
30 days. 'kb cache prune' removes the stale ones (--all: every one; a cache is
only ever a saving, the next run rebuilds it), and normal runs remove folders
unused for 30 days by themselves, at most once a day. Only folders kb made are
touched: a folder holding anything else, or a symbolic link, is left alone.
Fields: vault (null when an older kb wrote the folder), vault_exists, size,
bytes, last_used (UTC), stale (null, "vault gone" or "unused N days"), folder.

Examples:
  kb cache
  kb cache --json | jq -r '.[] | select(.stale != null) | .folder'
  kb cache prune --dry-run
  kb cache prune)");
  return [options](Context& context) -> Outcome {
    if (options->action.empty() && (options->all || options->dry_run)) {
      return Failure{kUsage, "--all and --dry-run go with 'kb cache prune'"};
    }
    const auto root = io::cache_root();
    if (!root) {
      return Failure{kUsage,
                     "no cache folder: neither XDG_CACHE_HOME nor HOME is an absolute path"};
    }
    const auto folders = io::list_cache_folders(*root);
    if (!folders) return failure(kNotFound, folders.error());
    const auto now = static_cast<std::int64_t>(std::time(nullptr));
    if (options->action == "prune") return prune(*options, *root, *folders, now, context);
    output::Table table = cache_table();
    for (const io::CacheFolder& folder : *folders) table.add(row(folder, now));
    print_table(table, options->flags, context);
    return kOk;
  };
}

}  // namespace kb::cli
