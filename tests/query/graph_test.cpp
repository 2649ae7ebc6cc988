#include "kb/query/graph.hpp"

#include <catch2/catch.hpp>

#include "kb/io/fs.hpp"

using kb::model::NoteId;
using kb::model::Vault;
using kb::query::Graph;

namespace {

Vault load(kb::io::MemoryFileSystem& fs) {
  auto vault = kb::model::load_vault(fs, kb::model::Conventions{});
  REQUIRE(vault.ok());
  return std::move(*vault);
}

NoteId id_of(const Vault& vault, const std::string& path) {
  const NoteId id = vault.find_path(path);
  REQUIRE(id >= 0);
  return id;
}

std::string person(const std::string& name) {
  return "---\ntype: people\ntitle: " + name + "\n---\n";
}

std::string meeting(const std::string& participants, const std::string& body = "") {
  return "---\ntype: meeting\nparticipants: [" + participants + "]\n---\n" + body;
}

// Ada meets Bob twice (once at Acme, once about Apollo) and Acme once more
// alone; Bob meets Cy; Cy meets Dee. Eve is nobody's neighbour.
kb::io::MemoryFileSystem chain_vault() {
  kb::io::MemoryFileSystem fs;
  for (const char* name : {"Ada Byron", "Bob Stone", "Cy Young", "Dee Dee", "Eve Moss"}) {
    fs.add(std::string("People/") + name + ".md", person(name));
  }
  fs.add("Customers/Acme/Acme.md", "---\ntype: customer\n---\n# Acme\n[[Ada Byron]]\n");
  fs.add("Projects/Apollo.md", "---\ntype: project\n---\n# Apollo\n");
  fs.add("Customers/Acme/2025-01-01 - Acme call.md", meeting("Ada Byron, Bob Stone"));
  fs.add("Meetings/2025-01-02 - Sync.md", meeting("Ada Byron, Bob Stone", "About [[Apollo]].\n"));
  fs.add("Meetings/2025-01-03 - Bob and Cy.md", meeting("Bob Stone, Cy Young"));
  fs.add("Meetings/2025-01-04 - Cy and Dee.md", meeting("Cy Young, Dee Dee"));
  // Owned by Acme and linking it: counts once for Acme.
  fs.add("Customers/Acme/2025-01-05 - Ada at Acme.md", meeting("Ada Byron", "See [[Acme]].\n"));
  return fs;
}

std::vector<std::string> node_ids(const Graph& graph) {
  std::vector<std::string> ids;
  for (const auto& node : graph.nodes) ids.push_back(node.id);
  return ids;
}

// "from -- to (weight, kind)" for each edge.
std::vector<std::string> edge_lines(const Graph& graph) {
  std::vector<std::string> lines;
  for (const auto& edge : graph.edges) {
    lines.push_back(graph.nodes[edge.from].id + " -- " + graph.nodes[edge.to].id + " (" +
                    std::to_string(edge.weight) + ", " +
                    std::string(kb::query::edge_kind_name(edge.kind)) + ")");
  }
  return lines;
}

}  // namespace

TEST_CASE("depth 1: shared notes and the customers and projects met through", "[graph]") {
  auto fs = chain_vault();
  const Vault vault = load(fs);
  const Graph graph = kb::query::neighbourhood_graph(vault, id_of(vault, "People/Ada Byron.md"));
  CHECK(node_ids(graph) == std::vector<std::string>{"person_ada_byron", "person_bob_stone",
                                                    "customer_acme", "project_apollo"});
  CHECK(graph.nodes[0].distance == 0);
  CHECK(graph.nodes[1].distance == 1);
  CHECK(graph.nodes[2].path == "Customers/Acme/Acme.md");
  CHECK(graph.nodes[2].kind == kb::model::NoteKind::Customer);
  CHECK(edge_lines(graph) == std::vector<std::string>{
                                 "person_ada_byron -- person_bob_stone (2, shared_notes)",
                                 "person_ada_byron -- customer_acme (2, meets_through)",
                                 "person_ada_byron -- project_apollo (1, meets_through)",
                             });
}

