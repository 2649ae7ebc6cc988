// Writes src/tasks/collate_weights.cpp: ICU's weights (Node 20 / ICU 78,
// CLDR root as `localeCompare(b, 'en')` gives it) for the characters kb
// cannot weigh from Unicode data alone. Needs node with full ICU; not run by
// the suite:  node tests/tasks/oracle/collate_weights.js > src/tasks/collate_weights.cpp
// (then clang-format -i it).
// Everything is measured by comparing strings, never read from ICU's files:
// - a character is ignorable when "a" c "b" equals "ab" at every level,
//   an accent (primary-ignorable) when they are equal at the base level only;
// - accents are ranked by sorting "a" + accent at the accent level (ties
//   share a rank); the accents of ø, ł, æ, ß... by where "o", "l", "ae",
//   "ss" + accent falls against the letter;
// - the letters of the Hebrew..Tibetan blocks (0590-0FFF; vowel signs,
//   viramas and other marks ICU gives a primary weight) are ranked by
//   sorting them at the base level, with the pairs ICU weighs as one
//   letter (contractions, below); equal letters are told apart by an
//   accent or a tertiary rank, and a letter that sorts as two (between the
//   letter before it and that letter + U+FFFD) is weighed as those two.
// Characters ICU sorts before "a" (punctuation, symbols) and decimal digits
// are left to kb's other rules; so are characters with a decomposition
// (kb decomposes them first, as ICU's canonical closure does).
const full = new Intl.Collator('en');
const base = new Intl.Collator('en', { sensitivity: 'base' });
const accent = new Intl.Collator('en', { sensitivity: 'accent' });
const ch = (cp) => String.fromCodePoint(cp);
const hex = (n) => '0x' + n.toString(16).toUpperCase();
const usable = (c) => !/\p{Cn}|\p{Cs}|\p{Co}|\p{Nd}/u.test(c) && c.normalize('NFKD') === c;
function kind(c) {
  if (full.compare('a' + c + 'b', 'ab') === 0) return 'ignorable';
  if (base.compare('a' + c + 'b', 'ab') === 0) return accent.compare('a' + c + 'b', 'ab') === 0 ? 'tertiary' : 'accent';
  return 'primary';
}
const fail = (why) => { throw new Error(why); };

// Accents: every primary-ignorable character of the combining blocks and of
// the letter blocks below.
const accentRanges = [[0x300, 0x36f], [0x483, 0x489], [0x590, 0xfff], [0x1ab0, 0x1aff], [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff], [0x3099, 0x309a], [0xfe20, 0xfe2f]];
const ignorables = [], accents = [];
for (const [from, to] of accentRanges) {
  for (let cp = from; cp <= to; ++cp) {
    const c = ch(cp);
    if (!usable(c)) continue;
    const k = kind(c);
    if (k === 'ignorable') ignorables.push(cp);
    else if (k === 'accent') accents.push(c);
    else if (k === 'tertiary') fail('tertiary-only ' + hex(cp));
  }
}
for (const m of accents) {  // kb weighs "none" below every accent, as ICU's common weight is
  if (accent.compare('a' + m + 'b', 'ab' + m) <= 0) fail('accent below common ' + hex(m.codePointAt(0)));
}
accents.sort((x, y) => accent.compare('a' + x, 'a' + y) || x.codePointAt(0) - y.codePointAt(0));
const accentRank = new Map();
let rank = 0;
accents.forEach((m, i) => {
  if (i === 0 || accent.compare('a' + accents[i - 1], 'a' + m) !== 0) ++rank;
  accentRank.set(m.codePointAt(0), rank);
});
// Weights 4 * rank: room between two accents for the letters' own accents.
const accentWeight = (cp) => 4 * accentRank.get(cp);
// An accent ICU gives a letter (ø: o with one, æ: ae with one): between
// the accents that sort below and above base + accent.
function ownAccent(letter, baseText) {
  if (base.compare(letter, baseText) !== 0) fail('not ' + baseText + ': ' + letter);
  let below = 0;
  for (const m of accents) {
    const r = accent.compare(baseText + m, letter);
    if (r === 0) return accentWeight(m.codePointAt(0));
    if (r < 0) below = Math.max(below, accentWeight(m.codePointAt(0)));
  }
  return below + 2;
}
const specials = [['ø', 'o'], ['ł', 'l'], ['đ', 'd'], ['ħ', 'h'], ['ð', 'd'], ['ŀ', 'l'], ['æ', 'ae'], ['œ', 'oe'],
  ['ß', 'ss'], ['ſ', 's']].map(([l, b]) => [l.codePointAt(0), ownAccent(l, b)]);

