#include <catch2/catch.hpp>

#include "kb/io/fs.hpp"
#include "kb/output/brief.hpp"

using kb::query::Brief;

namespace {

// Bob's last meeting was 2025-06-10; since then one note mentions him and
// eight of his tasks are overdue.
Brief sample_brief(kb::model::Vault& vault) {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Bob Stone.md",
         "---\ntype: people\n---\n# Bob Stone\n## Key Facts\n- Likes tea.\n  - Green.\n");
  fs.add("Meetings/2025-06-10 - Sync.md",
         "---\ndate: 2025-06-10\nparticipants: [Bob Stone]\nsummary: Weekly sync.\n---\n"
         "- [x] Sent the deck ✅ 2025-06-12\n- [ ] Call Acme ➕ 2025-06-11 📅 2025-06-21\n");
  std::string overdue;
  for (int i = 1; i <= 8; ++i)
    overdue += "- [ ] Late " + std::to_string(i) + " 📅 2025-06-0" + std::to_string(i) + "\n";
  fs.add("Customers/Acme/Acme.md", "---\ntype: customer\n---\n");
  fs.add("Customers/Acme/2025-06-15 - Acme.md",
         "---\ndate: 2025-06-15\nsummary: Acme asked for bob stone.\n---\n" + overdue);
  auto loaded = kb::model::load_vault(fs, kb::model::Conventions{});
  REQUIRE(loaded.ok());
  vault = std::move(*loaded);
  kb::query::BriefOptions options;
  options.today = kb::text::Date{2025, 6, 20};
  auto brief =
      kb::query::make_brief(vault, vault.find_path("People/Bob Stone.md"),
                            kb::query::vault_tasks(vault, vault.notes_with_tasks()), options);
  REQUIRE(brief.ok());
  return std::move(*brief);
}

}  // namespace

TEST_CASE("brief as Markdown: plain bullets, no task checkboxes, no headings", "[brief][md]") {
  kb::model::Vault vault;
  const Brief brief = sample_brief(vault);
  const std::string md = kb::output::brief_markdown(brief);
  CHECK(md.substr(0, md.find("**Overdue**")) ==
        "## Brief: Bob Stone (2025-06-15 .. 2025-06-20)\n"
        "\n"
        "Since the last meeting, [[2025-06-15 - Acme]].\n"
        "\n"
        "**Notes**\n"
        "- 2025-06-15: [[2025-06-15 - Acme]] - Acme asked for bob stone. (via Acme)\n"
        "\n"
        "**New mentions**\n"
        "- 2025-06-15: [[2025-06-15 - Acme]] - Acme asked for bob stone. (via Acme)\n"
        "\n"
        "**Tasks opened**\n"
        "- (none)\n"
        "\n"
        "**Tasks closed**\n"
        "- (none)\n"
        "\n");
  CHECK(md.find("- Late 1 (due 2025-06-01) — [[2025-06-15 - Acme]]\n") != std::string::npos);
  CHECK(md.find("**Due within 7 days**\n- Call Acme (due 2025-06-21) — [[2025-06-10 - Sync]]\n") !=
        std::string::npos);
  CHECK(md.find("**Key Facts**\n- Likes tea.\n  - Green.\n") != std::string::npos);
  CHECK(md.find("**Key Decisions**\n- (none)\n") != std::string::npos);
  CHECK(md.find("[ ]") == std::string::npos);  // pasting must not copy tasks
}

TEST_CASE("brief as text fits a screen: long lists are cut", "[brief][text]") {
  kb::model::Vault vault;
  const Brief brief = sample_brief(vault);
  const std::string text = kb::output::brief_text(brief, kb::output::Style{});
  CHECK(text.rfind("Brief: Bob Stone  People/Bob Stone.md\n"
                   "Span: 2025-06-15 .. 2025-06-20 (since the last meeting, 2025-06-15 - Acme)\n",
                   0) == 0);
  // Each task marked when overdue, and located by a path:line that opens.
  CHECK(text.find("\nOverdue (8)\n  - [ ] Late 1 📅 2025-06-01  OVERDUE  "
                  "Customers/Acme/2025-06-15 - Acme.md:5\n") != std::string::npos);
  CHECK(text.find("Late 6") != std::string::npos);
  CHECK(text.find("Late 7") == std::string::npos);
  CHECK(text.find("  ... 2 more\n") != std::string::npos);
}

TEST_CASE("brief as JSON carries every list in full", "[brief][json]") {
  kb::model::Vault vault;
  const Brief brief = sample_brief(vault);
  const auto j = kb::output::brief_json(brief);
  CHECK(j["since"] == "2025-06-15");
  CHECK(j["today"] == "2025-06-20");
  CHECK(j["span_start"] == "last_meeting");
  CHECK(j["last_meeting"]["path"] == "Customers/Acme/2025-06-15 - Acme.md");
  CHECK(j["notes"][0]["why"] == nlohmann::json{"mentioned"});
  CHECK(j["overdue"].size() == 8);
  CHECK(j["overdue"][0]["due"] == "2025-06-01");
  CHECK(j["due_soon"][0]["text"] == "Call Acme");
  CHECK(j["due_soon"][0]["created"] == "2025-06-11");
  CHECK(j["key_facts"] ==
        nlohmann::json::parse(R"([{"text":"Likes tea.","depth":0},{"text":"Green.","depth":1}])"));
  CHECK(j["tasks_opened"].empty());
}
