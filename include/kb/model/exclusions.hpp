#pragma once
// What is in the vault but not of its people graph: the templates folder of
// Obsidian's Templates plugin (.obsidian/templates.json `folder`) and of
// Templater (.obsidian/plugins/templater-obsidian/data.json
// `templates_folder`), Obsidian's "Excluded files" (.obsidian/app.json
// `userIgnoreFilters`) and .kb.yaml's `exclude:` globs. An excluded note is
// never an entity, involves no one and is never rewritten; links to it still
// resolve (as in Obsidian), and its tasks still count, because the Tasks
// plugin indexes every Markdown file of the vault (vault.getMarkdownFiles()
// in its src/Obsidian/Cache.ts), excluded or not.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "kb/io/fs.hpp"
#include "kb/tasks/regex.hpp"
#include "kb/util/diagnostic.hpp"

namespace kb::model {

struct Exclusion {
  // How `pattern` is matched against a note's vault path:
  // Folder: the note is inside it, at any depth (templates folders);
  // Prefix: the path starts with it (an Obsidian filter, case-sensitive);
  // Regex: a JavaScript regular expression found in the path (an Obsidian
  //   filter written /.../);
  // Glob: text::glob_matches_path (.kb.yaml).
  enum class Form { Folder, Prefix, Regex, Glob };
  Form form = Form::Folder;
  std::string pattern;  // as written, less a Folder's surrounding slashes
  std::string source;   // where it was read: ".obsidian/templates.json", ".kb.yaml:7"
  std::string reason;   // "templates folder", "Obsidian excluded files", ...
  std::shared_ptr<const tasks::RegexMatcher> regex;  // Form::Regex only

  bool matches(std::string_view path) const;
};

class Exclusions {
 public:
  void add(Exclusion exclusion) { rules_.push_back(std::move(exclusion)); }
  // The first rule that excludes the note at `path`, or null.
  const Exclusion* match(std::string_view path) const;
  // Its index in rules(), or -1.
  int match_index(std::string_view path) const;
  const std::vector<Exclusion>& rules() const { return rules_; }
  bool empty() const { return rules_.empty(); }

 private:
  std::vector<Exclusion> rules_;
};

// The exclusions Obsidian's settings in `.obsidian/` ask for. A missing file
// or key asks for none; a file that is not JSON, or a filter that is not a
// valid regular expression, is a warning naming the file and is left out.
Exclusions read_obsidian_exclusions(const io::FileSystem& fs, Diagnostics& warnings);

// The form of one Obsidian `userIgnoreFilters` entry: "/.../" is a regular
// expression, anything else a path prefix. An invalid regular expression
// gives the compiler's message.
Expected<Exclusion, std::string> obsidian_filter(std::string_view filter);

// Describes a rule for `kb config`: "Templates/ (templates folder,
// .obsidian/templates.json)".
std::string describe(const Exclusion& exclusion);

}  // namespace kb::model