// Letters of the Hebrew..Tibetan blocks.
const letterFrom = 0x590, letterTo = 0xfff;
const letters = [];
for (let cp = letterFrom; cp <= letterTo; ++cp) {
  const c = ch(cp);
  if (!usable(c) || kind(c) !== 'primary' || base.compare(c, 'a') < 0) continue;
  letters.push(c);
}
// A letter or sign x followed by a mark y of its block is a contraction
// when it does not sort as x then y would: before x, or after x followed
// by anything (Tamil ொ + ௗ, Arabic و + ٔ = ؤ). Pairs that are the canonical
// decomposition of a letter (ؤ, ொ) are among them: kb decomposes first.
const contractions = [];
const marksOf = (c) => {
  const block = c.codePointAt(0) >> 7, out = [];
  for (let cp = block << 7; cp < (block + 1) << 7; ++cp) {
    const y = ch(cp);
    if (/\p{M}/u.test(y) && usable(y)) out.push(y);
  }
  return out;
};
// A pair whose marks canonical ordering swaps is no contraction: kb
// orders marks by combining class first, as ICU does.
const contracts = (x, y) => (x + y).normalize('NFD') === x + y &&
  (base.compare(x + y, x) < 0 || base.compare(x + y, x + '\uFFFD') > 0);
for (const x of letters) {
  for (const y of marksOf(x)) {
    if (!contracts(x, y)) continue;
    contractions.push(x + y);
    for (const z of marksOf(x)) {  // three: ೋ is ೊ + ೕ, ೊ is ೆ + ೂ
      if (contracts(x + y, z)) contractions.push(x + y + z);
    }
  }
}
const units = letters.concat(contractions);
units.sort((x, y) => base.compare(x, y) || full.compare(x, y) || (x < y ? -1 : 1));
const weigh = new Map();  // unit -> {rank, tertiary, accent}
rank = 0;
let groupStart = 0, tertiary = 0;
units.forEach((u, i) => {
  if (i === 0 || base.compare(units[i - 1], u) !== 0) {
    ++rank;
    groupStart = i;
    tertiary = 0;
    weigh.set(u, { rank, tertiary: 0, accent: 0 });
    return;
  }
  const first = units[groupStart];
  if (accent.compare(first, u) !== 0) {
    weigh.set(u, { rank, tertiary: 0, accent: ownAccent(u, first) });
    return;
  }
  if (full.compare(units[i - 1], u) !== 0) ++tertiary;
  weigh.set(u, { rank, tertiary, accent: 0 });
});
if (rank + letterFrom > 0x1000) fail('ranks overflow the block range: ' + rank);
// Letters ICU weighs as two (Malayalam chillus, Bengali ৎ): after the letter
// before them and before that letter followed by anything, equal at the
// base level to it followed by another letter.
const expansions = new Map();  // letter -> [first, second] ranks
units.forEach((u, i) => {
  if (u.length > 1 || [...u].length > 1) return;
  let j = i - 1;
  while (j >= 0 && base.compare(units[j], u) === 0) --j;
  if (j < 0 || base.compare(u, units[j] + '\uFFFD') >= 0) return;
  const second = units.find((z) => base.compare(units[j] + z, u) === 0);
  if (second === undefined) return;  // three or more: kb keeps its rank
  expansions.set(u, [weigh.get(units[j]).rank, weigh.get(second).rank]);
});

// Runs of consecutive code points whose weights step evenly (or stay).
function runs(entries) {  // [cp, kind, weight, tertiary, accent], sorted by cp
  const out = [];
  for (const [cp, k, w, t, a] of entries) {
    const last = out[out.length - 1];
    if (last && last.kind === k && last.tertiary === t && last.accent === a && cp === last.to + 1) {
      const step = w - (last.weight + last.step * (last.to - last.from));
      if (last.to === last.from && step >= 0 && step < 256) last.step = step;
      if (step === last.step) { last.to = cp; continue; }
    }
    out.push({ from: cp, to: cp, kind: k, weight: w, step: 0, tertiary: t, accent: a });
  }
  return out;
}
const entries = [];
for (const cp of ignorables) entries.push([cp, 'Ignorable', 0, 0, 0]);
for (const m of accents) entries.push([m.codePointAt(0), 'Accent', accentWeight(m.codePointAt(0)), 0, 0]);
for (const c of letters) {
  const w = weigh.get(c);
  if (expansions.has(c)) entries.push([c.codePointAt(0), 'Expansion', 0, 0, 0]);
  else entries.push([c.codePointAt(0), 'Letter', w.rank, w.tertiary, w.accent]);
}
entries.sort((x, y) => x[0] - y[0]);
const table = runs(entries);

