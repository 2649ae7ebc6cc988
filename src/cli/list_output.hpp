#pragma once
// The output flags every list verb shares (--json, --jsonl, --tsv, -0) and
// the one way they print a table.
#include <CLI/CLI.hpp>
#include <optional>
#include <string_view>

#include "app.hpp"
#include "kb/output/table.hpp"

namespace kb::cli {

struct ListFlags {
  bool json = false, jsonl = false, tsv = false, nul = false;
  bool no_header = false;  // --no-header: --tsv without its line of column names
  output::Format format() const;
};

// Adds the four mutually exclusive flags, and --no-header (with --tsv only);
// `nul_what` says what -0 prints.
void add_list_flags(CLI::App& sub, ListFlags& flags, std::string_view nul_what);

// Colour as Context::style() says; column headings only on a terminal.
output::TextOptions text_options(const Context& context);

// Writes bytes to stdout as they are (NULs included).
void print_raw(std::string_view bytes);

void print_table(const output::Table& table, const ListFlags& flags, const Context& context);

// "" as JSON null, anything else as a string: how absent fields are written.
nlohmann::json string_or_null(std::string_view s);
nlohmann::json date_or_null(const std::optional<text::Date>& date);

}  // namespace kb::cli
