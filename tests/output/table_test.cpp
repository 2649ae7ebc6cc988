#include "kb/output/table.hpp"

#include <catch2/catch.hpp>

#include "kb/text/unicode.hpp"

using kb::output::Column;
using kb::output::Format;
using kb::output::Table;
using kb::output::TextOptions;
using nlohmann::json;

namespace {

Table sample() {
  Table table({{"name", "1"}, {"notes"}, {"path", "2", "none"}}, "path");
  table.add(
      {{"name", "Élodie Marchand"}, {"notes", 2}, {"path", "People/Élodie.md"}, {"extra", true}});
  table.add({{"name", "Asaf"}, {"notes", 13}, {"path", nullptr}});
  table.add({{"name", "Tab\there"}, {"notes", 0}, {"path", "A/b\nc.md"}});
  return table;
}

std::string nul_joined(const std::vector<std::string>& values) {
  std::string out;
  for (const auto& v : values) out += v + '\0';
  return out;
}

}  // namespace

TEST_CASE("text aligns columns by code points and pads all but the last", "[table]") {
  const Table table = sample();
  CHECK(table.text({}) ==
        "Élodie Marchand  2   People/Élodie.md\n"
        "Asaf             13  none\n"
        "Tab here         0   A/b c.md\n");
}

TEST_CASE("text heading line and colour are opt-in", "[table]") {
  Table table(std::vector<Column>{{"name", "1"}, {"path", "2"}});
  table.add({{"name", "Ann"}, {"path", "P/Ann.md"}});
  CHECK(table.text({false, true}) == "name  path\nAnn   P/Ann.md\n");
  CHECK(table.text({true, false}) == "\x1b[1mAnn\x1b[0m  \x1b[2mP/Ann.md\x1b[0m\n");
  CHECK(Table({{"name"}}).text({false, true}).empty());  // no heading over nothing
}

TEST_CASE("text fits a width: the widest columns narrow, cells cut after a word", "[table]") {
  Table table(std::vector<Column>{{"date"}, {"path"}, {"summary"}});
  table.add({{"date", "2025-11-10"},
             {"path", "Projects/Phase Gate 1/2025-11-10 - Phase Gate 1 review.md"},
             {"summary", "Implementation review for DataSpaces persistence at Phase Gate 1"}});
  table.add({{"date", "2025-11-07"}, {"path", "Daily/2025-11-07.md"}, {"summary", "short"}});
  const std::string fitted = table.text({false, true, 60});
  CHECK(fitted ==
        "date        path                  summary\n"
        "2025-11-10  Projects/Phase Gate…  Implementation review for…\n"
        "2025-11-07  Daily/2025-11-07.md   short\n");
  for (const auto& line : {fitted.substr(0, fitted.find('\n'))}) CHECK(line.size() <= 60);
  // Every line within the width, whatever the width.
  for (std::size_t width = 20; width <= 140; width += 7) {
    INFO(width);
    std::size_t start = 0;
    const std::string text = table.text({false, true, width});
    while (start < text.size()) {
      const std::size_t end = text.find('\n', start);
      CHECK(kb::text::utf8_length(text.substr(start, end - start)) <=
            std::max<std::size_t>(width, 38));
      start = end + 1;
    }
  }
  // No width: nothing is cut.
  CHECK(table.text({}).find("Phase Gate 1 review.md") != std::string::npos);
}

TEST_CASE("fit_text keeps whole words and marks the cut", "[table]") {
  using kb::output::fit_text;
  CHECK(fit_text("short", 10) == "short");
  CHECK(fit_text("two words here", 10) == "two words…");
  CHECK(fit_text("two words here", 9) == "two…");
  CHECK(fit_text("Élodie Marchand-Roy", 12) == "Élodie…");
  CHECK(fit_text("averyveryverylongword and more", 8) == "averyve…");
  CHECK(fit_text("a, b, c, d", 6) == "a, b…");
  CHECK(fit_text("anything", 0).empty());
}

TEST_CASE("text trims trailing spaces when the last cell is empty", "[table]") {
  Table table(std::vector<Column>{{"name"}, {"role", "", ""}});
  table.add({{"name", "Ann"}, {"role", nullptr}});
  table.add({{"name", "Bo"}, {"role", "CTO"}});
  CHECK(table.text({}) == "Ann\nBo   CTO\n");
}

