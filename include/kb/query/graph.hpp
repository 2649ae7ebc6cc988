#pragma once
// A person's neighbourhood: the people they share involved notes with and
// the customers and projects they meet through. Pure and deterministic.
//
// Edges from a person P:
//  - to each other person Q involved in at least one of P's involved notes;
//    weight = the number of notes involving both (kind SharedNotes);
//  - to each customer or project that owns one of P's involved notes (the
//    note sits in its folder) or that one of them links to; weight = the
//    number of such notes (kind MeetsThrough).
// Depth 1 is the person and these neighbours; each further level expands the
// people found at the level before. Customers and projects are not expanded.
#include <string>
#include <string_view>
#include <vector>

#include "kb/model/vault.hpp"

namespace kb::query {

enum class EdgeKind { SharedNotes, MeetsThrough };
std::string_view edge_kind_name(EdgeKind k);  // "shared_notes", "meets_through"

struct GraphNode {
  model::NoteId note = -1;
  std::string id;  // stable, [a-z0-9_] only: "person_asaf_levy", "customer_openai"
  std::string name;
  std::string path;
  model::NoteKind kind = model::NoteKind::Person;
  int distance = 0;  // 0 for the centre, 1 for its neighbours, ...
};

struct GraphEdge {
  int from = 0, to = 0;  // indexes into Graph::nodes; `from` is the nearer to the centre
  int weight = 0;
  EdgeKind kind = EdgeKind::SharedNotes;
};

struct Graph {
  std::vector<GraphNode> nodes;  // centre first, then by distance, kind, name
  std::vector<GraphEdge> edges;  // by from, then to
};

// `depth` below 1 counts as 1.
Graph neighbourhood_graph(const model::Vault& vault, model::NoteId person, int depth = 1);

// "Élodie Marchand" -> "elodie_marchand": lower-case ASCII letters and digits,
// other runs become one '_'; accents are dropped, other letters kept as their
// code point in hex ("王" -> "u738b").
std::string node_slug(std::string_view name);

}  // namespace kb::query
