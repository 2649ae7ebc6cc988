// kb's collation against ICU's verdicts (collate_pairs.js writes them; not
// built or run by the suite). Prints, per set and in all, how many pairs
// collate() orders as ICU does (pairs ICU calls equal apart), and
// how many collation_key orders differently from collate(); with `-v`, the pairs that
// differ. Build against a build tree's library, e.g.
//   g++ -std=c++20 -O2 -Iinclude tests/tasks/oracle/collate_agreement.cpp \
//       build/libkblib.a -lutf8proc -o /tmp/collate_agreement
//   node tests/tasks/oracle/collate_pairs.js | /tmp/collate_agreement
#include <cstdio>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "../../../src/tasks/collate.hpp"

int main(int argc, char** argv) {
  const bool verbose = argc > 1 && std::string(argv[1]) == "-v";
  const auto sign = [](int v) { return (v > 0) - (v < 0); };
  struct Count {
    long pairs = 0, agree = 0, key_agree = 0, icu_equal = 0;
  };
  std::map<std::string, Count> sets;
  std::vector<std::string> order;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
      f.push_back(line.substr(start, tab - start));
    f.push_back(line.substr(start));
    if (f.size() != 4) continue;
    if (!sets.count(f[0])) order.push_back(f[0]);
    Count& c = sets[f[0]];
    const int icu = std::stoi(f[3]);
    const int kb = sign(kb::tasks::collate(f[1], f[2]));
    const int key =
        sign(kb::tasks::collation_key(f[1]).compare(kb::tasks::collation_key(f[2])));
    ++c.pairs;
    // ICU calls some distinct texts equal; kb orders them by bytes
    // (documented): such pairs are counted apart, not as agreeing.
    const bool icu_equal = icu == 0 && f[1] != f[2];
    const bool ok = icu == kb;
    c.agree += ok;
    c.key_agree += key == kb;
    c.icu_equal += icu_equal;
    if (verbose && !ok && !icu_equal) std::printf("%s\t%s\t%s\ticu %d kb %d\n", f[0].c_str(), f[1].c_str(),
                                    f[2].c_str(), icu, kb);
  }
  Count all;
  for (const std::string& name : order) {
    const Count& c = sets[name];
    const long ordered = c.pairs - c.icu_equal;
    std::printf("%-24s %6ld/%6ld %6.2f%%  icu-equal %ld  key!=collate %ld\n", name.c_str(),
                c.agree, ordered, 100.0 * c.agree / ordered, c.icu_equal, c.pairs - c.key_agree);
    all.pairs += c.pairs;
    all.icu_equal += c.icu_equal;
    all.agree += c.agree;
    all.key_agree += c.key_agree;
  }
  const long ordered = all.pairs - all.icu_equal;
  std::printf("%-24s %6ld/%6ld %6.2f%%  icu-equal %ld  key!=collate %ld\n", "all", all.agree,
              ordered, 100.0 * all.agree / ordered, all.icu_equal, all.pairs - all.key_agree);
}
