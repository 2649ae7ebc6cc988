#include "kb/query/check.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <unordered_map>

#include "kb/query/person.hpp"
#include "kb/tasks/query.hpp"
#include "kb/text/unicode.hpp"

namespace kb::query {

namespace {

using model::NoteId;

std::string_view without_md(std::string_view path) {
  if (path.ends_with(".md")) path.remove_suffix(3);
  return path;
}

std::string_view last_component(std::string_view path) {
  const std::size_t slash = path.rfind('/');
  return slash == std::string_view::npos ? path : path.substr(slash + 1);
}

std::string load_check(const Diagnostic& d) {
  if (d.message.starts_with("duplicate front-matter key")) return "duplicate-key";
  if (d.message.find("front-matter") != std::string::npos) return "front-matter";
  return "load";
}

// What Obsidian does not do but a reader might expect: match a link to a note
// ignoring accents, or to a note's alias.
class NearMisses {
 public:
  explicit NearMisses(const model::Vault& vault) : vault_(vault) {
    for (NoteId id = 0; id < static_cast<NoteId>(vault.notes.size()); ++id) {
      const model::NoteSummary& note = vault.notes[id];
      by_stem_[text::fold_name(note.stem())].push_back(id);
      for (const auto& alias : note.aliases) by_alias_[text::fold_name(alias)].push_back(id);
    }
  }

  // The note whose path differs from the link path only in accents (and case).
  NoteId accent_match(std::string_view link_path) const {
    const std::string folded = text::fold_name(link_path);
    const auto it = by_stem_.find(std::string(last_component(folded)));
    if (it == by_stem_.end()) return -1;
    const std::string suffix = "/" + folded;
    for (NoteId id : it->second) {
      const std::string path = text::fold_name(without_md(vault_.notes[id].path));
      if (path == folded || path.ends_with(suffix)) return id;
    }
    return -1;
  }

  NoteId alias_match(std::string_view link_path) const {
    const auto it = by_alias_.find(text::fold_name(link_path));
    return it == by_alias_.end() ? -1 : it->second.front();
  }

 private:
  const model::Vault& vault_;
  std::unordered_map<std::string, std::vector<NoteId>> by_stem_;
  std::unordered_map<std::string, std::vector<NoteId>> by_alias_;
};

void check_links(const model::Vault& vault, const AttachmentIndex& attachments,
                 std::vector<Problem>& problems) {
  const NearMisses near(vault);
  for (NoteId id = 0; id < static_cast<NoteId>(vault.notes.size()); ++id) {
    if (vault.notes[id].excluded_by >= 0) continue;  // templates link to {{placeholders}}
    for (const auto& link : outgoing_links(vault, id, attachments)) {
      if (link.resolved()) continue;
      const std::string written = "link [[" + std::string(link.target) + "]]";
      Problem problem{std::string(vault.notes[id].path), link.line, "broken-link", {}};
      if (const NoteId accent = near.accent_match(link.link_path); accent >= 0) {
        problem.check = "accent-link";
        problem.message = written + " differs from '" + std::string(vault.notes[accent].stem()) +
                          "' only in accents; Obsidian leaves it unresolved";
      } else if (const NoteId alias = near.alias_match(link.link_path); alias >= 0) {
        problem.check = "alias-link";
        problem.message =
            written + " matches only an alias of '" + std::string(vault.notes[alias].name) +
            "'; Obsidian resolves links by file name: write [[" +
            std::string(vault.notes[alias].stem()) + "|" + std::string(link.link_path) + "]]";
      } else {
        problem.message = written + " resolves to no note or file";
      }
      problems.push_back(std::move(problem));
    }
  }
}

// Names (title, file stem, aliases) that `kb person`/`kb show` cannot tell apart.
void check_names(const model::Vault& vault, std::vector<Problem>& problems) {
  std::map<std::string, std::set<NoteId>> by_name;
  std::map<std::string, std::string> shown;  // folded -> as first written
  for (NoteId id = 0; id < static_cast<NoteId>(vault.notes.size()); ++id) {
    const model::NoteSummary& note = vault.notes[id];
    if (!model::is_entity(note.kind)) continue;
    auto add = [&](std::string_view name) {
      const std::string folded = text::fold_name(name);
      by_name[folded].insert(id);
      shown.emplace(folded, name);
    };
    add(note.name);
    add(note.stem());
    for (const auto& alias : note.aliases) add(alias);
  }
  std::set<std::set<NoteId>> reported;
  for (const auto& [folded, ids] : by_name) {
    if (ids.size() < 2 || !reported.insert(ids).second) continue;
    for (NoteId id : ids) {
      std::string others;
      for (NoteId other : ids) {
        if (other == id) continue;
        if (!others.empty()) others += ", ";
        others += std::string(vault.notes[other].path) + " (" +
                  std::string(model::kind_name(vault.notes[other].kind)) + ")";
      }
      problems.push_back({std::string(vault.notes[id].path), 1, "duplicate-name",
                          "name '" + shown[folded] + "' also names " + others +
                              "; kb cannot tell them apart by that name"});
    }
  }
}

void check_tasks_blocks(const model::Vault& vault, std::vector<Problem>& problems) {
  for (const model::NoteId id : vault.people()) {
    const model::NoteSummary& note = vault.notes[id];
    const auto read = vault.body(id);
    if (!read) {
      problems.push_back({std::string(note.path), 0, "load", read.error().message});
      continue;
    }
    const model::NoteBody& body = **read;
    if (!body.scan.task_queries.empty()) {
      // The block kb runs, read as Obsidian reads it: the vault's Tasks
      // settings and this note for its placeholders.
      const text::QueryBlock& block = body.scan.task_queries.front();
      const auto query =
          tasks::TasksQuery::parse(block.query, block.line + 1, query_context(vault, note, &body));
      if (!query) {
        // A bad global query is reported at each block it breaks.
        const Diagnostic d = located_query_error(vault, note, query.error(), false);
        problems.push_back({std::string(note.path),
                            d.path == note.path && d.line > 0 ? d.line : block.line, "tasks-query",
                            d.message + " (kb person and kb regen fail on it)"});
      }
      continue;
    }
    int line = 1;
    for (const auto& heading : body.scan.headings) {
      if (text::fold_case(heading.text) == text::fold_case(vault.conventions.open_tasks_heading)) {
        line = heading.line;
        break;
      }
    }
    problems.push_back({std::string(note.path), line, "no-tasks-block",
                        "person note has no ```tasks block; kb uses the default query"});
  }
}

}  // namespace

std::vector<Problem> check_vault(const model::Vault& vault, const AttachmentIndex& attachments) {
  std::vector<Problem> problems;
  for (const auto& d : vault.diagnostics)
    problems.push_back({d.path, d.line, load_check(d), d.message});
  check_links(vault, attachments, problems);
  check_names(vault, problems);
  check_tasks_blocks(vault, problems);
  std::stable_sort(problems.begin(), problems.end(), [](const Problem& a, const Problem& b) {
    if (a.path != b.path) return a.path < b.path;
    return a.line < b.line;
  });
  return problems;
}

}  // namespace kb::query
