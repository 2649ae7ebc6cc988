// The v flag's classes under i as ECMA-262 (2025) evaluates them, for the
// rows node 20 cannot give (js_regex_rows.js; needs node, not run by the
// suite). 22.2.2.9 CompileToCharSet: every ClassSetOperand, range and
// property is case-folded (MaybeSimpleCaseFolding) before union,
// intersection (&&) or subtraction (--); a negated class or \P{..} is the
// CharacterComplement within AllCharacters (the code points scf leaves
// alone); 22.2.2.7.3 CharacterSetMatcher then compares Canonicalize (scf)
// of the input. A folded set F stands here for the closed set of every
// code point whose scf is in F: union, intersection, subtraction and
// complement of closed sets are closed, so each operand is computed as a
// closed set, using /[..]/ui (u mode: the closure, no set operations) for
// the leaves. One reading differs from the spec's text: a lone
// General_Category value (`\p{Lu}`) is folded as `\p{gc=Lu}` is, as V8
// does (the text leaves it unfolded, so /[\p{Lu}&&A]/vi would match
// nothing). Reads the subset of the grammar the rows use: `^` class `$`.
const cpOf = (s) => s.codePointAt(0);
const u = (cp) => "\\u{" + cp.toString(16) + "}";
const foldEq = (a, b) => new RegExp("^" + u(a) + "$", "ui").test(String.fromCodePoint(b));
function stringPred(t) {
  const re = new RegExp("^" + [...t].map((c) => u(cpOf(c))).join("") + "$", "ui");
  return (s) => re.test(s);
}
const none = () => false;
function leafChars(test) { return { chars: test, strs: none }; }
function specSet(src) {
  let i = 0;
  const peek = (k = 0) => src[i + k];
  function fail(m) { throw new Error("spec model cannot read " + src + ": " + m); }
  function escapeChar() {  // at '\\'
    const c = src[i + 1];
    const simple = { n: 10, t: 9, r: 13, f: 12, v: 11, b: 8 };
    if (c in simple) { i += 2; return simple[c]; }
    if (c === "u" && src[i + 2] === "{") { const e = src.indexOf("}", i); const v = parseInt(src.slice(i + 3, e), 16); i = e + 1; return v; }
    if (c === "u") { const v = parseInt(src.slice(i + 2, i + 6), 16); i += 6; return v; }
    if (c === "x") { const v = parseInt(src.slice(i + 2, i + 4), 16); i += 4; return v; }
    if (c === "c") { const v = src.charCodeAt(i + 2) & 31; i += 3; return v; }
    i += 2; return cpOf(c);
  }
  function character() {
    if (peek() === "\\") return escapeChar();
    const cp = src.codePointAt(i); i += cp > 0xffff ? 2 : 1; return cp;
  }
  function operand() {
    if (peek() === "[") return nested();
    if (peek() === "\\") {
      const c = peek(1);
      if (c === "q") {
        i += 3; const strings = []; let cur = "";
        while (peek() !== "}") { if (peek() === "|") { strings.push(cur); cur = ""; i++; continue; } cur += String.fromCodePoint(character()); }
        strings.push(cur); i++;
        const singles = strings.filter((s) => [...s].length === 1).map(cpOf);
        const multi = strings.filter((s) => [...s].length !== 1).map(stringPred);
        return { chars: (x) => singles.some((s) => foldEq(s, x)), strs: (s) => multi.some((p) => p(s)) };
      }
      if (c === "p" || c === "P") {
        const e = src.indexOf("}", i); const body = src.slice(i + 3, e); i = e + 1;
        let re; try { re = new RegExp("^\\p{" + body + "}$", "ui"); } catch (err) { re = null; }
        if (!re) {  // a property of strings: no case
          const sre = new RegExp("^\\p{" + body + "}$", "v");
          return { chars: (x) => sre.test(String.fromCodePoint(x)), strs: (s) => sre.test(s) };
        }
        const t = (x) => re.test(String.fromCodePoint(x));
        return leafChars(c === "p" ? t : (x) => !t(x));
      }
      if ("dDsSwW".includes(c)) {
        i += 2; const re = new RegExp("^\\" + c.toLowerCase() + "$", "ui");
        const t = (x) => re.test(String.fromCodePoint(x));
        return leafChars(c === c.toLowerCase() ? t : (x) => !t(x));
      }
    }
    const lo = character();
    if (peek() === "-" && peek(1) !== "-") {
      i++; const hi = character();
      const re = new RegExp("^[" + u(lo) + "-" + u(hi) + "]$", "ui");
      return leafChars((x) => re.test(String.fromCodePoint(x)));
    }
    return leafChars((x) => foldEq(lo, x));
  }
  function nested() {
    i++;  // '['
    let negated = false;
    if (peek() === "^") { negated = true; i++; }
    let set = { chars: none, strs: none };
    if (peek() !== "]") {
      set = operand();
      if (peek() === "-" && peek(1) === "-") {
        while (peek() === "-") { i += 2; const b = operand(); const a = set; set = { chars: (x) => a.chars(x) && !b.chars(x), strs: (s) => a.strs(s) && !b.strs(s) }; }
      } else if (peek() === "&" && peek(1) === "&") {
        while (peek() === "&") { i += 2; const b = operand(); const a = set; set = { chars: (x) => a.chars(x) && b.chars(x), strs: (s) => a.strs(s) && b.strs(s) }; }
      } else {
        while (peek() !== "]") { const b = operand(); const a = set; set = { chars: (x) => a.chars(x) || b.chars(x), strs: (s) => a.strs(s) || b.strs(s) }; }
      }
    }
    if (peek() !== "]") fail("expected ]");
    i++;
    // CharacterComplement: the complement of a closed set is closed.
    if (negated) { const a = set; set = { chars: (x) => !a.chars(x), strs: none }; }
    return set;
  }
  const set = operand();
  if (i !== src.length) fail("trailing text");
  return set;
}
function specTest(pattern, subject) {
  const m = /^\^(.*)\$$/s.exec(pattern);
  if (!m) return null;
  const set = specSet(m[1]);
  const cps = [...subject];
  return cps.length === 1 ? set.chars(cpOf(subject)) || set.strs(subject) : set.strs(subject);
}
// Whether the pattern (`^[...]$`, `^\\p{..}$`, `^\\w$`) matches the whole
// subject; null for another pattern.
function specTest(pattern, subject) {
  const m = /^\^(.*)\$$/s.exec(pattern);
  if (!m || !(m[1].startsWith("[") || m[1].startsWith("\\"))) return null;
  const set = specSet(m[1]);
  // Strings of one code point are in chars, the others in strs.
  return [...subject].length === 1 ? set.chars(cpOf(subject)) : set.strs(subject);
}
module.exports = { specTest };
