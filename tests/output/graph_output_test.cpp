#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "kb/io/fs.hpp"
#include "kb/output/graph.hpp"

using kb::query::Graph;

namespace {

// Ada (centre) shares two notes with "Dr \"Q\" \ X", meets through Acme and
// the project "VIP/Failover <GCP> #1".
Graph sample_graph(kb::model::Vault& vault) {
  kb::io::MemoryFileSystem fs;
  fs.add("People/Ada Byron.md", "---\ntype: people\ntitle: Ada Byron\n---\n");
  fs.add("People/Q.md", "---\ntype: people\ntitle: 'Dr \"Q\" \\ X'\n---\n");
  fs.add("Customers/Acme/Acme.md", "---\ntype: customer\n---\n");
  fs.add("Projects/VIP.md", "---\ntype: project\ntitle: 'VIP/Failover <GCP> #1'\n---\n");
  fs.add("Customers/Acme/a.md", "---\nparticipants: [Ada Byron, Q]\n---\n");
  fs.add("Meetings/b.md", "---\nparticipants: [Ada Byron, Q]\n---\n[[VIP]]\n");
  auto loaded = kb::model::load_vault(fs, kb::model::Conventions{});
  REQUIRE(loaded.ok());
  vault = std::move(*loaded);
  return kb::query::neighbourhood_graph(vault, vault.find_path("People/Ada Byron.md"));
}

}  // namespace

TEST_CASE("DOT: shapes per kind, quoted and escaped names, weights as labels", "[graph][dot]") {
  kb::model::Vault vault;
  const Graph graph = sample_graph(vault);
  CHECK(kb::output::graph_dot(graph) ==
        "graph \"Ada Byron\" {\n"
        "  graph [rankdir=LR, fontname=\"Helvetica\"];\n"
        "  node [fontname=\"Helvetica\", fontsize=11];\n"
        "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#777777\"];\n"
        "  \"person_ada_byron\" [label=\"Ada Byron\", shape=ellipse, style=\"bold,filled\", "
        "fillcolor=\"#ffe9a8\"];\n"
        "  \"person_dr_q_x\" [label=\"Dr \\\"Q\\\" \\\\ X\", shape=ellipse];\n"
        "  \"customer_acme\" [label=\"Acme\", shape=box];\n"
        "  \"project_vip_failover_gcp_1\" [label=\"VIP/Failover <GCP> #1\", shape=folder];\n"
        "  \"person_ada_byron\" -- \"person_dr_q_x\" [label=\"2\", weight=2];\n"
        "  \"person_ada_byron\" -- \"customer_acme\" [label=\"1\", weight=1, style=dashed];\n"
        "  \"person_ada_byron\" -- \"project_vip_failover_gcp_1\" [label=\"1\", weight=1, "
        "style=dashed];\n"
        "}\n");
  CHECK(kb::output::dot_quote("a\nb\"c\\") == "\"a b\\\"c\\\\\"");
}

TEST_CASE("DOT output is valid Graphviz", "[graph][dot]") {
  if (!std::filesystem::exists("/usr/bin/dot")) {
    WARN("skipped: /usr/bin/dot not found (scripts/install-deps --with-extras installs graphviz)");
    return;
  }
  kb::model::Vault vault;
  const Graph graph = sample_graph(vault);
  const auto dir = std::filesystem::temp_directory_path();
  const auto dot_path = dir / ("kb-graph-" + std::to_string(::getpid()) + ".dot");
  const auto svg_path = dir / ("kb-graph-" + std::to_string(::getpid()) + ".svg");
  std::ofstream(dot_path, std::ios::binary) << kb::output::graph_dot(graph);
  const std::string command =
      "/usr/bin/dot -Tsvg '" + dot_path.string() + "' -o '" + svg_path.string() + "' 2>&1";
  const int status = std::system(command.c_str());
  std::ifstream in(svg_path, std::ios::binary);
  const std::string svg((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  std::filesystem::remove(dot_path);
  std::filesystem::remove(svg_path);
  CHECK(status == 0);
  // The escaped name comes back as written (XML-escaped by Graphviz).
  CHECK(svg.find("Dr &quot;Q&quot; \\ X") != std::string::npos);
  CHECK(svg.find("VIP/Failover &lt;GCP&gt; #1") != std::string::npos);
}

TEST_CASE("Mermaid: graph LR, shapes per kind, entity-coded labels", "[graph][mermaid]") {
  kb::model::Vault vault;
  const Graph graph = sample_graph(vault);
  CHECK(kb::output::graph_mermaid(graph) ==
        "graph LR\n"
        "  person_ada_byron([\"Ada Byron\"])\n"
        "  person_dr_q_x([\"Dr #quot;Q#quot; \\ X\"])\n"
        "  customer_acme[\"Acme\"]\n"
        "  project_vip_failover_gcp_1{{\"VIP/Failover #lt;GCP#gt; #35;1\"}}\n"
        "  person_ada_byron ---|2| person_dr_q_x\n"
        "  person_ada_byron -.-|1| customer_acme\n"
        "  person_ada_byron -.-|1| project_vip_failover_gcp_1\n");
}

TEST_CASE("JSON: nodes and edges by id", "[graph][json]") {
  kb::model::Vault vault;
  const Graph graph = sample_graph(vault);
  const auto j = kb::output::graph_json(graph);
  REQUIRE(j["nodes"].size() == 4);
  CHECK(j["nodes"][1] == nlohmann::json{{"id", "person_dr_q_x"},
                                        {"name", "Dr \"Q\" \\ X"},
                                        {"kind", "person"},
                                        {"path", "People/Q.md"}});
  CHECK(j["nodes"][2]["kind"] == "customer");
  CHECK(j["nodes"][3]["kind"] == "project");
  REQUIRE(j["edges"].size() == 3);
  CHECK(j["edges"][0] == nlohmann::json{{"from", "person_ada_byron"},
                                        {"to", "person_dr_q_x"},
                                        {"weight", 2},
                                        {"kind", "shared_notes"}});
  CHECK(j["edges"][2]["kind"] == "meets_through");
}