TEST_CASE("TSV has a header line and escapes tabs, newlines and backslashes", "[table]") {
  const Table table = sample();
  CHECK(table.tsv() ==
        "name\tnotes\tpath\n"
        "Élodie Marchand\t2\tPeople/Élodie.md\n"
        "Asaf\t13\t\n"
        "Tab\\there\t0\tA/b\\nc.md\n");
  CHECK(kb::output::escape_tsv("a\\b\r\n") == "a\\\\b\\r\\n");
  // --no-header: the rows alone.
  kb::output::TextOptions no_header;
  no_header.tsv_header = false;
  CHECK(table.render(kb::output::Format::Tsv, no_header) == table.tsv().substr(16));
  CHECK(table.tsv(false).starts_with("Élodie Marchand\t2\t"));
}

TEST_CASE("unescape_tsv reads back what escape_tsv wrote", "[table]") {
  using kb::output::escape_tsv;
  using kb::output::unescape_tsv;
  for (const std::string field :
       {"", "plain", "a\\b", "tab\there", "\\t literal", "x\r\ny\\", "\\\\\\", "ends with \\"}) {
    INFO(field);
    CHECK(unescape_tsv(escape_tsv(field)) == field);
  }
  // A backslash before any other character is not an escape.
  CHECK(unescape_tsv("C:\\Users\\x") == "C:\\Users\\x");
  CHECK(unescape_tsv("a\\") == "a\\");
}

TEST_CASE("JSON prints whole rows as one array, JSONL one object a line", "[table]") {
  const Table table = sample();
  const json parsed = json::parse(table.json());
  REQUIRE(parsed.is_array());
  REQUIRE(parsed.size() == 3);
  CHECK(parsed[0] == json{{"name", "Élodie Marchand"},
                          {"notes", 2},
                          {"path", "People/Élodie.md"},
                          {"extra", true}});
  CHECK(parsed[1]["path"].is_null());
  CHECK(table.jsonl() ==
        "{\"extra\":true,\"name\":\"Élodie Marchand\",\"notes\":2,\"path\":\"People/Élodie.md\"}\n"
        "{\"name\":\"Asaf\",\"notes\":13,\"path\":null}\n"
        "{\"name\":\"Tab\\there\",\"notes\":0,\"path\":\"A/b\\nc.md\"}\n");
  CHECK(Table({{"name"}}).json() == "[]\n");
  CHECK(Table({{"name"}}).jsonl().empty());
}

TEST_CASE("JSON replaces invalid UTF-8 rather than failing", "[table]") {
  Table table({{"name"}});
  table.add({{"name", std::string("bad \xff byte")}});
  CHECK(table.jsonl() == "{\"name\":\"bad \xef\xbf\xbd byte\"}\n");
}

TEST_CASE("NUL prints the key field once per value, skipping empty ones", "[table]") {
  Table table(std::vector<Column>{{"path"}, {"line"}});
  table.add({{"path", "a.md"}, {"line", 1}});
  table.add({{"path", "b.md"}, {"line", 2}});
  table.add({{"path", "a.md"}, {"line", 3}});
  table.add({{"path", nullptr}, {"line", 4}});
  CHECK(table.nul() == nul_joined({"a.md", "b.md"}));
  CHECK(sample().nul() == nul_joined({"People/Élodie.md", "A/b\nc.md"}));
}

TEST_CASE("render dispatches on the format", "[table]") {
  const Table table = sample();
  CHECK(table.render(Format::Text, {}) == table.text({}));
  CHECK(table.render(Format::Tsv, {}) == table.tsv());
  CHECK(table.render(Format::Json, {}) == table.json());
  CHECK(table.render(Format::Jsonl, {}) == table.jsonl());
  CHECK(table.render(Format::Nul, {}) == table.nul());
}

TEST_CASE("cells: arrays joined, null empty, numbers and booleans as JSON", "[table]") {
  CHECK(kb::output::cell_text(json::array({"Ann", "Bo"})) == "Ann, Bo");
  CHECK(kb::output::cell_text(nullptr).empty());
  CHECK(kb::output::cell_text(3) == "3");
  CHECK(kb::output::cell_text(false) == "false");
}
