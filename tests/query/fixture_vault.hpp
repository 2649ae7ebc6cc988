#pragma once
// A small vault for the query tests: two people, a customer with a meeting in
// its folder, a loose meeting, a note that only mentions someone, an undated
// note with attendees, and an attachment.
#include <catch2/catch.hpp>
#include <string>

#include "kb/io/fs.hpp"
#include "kb/model/vault.hpp"

namespace kb::testing {

inline io::MemoryFileSystem fixture_fs() {
  io::MemoryFileSystem fs;
  fs.add("People/Ann Lee/Ann Lee.md",
         "---\n"
         "type: people\n"
         "title: Ann Lee\n"
         "aliases: [Annie]\n"
         "last_contact: \"2025-11-10\"\n"
         "---\n"
         "# Ann Lee\n"
         "**Role**: Architect\n"
         "\n"
         "## Open Tasks\n"
         "```tasks\n"
         "path includes Ann Lee\n"
         "not done\n"
         "```\n"
         "\n"
         "## Related\n"
         "- [[Bob Stone]]\n");
  fs.add("People/Ann Lee/2025-11-10 - One on one.md",
         "---\ndate: 2025-11-10\n---\nTalked about [[Acme]] storage.\n- [ ] Send the plan\n");
  fs.add("People/Bob Stone.md",
         "---\ntype: person\nrole: PM\n---\n# Bob Stone\n\n## Open Tasks\n\nNone yet.\n");
  fs.add("Customers/Acme/Acme.md", "---\ntype: customer\n---\n# Acme\n");
  fs.add("Customers/Acme/2025-10-01 - Kickoff.md",
         "---\n"
         "type: meeting\n"
         "participants: [\"[[Ann Lee]]\", Bob Stone, Carol]\n"
         "---\n"
         "Kickoff with Acme.\n"
         "![[diagram.png]] and [[Nowhere]]\n");
  fs.add("Meetings/2025-09-01 - Retro.md", "---\ntype: meeting\n---\nRetro summary line.\n");
  fs.add("Notes/Idea.md", "An idea for Bob Stone.\n");
  fs.add("Notes/Undated sync.md", "---\nattendees: [Annie]\n---\nUndated.\n");
  fs.add("Attachments/diagram.png", "PNG");
  return fs;
}

inline model::Vault load(const io::FileSystem& fs) {
  auto vault = model::load_vault(fs, model::Conventions{});
  REQUIRE(vault.ok());
  return std::move(*vault);
}

inline model::NoteId id_of(const model::Vault& vault, const std::string& path) {
  const model::NoteId id = vault.find_path(path);
  REQUIRE(id >= 0);
  return id;
}

}  // namespace kb::testing
