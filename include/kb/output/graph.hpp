#pragma once
// Renderings of a neighbourhood graph: Graphviz DOT, Mermaid and JSON.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "kb/query/graph.hpp"

namespace kb::output {

// An undirected Graphviz graph: people as ellipses (the centre bold), customers
// as boxes, projects as folders; edge labels are the weights.
std::string graph_dot(const query::Graph& graph);
// A Mermaid flowchart (`graph LR`): people as stadiums, customers as
// rectangles, projects as hexagons; edge labels are the weights.
std::string graph_mermaid(const query::Graph& graph);
// {"nodes": [{id, name, kind, path}], "edges": [{from, to, weight, kind}]},
// edges naming nodes by id.
nlohmann::json graph_json(const query::Graph& graph);

// A DOT double-quoted string: "..." with '"' and '\' escaped and line
// breaks turned into spaces.
std::string dot_quote(std::string_view s);

}  // namespace kb::output
