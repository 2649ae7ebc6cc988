// The fast front-matter parser against yaml-cpp: on every input the fast
// parser accepts, both must give the same values, quoted flags, lines and
// diagnostics. Inputs are hand-written, generated from the pieces real
// front-matter is made of, and mutated byte by byte (fixed seeds, so a
// failure reproduces). KB_FUZZ_ROUNDS=N multiplies the generated rounds.
#include "kb/text/frontmatter_fast.hpp"

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

using namespace kb::text;

namespace {

// Deterministic on every platform, unlike std::uniform_int_distribution.
class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }
  std::size_t below(std::size_t n) { return static_cast<std::size_t>(next() % n); }
  bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
  template <typename T>
  const T& pick(const std::vector<T>& v) {
    return v[below(v.size())];
  }

 private:
  std::uint64_t state_;
};

std::string escaped(std::string_view s) {
  std::string out;
  for (unsigned char c : s) {
    if (c == '\n') {
      out += "\\n\n";
    } else if (c < 0x20 || c == 0x7F) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02X", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string describe(const YamlValue& v, int depth = 0) {
  std::string pad(depth * 2, ' ');
  std::string out = pad + "line " + std::to_string(v.line) + " ";
  switch (v.kind) {
    case YamlValue::Kind::Null:
      return out + "null\n";
    case YamlValue::Kind::Scalar:
      return out + (v.quoted ? "quoted " : "plain ") + "[" + escaped(v.scalar) + "]\n";
    case YamlValue::Kind::Sequence:
      out += "list\n";
      for (const auto& item : v.items) out += describe(item, depth + 1);
      return out;
    case YamlValue::Kind::Map:
      out += "map\n";
      for (const auto& [k, item] : v.entries)
        out += pad + "  " + k + ":\n" + describe(item, depth + 2);
      return out;
  }
  return out;
}

std::string describe(const FrontMatterResult& r) {
  std::string out = r.ok ? "ok\n" : "failed\n";
  for (const auto& [k, v] : r.fm.entries) out += k + ":\n" + describe(v, 1);
  for (const auto& d : r.diagnostics) {
    out += "diagnostic " + std::to_string(d.line) + " " + d.message +
           (d.severity == kb::Severity::Error ? " (error)\n" : " (warning)\n");
  }
  return out;
}

struct Tally {
  int inputs = 0, accepted = 0;
};

// Fails the test (showing both results) when the fast parser accepts
// `yaml` and disagrees with yaml-cpp.
void check_against_yaml_cpp(const std::string& yaml, Tally& tally) {
  ++tally.inputs;
  const auto fast = parse_front_matter_fast(yaml, 2);
  if (!fast) return;
  ++tally.accepted;
  const std::string expected = describe(parse_front_matter_yaml_cpp(yaml, 2));
  const std::string actual = describe(*fast);
  if (expected != actual) {
    INFO("input:\n" << escaped(yaml) << "\nyaml-cpp:\n" << expected << "fast:\n" << actual);
    FAIL("the fast front-matter parser disagrees with yaml-cpp");
  }
}

// --- generated front-matter ------------------------------------------------

const std::vector<std::string> kKeys = {
    "type",    "title",     "date",         "participants", "aliases", "tags",
    "summary", "Attendees", "last_contact", "a-b",          "x.y",     "key with space",
    "_k",      "k2",        "Date",         "null",         "~",       "-k",
    "k "};

const std::vector<std::string> kPlain = {"Asaf Levy",
                                         "2025-11-07",
                                         "12:30",
                                         "a#b",
                                         "it's",
                                         "Élodie Marchand",
                                         "日本語 テキスト",
                                         "x: y",
                                         "a [b]",
                                         "~",
                                         "null",
                                         "Null",
                                         "NULL",
                                         "true",
                                         "007",
                                         "-5",
                                         "a,b",
                                         "[[Asaf Levy]]",
                                         "http://x.y/z",
                                         "a \\ b",
                                         "%x",
                                         "@x",
                                         "`x`",
                                         "{a}",
                                         "a}",
                                         "a]",
                                         "a{",
                                         "a:",
                                         "?x",
                                         "!x",
                                         "&a x",
                                         "*a",
                                         "|",
                                         ">",
                                         "x - y",
                                         "2026-08-03T10:00",
                                         "\"a\" b",
                                         "a 'b'",
                                         "😀 emoji",
                                         "type/people",
                                         "a\tb",
                                         "ü",
                                         "---",
                                         "...",
                                         "a  b",
                                         "#tag",
                                         "a #b",
                                         "-",
                                         "- a"};

const std::vector<std::string> kDoublePieces = {"plain",
                                                " ",
                                                "\\n",
                                                "\\t",
                                                "\\\"",
                                                "\\\\",
                                                "\\/",
                                                "\\u00e9",
                                                "\\x41",
                                                "\\x80",
                                                "\\U0001F600",
                                                "\\N",
                                                "\\_",
                                                "\\q",
                                                "\\ud800",
                                                "é",
                                                "'",
                                                "#",
                                                ": ",
                                                "[[Asaf Levy]]",
                                                "\\0",
                                                "\\e",
                                                "\\L",
                                                "\\P",
                                                "\\ ",
                                                "\\u12",
                                                "\\U00110000",
                                                "a,b",
                                                "]",
                                                "\\'",
                                                "\\a\\b\\f\\v\\r"};

const std::vector<std::string> kSinglePieces = {"plain", " ", "''",    "\\n", "\"", "#",
                                                ": ",    "é", "[[x]]", ", ",  "]"};

std::string spaces(Rng& rng, int max) {
  return std::string(rng.below(max + 1), ' ');
}

std::string scalar(Rng& rng, bool in_flow) {
  const std::size_t kind = rng.below(10);
  if (kind < 3) {
    std::string s = "\"";
    for (std::size_t n = rng.below(4); n > 0; --n) s += rng.pick(kDoublePieces);
    return s + "\"";
  }
  if (kind < 5) {
    std::string s = "'";
    for (std::size_t n = rng.below(4); n > 0; --n) s += rng.pick(kSinglePieces);
    return s + "'";
  }
  std::string s = rng.pick(kPlain);
  if (in_flow && rng.chance(30)) s = "Jane Doe";
  return s;
}

std::string comment(Rng& rng) {
  if (!rng.chance(15)) return "";
  return spaces(rng, 2) + (rng.chance(20) ? "#x" : "# comment: [x] 'y'");
}

std::string value(Rng& rng, const std::string& eol, int& depth) {
  const std::size_t kind = rng.below(12);
  if (kind < 6) return " " + spaces(rng, 1) + scalar(rng, false) + spaces(rng, 1) + comment(rng);
  if (kind < 8) {  // flow list
    std::string s = " [" + spaces(rng, 1);
    const std::size_t n = rng.below(4);
    for (std::size_t i = 0; i < n; ++i) {
      if (i > 0) s += spaces(rng, 1) + "," + spaces(rng, 2);
      s += rng.chance(5) ? "" : scalar(rng, true);
    }
    if (rng.chance(5)) s += ",";
    return s + spaces(rng, 1) + (rng.chance(95) ? "]" : "") + comment(rng);
  }
  if (kind < 11) {  // block list
    std::string s = comment(rng) + eol;
    const std::string indent = rng.chance(50) ? "" : spaces(rng, 4);
    for (std::size_t n = 1 + rng.below(4); n > 0; --n) {
      if (rng.chance(10)) s += spaces(rng, 3) + "# between" + eol;
      if (rng.chance(10)) s += eol;
      std::string item = rng.chance(10) ? "" : " " + scalar(rng, false);
      s += (rng.chance(5) ? indent + " " : indent) + "-" + item + comment(rng) + eol;
    }
    depth = 1;
    return s.substr(0, s.size() - eol.size());
  }
  return spaces(rng, 2) + comment(rng);  // empty value
}

std::string generate(Rng& rng) {
  const std::string eol = rng.chance(10) ? "\r\n" : "\n";
  std::string yaml;
  for (std::size_t n = rng.below(7); n > 0; --n) {
    if (rng.chance(10)) yaml += spaces(rng, 2) + "# note" + eol;
    if (rng.chance(5)) yaml += spaces(rng, 2) + eol;
    int depth = 0;
    yaml += rng.pick(kKeys) + (rng.chance(3) ? " " : "") + ":";
    if (rng.chance(3)) {
      yaml += "x";  // "key:x" is a scalar, not a key
    }
    yaml += value(rng, eol, depth);
    yaml += eol;
    const std::size_t odd = rng.below(100);
    if (odd < 2) yaml += "  continued" + eol;
    if (odd == 2) yaml += "  sub: 1" + eol;
    if (odd == 3) yaml += "\tk: v" + eol;
  }
  if (rng.chance(20) && !yaml.empty()) yaml.resize(yaml.size() - eol.size());
  return yaml;
}

const std::vector<std::string> kMutationBytes = {
    ":",    "#",    "-", "'", "\"", "[", "]", ",", " ", "\n", "\r", "\t",           "\\",
    "x",    "u",    "0", "{", "}",  "&", "*", "!", "|", ">",  "é",  "\xE2\x80\xA8", "\xC2\x85",
    "\xFF", "\x01", "~", "?"};

std::string mutate(Rng& rng, std::string s) {
  for (std::size_t n = 1 + rng.below(3); n > 0; --n) {
    const std::size_t at = s.empty() ? 0 : rng.below(s.size() + 1);
    switch (rng.below(4)) {
      case 0:
        s.insert(at, rng.pick(kMutationBytes));
        break;
      case 1:
        if (at < s.size()) s.erase(at, 1);
        break;
      case 2:
        if (at < s.size()) s.replace(at, 1, rng.pick(kMutationBytes));
        break;
      default: {  // duplicate a span: repeated keys, items, quotes
        const std::size_t length = rng.below(12);
        if (at < s.size()) s.insert(at, s.substr(at, length));
      }
    }
  }
  return s;
}

int rounds() {
  const char* env = std::getenv("KB_FUZZ_ROUNDS");
  const int n = env ? std::atoi(env) : 1;
  return n > 0 ? n : 1;
}

}  // namespace

