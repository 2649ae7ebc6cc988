#include "kb/output/graph.hpp"

#include <fmt/format.h>

namespace kb::output {

namespace {

std::string_view dot_shape(model::NoteKind kind) {
  switch (kind) {
    case model::NoteKind::Customer:
      return "box";
    case model::NoteKind::Project:
      return "folder";
    default:
      return "ellipse";
  }
}

// Mermaid label text: entity codes for the characters its parser or HTML
// labels would read ('"', '#', '&', '<', '>'), spaces for line breaks.
std::string mermaid_label(std::string_view s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '"':
        out += "#quot;";
        break;
      case '#':
        out += "#35;";
        break;
      case '&':
        out += "#amp;";
        break;
      case '<':
        out += "#lt;";
        break;
      case '>':
        out += "#gt;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string mermaid_node(const query::GraphNode& node) {
  const std::string label = mermaid_label(node.name);
  switch (node.kind) {
    case model::NoteKind::Customer:
      return fmt::format("{}[\"{}\"]", node.id, label);
    case model::NoteKind::Project:
      return fmt::format("{}{{{{\"{}\"}}}}", node.id, label);
    default:
      return fmt::format("{}([\"{}\"])", node.id, label);
  }
}

}  // namespace

std::string dot_quote(std::string_view s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (c == '\n' || c == '\r') {
      out += ' ';
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string graph_dot(const query::Graph& graph) {
  std::string out;
  const std::string title = graph.nodes.empty() ? "kb" : graph.nodes.front().name;
  out += fmt::format("graph {} {{\n", dot_quote(title));
  out += "  graph [rankdir=LR, fontname=\"Helvetica\"];\n";
  out += "  node [fontname=\"Helvetica\", fontsize=11];\n";
  out += "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#777777\"];\n";
  for (const auto& node : graph.nodes) {
    std::string attributes =
        fmt::format("label={}, shape={}", dot_quote(node.name), dot_shape(node.kind));
    if (node.distance == 0) attributes += ", style=\"bold,filled\", fillcolor=\"#ffe9a8\"";
    out += fmt::format("  {} [{}];\n", dot_quote(node.id), attributes);
  }
  for (const auto& edge : graph.edges) {
    std::string attributes = fmt::format("label=\"{}\", weight={}", edge.weight, edge.weight);
    if (edge.kind == query::EdgeKind::MeetsThrough) attributes += ", style=dashed";
    out += fmt::format("  {} -- {} [{}];\n", dot_quote(graph.nodes[edge.from].id),
                       dot_quote(graph.nodes[edge.to].id), attributes);
  }
  out += "}\n";
  return out;
}

std::string graph_mermaid(const query::Graph& graph) {
  std::string out = "graph LR\n";
  for (const auto& node : graph.nodes) out += fmt::format("  {}\n", mermaid_node(node));
  for (const auto& edge : graph.edges) {
    const std::string_view line = edge.kind == query::EdgeKind::MeetsThrough ? "-.-" : "---";
    out += fmt::format("  {} {}|{}| {}\n", graph.nodes[edge.from].id, line, edge.weight,
                       graph.nodes[edge.to].id);
  }
  return out;
}

nlohmann::json graph_json(const query::Graph& graph) {
  nlohmann::json j;
  auto& nodes = j["nodes"] = nlohmann::json::array();
  for (const auto& node : graph.nodes) {
    nodes.push_back({{"id", node.id},
                     {"name", node.name},
                     {"kind", std::string(model::kind_name(node.kind))},
                     {"path", node.path}});
  }
  auto& edges = j["edges"] = nlohmann::json::array();
  for (const auto& edge : graph.edges) {
    edges.push_back({{"from", graph.nodes[edge.from].id},
                     {"to", graph.nodes[edge.to].id},
                     {"weight", edge.weight},
                     {"kind", std::string(query::edge_kind_name(edge.kind))}});
  }
  return j;
}

}  // namespace kb::output
