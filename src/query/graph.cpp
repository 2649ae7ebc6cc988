#include "kb/query/graph.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "kb/text/unicode.hpp"

namespace kb::query {

namespace {

using model::NoteId;
using model::NoteKind;

int kind_rank(NoteKind k) {
  switch (k) {
    case NoteKind::Person:
      return 0;
    case NoteKind::Customer:
      return 1;
    case NoteKind::Project:
      return 2;
    default:
      return 3;
  }
}

bool meets_through(NoteKind k) {
  return k == NoteKind::Customer || k == NoteKind::Project;
}

struct Neighbour {
  int weight = 0;
  EdgeKind kind = EdgeKind::SharedNotes;
};

// Per note, the people it involves (ascending ids).
std::vector<std::vector<NoteId>> people_by_note(const model::Vault& vault) {
  std::vector<std::vector<NoteId>> people(vault.notes.size());
  for (NoteId person : vault.people()) {
    for (const model::Involvement& i : vault.involvement(person)) people[i.note].push_back(person);
  }
  for (auto& list : people) std::sort(list.begin(), list.end());
  return people;
}

std::map<NoteId, Neighbour> neighbours_of(const model::Vault& vault, NoteId person,
                                          const std::vector<std::vector<NoteId>>& people) {
  std::map<NoteId, Neighbour> found;
  std::set<NoteId> entities;  // of one note, so a note counts once per entity
  for (const model::Involvement& i : vault.involvement(person)) {
    for (NoteId other : people[i.note]) {
      if (other != person) ++found[other].weight;
    }
    entities.clear();
    const NoteId owner = vault.owner(i.note);
    if (owner >= 0 && meets_through(vault.notes[owner].kind)) entities.insert(owner);
    for (NoteId target : vault.link_targets(i.note)) {
      if (target >= 0 && meets_through(vault.notes[target].kind)) entities.insert(target);
    }
    for (NoteId entity : entities) {
      Neighbour& n = found[entity];
      ++n.weight;
      n.kind = EdgeKind::MeetsThrough;
    }
  }
  return found;
}

}  // namespace

std::string_view edge_kind_name(EdgeKind k) {
  return k == EdgeKind::SharedNotes ? "shared_notes" : "meets_through";
}

std::string node_slug(std::string_view name) {
  const std::string folded = text::fold_name(name);
  std::string slug;
  bool gap = false;
  for (std::size_t i = 0; i < folded.size();) {
    const char32_t c = text::decode_utf8(folded, i);
    const bool ascii_word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!ascii_word && (c < 0x80 || !text::is_word_char(c))) {
      gap = true;
      continue;
    }
    if (gap && !slug.empty()) slug += '_';
    gap = false;
    if (ascii_word) {
      slug += static_cast<char>(c);
    } else {
      static const char* kHex = "0123456789abcdef";
      std::string hex;
      for (char32_t v = c; v != 0; v >>= 4) hex.insert(hex.begin(), kHex[v & 0xF]);
      slug += 'u';
      slug += hex;
    }
  }
  return slug.empty() ? "node" : slug;
}

Graph neighbourhood_graph(const model::Vault& vault, NoteId person, int depth) {
  depth = std::max(depth, 1);
  const auto people = people_by_note(vault);

  std::unordered_map<NoteId, int> distance{{person, 0}};
  struct RawEdge {
    NoteId from, to;
    Neighbour n;
  };
  std::vector<RawEdge> raw;
  std::set<std::pair<NoteId, NoteId>> linked;  // unordered pairs already joined
  std::vector<NoteId> frontier{person};
  for (int level = 0; level < depth && !frontier.empty(); ++level) {
    std::vector<NoteId> next;
    for (NoteId from : frontier) {
      for (const auto& [to, n] : neighbours_of(vault, from, people)) {
        if (distance.emplace(to, level + 1).second && vault.notes[to].kind == NoteKind::Person) {
          next.push_back(to);
        }
        if (linked.insert({std::min(from, to), std::max(from, to)}).second) {
          raw.push_back({from, to, n});
        }
      }
    }
    frontier = std::move(next);
  }

  Graph graph;
  std::vector<std::tuple<int, int, std::string, std::string, NoteId>> order;
  for (const auto& [note, d] : distance) {
    const model::NoteSummary& n = vault.notes[note];
    order.emplace_back(d, kind_rank(n.kind), text::fold_name(n.name), n.path, note);
  }
  std::sort(order.begin(), order.end());
  std::unordered_map<NoteId, int> index;
  std::set<std::string> ids;
  for (const auto& [d, rank, folded, path, note] : order) {
    const model::NoteSummary& n = vault.notes[note];
    GraphNode node;
    node.note = note;
    node.name = n.name;
    node.path = n.path;
    node.kind = n.kind;
    node.distance = d;
    const std::string base = std::string(model::kind_name(n.kind)) + "_" + node_slug(n.name);
    node.id = base;
    for (int suffix = 2; !ids.insert(node.id).second; ++suffix) {
      node.id = base + "_" + std::to_string(suffix);
    }
    index.emplace(note, static_cast<int>(graph.nodes.size()));
    graph.nodes.push_back(std::move(node));
  }
  for (const RawEdge& e : raw) {
    int from = index.at(e.from), to = index.at(e.to);
    if (to < from) std::swap(from, to);  // node order puts the nearer first
    graph.edges.push_back(GraphEdge{from, to, e.n.weight, e.n.kind});
  }
  std::sort(graph.edges.begin(), graph.edges.end(), [](const GraphEdge& a, const GraphEdge& b) {
    return std::tie(a.from, a.to) < std::tie(b.from, b.to);
  });
  return graph;
}

}  // namespace kb::query
