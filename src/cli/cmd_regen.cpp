// kb regen: rewrite Recent Context, Open Tasks and last_contact in person
// notes, in place, atomically, and only when the bytes differ.
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <iostream>
#include <iterator>
#include <optional>
#include <set>

#include "kb/edit/person_sections.hpp"
#include "kb/edit/unified_diff.hpp"
#include "kb/output/table.hpp"
#include "kb/util/parallel.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

namespace {

struct Options {
  std::vector<std::string> names;
  bool all = false;
  bool dry_run = false;
  bool diff = false;
  bool check = false;
  bool force = false;
  bool allow_partial = false;
  // The names, once read (stdin is read once, though the verb may run twice).
  std::optional<std::vector<std::string>> collected;
};

struct Tally {
  int updated = 0, unchanged = 0;
  std::vector<std::string> failed;  // the notes refused or not written

  // "3 updated, 1 unchanged, 2 failed (People/A.md, People/B.md)"
  std::string summary(const char* verb) const {
    std::string out =
        fmt::format("{} {}, {} unchanged, {} failed", updated, verb, unchanged, failed.size());
    if (!failed.empty()) out += " (" + some_of(failed) + ")";
    return out;
  }
  static std::string some_of(const std::vector<std::string>& paths) {
    constexpr std::size_t kShown = 5;
    std::string out;
    for (std::size_t i = 0; i < paths.size() && i < kShown; ++i) {
      out += (i ? ", " : "") + printable(paths[i]);
    }
    if (paths.size() > kShown) out += fmt::format(", and {} more", paths.size() - kShown);
    return out;
  }
};

// What of the vault could not be read (Diagnostic::unread): the notes and
// folders whose meetings and tasks a rewrite would silently lose.
std::vector<std::string> unread_parts(const model::Vault& vault) {
  std::vector<std::string> parts;
  for (const Diagnostic& d : vault.diagnostics) {
    if (d.unread) parts.push_back(d.path.empty() ? std::string("the vault folder") : d.path);
  }
  return parts;
}

// Names from the arguments; "-" reads more from stdin: NUL-terminated when
// the input holds a NUL byte (`kb people -0`), else one a line as a TSV field
// (`kb people --tsv --no-header | cut -f1`: "\\t", "\\n", "\\\\" unescaped).
std::vector<std::string> collect_names(const std::vector<std::string>& args) {
  std::vector<std::string> names;
  for (const auto& arg : args) {
    if (arg != "-") {
      names.push_back(arg);
      continue;
    }
    const std::string input(std::istreambuf_iterator<char>(std::cin), {});
    const bool nul = input.find('\0') != std::string::npos;
    std::size_t start = 0;
    while (start < input.size()) {
      std::size_t end = input.find(nul ? '\0' : '\n', start);
      if (end == std::string::npos) end = input.size();
      std::string name = input.substr(start, end - start);
      start = end + 1;
      if (!nul) {
        if (!name.empty() && name.back() == '\r') name.pop_back();
        name = output::unescape_tsv(name);
      }
      if (name.find_first_not_of(" \t") != std::string::npos) names.push_back(std::move(name));
    }
  }
  return names;
}

// Shows "kb: regen 120/5000" on a terminal, at most a hundred times.
class Progress {
 public:
  Progress(std::size_t total, bool enabled) : total_(total), enabled_(enabled && total > 50) {}
  void tick(std::size_t done) {
    if (!enabled_ || (done * 100 / total_ == last_ && done != total_)) return;
    last_ = done * 100 / total_;
    try {
      fmt::print(stderr, "\rkb: regen {}/{}", done, total_);
      if (done == total_) fmt::print(stderr, "\r\x1b[K");
    } catch (const std::exception&) {
      enabled_ = false;  // the terminal went away; the notes still get written
    }
  }

