#pragma once
// Finds every whole-word occurrence of many names in one pass over a text
// (Aho–Corasick over case-folded bytes), so involvement costs one scan per
// note however many people the vault has.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kb::model {

class NameMatcher {
 public:
  // `name` is folded with text::fold_case here; `value` is returned on a match.
  void add(std::string_view name, int value);
  void build();  // call once after every add

  // Calls on_match(value) for each whole-word occurrence in `folded` (text
  // already passed through text::fold_case). Values may repeat.
  template <typename F>
  void scan(std::string_view folded, F&& on_match) const {
    scan_impl<true>(folded, on_match);
  }
  // The same values, in the same order, as scan(text::fold_case(text)), but
  // folding as it goes: ASCII bytes are lower-cased on their way into the
  // table walk and only non-ASCII runs are folded (text::fold_case_run), so
  // no folded copy of the text is made. Word boundaries are checked once the
  // next four folded bytes are known, from a small ring of recent bytes.
  template <typename F>
  void scan_unfolded(std::string_view text, F&& on_match) const {
    thread_local std::vector<int> values;  // reused: no allocation per text
    scan_unfolded_into(text, values);
    for (const int value : values) on_match(value);
  }
  // Every occurrence, inside words too: what `path includes` means.
  template <typename F>
  void scan_substrings(std::string_view folded, F&& on_match) const {
    scan_impl<false>(folded, on_match);
  }

  bool empty() const { return outputs_.empty(); }

 private:
  static constexpr std::uint32_t kNone = UINT32_MAX;
  struct Node {
    std::uint32_t first_edge = kNone;  // edges of a node are contiguous after build()
    std::uint32_t edge_count = 0;
    std::uint32_t fail = 0;
    std::uint32_t output = kNone;  // head of this node's output list (incl. fail chain)
  };
  struct Edge {
    unsigned char byte;
    std::uint32_t target;
  };
  struct Output {
    int value;
    std::uint32_t length;
    std::uint32_t next;
  };

  template <bool kWholeWords, typename F>
  void scan_impl(std::string_view folded, F& on_match) const {
    if (dense_.empty()) {
      std::uint32_t state = 0;
      for (std::size_t i = 0; i < folded.size(); ++i) {
        state = step(state, static_cast<unsigned char>(folded[i]));
        report<kWholeWords>(folded, i + 1, nodes_[state].output, on_match);
      }
      return;
    }
    // One load per byte on the critical path: the entry is the next state's
    // row, flagged when that state has outputs.
    const std::uint32_t* table = dense_.data();
    std::uint32_t entry = 0;
    for (std::size_t i = 0; i < folded.size(); ++i) {
      entry = table[(entry & ~kHasOutput) + class_of_[static_cast<unsigned char>(folded[i])]];
      if (entry & kHasOutput) {
        const std::uint32_t state = (entry & ~kHasOutput) / classes_;
        report<kWholeWords>(folded, i + 1, nodes_[state].output, on_match);
      }
    }
  }
  template <bool kWholeWords, typename F>
  void report(std::string_view folded, std::size_t end, std::uint32_t out, F& on_match) const {
    for (; out != kNone; out = outputs_[out].next) {
      const Output& o = outputs_[out];
      if (!kWholeWords || whole_word(folded, end - o.length, end)) on_match(o.value);
    }
  }

  void scan_unfolded_into(std::string_view text, std::vector<int>& values) const;
  std::uint32_t child(std::uint32_t node, unsigned char byte) const;
  std::uint32_t step(std::uint32_t state, unsigned char byte) const;
  void build_dense(const std::vector<std::uint32_t>& order);
  static bool whole_word(std::string_view text, std::size_t begin, std::size_t end);

  std::vector<Node> nodes_{Node{}};
  std::vector<Edge> edges_;
  std::vector<Output> outputs_;
  std::size_t longest_ = 0;            // bytes of the longest folded name
  std::uint32_t root_next_[256] = {};  // dense transitions at the root: most steps end there
  // The automaton as a table, when it fits (kMaxDense): per state, the next
  // state for each class of bytes (class 0: bytes no name holds, which lead
  // back to the root), so a step is one load instead of a walk of failure
  // links. An entry is the next state's row offset (state * classes_), with
  // kHasOutput set when that state ends a name.
  static constexpr std::size_t kMaxDense = std::size_t{1} << 22;
  static constexpr std::uint32_t kHasOutput = std::uint32_t{1} << 31;
  std::uint32_t class_of_[256] = {};
  std::uint32_t classes_ = 1;
  std::vector<std::uint32_t> dense_;
  // Building: per node, its pending (byte, child) pairs before build() packs them.
  std::vector<std::vector<Edge>> pending_{1};
};

}  // namespace kb::model
