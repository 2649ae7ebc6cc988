#pragma once
// Path globs as .kb.yaml's `exclude:` writes them, read the way .gitignore
// reads its patterns:
//   `*` any run of characters but '/', `?` one character but '/', `[abc]`,
//   `[a-z]` and `[!a]` one character of a set, `**` as a whole segment any
//   number of folders (none included), `\x` the character x;
//   a pattern holding no '/' but a trailing one matches a file or folder of
//   that name at any depth; any other is anchored at the vault's root (a
//   leading '/' only says so);
//   a trailing '/' matches folders only;
//   a pattern matching a folder matches everything inside it.
// Matching is case-sensitive, as Obsidian's own path filters are.
#include <string>
#include <string_view>

namespace kb::text {

// Why `pattern` is not a glob kb can use ("" when it is): empty, a '!'
// negation (not supported), a '[' never closed, a ".." segment.
std::string glob_problem(std::string_view pattern);

// True when `path` (vault-relative, '/'-separated, a file) or one of its
// folders matches `pattern`. A pattern with a problem matches nothing.
bool glob_matches_path(std::string_view pattern, std::string_view path);

}  // namespace kb::text
