#include "js_regex_strings.hpp"

#include <algorithm>
#include <map>
#include <memory>

#include "js_regex_reader.hpp"

namespace kb::tasks::js {

namespace {

struct Node {
  std::map<char32_t, std::unique_ptr<Node>> next;
  bool ends = false;        // a string ends here
  std::size_t longest = 0;  // the longest string's length below this node
};

// A chain of single children is written in a loop, so the recursion is
// only as deep as the branches, which the pattern's length bounds.
void write(const Node& node, std::string& out) {
  const Node* at = &node;
  while (at->next.size() == 1 && !at->ends) {
    append_literal(out, at->next.begin()->first);
    at = at->next.begin()->second.get();
  }
  if (at->next.empty()) return;
  std::vector<const std::pair<const char32_t, std::unique_ptr<Node>>*> children;
  for (const auto& child : at->next) children.push_back(&child);
  std::stable_sort(children.begin(), children.end(), [](const auto* a, const auto* b) {
    return a->second->longest > b->second->longest;
  });
  out += "(?:";
  bool first = true;
  for (const auto* child : children) {
    if (!first) out += '|';
    first = false;
    append_literal(out, child->first);
    write(*child->second, out);
  }
  if (at->ends) out += '|';  // the string that ends here, after the longer ones
  out += ')';
}

}  // namespace

std::string strings_alternation(const std::vector<const std::u32string*>& strings) {
  Node root;
  for (const std::u32string* s : strings) {
    Node* at = &root;
    at->longest = std::max(at->longest, s->size());
    for (std::size_t k = 0; k < s->size(); ++k) {
      auto& child = at->next[(*s)[k]];
      if (!child) child = std::make_unique<Node>();
      at = child.get();
      at->longest = std::max(at->longest, s->size() - k - 1);
    }
    at->ends = true;
  }
  std::string out;
  write(root, out);
  return out;
}

}  // namespace kb::tasks::js
