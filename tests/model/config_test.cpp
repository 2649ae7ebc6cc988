#include "kb/model/config.hpp"

#include <catch2/catch.hpp>

using kb::Diagnostics;
using kb::format_diagnostic;
using kb::model::Conventions;
using kb::model::load_config;
using Strings = std::vector<std::string>;

namespace {

Conventions load_ok(std::string_view yaml, Diagnostics& warnings) {
  auto loaded = load_config(yaml, ".kb.yaml", warnings);
  REQUIRE(loaded.ok());
  return std::move(*loaded);
}

// The error a bad config fails with, as the CLI prints it (after "kb: ").
std::string failure(std::string_view yaml) {
  Diagnostics warnings;
  auto loaded = load_config(yaml, ".kb.yaml", warnings);
  REQUIRE_FALSE(loaded.ok());
  CHECK(loaded.error().severity == kb::Severity::Error);
  return format_diagnostic(loaded.error());
}

std::string origin(const Conventions& c, const std::string& key) {
  auto it = c.origins.find(key);
  return it == c.origins.end() ? "default" : it->second;
}

}  // namespace

TEST_CASE("an empty config is the defaults", "[config]") {
  Diagnostics warnings;
  const Conventions c = load_ok("# nothing yet\n", warnings);
  CHECK(warnings.empty());
  CHECK(c.person.types == Strings{"people", "person"});
  CHECK(c.person.categories == Strings{"People"});
  CHECK(c.participant_keys == Strings{"participants", "attendees", "people"});
  CHECK(c.context_template == "- {date}: {link} - {summary} (via {via})");
  CHECK(c.summary_length == 100);
  CHECK(c.origins.empty());
  CHECK(load_ok("", warnings).origins.empty());
}

TEST_CASE("every key is read, with the line it came from", "[config]") {
  const std::string yaml =
      "# every key\n"                            // 1
      "person:\n"                                // 2
      "  types: [contact]\n"                     // 3
      "  tags:\n"                                // 4
      "    - \"#contact\"\n"                     // 5
      "    - crm/person\n"                       // 6
      "  categories: \"[[Contacts]]\"\n"         // 7
      "  folders: [Contacts, Areas/People]\n"    // 8
      "customer:\n"                              // 9
      "  types: client\n"                        // 10
      "  tags: []\n"                             // 11
      "  categories: [[Clients]]\n"              // 12
      "  folders:\n"                             // 13
      "project:\n"                               // 14
      "  types: [initiative]\n"                  // 15
      "  tags: [initiative]\n"                   // 16
      "  categories: [Initiatives]\n"            // 17
      "  folders: [Initiatives]\n"               // 18
      "meeting:\n"                               // 19
      "  types: [call]\n"                        // 20
      "  tags: [call]\n"                         // 21
      "  categories: [Calls]\n"                  // 22
      "  folders: [Calls]\n"                     // 23
      "source:\n"                                // 24
      "  types: [clip]\n"                        // 25
      "  tags: [clip]\n"                         // 26
      "  categories: [Clips]\n"                  // 27
      "  folders: [Clips]\n"                     // 28
      "participant_keys: [with]\n"               // 29
      "participant_headings: Present\n"          // 30
      "date_keys: [when, day]\n"                 // 31
      "recent_context_heading: Interactions\n"   // 32
      "open_tasks_heading: To do\n"              // 33
      "context_template: \"* {date} {link}\"\n"  // 34
      "summary_length: 60\n"                     // 35
      "exclude: [Archive/]\n";                   // 36
  Diagnostics warnings;
  const Conventions c = load_ok(yaml, warnings);
  CHECK(warnings.empty());
  CHECK(c.person.types == Strings{"contact"});
  CHECK(c.person.tags == Strings{"#contact", "crm/person"});
  CHECK(c.person.categories == Strings{"[[Contacts]]"});
  CHECK(c.person.folders == Strings{"Contacts", "Areas/People"});
  CHECK(c.customer.types == Strings{"client"});
  CHECK(c.customer.tags.empty());
  CHECK(c.customer.categories == Strings{"[[Clients]]"});  // unquoted [[...]] is a list in a list
  CHECK(c.customer.folders.empty());
  CHECK(c.project.types == Strings{"initiative"});
  CHECK(c.project.folders == Strings{"Initiatives"});
  CHECK(c.meeting.tags == Strings{"call"});
  CHECK(c.meeting.categories == Strings{"Calls"});
  CHECK(c.source.types == Strings{"clip"});
  CHECK(c.source.folders == Strings{"Clips"});
  CHECK(c.participant_keys == Strings{"with"});
  CHECK(c.participant_headings == Strings{"Present"});
  CHECK(c.date_keys == Strings{"when", "day"});
  CHECK(c.recent_context_heading == "Interactions");
  CHECK(c.open_tasks_heading == "To do");
  CHECK(c.context_template == "* {date} {link}");
  CHECK(c.summary_length == 60);

  CHECK(origin(c, "person.types") == ".kb.yaml:3");
  CHECK(origin(c, "person.tags") == ".kb.yaml:4");  // the key's line, not the first item's
  CHECK(origin(c, "person.categories") == ".kb.yaml:7");
  CHECK(origin(c, "customer.folders") == ".kb.yaml:13");
  CHECK(origin(c, "meeting.types") == ".kb.yaml:20");
  CHECK(origin(c, "source.folders") == ".kb.yaml:28");
  CHECK(origin(c, "participant_headings") == ".kb.yaml:30");
  CHECK(origin(c, "context_template") == ".kb.yaml:34");
  CHECK(origin(c, "summary_length") == ".kb.yaml:35");
  CHECK(origin(c, "exclude") == ".kb.yaml:36");
  CHECK(c.exclude == Strings{"Archive/"});
  CHECK(c.origins.size() == 28);

  const auto settings = kb::model::settings_in_effect(c);
  REQUIRE(settings.size() == 28);
  CHECK(settings[1].key == "person.tags");
  CHECK(settings[1].is_list);
  CHECK(settings[1].values == Strings{"#contact", "crm/person"});
  CHECK(settings[1].origin == ".kb.yaml:4");
  CHECK(settings[23].key == "exclude");
  CHECK(settings[23].values == Strings{"Archive/"});
  CHECK(settings.back().key == "summary_length");
  CHECK_FALSE(settings.back().is_list);
  CHECK(settings.back().values == Strings{"60"});
}