TEST_CASE("each depth expands the people found at the level before", "[graph]") {
  auto fs = chain_vault();
  const Vault vault = load(fs);
  const NoteId ada = id_of(vault, "People/Ada Byron.md");
  const Graph two = kb::query::neighbourhood_graph(vault, ada, 2);
  CHECK(node_ids(two) == std::vector<std::string>{"person_ada_byron", "person_bob_stone",
                                                  "customer_acme", "project_apollo",
                                                  "person_cy_young"});
  CHECK(two.nodes[4].distance == 2);
  // Bob's edge back to Ada is not repeated.
  CHECK(edge_lines(two) == std::vector<std::string>{
                               "person_ada_byron -- person_bob_stone (2, shared_notes)",
                               "person_ada_byron -- customer_acme (2, meets_through)",
                               "person_ada_byron -- project_apollo (1, meets_through)",
                               "person_bob_stone -- customer_acme (1, meets_through)",
                               "person_bob_stone -- project_apollo (1, meets_through)",
                               "person_bob_stone -- person_cy_young (1, shared_notes)",
                           });
  const Graph three = kb::query::neighbourhood_graph(vault, ada, 3);
  CHECK(node_ids(three).back() == "person_dee_dee");
  CHECK(edge_lines(three).back() == "person_cy_young -- person_dee_dee (1, shared_notes)");
  // Deeper than the component changes nothing; depth 0 counts as 1.
  CHECK(edge_lines(kb::query::neighbourhood_graph(vault, ada, 9)) == edge_lines(three));
  CHECK(node_ids(kb::query::neighbourhood_graph(vault, ada, 0)).size() == 4);
}

TEST_CASE("a person with no involved notes is a graph of one", "[graph]") {
  auto fs = chain_vault();
  const Vault vault = load(fs);
  const Graph graph = kb::query::neighbourhood_graph(vault, id_of(vault, "People/Eve Moss.md"), 3);
  CHECK(node_ids(graph) == std::vector<std::string>{"person_eve_moss"});
  CHECK(graph.edges.empty());
}

TEST_CASE("mentions count as shared notes, entity notes do not", "[graph]") {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Ada Byron.md", person("Ada Byron") + "Works with [[Bob Stone]].\n");
  fs.add("People/Bob Stone.md", person("Bob Stone"));
  fs.add("Daily/2025-01-01.md", "Lunch: Ada Byron and bob stone.\n");
  const Vault vault = load(fs);
  const Graph graph = kb::query::neighbourhood_graph(vault, id_of(vault, "People/Ada Byron.md"));
  CHECK(edge_lines(graph) ==
        std::vector<std::string>{"person_ada_byron -- person_bob_stone (1, shared_notes)"});
}

TEST_CASE("node ids are ASCII slugs, unique per graph", "[graph]") {
  CHECK(kb::query::node_slug("Élodie Marchand") == "elodie_marchand");
  CHECK(kb::query::node_slug("VIP/Failover Design (GCP RDMA)") == "vip_failover_design_gcp_rdma");
  CHECK(kb::query::node_slug("  5.5 Features ") == "5_5_features");
  CHECK(kb::query::node_slug("王小明") == "u738bu5c0fu660e");
  CHECK(kb::query::node_slug("--") == "node");

  kb::io::MemoryFileSystem fs;
  fs.add("People/Ann Lee.md", person("Ann Lee"));
  fs.add("People/Ann-Lee.md", person("Ann-Lee"));
  fs.add("Meetings/m.md", meeting("Ann Lee, Ann-Lee"));
  const Vault vault = load(fs);
  const Graph graph = kb::query::neighbourhood_graph(vault, id_of(vault, "People/Ann Lee.md"));
  CHECK(node_ids(graph) == std::vector<std::string>{"person_ann_lee", "person_ann_lee_2"});
}
