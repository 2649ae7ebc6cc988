// kb graph NAME: the people, customers and projects around a person.
#include <fmt/format.h>

#include <memory>

#include "kb/output/graph.hpp"
#include "kb/query/graph.hpp"
#include "names.hpp"
#include "verbs.hpp"

namespace kb::cli {

Runner define_graph(CLI::App& sub) {
  struct Options {
    std::string name;
    int depth = 1;
    std::string format = "dot";
  };
  auto options = std::make_shared<Options>();
  add_name_argument(sub, options->name, kPersonToRead);
  sub.add_option("--depth", options->depth,
                 "Expand from the neighbours this many levels (default 1)")
      ->type_name("N")
      ->check(CLI::Range(1, 10));
  sub.add_option("--format", options->format, "dot (default), mermaid or json")
      ->type_name("FORMAT")
      ->check(CLI::IsMember({"dot", "mermaid", "json"}));
  sub.footer(R"(People are joined by the number of notes involving both; customers and
projects by the number of the person's notes they own or are linked from.

Examples:
  kb graph "Asaf Levy" | dot -Tsvg -o asaf.svg
  kb graph "Asaf Levy" --depth 2 --format mermaid
  kb graph "Asaf Levy" --format json | jq '.edges[] | select(.weight > 1)')");
  return [options](Context& context) -> Outcome {
    auto loaded = context.vault();
    if (!loaded) return loaded.error();
    model::Vault* vault = *loaded;
    const auto person = resolve(context, *vault, options->name, kPersonToRead);
    if (!person) return person.error();
    const auto graph = query::neighbourhood_graph(*vault, *person, options->depth);
    if (options->format == "json") {
      // Invalid UTF-8 in a note becomes U+FFFD rather than an exception.
      fmt::print("{}\n", output::graph_json(graph).dump(2, ' ', false,
                                                        nlohmann::json::error_handler_t::replace));
    } else if (options->format == "mermaid") {
      fmt::print("{}", output::graph_mermaid(graph));
    } else {
      fmt::print("{}", output::graph_dot(graph));
    }
    return kOk;
  };
}

}  // namespace kb::cli