TEST_CASE("settings not in the file keep their defaults and say so", "[config]") {
  Diagnostics warnings;
  const Conventions c = load_ok("person:\n  tags: contact\n", warnings);
  CHECK(c.person.tags == Strings{"contact"});
  CHECK(c.person.types == Strings{"people", "person"});
  const auto settings = kb::model::settings_in_effect(c);
  CHECK(settings[0].key == "person.types");
  CHECK(settings[0].origin == "default");
  CHECK(settings[1].origin == ".kb.yaml:2");
  CHECK(settings[20].key == "participant_keys");
  CHECK(settings[23].key == "exclude");
  CHECK(settings[23].values.empty());
  CHECK(settings[27].values == Strings{"100"});
}

TEST_CASE("unknown and duplicate keys are warnings with file and line", "[config]") {
  Diagnostics warnings;
  const Conventions c = load_ok(
      "summary_length: 80\n"
      "# people are contacts here\n"
      "peple:\n"
      "  tags: [x]\n"
      "person:\n"
      "  tagz: [x]\n"
      "  tags: [a]\n"
      "  tags: [b]\n"
      "summary_length: 90\n",
      warnings);
  REQUIRE(warnings.size() == 4);
  CHECK(format_diagnostic(warnings[0]) == ".kb.yaml:9: duplicate key 'summary_length'");
  CHECK(format_diagnostic(warnings[1]) == ".kb.yaml:3: unknown key 'peple'");
  CHECK(format_diagnostic(warnings[2]) == ".kb.yaml:6: unknown key 'person.tagz'");
  CHECK(format_diagnostic(warnings[3]) == ".kb.yaml:8: duplicate key 'person.tags'");
  CHECK(warnings[1].severity == kb::Severity::Warning);
  // The first value stays, as in front-matter.
  CHECK(c.summary_length == 80);
  CHECK(c.person.tags == Strings{"a"});
}

TEST_CASE("a bad value fails with file, line and what is wrong", "[config]") {
  CHECK(failure("summary_length: long\n") ==
        ".kb.yaml:1: 'summary_length' must be a whole number from 1 to 10000, not 'long'");
  CHECK(failure("\nsummary_length: 0\n") ==
        ".kb.yaml:2: 'summary_length' must be a whole number from 1 to 10000, not '0'");
  CHECK(failure("summary_length: 10001\n") ==
        ".kb.yaml:1: 'summary_length' must be a whole number from 1 to 10000, not '10001'");
  CHECK(failure("summary_length: [1]\n") ==
        ".kb.yaml:1: 'summary_length' must be a whole number from 1 to 10000");
  CHECK(failure("person: [people]\n") ==
        ".kb.yaml:1: 'person' must be a map of types, tags, categories and folders");
  CHECK(failure("person:\n  tags: {a: b}\n") ==
        ".kb.yaml:2: 'person.tags' must be a string or a list of strings");
  CHECK(failure("date_keys:\n  - date\n  - [a, b]\n") ==
        ".kb.yaml:3: 'date_keys' must be a string or a list of strings");
  CHECK(failure("date_keys: [date, '']\n") == ".kb.yaml:1: 'date_keys' has an empty entry");
  CHECK(failure("recent_context_heading: '## Recent'\n") ==
        ".kb.yaml:1: 'recent_context_heading' is the heading's text, without '#'");
  CHECK(failure("open_tasks_heading: ''\n") ==
        ".kb.yaml:1: 'open_tasks_heading' must be one line of text");
  CHECK(failure("open_tasks_heading: [a]\n") ==
        ".kb.yaml:1: 'open_tasks_heading' must be one line of text");
  CHECK(failure("context_template: '- {who}: {link}'\n") ==
        ".kb.yaml:1: 'context_template': unknown placeholder '{who}' (known: {date}, {link}, "
        "{summary}, {via})");
  CHECK(failure("- person\n- meeting\n") == ".kb.yaml:1: the config is not a map of settings");
  const std::string malformed = failure("summary_length: 80\nperson: [a, b\n");
  CHECK(malformed.starts_with(".kb.yaml:"));
  CHECK(malformed.find(": malformed YAML: ") != std::string::npos);
}

TEST_CASE("the path given names the file in every message and origin", "[config]") {
  Diagnostics warnings;
  auto loaded = load_config("x: 1\nsummary_length: 50\n", "conf/kb.yaml", warnings);
  REQUIRE(loaded.ok());
  CHECK(loaded->origins.at("summary_length") == "conf/kb.yaml:2");
  REQUIRE(warnings.size() == 1);
  CHECK(format_diagnostic(warnings[0]) == "conf/kb.yaml:1: unknown key 'x'");
}

TEST_CASE("a UTF-8 BOM and a YAML document marker are fine", "[config]") {
  Diagnostics warnings;
  const Conventions c = load_ok("\xEF\xBB\xBF---\nsummary_length: 70\n", warnings);
  CHECK(warnings.empty());
  CHECK(c.summary_length == 70);
  CHECK(c.origins.at("summary_length") == ".kb.yaml:2");
}
