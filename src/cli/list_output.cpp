#include "list_output.hpp"

#include <cstdio>

namespace kb::cli {

output::Format ListFlags::format() const {
  if (json) return output::Format::Json;
  if (jsonl) return output::Format::Jsonl;
  if (tsv) return output::Format::Tsv;
  if (nul) return output::Format::Nul;
  return output::Format::Text;
}

void add_list_flags(CLI::App& sub, ListFlags& flags, std::string_view nul_what) {
  // A group rather than pairwise excludes: `--help` stays readable and giving
  // two formats is a usage error all the same.
  CLI::Option_group* group =
      sub.add_option_group("Output", "Output format (one of; default: text)");
  group->add_flag("--json", flags.json, "Print one JSON array");
  group->add_flag("--jsonl", flags.jsonl, "Print one JSON object a line");
  CLI::Option* tsv =
      group->add_flag("--tsv", flags.tsv, "Print tab-separated values with a header line");
  group->add_flag("-0,--null", flags.nul,
                  "Print " + std::string(nul_what) + ", each ended by a NUL byte (xargs -0)");
  group->require_option(0, 1);
  // Outside the group: it is no format of its own.
  sub.add_flag("--no-header", flags.no_header,
               "With --tsv: leave out the header line (for cut, sort, kb regen -)")
      ->needs(tsv);
}

output::TextOptions text_options(const Context& context) {
  output::TextOptions options;
  options.color = context.style().color;
  options.header = context.globals().terminal;
  options.width = context.globals().width;
  return options;
}

void print_raw(std::string_view bytes) {
  std::fwrite(bytes.data(), 1, bytes.size(), stdout);
  std::fflush(stdout);
}

void print_table(const output::Table& table, const ListFlags& flags, const Context& context) {
  output::TextOptions options = text_options(context);
  options.tsv_header = !flags.no_header;
  print_raw(table.render(flags.format(), options));
}

nlohmann::json string_or_null(std::string_view s) {
  return s.empty() ? nlohmann::json(nullptr) : nlohmann::json(std::string(s));
}

nlohmann::json date_or_null(const std::optional<text::Date>& date) {
  return date ? nlohmann::json(date->iso()) : nlohmann::json(nullptr);
}

}  // namespace kb::cli
