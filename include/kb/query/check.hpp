#pragma once
// `kb check`: a linter for the vault. Finds what makes kb or Obsidian read a
// vault differently from what its author meant.
#include <string>
#include <vector>

#include "kb/model/vault.hpp"
#include "kb/query/links.hpp"

namespace kb::query {

struct Problem {
  std::string path;  // vault-relative; "" when about the vault as a whole
  int line = 0;      // 1-based; 0 when the whole file is meant
  // "front-matter", "duplicate-key", "load", "broken-link", "alias-link",
  // "accent-link", "duplicate-name", "no-tasks-block"
  std::string check;
  std::string message;
};

// Every problem, by path then line: the vault's load diagnostics (front-matter
// errors, duplicate keys, unreadable or skipped notes), links Obsidian leaves
// unresolved, names shared by entities, person notes without a ```tasks block.
std::vector<Problem> check_vault(const model::Vault& vault, const AttachmentIndex& attachments);

}  // namespace kb::query
