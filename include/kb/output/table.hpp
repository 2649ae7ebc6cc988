#pragma once
// One renderer for every list kb prints: rows are JSON objects (whole in
// --json / --jsonl, so their field names are the contract of docs/cli.md);
// the human text and --tsv show the table's columns; -0 prints one field per
// row, NUL-terminated, for xargs -0.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace kb::output {

enum class Format { Text, Json, Jsonl, Tsv, Nul };

struct Column {
  std::string key;            // row field; also the TSV header and text heading
  std::string style = {};     // ANSI SGR code for the text cells ("2" dim), "" for none
  std::string missing = "-";  // text shown for a null or absent field (TSV leaves it empty)
};

struct TextOptions {
  bool color = false;      // ANSI colour (a terminal without NO_COLOR)
  bool header = false;     // a heading line of column names (a terminal only: it is decoration)
  std::size_t width = 0;   // the terminal's columns: longer lines are fitted; 0: no limit
  bool tsv_header = true;  // --tsv: the line of column names first (--no-header: none)
};

class Table {
 public:
  // `nul_key` is the field -0 prints; empty means the first column.
  explicit Table(std::vector<Column> columns, std::string nul_key = {});

  void add(nlohmann::json row);  // a JSON object
  const std::vector<Column>& columns() const { return columns_; }
  const std::vector<nlohmann::json>& rows() const { return rows_; }
  bool empty() const { return rows_.empty(); }

  // Aligned columns separated by two spaces; the last column is not padded.
  // With a width, lines fit it: the widest columns are narrowed first (none
  // below 12 columns or its natural width) and cells too long for their
  // column are cut after a whole word with "…".
  std::string text(const TextOptions& options) const;
  // A header line of column names (unless `header` is false), then one line
  // per row; fields escaped.
  std::string tsv(bool header = true) const;
  std::string json() const;   // one array, indented
  std::string jsonl() const;  // one object per line
  // The nul_key field of each row followed by '\0'; repeated values once.
  std::string nul() const;

  std::string render(Format format, const TextOptions& options) const;

 private:
  std::vector<Column> columns_;
  std::string nul_key_;
  std::vector<nlohmann::json> rows_;
};

// A field as one line of text: strings as they are, numbers and booleans as
// JSON writes them, arrays joined with ", ", null as "".
std::string cell_text(const nlohmann::json& value);

// TSV needs one record a line and one field per tab: '\\' -> "\\\\",
// tab -> "\\t", newline -> "\\n", carriage return -> "\\r".
std::string escape_tsv(std::string_view field);

// The inverse of escape_tsv, for reading a field back (`kb regen -`): "\\\\",
// "\\t", "\\n", "\\r" become one character; any other backslash stays.
std::string unescape_tsv(std::string_view field);

// `s` in at most `width` code points: as it is when it fits, else cut after
// its last whole word that leaves room for "…" (mid-word only when its first
// word alone is too long).
std::string fit_text(std::string_view s, std::size_t width);

// `s` wrapped in an ANSI SGR code when `color` (and the code) is set.
std::string paint(bool color, std::string_view code, std::string_view s);

}  // namespace kb::output
