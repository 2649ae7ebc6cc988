// Loading: list, read and parse every note on all cores, then build the
// vault's indexes on one thread.
#include <algorithm>
#include <atomic>
#include <thread>

#include <fmt/format.h>

#include "kb/model/vault.hpp"

namespace kb::model {

Expected<Vault> load_vault(const io::FileSystem& fs, const Conventions& conventions,
                           const LoadOptions& options) {
  Vault vault;
  vault.conventions = conventions;
  auto listed = fs.list_notes(vault.diagnostics);
  if (!listed) return Expected<Vault>::failure(listed.error());
  const std::vector<std::string>& paths = *listed;

  // Each note is filled by exactly one worker; order stays the walk's order.
  // Notes are parsed in place (no second array of slots): at 100k notes a
  // copy of the array alone is tens of megabytes.
  std::vector<Note> notes(paths.size());
  std::vector<char> loaded(paths.size(), 0);
  std::vector<Diagnostics> slot_diagnostics(paths.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i = next++; i < paths.size(); i = next++) {
      Diagnostics& diagnostics = slot_diagnostics[i];
      auto stat = fs.stat(paths[i]);
      if (!stat) {
        diagnostics.push_back(stat.error());
        continue;
      }
      if (stat->size > options.max_note_bytes) {
        diagnostics.push_back({paths[i], 0,
                               fmt::format("skipped: {} bytes is over the {} byte limit for a note",
                                           stat->size, options.max_note_bytes)});
        continue;
      }
      auto content = fs.read(paths[i]);
      if (!content) {
        diagnostics.push_back(content.error());  // vanished or unreadable: skip, say so
        continue;
      }
      notes[i] = parse_note(paths[i], std::move(*content), conventions, diagnostics);
      notes[i].stat = *stat;
      loaded[i] = 1;
    }
  };
  unsigned threads = options.threads ? options.threads : std::thread::hardware_concurrency();
  threads = std::clamp(threads, 1u, 16u);
  if (paths.size() < 64) threads = 1;
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::system_error&) {
    // No more threads: the ones started and this one finish the work.
  }
  work();
  for (auto& thread : pool) thread.join();

  std::size_t kept = 0;
  for (std::size_t i = 0; i < paths.size(); ++i) {
    for (auto& d : slot_diagnostics[i]) vault.diagnostics.push_back(std::move(d));
    if (!loaded[i]) continue;
    if (kept != i) notes[kept] = std::move(notes[i]);
    ++kept;
  }
  notes.erase(notes.begin() + static_cast<std::ptrdiff_t>(kept), notes.end());
  vault.notes = std::move(notes);
  vault.build();
  return vault;
}

}  // namespace kb::model
