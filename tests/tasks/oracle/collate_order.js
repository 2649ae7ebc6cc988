// Rewrites the two tables of src/tasks/collate_order.cpp from node 20's ICU
// (CLDR root, `localeCompare(b, 'en')`); needs node with full ICU, not run
// by the suite:
//   node tests/tasks/oracle/collate_order.js src/tasks/collate_order.cpp
//   clang-format -i src/tasks/collate_order.cpp
// kOrder: spaces, punctuation, symbols and currency in ICU's order, as runs
// of consecutive code points; `tie` when ICU ranks a run's first character
// equal to the one before it. Those of the first blocks below by general
// category (Z, P, S, controls); in the blocks after them every character
// ICU sorts before "0" (modifier letters such as ˈ ˥ ʹ, Thai ๆ ฯ,
// Devanagari ॱ, Hebrew ׳, Arabic ، ؟, Indic dandas), whatever its category.
// kLetters: the lower-case letters of the Latin, IPA, Greek, Coptic,
// Cyrillic, Georgian and Armenian blocks (and Latin's phonetic extensions)
// that do not decompose, in ICU's order, as runs ranked `rank`, `rank + 1`...
const fs = require('fs');
const full = new Intl.Collator('en', { numeric: true });
const base = new Intl.Collator('en', { sensitivity: 'base' });
const ch = (cp) => String.fromCodePoint(cp);
const hex = (n) => '0x' + n.toString(16).toUpperCase();
const category = (c) => /\p{L}/u.test(c) ? 'L' : /\p{N}/u.test(c) ? 'N' : /\p{M}/u.test(c) ? 'M'
  : /\p{P}/u.test(c) ? 'P' : /\p{S}/u.test(c) ? 'S' : /\p{Z}/u.test(c) ? 'Z' : 'C';

const byCategory = [[0x09, 0x0d], [0x20, 0x7e], [0xa0, 0xbf], [0xd7, 0xd7], [0xf7, 0xf7], [0x2010, 0x205e],
  [0x20a0, 0x20c0], [0x2190, 0x21ff], [0x2200, 0x22ff], [0x2300, 0x23ff], [0x2500, 0x257f], [0x25a0, 0x25ff],
  [0x2600, 0x26ff], [0x2700, 0x27bf], [0x2100, 0x214f], [0x2900, 0x2aff], [0x2b00, 0x2bff], [0x3000, 0x303f],
  [0x1f000, 0x1f2ff], [0x1f300, 0x1faff]];
const beforeDigits = [[0x2b0, 0x2ff], [0x370, 0x3ff], [0x482, 0x482], [0x530, 0x58f], [0x590, 0xfff],
  [0x1d00, 0x1dbf], [0x2e00, 0x2e7f], [0xa700, 0xa721], [0xa788, 0xa78a]];
const symbols = new Set();
for (const [from, to] of byCategory) {
  for (let cp = from; cp <= to; ++cp) {
    const k = category(ch(cp));
    if (k === 'P' || k === 'S' || k === 'Z' || (k === 'C' && cp < 0x20)) symbols.add(ch(cp));
  }
}
for (const [from, to] of beforeDigits) {
  for (let cp = from; cp <= to; ++cp) {
    const c = ch(cp);
    if (/\p{Cn}|\p{Cs}|\p{Co}|\p{Cc}|\p{Cf}|\p{Nd}|\p{M}/u.test(c) || c.normalize('NFKD') !== c) continue;
    if (base.compare('a' + c + 'b', 'ab') === 0) continue;  // ignorable or an accent
    if (base.compare(c, '0') < 0) symbols.add(c);
  }
}
const order = [...symbols].sort((x, y) => full.compare(x, y) || x.codePointAt(0) - y.codePointAt(0));
const runs = [];
order.forEach((c, i) => {
  const cp = c.codePointAt(0);
  const tie = i > 0 && base.compare(order[i - 1], c) === 0;
  const last = runs[runs.length - 1];
  if (last && !tie && !last.tie && cp === last.to + 1) last.to = cp;
  else runs.push({ from: cp, to: cp, tie });
});

const letterRanges = [[0x61, 0x7a], [0xdf, 0xff], [0x100, 0x24f], [0x250, 0x2ff], [0x370, 0x3ff], [0x400, 0x52f],
  [0x531, 0x58a], [0x10a0, 0x10ff], [0x1e00, 0x1eff], [0x2c60, 0x2c7f], [0xa720, 0xa7ff], [0x1d00, 0x1dbf],
  [0xab30, 0xab6f]];
const letters = [];
for (const [from, to] of letterRanges) {
  for (let cp = from; cp <= to; ++cp) {
    const c = ch(cp);
    if (!/\p{L}/u.test(c) || symbols.has(c)) continue;
    if (c.normalize('NFD') !== c || c.normalize('NFKD') !== c) continue;  // kb decomposes it
    if (c.toLowerCase() !== c && /\p{Lu}|\p{Lt}/u.test(c)) continue;    // kb lower-cases it
    letters.push(c);
  }
}
const plain = new Intl.Collator('en');
letters.sort((x, y) => base.compare(x, y) || plain.compare(x, y) || x.codePointAt(0) - y.codePointAt(0));
const letterRuns = [];
let rank = 0;
letters.forEach((c, i) => {
  if (i === 0 || base.compare(letters[i - 1], c) !== 0) ++rank;
  const cp = c.codePointAt(0), last = letterRuns[letterRuns.length - 1];
  const tie = i > 0 && base.compare(letters[i - 1], c) === 0;
  if (last && !tie && cp === last.to + 1 && rank === last.rank + (last.to - last.from) + 1) last.to = cp;
  else letterRuns.push({ from: cp, to: cp, rank });
});

const orderText = `constexpr std::array<Run, ${runs.length}> kOrder = {{` +
  runs.map((r) => `{${hex(r.from)}, ${hex(r.to)}, ${r.tie}}`).join(', ') + '}};';
const lettersText = `constexpr std::array<LetterRun, ${letterRuns.length}> kLetters = {{` +
  letterRuns.map((r) => `{${hex(r.from)}, ${hex(r.to)}, ${r.rank}}`).join(', ') + '}};';
const file = process.argv[2];
let text = fs.readFileSync(file, 'utf8');
text = text.replace(/constexpr std::array<Run, \d+> kOrder = \{[^;]*;/, orderText);
text = text.replace(/constexpr std::array<LetterRun, \d+> kLetters = \{[^;]*;/, lettersText);
fs.writeFileSync(file, text);
process.stderr.write(`${order.length} symbols in ${runs.length} runs, ${letters.length} letters (${rank} ranks) in ${letterRuns.length} runs\n`);