const lines = [];
const p = (s) => lines.push(s);
p('// Generated by tests/tasks/oracle/collate_weights.js from Node 20 (ICU 78):');
p('// do not edit; run the script again. ICU\'s weights for the accents of the');
p('// combining blocks and for the characters of the Hebrew..Tibetan blocks');
p(`// (U+${letterFrom.toString(16).toUpperCase()}..U+${letterTo.toString(16).toUpperCase()}), measured by comparing strings.`);
p('#include "collate_weights.hpp"');
p('');
p('#include <algorithm>');
p('#include <array>');
p('');
p('namespace kb::tasks {');
p('namespace {');
p('');
p('// Consecutive code points: the first weighs `weight`, each next one');
p('// `step` more.');
p('struct Run {');
p('  char32_t from, to;');
p('  Weight::Kind kind;');
p('  std::uint8_t step;');
p('  std::uint16_t weight;');
p('  std::uint8_t tertiary;');
p('  std::uint16_t accent;');
p('};');
p('');
p(`constexpr std::array<Run, ${table.length}> kRuns = {{`);
for (const r of table) {
  p(`    {${hex(r.from)}, ${hex(r.to)}, Weight::${r.kind}, ${r.step}, ${r.weight}, ${r.tertiary}, ${r.accent}},`);
}
p('}};');
p('');
p('// Two or three characters ICU weighs as one letter (third: 0 for two).');
p('struct Contraction {');
p('  char32_t first, second, third;');
p('  std::uint16_t weight;');
p('};');
p(`constexpr std::array<Contraction, ${contractions.length}> kContractions = {{`);
for (const c of contractions) {
  const [x, y, z] = [...c].map((s) => s.codePointAt(0));
  p(`    {${hex(x)}, ${hex(y)}, ${z ? hex(z) : 0}, ${weigh.get(c).rank}},`);
}
p('}};');
p('');
p('// Letters ICU weighs as two: the ranks of both.');
p('struct Expansion {');
p('  char32_t letter;');
p('  std::uint16_t first, second;');
p('};');
p(`constexpr std::array<Expansion, ${expansions.size}> kExpansions = {{`);
for (const [c, [first, second]] of [...expansions].sort((x, y) => x[0].codePointAt(0) - y[0].codePointAt(0))) {
  p(`    {${hex(c.codePointAt(0))}, ${first}, ${second}},`);
}
p('}};');
p('');
p(`constexpr std::array<std::pair<char32_t, std::uint16_t>, ${specials.length}> kLetterAccents = {{`);
for (const [cp, w] of specials) p(`    {${hex(cp)}, ${w}},`);
p('}};');
p('');
p('}  // namespace');
p('');
p('std::optional<Weight> icu_weight(char32_t c) {');
p('  if (c < kRuns.front().from || c > kRuns.back().to) return std::nullopt;');
p('  const auto it = std::upper_bound(kRuns.begin(), kRuns.end(), c,');
p('                                   [](char32_t x, const Run& run) { return x < run.from; });');
p('  if (it == kRuns.begin()) return std::nullopt;');
p('  const Run& run = *(it - 1);');
p('  if (c > run.to) return std::nullopt;');
p('  if (run.kind == Weight::Expansion) {');
p('    for (const Expansion& e : kExpansions) {');
p('      if (e.letter == c) return Weight{Weight::Letter, e.first, 0, 0, e.second};');
p('    }');
p('  }');
p('  return Weight{run.kind, static_cast<std::uint16_t>(run.weight + run.step * (c - run.from)),');
p('                run.tertiary, run.accent, 0};');
p('}');
p('');
p('std::optional<Contracted> icu_contraction(char32_t first, char32_t second, char32_t third) {');
p('  std::optional<Contracted> found;');
p('  for (const Contraction& c : kContractions) {');
p('    if (c.first != first || c.second != second) continue;');
p('    if (c.third == 0 && !found) found = Contracted{c.weight, 2};');
p('    if (c.third != 0 && c.third == third) return Contracted{c.weight, 3};');
p('  }');
p('  return found;');
p('}');
p('');
p('bool starts_contraction(char32_t c) {');
p('  for (const Contraction& x : kContractions) {');
p('    if (x.first == c) return true;');
p('  }');
p('  return false;');
p('}');
p('');
p('std::uint16_t letter_accent(char32_t letter) {');
p('  for (const auto& [c, weight] : kLetterAccents) {');
p('    if (c == letter) return weight;');
p('  }');
p('  return 0;');
p('}');
p('');
p('}  // namespace kb::tasks');
process.stdout.write(lines.join('\n') + '\n');
process.stderr.write(`${table.length} runs: ${ignorables.length} ignorable, ${accents.length} accents, ` +
  `${letters.length} letters (${rank} primary weights), ${contractions.length} contractions, ${expansions.size} expansions\n`);
