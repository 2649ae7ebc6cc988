#include "kb/model/name_matcher.hpp"

#include <algorithm>
#include <deque>

#include "kb/text/unicode.hpp"

namespace kb::model {

void NameMatcher::add(std::string_view name, int value) {
  const std::string folded = text::fold_case(name);
  if (folded.empty()) return;
  longest_ = std::max(longest_, folded.size());
  std::uint32_t node = 0;
  for (unsigned char byte : folded) {
    auto& edges = pending_[node];
    auto it =
        std::find_if(edges.begin(), edges.end(), [&](const Edge& e) { return e.byte == byte; });
    if (it != edges.end()) {
      node = it->target;
      continue;
    }
    const auto next = static_cast<std::uint32_t>(nodes_.size());
    nodes_.push_back(Node{});
    pending_.emplace_back();
    pending_[node].push_back(Edge{byte, next});
    node = next;
  }
  outputs_.push_back(Output{value, static_cast<std::uint32_t>(folded.size()), nodes_[node].output});
  nodes_[node].output = static_cast<std::uint32_t>(outputs_.size() - 1);
}

std::uint32_t NameMatcher::child(std::uint32_t node, unsigned char byte) const {
  const Node& n = nodes_[node];
  for (std::uint32_t e = n.first_edge; e < n.first_edge + n.edge_count; ++e) {
    if (edges_[e].byte == byte) return edges_[e].target;
  }
  return kNone;
}

std::uint32_t NameMatcher::step(std::uint32_t state, unsigned char byte) const {
  while (state != 0) {
    const std::uint32_t next = child(state, byte);
    if (next != kNone) return next;
    state = nodes_[state].fail;
  }
  return root_next_[byte];
}

void NameMatcher::build() {
  // Pack edges contiguously, sorted by byte.
  edges_.clear();
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    auto& pending = pending_[i];
    std::sort(pending.begin(), pending.end(),
              [](const Edge& a, const Edge& b) { return a.byte < b.byte; });
    nodes_[i].first_edge = static_cast<std::uint32_t>(edges_.size());
    nodes_[i].edge_count = static_cast<std::uint32_t>(pending.size());
    edges_.insert(edges_.end(), pending.begin(), pending.end());
  }
  pending_.clear();
  pending_.shrink_to_fit();
  std::fill(std::begin(root_next_), std::end(root_next_), 0u);
  for (std::uint32_t e = 0; e < nodes_[0].edge_count; ++e) {
    root_next_[edges_[e].byte] = edges_[e].target;
  }
  // Breadth-first: failure links, and output lists extended along them (an
  // output list is a chain of shared tails, so extension is O(1) per node).
  std::deque<std::uint32_t> queue;
  std::vector<std::uint32_t> order;  // breadth-first: a node's failure link comes before it
  for (std::uint32_t e = 0; e < nodes_[0].edge_count; ++e) {
    nodes_[edges_[e].target].fail = 0;
    queue.push_back(edges_[e].target);
  }
  while (!queue.empty()) {
    const std::uint32_t node = queue.front();
    queue.pop_front();
    order.push_back(node);
    for (std::uint32_t e = nodes_[node].first_edge;
         e < nodes_[node].first_edge + nodes_[node].edge_count; ++e) {
      const std::uint32_t target = edges_[e].target;
      const unsigned char byte = edges_[e].byte;
      std::uint32_t fail = nodes_[node].fail;
      std::uint32_t fail_target = kNone;
      while (true) {
        fail_target = fail == 0 ? root_next_[byte] : child(fail, byte);
        if (fail_target != kNone && fail_target != 0) break;
        if (fail == 0) {
          fail_target = 0;
          break;
        }
        fail = nodes_[fail].fail;
      }
      if (fail_target == target) fail_target = 0;
      nodes_[target].fail = fail_target;
      // Append the fail node's outputs after this node's own.
      if (nodes_[target].output == kNone) {
        nodes_[target].output = nodes_[fail_target].output;
      } else {
        std::uint32_t last = nodes_[target].output;
        while (outputs_[last].next != kNone) last = outputs_[last].next;
        outputs_[last].next = nodes_[fail_target].output;
      }
      queue.push_back(target);
    }
  }
  build_dense(order);
}