TEST_CASE("fast front-matter: the flat subset, exactly as yaml-cpp reads it", "[frontmatter]") {
  const std::string yaml =
      "type: meeting\n"
      "title: \"Sync: Q3 \\\"plan\\\" \\u00e9\"\n"
      "date: '2025-11-07'  # quoted\n"
      "participants:\n"
      "  - Asaf Levy\n"
      "  - \"[[Dana Cohen]]\"\n"
      "  -\n"
      "tags: [a, 'b c', \"d\", ~]\n"
      "empty:\n"
      "# a comment\n"
      "summary: it's a#1 day # not this\n"
      "type: again\n";
  const auto fast = parse_front_matter_fast(yaml, 2);
  REQUIRE(fast.has_value());
  REQUIRE(describe(*fast) ==
          "ok\n"
          "type:\n  line 2 plain [meeting]\n"
          "title:\n  line 3 quoted [Sync: Q3 \"plan\" é]\n"
          "date:\n  line 4 quoted [2025-11-07]\n"
          "participants:\n  line 6 list\n    line 6 plain [Asaf Levy]\n"
          "    line 7 quoted [[[Dana Cohen]]]\n    line 6 null\n"
          "tags:\n  line 9 list\n    line 9 plain [a]\n    line 9 quoted [b c]\n"
          "    line 9 quoted [d]\n    line 9 null\n"
          "empty:\n  line 10 null\n"
          "summary:\n  line 12 plain [it's a#1 day]\n"
          "diagnostic 13 duplicate front-matter key 'type' (warning)\n");
  REQUIRE(describe(parse_front_matter_yaml_cpp(yaml, 2)) == describe(*fast));
}

