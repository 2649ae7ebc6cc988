// Sorting cost of Tasks text keys (docs/performance.md): N task texts sorted
// with collate() at every comparison, with collation keys built once, and
// `sort by description` through TasksQuery. Prints the best of five runs.
// Usage: kb_sort_perftest [N] [FILE...]   FILEs: Markdown whose task lines
// ("- [ ] ...") give the texts, cycled to N with " #<round>" appended;
// without FILEs, synthetic texts (words, accents, numbers, tags).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <functional>
#include <string>
#include <vector>

#include "../src/tasks/collate.hpp"
#include "kb/tasks/query.hpp"
#include "kb/tasks/task.hpp"

namespace {

double best_ms(const std::function<void()>& run) {
  double best = 1e18;
  for (int i = 0; i < 5; ++i) {
    const auto start = std::chrono::steady_clock::now();
    run();
    const std::chrono::duration<double, std::milli> took = std::chrono::steady_clock::now() - start;
    best = std::min(best, took.count());
  }
  return best;
}

std::vector<std::string> synthetic(std::size_t n) {
  const char* words[] = {"Review",   "review",     "résumé",   "Resume", "call",   "Call",
                         "Zoë",      "zoe",        "draft",    "v2",     "v10",    "2025-Q3",
                         "#work",    "#home",      "Ångström", "naïve",  "plan",   "Plan",
                         "été",      "ete",        "42",       "007",    "item-3", "item 12",
                         "(urgent)", "\"quoted\"", "Ça",       "straße"};
  std::vector<std::string> out;
  unsigned seed = 12345;
  for (std::size_t i = 0; i < n; ++i) {
    std::string text;
    const int count = 2 + static_cast<int>(i % 6);
    for (int w = 0; w < count; ++w) {
      seed = seed * 1103515245u + 12345u;
      if (w) text += ' ';
      text += words[(seed >> 16) % (sizeof words / sizeof *words)];
    }
    out.push_back(text);
  }
  return out;
}

std::vector<std::string> from_files(std::size_t n, int argc, char** argv) {
  std::vector<std::string> lines;
  for (int i = 2; i < argc; ++i) {
    std::ifstream in(argv[i]);
    std::string line;
    while (std::getline(in, line)) {
      const auto dash = line.find("- [");
      if (dash != std::string::npos && line.size() > dash + 6)
        lines.push_back(line.substr(dash + 6));
    }
  }
  std::vector<std::string> out;
  for (std::size_t i = 0; i < n && !lines.empty(); ++i) {
    out.push_back(lines[i % lines.size()] + " #" + std::to_string(i / lines.size()));
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const std::size_t n = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 20000;
  const std::vector<std::string> texts = argc > 2 ? from_files(n, argc, argv) : synthetic(n);

  const double by_collate = best_ms([&] {
    std::vector<std::string> v = texts;
    std::stable_sort(v.begin(), v.end(), [](const std::string& a, const std::string& b) {
      return kb::tasks::collate(a, b) < 0;
    });
  });
  const double by_keys = best_ms([&] {
    std::vector<std::pair<std::string, std::size_t>> v;
    v.reserve(texts.size());
    for (std::size_t i = 0; i < texts.size(); ++i) {
      v.emplace_back(kb::tasks::collation_key(texts[i]), i);
    }
    std::stable_sort(v.begin(), v.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
  });

  kb::tasks::TaskList list;
  list.notes.push_back({"Tasks.md"});
  for (std::size_t i = 0; i < texts.size(); ++i) {
    if (auto task = kb::tasks::parse_task("- [ ] " + texts[i])) {
      list.add(0, static_cast<int>(i + 1), "", std::move(*task));
    }
  }
  auto query = kb::tasks::TasksQuery::parse("sort by description");
  if (!query) return 1;
  const double by_query = best_ms([&] { (void)query->select(list, kb::text::Date{2025, 11, 7}); });
  std::printf("%zu texts: collate %.1f ms, keys %.1f ms, sort by description %.1f ms\n",
              texts.size(), by_collate, by_keys, by_query);
  return 0;
}
