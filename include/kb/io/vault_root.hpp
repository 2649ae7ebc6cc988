#pragma once
// Where the vault is when none is named: the nearest folder, from the
// current one up, holding `.obsidian/` (Obsidian's settings folder) or
// `.kb.yaml`, as git finds `.git`. Never the root folder `/`: kb must not
// walk a whole disk because it was started outside any vault.
#include <optional>
#include <string>

namespace kb::io {

struct FoundVault {
  std::string root;    // absolute
  std::string marker;  // ".obsidian/" or ".kb.yaml": what marks it as a vault
};

// Searches `start` (an absolute folder) and each folder above it.
std::optional<FoundVault> find_vault_root(const std::string& start);

// The absolute current working folder ("" when it cannot be read).
std::string current_folder();

// `path` (relative to the current folder, or absolute) as a path relative to
// `vault_root`, when it names an existing file inside the vault: how a note
// given by the shell's file-name completion in a subfolder is found.
std::optional<std::string> path_in_vault(const std::string& vault_root, const std::string& path);

}  // namespace kb::io