TEST_CASE("fast front-matter declines what it does not fully understand", "[frontmatter]") {
  for (const char* yaml : {
           "a:\n  b: 1\n",         // nested map
           "a: one\n  two\n",      // multi-line plain scalar
           "a: \"one\n  two\"\n",  // multi-line quoted scalar
           "a: |\n  text\n",       // block scalar
           "a: &x 1\nb: *x\n",     // anchor and alias
           "a: !!str 1\n",         // tag
           "a: {b: 1}\n",          // flow map
           "a: [b, [c]]\n",        // nested flow list
           "a: [b,\n  c]\n",       // multi-line flow list
           "- a\n- b\n",           // not a map
           "a:\tb\n",              // tab
           "a: \"\\N\"\n",         // escape yaml-cpp writes as a Latin-1 byte
           "a: b: c\n",            // a map where a scalar was expected
           "a: \xFF\n",            // invalid UTF-8
           "a: b\rc: d\n",         // lone CR: a line break to YAML, not to kb
           "\"a\": 1\n",           // quoted key
           "? a\n: 1\n",           // explicit key
           "a:\n- b\n  - c\n",     // list items at two indentations
       }) {
    INFO(yaml);
    REQUIRE_FALSE(parse_front_matter_fast(yaml, 2).has_value());
  }
}

TEST_CASE("fast front-matter: empty, blank and comment-only yaml", "[frontmatter]") {
  for (const char* yaml : {"", "\n", "  \n", "# only a comment\n", "  # indented\r\n\n"}) {
    const auto fast = parse_front_matter_fast(yaml, 2);
    REQUIRE(fast.has_value());
    REQUIRE(fast->ok);
    REQUIRE(fast->fm.empty());
    REQUIRE(fast->diagnostics.empty());
  }
}

TEST_CASE("parse_front_matter gives the same result with or without the fast path",
          "[frontmatter]") {
  const std::string yaml = "title: A\naliases: [B, C]\n";
  REQUIRE(describe(parse_front_matter(yaml, 2)) == describe(parse_front_matter_yaml_cpp(yaml, 2)));
  const std::string nested = "title: A\nmeta:\n  b: 1\n";
  REQUIRE_FALSE(parse_front_matter_fast(nested, 2).has_value());
  REQUIRE(describe(parse_front_matter(nested, 2)) ==
          describe(parse_front_matter_yaml_cpp(nested, 2)));
}

TEST_CASE("fast front-matter equals yaml-cpp on generated front-matter", "[frontmatter][fuzz]") {
  Rng rng(0x6b62'6661'7374ULL);
  Tally tally;
  const int n = 20000 * rounds();
  for (int i = 0; i < n; ++i) check_against_yaml_cpp(generate(rng), tally);
  // The generator must mostly produce what the fast path is for, and also
  // plenty it declines.
  CHECK(tally.accepted > n / 5);
  CHECK(tally.accepted < n * 9 / 10);
}

TEST_CASE("fast front-matter equals yaml-cpp on mutated front-matter", "[frontmatter][fuzz]") {
  Rng rng(0x6d75'7461'7465ULL);
  Tally tally;
  const int n = 20000 * rounds();
  for (int i = 0; i < n; ++i) check_against_yaml_cpp(mutate(rng, generate(rng)), tally);
  CHECK(tally.accepted > n / 10);
}