void NameMatcher::build_dense(const std::vector<std::uint32_t>& order) {
  std::fill(std::begin(class_of_), std::end(class_of_), 0u);
  std::vector<unsigned char> byte_of_class{0};
  for (const Edge& edge : edges_) {
    if (class_of_[edge.byte] == 0) {
      class_of_[edge.byte] = static_cast<std::uint32_t>(byte_of_class.size());
      byte_of_class.push_back(edge.byte);
    }
  }
  classes_ = static_cast<std::uint32_t>(byte_of_class.size());
  dense_.clear();
  if (nodes_.size() * classes_ > kMaxDense) return;  // too large: step() walks the trie
  dense_.assign(nodes_.size() * classes_, 0);
  for (std::uint32_t c = 1; c < classes_; ++c) dense_[c] = root_next_[byte_of_class[c]];
  for (const std::uint32_t node : order) {
    const std::uint32_t* fail_row = &dense_[std::size_t{nodes_[node].fail} * classes_];
    std::uint32_t* row = &dense_[std::size_t{node} * classes_];
    for (std::uint32_t c = 1; c < classes_; ++c) {
      const std::uint32_t next = child(node, byte_of_class[c]);
      row[c] = next != kNone ? next : fail_row[c];
    }
  }
  // States to row offsets, flagged when the state ends a name (in place:
  // every entry is still a state number here).
  for (auto& entry : dense_) {
    const std::uint32_t state = entry;
    entry = state * classes_ | (nodes_[state].output != kNone ? kHasOutput : 0);
  }
}

namespace {

char ascii_lower(unsigned char c) {
  return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
}

}  // namespace

void NameMatcher::scan_unfolded_into(std::string_view text, std::vector<int>& values) const {
  values.clear();
  if (outputs_.empty()) return;
  // A word boundary needs at most four bytes either side of a name.
  constexpr std::size_t kRing = 4096, kSide = 4;
  if (dense_.empty() || longest_ + 2 * kSide > kRing) {
    thread_local std::string folded;
    text::fold_case_into(text, folded);
    scan(folded, [&](int value) { values.push_back(value); });
    return;
  }
  // Matches wait in `pending` (by the end of the name, in the order scan()
  // reports them) until kSide bytes follow them or the text ends.
  struct Pending {
    std::uint32_t output;
    std::size_t end;
  };
  thread_local std::vector<Pending> pending;
  thread_local std::string scratch;
  pending.clear();
  std::size_t resolved = 0;  // pending[resolved..] wait
  char ring[kRing];          // the last kRing folded bytes, by position % kRing
  std::size_t pos = 0;       // folded bytes fed so far
  std::size_t next_check = SIZE_MAX;
  const auto resolve = [&](const Pending& p) {
    for (std::uint32_t out = p.output; out != kNone; out = outputs_[out].next) {
      const std::size_t begin = p.end - outputs_[out].length;
      const std::size_t lo = begin >= kSide ? begin - kSide : 0;
      const std::size_t hi = std::min(p.end + kSide, pos);
      char window[2 * kSide];
      std::size_t n = 0;
      for (std::size_t k = lo; k < begin; ++k) window[n++] = ring[k % kRing];
      const std::size_t at = n;
      for (std::size_t k = p.end; k < hi; ++k) window[n++] = ring[k % kRing];
      if (whole_word(std::string_view(window, n), at, at)) values.push_back(outputs_[out].value);
    }
  };
  const std::uint32_t* table = dense_.data();
  std::uint32_t entry = 0;
  const auto feed = [&](char byte) {
    ring[pos % kRing] = byte;
    ++pos;
    entry = table[(entry & ~kHasOutput) + class_of_[static_cast<unsigned char>(byte)]];
    if (entry & kHasOutput) {
      pending.push_back({nodes_[(entry & ~kHasOutput) / classes_].output, pos});
      if (next_check == SIZE_MAX) next_check = pos + kSide;
    }
    if (pos >= next_check) {
      while (resolved < pending.size() && pending[resolved].end + kSide <= pos) {
        resolve(pending[resolved++]);
      }
      next_check = resolved < pending.size() ? pending[resolved].end + kSide : SIZE_MAX;
    }
  };
  // The folded text is fold_case's: ASCII lower-cased, and each run of
  // non-ASCII bytes folded together with the ASCII byte before it.
  const std::size_t size = text.size();
  std::size_t i = 0;
  while (i < size) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && (i + 1 == size || static_cast<unsigned char>(text[i + 1]) < 0x80)) {
      feed(ascii_lower(c));
      ++i;
      continue;
    }
    std::size_t end = i + 1;
    while (end < size && static_cast<unsigned char>(text[end]) >= 0x80) ++end;
    for (const char f : text::fold_case_run(text.substr(i, end - i), scratch)) feed(f);
    i = end;
  }
  while (resolved < pending.size()) resolve(pending[resolved++]);
}

bool NameMatcher::whole_word(std::string_view text, std::size_t begin, std::size_t end) {
  if (begin > 0 && text::is_word_char(text::previous_code_point(text, begin))) return false;
  if (end < text.size()) {
    std::size_t i = end;
    if (text::is_word_char(text::decode_utf8(text, i))) return false;
  }
  return true;
}

}  // namespace kb::model