 private:
  std::size_t total_;
  bool enabled_;
  std::size_t last_ = 101;
};

// Temporary files an interrupted kb left (a SIGKILL, a power cut) in the
// folders regen writes: removed once older than io::kStaleTempAge.
void sweep_temp_files(Context& context, const model::Vault& vault,
                      const std::vector<model::NoteId>& people) {
  std::set<std::string_view> folders;
  for (const model::NoteId id : people) folders.insert(vault.notes[id].folder());
  for (const std::string_view folder : folders) {
    for (const std::string& path : context.fs().sweep_stale_temp_files(std::string(folder))) {
      if (!context.globals().quiet) {
        warn({path, 0, "removed a temporary file an interrupted kb left behind"});
      }
    }
  }
}

// regen's refusal to write from a partial read.
Failure partial_read(const std::vector<std::string>& unread) {
  return Failure{kNotFound,
                 fmt::format("regen: nothing written: {} could not be read ({}); regenerating "
                             "without {} would drop what {} ({} writes anyway)",
                             unread.size() == 1 ? "a note or folder" : "notes or folders",
                             Tally::some_of(unread), unread.size() == 1 ? "it" : "them",
                             unread.size() == 1 ? "it holds" : "they hold", "--allow-partial")};
}

Outcome run_regen(Options& options, Context& context) {
  if (options.all == !options.names.empty()) {
    return Failure{kUsage, "regen: give NAME... (or - to read names from stdin), or --all"};
  }
  auto loaded = context.vault();
  if (!loaded) return loaded.error();
  model::Vault* vault = *loaded;
  // A rewrite from a partial read would drop what the unread part holds
  // (Recent Context entries, tasks) and move last_contact back.
  const std::vector<std::string> unread = unread_parts(*vault);
  if (!unread.empty() && !options.allow_partial) return partial_read(unread);

  int exit_code = kOk;
  std::vector<model::NoteId> people;
  if (options.all) {
    people = vault->people();
  } else {
    // A name that matches nobody is reported and the others are still done.
    std::set<model::NoteId> seen;
    if (!options.collected) options.collected = collect_names(options.names);
    for (const auto& name : *options.collected) {
      if (auto id = resolve(context, *vault, name, kPersonToWrite)) {
        if (seen.insert(*id).second) people.push_back(*id);
      } else {
        if (!context.retrying()) report(id.error());  // the first run said it
        exit_code = std::max(exit_code, id.error().exit);
      }
    }
  }

  // Read the person notes; the tasks their queries may select come from the
  // other notes' summaries. A person note that changed since kb listed the
  // vault fails the run before anything is written, and run() runs it again
  // on the vault read anew.
  if (auto failed = context.read_bodies(people)) return *failed;
  std::vector<char> shows_tree;
  // Each person's query, parsed once here for its candidates and its view.
  std::vector<std::optional<tasks::TasksQuery>> queries;
  const auto candidates = query::notes_with_candidate_tasks(*vault, people, &shows_tree, &queries);
  // `show tree` draws the lists around the tasks a person's query selects:
  // the notes those may come from are read now, before anything is written.
  std::vector<model::NoteId> tree_notes;
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (shows_tree[i])
      tree_notes.insert(tree_notes.end(), candidates[i].begin(), candidates[i].end());
  }
  if (auto failed = context.read_bodies(tree_notes)) return *failed;
  // Each involved note's context line, rendered and checked (it must read
  // back as a plain line) once for all its people.
  const query::ContextLines context_lines(*vault, people, edit::reads_as_plain_line);
  Tally tally;
  const text::Date today = context.today();
  const bool writing = !options.dry_run && !options.diff && !options.check;
  if (writing) sweep_temp_files(context, *vault, people);
  Progress progress(people.size(), isatty(STDERR_FILENO));
  // People in batches, in order: a batch's tasks (of its people's candidate
  // notes only), views and rewrites on all cores, then what is printed and
  // written, then its texts dropped. Peak memory holds one batch's tasks and
  // new texts, not every person's. Each view sees the same tasks as with one
  // list for everyone: a query narrowed by path reads only its candidates,
  // and one that is not (or that compares tasks with the others) has every
  // note with tasks among its candidates, so its batch's list is the whole.
  const std::size_t batch = std::max<std::size_t>(64, (people.size() + 15) / 16);
  std::vector<char> wanted(vault->notes.size(), 0);
  const std::vector<model::NoteId> all_with_tasks = vault->notes_with_tasks();
  std::optional<tasks::TaskList> all_tasks;
  for (std::size_t first = 0; first < people.size(); first += batch) {
    const std::size_t count = std::min(batch, people.size() - first);
    std::fill(wanted.begin(), wanted.end(), 0);
    for (std::size_t i = first; i < first + count; ++i) {
      for (const model::NoteId id : candidates[i]) wanted[id] = 1;
    }
    std::vector<model::NoteId> with_tasks;
    for (std::size_t id = 0; id < wanted.size(); ++id) {
      if (wanted[id]) with_tasks.push_back(static_cast<model::NoteId>(id));
    }
    // A batch whose people read every note with tasks (a query not narrowed
    // by path) shares one list of them, made once, not once per batch.
    const bool reads_all = with_tasks.size() == all_with_tasks.size();
    std::optional<tasks::TaskList> batch_tasks;
    if (reads_all && !all_tasks) all_tasks.emplace(query::vault_tasks(*vault, all_with_tasks));
    if (!reads_all) batch_tasks.emplace(query::vault_tasks(*vault, with_tasks));
    const tasks::TaskList& tasks = reads_all ? *all_tasks : *batch_tasks;
    // Each person's new text, on all cores (the views and rewrites read the
    // vault and write nothing); then, in order, what is printed and written.
    std::vector<std::optional<Expected<std::string>>> results(count);
    model::Vault::FrozenBodies frozen(*vault);  // the workers read no note
    parallel_for(count, 0, [&](std::size_t k) {
      const std::size_t i = first + k;
      const std::string& text = (*vault->body(people[i]))->text;  // read above
      auto view = query::person_view(*vault, people[i], tasks, today, &candidates[i],
                                     &context_lines, queries[i] ? &*queries[i] : nullptr);
      if (!view) {
        results[k] = Expected<std::string>::failure(view.error());
        return;
      }
      // Its notes' bodies were read above (tree_notes); none is read here,
      // on many threads.
      view->show_tree = view->show_tree && shows_tree[i] != 0;
      if (auto failed = query::add_task_trees(*vault, *view)) {
        results[k] = Expected<std::string>::failure(std::move(*failed));
        return;
      }
      auto rewritten = edit::rewrite_person_note(text, edit::person_sections(*vault, *view));
      if (!rewritten) {
        Diagnostic d = rewritten.error();
        d.path = std::string(vault->notes[people[i]].path);
        results[k] = Expected<std::string>::failure(std::move(d));
        return;
      }
      results[k] = std::move(rewritten);
    });
    frozen.release();
    for (std::size_t k = 0; k < count; ++k) {
      const std::size_t i = first + k;
      progress.tick(i);
      const model::NoteSummary& note = vault->notes[people[i]];
      const std::string& text = (*vault->body(people[i]))->text;
      auto& rewritten = *results[k];
      if (!rewritten) {
        warn(rewritten.error());
        tally.failed.emplace_back(note.path);
        continue;
      }
      if (*rewritten == text) {
        ++tally.unchanged;
        continue;
      }
      if (options.check) {
        fmt::print("{}\n", note.path);
      } else if (options.diff) {
        fmt::print("{}", edit::unified_diff(text, *rewritten, std::string(note.path)));
      } else if (options.dry_run) {
        fmt::print("would update {}\n", note.path);
      }
      if (writing) {
        io::WriteOptions write;
        write.expect = note.stat;
        write.expect_text = text;
        write.force = options.force;
        Diagnostics notices;
        write.notices = &notices;
        auto failure = context.fs().write_atomic(std::string(note.path), *rewritten, write);
        for (const Diagnostic& notice : notices) warn(notice);
        if (failure) {
          if (failure->path.empty()) failure->path = std::string(note.path);
          warn(*failure);
          tally.failed.emplace_back(note.path);
          continue;
        }
      }
      ++tally.updated;
    }
  }
  progress.tick(people.size());
  // A person's Open Tasks may lack tasks a regex of its query gave up on.
  for (std::size_t i = 0; i < people.size(); ++i) {
    if (queries[i])
      warn_given_up(*queries[i], std::string(vault->notes[people[i]].path),
                    context.globals().quiet);
  }

