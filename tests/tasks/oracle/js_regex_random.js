// Random differential oracle for kb's JavaScript regular expressions (not run
// by the suite or CI; needs node): random patterns that mix back-references
// (numbered and named) with repeated groups, lookaheads and flags, and what
// node's V8 answers for each of them on a fixed list of subjects.
//
//   node tests/tasks/oracle/js_regex_random.js SEED COUNT > patterns.tsv
//
// The same SEED and COUNT give the same file (the generator is mulberry32,
// not Math.random). Output, UTF-8:
//   # comment lines
//   # subjects<TAB>["", "a", ...]          the subjects, a JSON array
//   FLAGS<TAB>PATTERN<TAB>BITS             one row per pattern
// BITS holds one 0 or 1 per subject: whether `subject.match(new RegExp(
// PATTERN, FLAGS))` is not null, as the plugin's RegexMatcher.matches asks.
// Patterns node refuses are not written, nor those it runs for over 5 s on
// the subjects (a comment says which); patterns hold no tab or newline.
//
// tests/tasks/oracle/js_regex_random_driver.cpp runs each row through kb's
// RegexMatcher and prints the rows whose bits differ; random_differential.sh
// runs both for several seeds (docs/tasks-query.md, "Deviations").
"use strict";

const seedArg = Number(process.argv[2] ?? 1);
const count = Number(process.argv[3] ?? 1000);
if (!Number.isInteger(seedArg) || !Number.isInteger(count) || count < 0) {
  process.stderr.write("usage: node js_regex_random.js SEED COUNT > patterns.tsv\n");
  process.exit(2);
}

let state = seedArg | 0;
// mulberry32: a uniform integer in [0, n).
function rnd(n) {
  state = (state + 0x6d2b79f5) | 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return Math.floor((((t ^ (t >>> 14)) >>> 0) / 4294967296) * n);
}
const pick = (list) => list[rnd(list.length)];
const chance = (percent) => rnd(100) < percent;

// Short subjects over the patterns' letters, plus capitals (i), line
// terminators (m, s: \n, \r, U+2028) and an astral character (u, v: one
// code point, two UTF-16 units).
const subjects = ["", "a", "b", "ab", "ba", "aa", "bb", "aba", "abb", "bab", "abab", "aab",
  "abc", "cab", "abcab", "bcbc", "aaa", "abba", "ababa", "xaxa", "cc", "ca", "acb", "abcabc",
  "bca", "aabb", "baba", "c", "A", "AB", "Ab", "aB", "ABA", "aAa", "a\nb", "ab\nab", "\n",
  "b\na", "a\r\nb", "a\u2028a", "\u{1F600}", "a\u{1F600}a"];

// Quantifiers of repeated groups and atoms, each also in its lazy form.
const quantifiers = ["?", "*", "+", "{0,1}", "{0,2}", "{1,2}", "{2}", "{2,}", "{3,}", "{1,}",
  "{2,3}", "{2,4}"];
function quantifier() {
  return pick(quantifiers) + (chance(30) ? "?" : "");
}

// One pattern's group names, n1, n2, ... in order.
function newScope() {
  return { names: [] };
}

function atom() {
  return pick(["a", "b", "c", ".", "a", "b", "A", "[ab]", "[^b]", "^", "$", "\\n"]);
}

function backReference() {
  // A name or a number that may not exist yet (a forward reference) or at all
  // (\3 with two groups: an octal escape without u, an error with it).
  if (chance(35)) return `\\k<n${1 + rnd(3)}>`;
  return "\\" + (1 + rnd(3));
}

function group(depth, scope) {
  const kind = rnd(100);
  let open;
  if (kind < 35) {
    open = "(";
  } else if (kind < 50) {
    open = "(?:";
  } else if (kind < 67) {
    const name = `n${scope.names.length + 1}`;
    scope.names.push(name);
    open = `(?<${name}>`;
  } else if (kind < 87) {
    open = "(?=";
  } else {
    open = "(?!";
  }
  return open + alternatives(depth + 1, scope) + ")";
}

function term(depth, scope) {
  const r = rnd(10);
  if (r < 3 || depth > 2) return atom();
  if (r < 5) return backReference();
  return group(depth, scope);
}

function sequence(depth, scope) {
  let text = "";
  const length = rnd(3) + (depth === 0 ? 2 : 0);
  for (let i = 0; i < length; i++) {
    let t = term(depth, scope);
    const isGroup = t.startsWith("(");
    if ((isGroup && chance(75)) || (!isGroup && rnd(3) === 0)) t += quantifier();
    text += t;
  }
  return text;
}

function alternatives(depth, scope) {
  let text = sequence(depth, scope);
  if (rnd(3) === 0) text += "|" + sequence(depth, scope);
  return text;
}

// Each flag on its own; v (Unicode sets) now and then instead of u.
function flags() {
  let f = "";
  if (chance(30)) f += "i";
  if (chance(20)) f += "m";
  if (chance(20)) f += "s";
  const unicode = rnd(100);
  if (unicode < 25) f += "u";
  else if (unicode < 30) f += "v";
  return f;
}

// What the plugin asks: String.prototype.match, not null; in a vm context, so
// that a pattern V8 backtracks on without end (the plugin's safety check
// lets some through) is dropped after a few seconds instead of hanging.
const vm = require("vm");
const context = vm.createContext({ subjects, re: null });
const matchAll = new vm.Script('subjects.map((s) => (s.match(re) !== null ? "1" : "0")).join("")');
function bits(re) {
  context.re = re;
  try {
    return matchAll.runInContext(context, { timeout: 5000 });
  } catch (e) {
    if (e.code === "ERR_SCRIPT_EXECUTION_TIMEOUT") return null;
    throw e;
  }
}

// A pattern for the flags: drawn again until node reads it (with u or v,
// most quantified lookaheads and dangling references are errors).
function patternFor(f) {
  for (;;) {
    const pattern = candidate();
    if (pattern === null) continue;
    try {
      return { pattern, re: new RegExp(pattern, f) };
    } catch {
      // node refuses it: nothing to compare
    }
  }
}

function candidate() {
  let pattern = alternatives(0, newScope());
  // A back-reference is what makes captures (and so repetition and lookahead
  // details) change the answer; then a repeated group or a lookahead.
  if (!/\\[1-9]|\\k</.test(pattern)) return null;
  if (!/\)[?*+{]/.test(pattern) && !pattern.includes("(?=") && !pattern.includes("(?!")) return null;
  if (chance(50)) pattern = "^" + pattern;
  if (chance(50)) pattern += "$";
  return pattern;
}

const rows = [];
const comments = [];
const seen = new Set();
while (rows.length < count) {
  const f = flags();
  const { pattern, re } = patternFor(f);
  const key = f + "/" + pattern;
  if (seen.has(key)) continue;
  seen.add(key);
  const answers = bits(re);
  if (answers === null) {
    comments.push(`# dropped, node took over 5 s:\t${f}\t${pattern}`);
    continue;
  }
  rows.push(`${f}\t${pattern}\t${answers}`);
}

const out = [
  `# node tests/tasks/oracle/js_regex_random.js ${seedArg} ${count} (node ${process.version}, V8 ${process.versions.v8})`,
  `# subjects\t${JSON.stringify(subjects)}`,
  ...comments,
  ...rows,
];
process.stdout.write(out.join("\n") + "\n");