  const char* verb = writing ? "updated" : options.check ? "out of date" : "would update";
  if (!context.globals().quiet) {
    std::string summary = "regen: " + tally.summary(verb);
    if (!unread.empty()) {
      summary += fmt::format("; from a partial read (--allow-partial): {} could not be read",
                             Tally::some_of(unread));
    }
    error(summary);
  }
  if (!tally.failed.empty()) exit_code = std::max<int>(exit_code, kNotFound);
  if (options.check && tally.updated > 0) exit_code = std::max<int>(exit_code, kNotFound);
  return exit_code;
}

}  // namespace

Runner define_regen(CLI::App& sub) {
  auto options = std::make_shared<Options>();
  sub.add_option("NAME", options->names,
                 "People to regenerate (name, alias, [[link]] or path); - reads them from stdin")
      ->type_name("PERSON");
  sub.add_flag("--all", options->all, "Every person note in the vault");
  sub.add_flag("-n,--dry-run", options->dry_run, "Say which notes would change; write nothing");
  sub.add_flag("--diff", options->diff, "Print a unified diff of the changes; write nothing");
  sub.add_flag("--check", options->check,
               "Exit 1 and list the notes that are out of date; write nothing");
  sub.add_flag("--force", options->force,
               "Also write symlinked, read-only and hard-linked notes (breaking the link), and "
               "notes whose owner kb cannot keep");
  sub.add_flag("--allow-partial", options->allow_partial,
               "Write even when a note or folder of the vault could not be read (what it holds "
               "is then missing from the notes written)");
  sub.footer(R"(Only the Recent Context and Open Tasks sections and the last_contact line change;
every other byte of the note stays as it is. A note that changed on disk since
kb read it is left alone. When a note or folder of the vault cannot be read,
nothing is written (exit 1) unless --allow-partial. A second run changes
nothing. NAME is a full name,
alias, [[wikilink]] or path (never a prefix). - reads names from stdin: one a
line as a TSV field (\t \n \\ unescaped), or NUL-terminated paths (kb people -0).

Examples:
  kb regen "Asaf Levy"
  kb regen --all --diff | less
  kb regen --all --check            # in a pre-commit hook: exit 1 when stale
  kb people --tsv --no-header | cut -f1 | kb regen -
  kb people -0 | kb regen -)");
  return [options](Context& context) { return run_regen(*options, context); };
}

}  // namespace kb::cli
