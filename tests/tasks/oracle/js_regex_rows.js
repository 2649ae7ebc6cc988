// How tests/tasks/js_regex_test.cpp's rows were made (not run by the suite; needs node):
//   node tests/tasks/oracle/js_regex_rows.js > rows.inc   and paste rows.inc into the test.
// Emits C++ rows {pattern, flags, subject, expected} from V8, except for the
// v flag's classes under i, where node 20's V8 11.3 is older than the spec
// (below, kNode20ViRows): those rows come from vi_class_sets.js.
const { specTest } = require("./vi_class_sets.js");
const subjects = ["abc", "ABC", "a\u00a0b", "a b", "a\tb", "x\u2003y", "caf\u00e9", "CAF\u00c9",
  "a{1}", "a{", "q", "\\q", "p{L}", "\u00e9t\u00e9", "12:30", "a\nb", "a\rb", "line\u2028two",
  "[:alpha:]", "a", ":", "aa", "ab", "aab", "\u03a9mega", "\u0416", "\ud83d\ude00 party", "x\u000by",
  "tab\there", "k", "\u212a", "-", "8", "\u0001", "\u0008", "a]b", "}", "$x", "x$", "end", "#tag",
  "\u00ff", "A\u0301", "\ufeff", "v", "\u0085"];
const patterns = [
  ["\\s", ""], ["\\S+", ""], ["^\\S+$", ""], ["[\\s]", ""], ["[^\\s]", ""], ["[\\S]", ""], ["[^\\S]", ""], ["[a\\S]", ""], ["[^a\\S]", ""],
  ["\\v", ""], ["[\\v]", ""], ["\\q", ""], ["\\p{L}", ""], ["\\p{L}", "u"], ["\\P{L}", "u"], ["\\p{Lu}", "u"], ["\\p{Script=Greek}", "u"], ["\\p{sc=Cyrl}", "u"], ["[\\p{Lu}\\d]", "u"], ["\\p{ASCII}", "u"], ["\\P{ASCII}", "u"],
  ["[[:alpha:]]", ""], ["a{", ""], ["a{1}", ""], ["a{1", ""], ["a{,1}", ""], ["x{1}", ""], ["a{2}", ""], ["a{1,2}b", ""],
  ["^a", ""], ["b$", ""], ["^b", "m"], ["a$", "m"], ["^two", "m"], ["a.b", ""], ["a.b", "s"], ["e.t", ""], ["\\w+", ""], ["\\bend\\b", ""], ["\\d", ""],
  ["caf\u00e9", "i"], ["CAF\u00c9", "i"], ["k", "i"], ["\u212a", "i"], ["k", "iu"], ["\u00e9", "i"],
  ["\\x41", "i"], ["\\u0041", ""], ["\\u{41}", "u"], ["\\u{41}", ""], ["\\ud83d\\ude00", ""], ["\\ud83d", ""], ["\\x4", ""], ["\\u004", ""],
  ["\\cA", ""], ["\\c", ""], ["[\\cA]", ""], ["[\\c1]", ""], ["\\0", ""], ["\\01", ""], ["\\8", ""], ["[\\8]", ""], ["\\10", ""], ["(a)\\1", ""], ["(a)\\2", ""], ["\\1(a)", ""],
  ["(?<n>a)\\k<n>", ""], ["\\k<n>", ""], ["\\k", ""], ["(?<n>a)|\\k<n>b", ""],
  ["[\\b]", ""], ["[\\d-z]", ""], ["[a-c]", ""], ["[^a-c]", ""], ["[]", ""], ["[^]", ""], ["a]b", ""], ["}", ""], ["\\$x", ""], ["x\\$", ""], ["[$]x", ""], ["#tag", ""],
  ["\\Qa\\E", ""], ["\\A", ""], ["\\z", ""], ["\\h", ""], ["\\R", ""], ["\\N", ""], ["\\e", ""], ["\\a", ""], ["\\G", ""], ["\\K", ""], ["\\X", ""], ["\\H", ""], ["\\Z", ""], ["\\C", ""],
  ["(?=a)", ""], ["(?!a)b", ""], ["(?=a)*b", ""], ["(?:a|b)+", ""], ["a|", ""], ["(|)", ""], ["\\/", ""], ["\\-", ""], ["[\\-]", ""],
  ["(", ""], ["a++", ""], ["(?i)a", ""], ["a{2,1}", ""], ["[b-a]", ""], ["\\", ""], [")", ""], ["*a", ""], ["a**", ""], ["(?<n>a)(?<n>b)", ""], ["(?<1a>x)", ""],
  ["(?>a)", ""], ["{1}", ""], ["x{1}{2}", ""], ["[", ""], ["(?#c)", ""], ["\\c", "u"], ["\\k<a>(?<b>x)", ""], ["\\k(?<b>x)", ""], ["\\x1", "u"], ["\\u12", "u"],
  ["\\u{110000}", "u"], ["\\q", "u"], ["\\p{Foo}", "u"], ["\\p", "u"], ["{", "u"], ["}", "u"], ["]", "u"], ["a{1", "u"], ["\\01", "u"], ["\\1", "u"], ["[\\d-z]", "u"],
  ["(?=a)*", "u"], ["(?<=a)*", ""], ["^*", ""], ["$*", ""], ["\\b*", ""], ["a{1}??", ""], ["\\-", "u"], ["[\\-]", "u"], ["[z-a]", "u"], ["x{2,1}?", ""], ["a|*", ""],
  ["(?:", ""], ["(?<n", ""], ["(?<n>", ""], ["(?<$a_1>x)", ""], ["a*?b", ""], ["a{0}", ""], ["[\\w-]", ""], ["[-a]", ""], ["[a-]", ""],
  ["\\p{Greek}", "u"], ["\\p{Letter}", "u"], ["\\p{Lowercase}", "u"], ["\\p{White_Space}", "u"], ["\\p{Emoji}", "u"], ["\\p{Script=Latin}", "u"], ["\\p{scx=Latn}", "u"], ["\\p{gc=Lu}", "u"], ["\\p{Assigned}", "u"], ["\\p{Script=Foo}", "u"], ["[^\\P{L}]", "u"], ["[\\p{Foo}]", "u"], ["[a\\P{}]", "u"], ["[\\1]", "u"], ["[\\8]", "u"], ["[\\k]", "u"], ["[\\01]", "u"], ["\\u00e9", ""], ["\\xff", "i"], ["[\\u00e0-\\u00ff]", "i"], ["\\d+:\\d+", ""], ["^\\d{2}:\\d{2}$", ""], ["\\D", ""], ["\\W", ""], ["\\B", ""], ["[\\W\\d]", ""],
];
// Without u or v: UTF-16 units (astral characters, surrogates) and the i
// flag's Canonicalize, against the same patterns with u for contrast.
const unitSubjects = ["\u{1f600}", "\u{1f600}\u{1f600}", "a\u{1f600}b", "\u{1f601}", "\u00e9", "\u00c9",
  "s", "S", "\u017f", "k", "K", "\u212a", "\u03c3", "\u03c2", "\u03a3", "\u00df", "\u1e9e", "SS",
  "\u01c5", "\u01c4", "\u01c6", "\u00b5", "\u039c", "\u03bc", "\u00ff", "\u0178", "\u0131", "I", "i",
  "\u0130", "\u1f80", "\u1f88", "\u{1d44e}", "\u{10400}", "\u{10428}", "x", "\u00c5", "\u212b",
  "\u2126", "\u03c9", "aA", "\u00e9\u00c9", "\u00e9\u00e9", "_", "-", " "];
const unitPatterns = [
  ["^.$", ""], ["^..$", ""], [".{2}", ""], ["^[^a]$", ""], ["^[^a]{2}$", ""], ["\\uD83D", ""], ["\\uDE00", ""],
  ["^\\uD83D", ""], ["\\uDE00$", ""], ["^\\uD83D\\uDE00$", ""], ["[\\uD83D]", ""], ["[\\uDE00-\\uDFFF]", ""],
  ["^[\\uD800-\\uDBFF][\\uDC00-\\uDFFF]$", ""], ["\u{1f600}", ""], ["^\u{1f600}+$", ""], ["^(?:\u{1f600})+$", ""],
  ["[\u{1f600}]", ""], ["^[\u{1f600}]$", ""], ["^[\u{1f600}]{2}$", ""], ["[\u{1f600}-\u{1f602}]", ""],
  ["[\\ud83d\\ude00-\\ude01]", ""], ["^[\\ud83d\\ude00-\\ude01]+$", ""], ["\\u{1F600}", ""], ["^[^\\uD83D]+$", ""],
  ["^.$", "u"], ["^[^a]$", "u"], ["^\u{1f600}+$", "u"], ["[\u{1f600}-\u{1f602}]", "u"], ["\\uD83D", "u"],
  ["^\\uD83D\\uDE00$", "u"], ["^.$", "s"], ["^\\S$", ""], ["^\\W$", ""], ["^\\D{2}$", ""], ["[^\\s]{2}", ""],
  ["\u{1d44e}", "i"], ["\u{10400}", "i"], ["\u{10400}", "iu"], ["\u00e9", "i"], ["\u00c9", "i"], ["\u017f", "i"],
  ["s", "i"], ["S", "i"], ["k", "i"], ["K", "i"], ["\u212a", "i"], ["\u03c3", "i"], ["\u03c2", "i"], ["\u03a3", "i"],
  ["\u00df", "i"], ["\u1e9e", "i"], ["\u01c5", "i"], ["\u00b5", "i"], ["\u00ff", "i"], ["\u0131", "i"], ["i", "i"],
  ["\u0130", "i"], ["\u1f80", "i"], ["\u1f88", "i"], ["\u00e5", "i"], ["\u212b", "i"], ["\u2126", "i"],
  ["\u03c9", "i"], ["[a-z]", "i"], ["^[^a-z]$", "i"], ["[k]", "i"], ["^[^k]$", "i"], ["^[\\w]$", "i"],
  ["^\\W$", "i"], ["^[\\W]$", "i"], ["^[^\\W]$", "i"], ["[\u00e9-\u00eb]", "i"], ["[\u00c0-\u00de]", "i"],
  ["^[^\u00c0-\u00de]$", "i"], ["[\\u0100-\\u017f]", "i"], ["[\\u2100-\\u2130]", "i"], ["[\\uD83D]", "i"],
  ["^(a)\\1$", "i"], ["^(s)\\1$", "i"], ["\\xdf", "i"], ["\\u212a", "i"],
  ["\u017f", "iu"], ["k", "iu"], ["[a-z]", "iu"], ["\u00df", "iu"], ["\u03c3", "iu"], ["\u00b5", "iu"],
  ["\u0131", "iu"], ["\u1f80", "iu"], ["^[^k]$", "iu"],
];
// The v flag's class set notation: set operations, nested classes, \q{...}
// strings, and what V8 refuses.
const setSubjects = ["a", "b", "e", "z", "A", "E", "5", "_", "abc", "d", "ab", "x", "-", "&", "\u{1f600}",
  "\u00e9", "\u00c9", " ", "\n", "", "xabcx", "ABC", "\u212a", "k"];
const setPatterns = [
  "^[[a-z]--[aeiou]]$", "^[\\w--\\d]$", "^[\\w&&\\d]$", "^[\\q{abc|d}]$", "^[\\q{abc|d}x]$", "^[\\q{ab|c}&&\\q{ab}]$",
  "^[\\q{abc|d}--\\q{abc}]$", "^[\\q{}]$", "^[\\q{a|}]$", "^[[^a]&&[a-c]]$", "^[^[a-c]--b]$", "^[^\\d&&\\w]$",
  "[\\p{L}--\\p{Lu}]", "^[\\p{L}&&\\p{Lu}]+$", "^[\\P{L}]$", "^[^\\P{L}]$", "[]", "^[^]$", "[[]]", "^[^[]]$", "^[\\&]$",
  "^[\\-]$", "^[a&b]$", "^[\\q{ab}&&a]$", "[\\q{\u{1f600}}]", "^[\u{1f600}]$", "^.$", "^[\\s--\\n]$", "^[\\S&&a]$",
  "^[\\q{abc}]+$", "^[\\q{abc|ab|a}]c$", "^[\\q{a|ab|abc}]c$", "[\\q{bc}x]", "^[[a-c][x-z]]+$", "^[[[a]]]$",
  "^[\\d\\q{ab}--[0-4]]+$", "^[a-z&&[^aeiou]&&[^xyz]]$", "^[\\p{Lu}--[A-D]]$", "^[^\\s]$", "^[\\q{a\\|b}]$",
  "^[\\q{\\u{1F600}}]$", "^[\\u{61}-\\u{63}]$", "^[\\x61\\cJ]$", "^[\\b]$", "^[\\$\\.\\^~]$",
  "[[a-z]--[aeiou]]", "[a-z&&[aeiou]]", "[a&&&b]", "[a&&b--c]", "[a--b&&c]", "[a-z--b]", "[^\\q{abc}]", "[^\\q{a|b}]",
  "[^\\q{}]", "\\q{a}", "\\P{RGI_Emoji}", "[^\\p{RGI_Emoji}]", "[(]", "[)]", "[{]", "[}]", "[/]", "[-]", "[|]", "[a-]",
  "[-a]", "[&&a]", "[a&&]", "[!!]", "[a!!b]", "[##]", "[a--]", "[--a]", "[a-z&&a-c]", "[\\d-z]", "[a-\\q{b}]",
  "[\\q{a]", "[\\q{a}", "[\\q]", "[\\B]", "[\\c]", "[$$]", "[..]", "[a^^]", "[^^^]", "[^^]", "[~~]", "[a-z-b]",
  "[ab-\\d]", "[[a]-b]", "[a-b-c]", "[\\q{a}-b]", "[ab--c]", "[ab&&c]", "[a[b]--c]", "[\\d-]", "[a-[b]]",
  "[\\q{(}]", "[\\q{a-b}]", "[\\q{a&&b}]", "[\\q{\\d}]", "[^[\\q{ab}]--a]", "[^\\q{ab}&&\\q{a}]", "[^\\q{ab}&&\\q{ab}]",
  "[^[^\\q{ab}]]", "[^\\p{Basic_Emoji}]", "a{", "}", "]", "\\-", "[\\&&]", "[a&&\\&]", "[z-a]", "[b-a--a]",
  "[\\q{a|b", "[[a]", "[a&&[b]", "[\\p{Foo}]", "[\\1]", "[\\k]", "[\\u{110000}]", "[**]", "[++]",
  "[a*]", "[a?]", "[a+b]", "[.]", "[@@]", "[;;]", "[\\#]", "[\\,\\:\\;\\<\\=\\>\\@\\`\\~\\!\\%]", "[\\\"]", "[\\']",
].map((p) => [p, "v"]).concat([
  ["^[a-z]$", "vi"], ["^[\\q{abc}]$", "vi"], ["^[[a-z]--[b]]$", "vi"], ["^[\\w&&[A-C]]$", "vi"], ["^[^a]$", "vi"],
  ["k", "vi"],
]);
// With u or v and i: properties closed over case, \w with the long s and
// the Kelvin sign, and the v flag's set operations, every operand folded
// first (ECMA-262 22.2.2.9 CompileToCharSet, MaybeSimpleCaseFolding).
const caseSubjects = ["a", "A", "b", "B", "c", "C", "e", "E", "k", "K", "\u212a", "s", "S", "\u017f", "1", "ab", "AB",
  "aB", "\u00e9", "\u00c9", "\u03c3", "\u03c2", "\u03a3", "\u0130", "\u0131", "i", "I", "\u00df", "\u1e9e", "\u01c5",
  "\u01c6", "\u01c4", "\u0345", "\u03b9", "\u13a0", "\uab70", "\u00b5", "\u039c", "\u2126", "\u03c9", "\u{10400}",
  "\u{10428}", "_", " ", "\u01c8", "\u1c80", "\u0432"];
const casePatterns = [
  ["^\\p{Lu}$", "ui"], ["^\\P{Lu}$", "ui"], ["^[^\\p{Lu}]$", "ui"], ["^[^\\P{Lu}]$", "ui"], ["^[\\P{Lu}]$", "ui"],
  ["^[\\p{Lu}1]$", "ui"], ["^[^\\p{Lu}1]$", "ui"], ["^\\p{Lowercase}$", "ui"], ["^\\P{Lowercase}$", "ui"],
  ["^\\p{Ll}$", "ui"], ["^\\p{Lt}$", "ui"], ["^\\p{Script=Greek}$", "ui"], ["^\\p{Script=Latin}$", "ui"],
  ["^\\P{Script=Latin}$", "ui"], ["^\\p{ASCII}$", "ui"], ["^\\P{ASCII}$", "ui"], ["^[^\\P{Lu}\\p{Lu}]$", "ui"],
  ["^\\w$", "ui"], ["^\\W$", "ui"], ["^[\\w]$", "ui"], ["^[^\\w]$", "ui"], ["^[\\W]$", "ui"], ["^[^\\W]$", "ui"],
  ["^\\p{Lu}$", "u"], ["^\\P{Lu}$", "v"], ["^\\p{Ll}$", "vi"], ["^\\P{Ll}$", "vi"], ["^\\p{Lu}$", "vi"], ["^\\P{Lu}$", "vi"],
  ["^[^\\p{Ll}]$", "vi"], ["^[\\p{Lu}]$", "vi"], ["^[\\P{Lu}]$", "vi"], ["^[^\\P{Lu}]$", "vi"], ["^[[^\\P{Lu}]]$", "vi"],
  ["^[\\P{Lu}\\p{Lu}]$", "vi"], ["^[^\\P{Lu}\\p{Lu}]$", "vi"], ["^\\P{Lowercase}$", "vi"], ["^\\p{Script=Greek}$", "vi"],
  ["^[^a]$", "vi"], ["^[[^a]]$", "vi"], ["^[^[^a]]$", "vi"], ["^[[^a]&&[a-c]]$", "vi"], ["^[\\q{e}--E]$", "vi"],
  ["^[\\p{Lu}--a]$", "vi"], ["^[\\p{Lu}&&a]$", "vi"], ["^[\\P{Lu}&&a]$", "vi"], ["^[\\P{Lu}--a]$", "vi"], ["^[\\w--k]$", "vi"],
  ["^[^\\w--k]$", "vi"], ["^[\\p{Lu}--[a-z]]$", "vi"], ["^[\\p{Ll}a-z]$", "vi"], ["^[\\q{a|E}&&\\p{Lu}]$", "vi"],
  ["^[[a-z]&&[A-Z]]$", "vi"], ["^[\\W]$", "vi"], ["^\\W$", "vi"], ["^\\w$", "vi"], ["^[^\\W]$", "vi"], ["^[\\W--\\d]$", "vi"],
  ["^[s--\\w]$", "vi"], ["^[\\q{S}--s]$", "vi"], ["^[\\p{Lowercase}&&[A-Z]]$", "vi"], ["^[^\\p{Lu}--a]$", "vi"],
  ["^[[a]--a]$", "vi"], ["^[[\\q{e}--E]--e]$", "vi"], ["^[[a-c]--[B]]$", "vi"], ["^[[a]&&A]$", "vi"], ["^[\\q{AB}&&\\q{ab}]$", "vi"],
  ["^[\\q{ab}--\\q{AB}]$", "vi"], ["^[\\q{\u017f}--s]$", "vi"], ["^[\\q{\u212a}--k]$", "vi"], ["^[\u212a--k]$", "vi"],
  ["^[\\p{Lu}&&[a-z]]$", "vi"], ["^[[a-z]&&\\p{Ll}]$", "vi"], ["^[\\w--s]$", "vi"], ["^[^[a]--a]$", "vi"], ["^[[^a]--b]$", "vi"],
  ["^[\\q{E}]$", "vi"], ["^[\\q{E}--e]$", "vi"], ["^[[E]--e]$", "vi"], ["^[[\\q{E}]--e]$", "vi"], ["^[[e]&&E]$", "vi"],
  ["^[\\q{ab}]$", "vi"], ["^[\\p{Lu}--\\p{Ll}]$", "vi"], ["^[\\P{Ll}&&\\p{L}]$", "vi"], ["^[\\q{\u03c2}--\u03c3]$", "vi"],
  ["^[\\q{\u1e9e}--\u00df]$", "vi"], ["^[\\q{\u13a0}--\uab70]$", "vi"], ["^[\\q{\uab70}--\u13a0]$", "vi"],
  ["^[\\q{\u0130}--i]$", "vi"], ["^[\\q{\u01c5}--\u01c6]$", "vi"], ["^[\\q{\u0345}--\u03b9]$", "vi"],
  ["^[\\q{\u00b5}--\u03bc]$", "vi"], ["^[\\q{\u1c80}--\u0432]$", "vi"], ["^[\\p{Lt}&&\\q{\u01c4}]$", "vi"],
  ["^[\\s--\\p{Lu}]$", "vi"], ["^[\\d\\q{AB}--\\q{ab}]$", "vi"], ["^\\P{Uppercase}$", "vi"], ["^\\P{Script=Greek}$", "vi"],
  ["^\\P{Script=Greek}$", "ui"], ["^\\P{ASCII}$", "vi"], ["^[\\P{ASCII}&&\u212a]$", "vi"], ["^[\\p{ASCII}&&\u212a]$", "vi"],
  ["^[\\P{Lowercase}&&A]$", "vi"], ["^[\\P{Lowercase}--a]$", "vi"], ["^[^\\P{Lowercase}]$", "vi"], ["^\\p{Any}$", "vi"],
  ["^\\P{Assigned}$", "vi"], ["^[\\P{Script=Latin}--\u212a]$", "vi"], ["^[\\P{Cased}\\q{AB}]$", "vi"],
].concat([
  // ECMA-262 22.2.2.9: ClassSetOperand :: ClassStringDisjunction and
  // ClassSetCharacter, MaybeSimpleCaseFolding before -- and &&.
  "^[\\q{AB|c}--\\q{ab}]$", "^[\\q{ab|C}&&\\q{AB|c}]$", "^[\\q{K}&&k]$", "^[\\q{\u017f|x}--S]$",
  // ClassSetRange: MaybeSimpleCaseFolding(CharacterRange(A, B)).
  "^[[a-z]--\\q{S}]$", "^[[a-c]&&[B-Z]]$", "^[[A-Z]--[j-l]]$",
  // UnicodePropertyValueExpression folded; \P{..} its CharacterComplement.
  "^[\\p{gc=Lu}--\\p{Ll}]$", "^[\\p{Script=Greek}--\u03c3]$", "^[\\P{Ll}--\\P{Lu}]$",
  "^[\\p{Lowercase}&&\\P{Uppercase}]$", "^\\P{Ll}$", "^[\\P{Cased}]$", "^[\\p{ASCII}--\\w]$",
  // NestedClass: its set as computed, operands folded inside.
  "^[[\\q{S}]&&[\u017f]]$", "^[[[a-c]--b]&&[A-C]]$", "^[[\\w--\\d]--[k-z]]$",
  // NestedClass :: [^ ClassContents] and CompileCharacterClass's [^..]:
  // CharacterComplement within AllCharacters (the folded code points).
  "^[^\\q{a}]$", "^[^[a-c]&&\\p{Lu}]$", "^[^\\P{Ll}]$", "^[^\\p{Lu}--[a-c]]$", "^[^[^k]]$",
].map((p) => [p, "vi"]));
// Back-references: under i (Canonicalize without u, simple case folding
// with u or v), and to groups inside a repeated group, whose captures
// JavaScript clears at each pass (RepeatMatcher).
const refSubjects = ["ab", "aba", "abb", "aa", "a", "b", "aab", "abab", "bca", "bcac", "bcab", "aaa", "bcdc",
  "bcdcc", "bcadc", "xaxa", "xax", "\u00e9\u00c9", "\u00e9\u00e9", "\u00c9\u00e9", "\u03c3\u03a3", "\u03c3\u03c2",
  "\u03c2\u03a3", "kK", "k\u212a", "s\u017f", "\u00df\u1e9e", "\u01c5\u01c6", "\u01c4\u01c5\u01c6\u01c4", "\u{1f600}\u{1f600}",
  "\u{10400}\u{10428}", "\u0131I", "i\u0130", "caf\u00e9CAF\u00c9", "\u0416\u0436", "AbaB", "abAB"];
const refPatterns = [
  ["^(\u00e9)\\1$", "i"], ["^(.)\\1$", "i"], ["^(.)\\1$", ""], ["^(.)\\1$", "iu"], ["^(.)\\1$", "iv"],
  ["^(.+)\\1$", "i"], ["^(.+)\\1$", "iu"], ["^(\\w+)\\1$", "i"], ["(.)\\1", "i"], ["^(?<c>.)\\k<c>$", "i"],
  ["^(..)\\1$", "i"], ["^(.)(.)\\2\\1$", "i"], ["^(.)\\1$", "im"], ["^(?:(a)|b)+\\1$", ""], ["^(?:(a)|b)+\\1$", "u"],
  ["^(?:(a)|b)+\\1$", "i"], ["^(?:(a)|(b))+\\1\\2$", ""], ["^(?:(a)|b)*\\1$", ""], ["^(?:(a)|b){2}\\1$", ""],
  ["^(?:(a)|b){1,3}\\1$", ""], ["^(?:(a)|b)?\\1$", ""], ["^(?:(?:(a)|b)c)+\\1$", ""], ["^(?:(?:(a)|b)+c)+\\1$", ""],
  ["^(?:x(?:(a)|b)*)+\\1$", ""], ["^(a\\1)+$", ""], ["^(?:\\1(a))+$", ""], ["^(?:(a)|b)+?\\1$", ""],
  ["^(?<x>a|b(?<y>c))+\\k<y>$", ""], ["^((a)|b)+\\2$", ""], ["^(?:(a)\\1|b)+$", ""], ["^(?:(a)|b)+(?=\\1)", ""],
  ["(?:(a)|b)+\\1", ""], ["^(?:(a)|b(?:(c)|d)+)+\\2$", ""], ["^(?:b(?:(c)|d)+|a)+\\1$", ""], ["^(?:(x)a|xa)+\\1$", ""],
  ["^(?:(a)|b)+\\1$", "v"], ["^(?:(A)|b)+\\1$", "i"], ["^(?:(?=(a))a|b)+\\1$", ""], ["^(?:(a)|b)(?:(a)|b)\\1\\2$", ""],
  ["^(?:(a)|b){0,1}\\1$", ""], ["^(?:(a)|b){2,}\\1$", ""],
];
// Empty passes: ECMA-262's RepeatMatcher refuses a pass beyond a group's
// minimum that matches empty (node 20 agrees with the spec here). From the
// eighth to the 26th, random patterns (back-references, repeated groups)
// where kb differed from node 20 before it checked empty passes; then
// minimums of 2 or more and a first pass that matched empty (kb unrolls
// those groups), `?` over a group that captures in a lookahead, repeated
// groups inside a lookahead (tried in JavaScript's order), and quantified
// lookaheads (Annex B: with a minimum of 0, never taken).
const emptySubjects = ["", "a", "b", "ab", "ba", "aa", "bb", "aba", "abb", "bab", "abab", "aab", "abc", "cab", "abcab", "bcbc", "aaa", "abba", "ababa", "xaxa", "cc", "ca", "acb", "abcabc", "bca", "aabb", "baba", "c"];
const emptyPatterns = [
  ["^(?:(ab(.)?|\\2)+(\\2)+)$", ""],
  ["^(?:(a)|\\1|)*\\1$", ""],
  ["^(?:()|a)+\\1$", ""],
  ["^(?:(a)?)*b\\1$", ""],
  ["^(?:(a)|b|\\1)*?c\\1$", ""],
  ["^(?:(a|)(?:\\1|b))+$", ""],
  ["^(?:(x)|\\1)+\\1b$", ""],
  ["^((?:\\1|(?:ba?)*){0,1})+(\\1\\3?|b){2,}(?:|)?$", "i"],
  ["^(?:|(a{1,2}){1,2}){1,2}\\1$", ""],
  ["^a(\\1(b(?:c)|){0,2})\\2{2}$", ""],
  ["^\\1((\\1(a|aa){0,2}){1,}(|))\\2(?:)+?$", ""],
  ["^(?:(|\\1a){1,2}\\1){0,1}\\2{0,2}$", ""],
  ["^(|(()\\1|(.|.+?)())+?)+(?:\\2)+(?:)+?$", ""],
  ["^(\\2(b(.|a+)??|)*|b(\\1(ac)))*?\\1ca$", ""],
  ["^(((bc)?){1,2}(?:|(c)\\2*){2,3})*\\1{2}$", ""],
  ["^((\\2(.b+?){1,})?|((bb)){2,})*?b(?:\\3){2}", ""],
  ["^(a(()\\3){0,2}|){0,2}\\3(?:b+?(?:)?){2,}\\1", ""],
  ["^(b(?:){2,}|)*?\\1$", "i"],
  ["^a((?:.(b|){2}|(bb)??c)??)*?\\1b$", ""],
  ["^((|a(?:|){0,2}))+?b\\1(|\\1)+$", ""],
  ["^(?:(a(a.|)+|)*(\\1){1,}|())*?.()b{1,}", "i"],
  ["^()+?(|(?:b(a)|\\1a?)+(a(?:ba|b)*){0,2})+\\2$", ""],
  ["^(((a)b){0,1}\\1??){1,2}\\3$", ""],
  ["^(|.){1,2}(?:((c){2,}|(ab))*?\\1)+$", ""],
  ["c(?:(|b)+(?:|(?:)(ca|))|)+\\1$", "u"],
  ["^(((a*|a))+?b?|)+(((c|)\\3)??){2,3}\\3c", "i"],
  ["^(|\\1(?:.)){2,}b\\1", ""],
  ["^((?:a??(a|c){0,1}|(?:bb)\\1)(?:)??){2,3}\\1()((b{1,}))+?$", ""],
  ["^(?:()|(a)){2,}\\2$", ""],
  ["^(?:(a)|(?=(b))){2,3}\\1\\2", ""],
  ["^(?:(?=(.))|b)+?\\1$", ""],
  ["^(?:(?=(a))|b)+\\1$", ""],
  ["^(?:(?=(a))|(a)){1,}?\\1\\2$", ""],
  ["^(?:(?=(a))|(b)){2,3}\\1\\2$", ""],
  ["^(?:(?=(a))){3,}\\1$", ""],
  ["^((?=(a)))?\\2$", ""],
  ["^(?:(?=(a))){0,1}\\1$", ""],
  ["^(?<n>(?=(a))|b){2,}\\k<n>\\2$", ""],
  ["^(?=(a|)+?)\\1$", ""],
  ["^(?=(a|)+)\\1$", ""],
  ["^(?=(a|b|)+)\\1b", ""],
  ["^(?=(A))?\\1$", "i"],
  ["^(?=(a))*\\1$", ""],
  ["^(?=(a)){0,2}?\\1$", ""],
  ["^(?=(a)){1,2}\\1$", ""],
  ["^(?!(a))?\\1$", ""],
  ["(?!(?=\\1)|(?=c)(b))??[ab]$", ""],
];
// The properties of strings (v only), on emoji of Emoji 15.0 and before
// (kb's data is Emoji 15.0, node 20's ICU may know newer ones).
const stringSubjects = ["\u{1f600}", "#\ufe0f\u20e3", "#\u20e3", "\u{1f44d}\u{1f3fd}", "\u{1f44d}", "\u{1f1eb}\u{1f1f7}", "\u{1f1eb}",
  "\u{1f3f4}\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}", "\u{1f468}\u200d\u{1f469}\u200d\u{1f467}", "\u2764\ufe0f",
  "\u2764", "a", "1", "\u263a", "\u{1fae0}", "\u{1f97a}", "x\u{1f600}y", "\u{1f600}\u{1f600}", "\u{1f469}\u{1f3fe}\u200d\u{1f4bb}",
  "\u{1f3f3}\ufe0f\u200d\u{1f308}", "\u{1f9d1}\u{1f3fb}\u200d\u2764\ufe0f\u200d\u{1f9d1}\u{1f3ff}", "", "*\ufe0f\u20e3", "\u231a", "\u{1f170}\ufe0f"];
const stringPatterns = [
  "^\\p{RGI_Emoji}$", "\\p{RGI_Emoji}", "^\\p{RGI_Emoji}+$", "^\\p{Basic_Emoji}$", "^\\p{Emoji_Keycap_Sequence}$",
  "^\\p{RGI_Emoji_Flag_Sequence}$", "^\\p{RGI_Emoji_Modifier_Sequence}$", "^\\p{RGI_Emoji_Tag_Sequence}$",
  "^\\p{RGI_Emoji_ZWJ_Sequence}$", "^[\\p{RGI_Emoji}--\\q{\u{1f600}}]$", "^[\\p{RGI_Emoji}&&\\p{Basic_Emoji}]$",
  "^[\\p{RGI_Emoji_Flag_Sequence}\\q{x}]+$", "^[\\p{RGI_Emoji}--\\p{Basic_Emoji}]$", "^[\\p{Basic_Emoji}&&\\p{Emoji_Presentation}]$",
  "^[\\p{RGI_Emoji}&&\\q{a|\u2764\ufe0f}]$", "^(?:\\p{RGI_Emoji}|a)$", "^\\p{RGI_Emoji}{2}$", "^[\\p{Emoji_Keycap_Sequence}\\p{RGI_Emoji_Flag_Sequence}]$",
  "^[\\p{RGI_Emoji}--\\p{RGI_Emoji_ZWJ_Sequence}--\\p{RGI_Emoji_Modifier_Sequence}]$", "\\P{RGI_Emoji}", "[^\\p{RGI_Emoji}]",
  "\\p{RGI_Emoji}", "^[[\\p{RGI_Emoji}]--\\q{#\ufe0f\u20e3}]$", "^[\\p{Basic_Emoji}--\\p{Emoji_Presentation}]$",
].map((p) => [p, "v"]).concat([["^\\p{RGI_Emoji}$", "vi"], ["^[\\p{RGI_Emoji}&&\\q{\u2764\ufe0f}]$", "vi"], ["\\p{RGI_Emoji}", "u"],
  // ECMA-262 22.2.2.9: a property of strings folded like any operand.
  ["^[\\p{RGI_Emoji}--\\q{\u{1f600}}]$", "vi"], ["^[\\p{Emoji_Keycap_Sequence}--\\q{#\ufe0f\u20e3}]$", "vi"],
  ["^[\\p{RGI_Emoji}&&\\p{RGI_Emoji_Flag_Sequence}]$", "vi"], ["^[\\p{Basic_Emoji}--\\P{ASCII}]$", "vi"]]);

// The rows where node 20 (V8 11.3) is not the spec, so their bits come from
// vi_class_sets.js. V8 11.3 folded a single character or a \q{..} of one
// character as written (`[\q{e}--E]` kept "e"), closed a binary property's
// \P{..} after the complement and ASCII not at all (`\P{Lowercase}`,
// `\P{ASCII}`), where the spec folds every operand and then complements.
// print() stops when another row differs, or one of these agrees.
const kNode20ViRows = new Set([
  "^\\P{Lowercase}$", "^[\\q{e}--E]$", "^[\\p{Lu}--a]$", "^[\\w--k]$", "^[[a]--a]$", "^[\u212a--k]$",
  "^[\\w--s]$", "^[[^a]--b]$", "^[[E]--e]$", "^[[\\q{E}]--e]$", "^[\\q{\u13a0}--\uab70]$", "^\\P{Uppercase}$",
  "^\\P{ASCII}$", "^[\\P{ASCII}&&\u212a]$", "^[\\p{ASCII}&&\u212a]$", "^[\\P{Lowercase}&&A]$",
  "^[\\P{Lowercase}--a]$", "^[^\\P{Lowercase}]$", "^[\\q{\u017f|x}--S]$", "^[[a-z]--\\q{S}]$",
  "^[\\p{Script=Greek}--\u03c3]$", "^[\\p{Lowercase}&&\\P{Uppercase}]$", "^[[[a-c]--b]&&[A-C]]$",
]);
function print(subjectsName, rowsName, subjects, patterns) {
  const rows = [];
  for (const [p, f] of patterns) {
    let re;
    try { re = new RegExp(p, f); } catch (e) { rows.push([p, f, "", "!" + e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, "")]); continue; }
    let bits = "";
    for (const s of subjects) bits += re.test(s) ? "1" : "0";
    if (f.includes("v") && f.includes("i") && specTest(p, subjects[0]) !== null) {
      let spec = "";
      for (const s of subjects) spec += specTest(p, s) ? "1" : "0";
      if ((spec !== bits) !== kNode20ViRows.has(p)) throw new Error("update kNode20ViRows: /" + p + "/" + f);
      bits = spec;
    }
    rows.push([p, f, "", bits]);
  }
  // Subjects in order; expected: one 0/1 per subject, or "!message".
  console.log("// Generated by node " + process.version + " (V8 " + process.versions.v8 + ") from new RegExp(p, f).test(s)" +
    (patterns.some(([p, f]) => f.includes("v") && f.includes("i") && specTest(p, subjects[0]) !== null) ? "; with v and i, ECMA-262 (vi_class_sets.js)." : "."));
  console.log("const char* const " + subjectsName + "[] = {" + subjects.map((s) => cxx(s)).join(", ") + "};");
  console.log("const Row " + rowsName + "[] = {");
  for (const [p, f, , e] of rows) console.log("    {" + cxx(p) + ", " + cxx(f) + ", " + cxx(e) + "},");
  console.log("};");
}
print("kSubjects", "kRows", subjects, patterns);
print("kSetSubjects", "kSetRows", setSubjects, setPatterns);
print("kUnitSubjects", "kUnitRows", unitSubjects, unitPatterns);
print("kRefSubjects", "kRefRows", refSubjects, refPatterns);
print("kCaseSubjects", "kCaseRows", caseSubjects, casePatterns);
print("kStringSubjects", "kStringRows", stringSubjects, stringPatterns);
print("kEmptySubjects", "kEmptyPassRows", emptySubjects, emptyPatterns);

function cxx(s) {
  // UTF-8 bytes as a C++ string literal; non-ASCII as \x escapes ending the literal piece.
  const b = Buffer.from(s, "utf8");
  let out = '"'; let lastHex = false;
  for (const byte of b) {
    const ch = String.fromCharCode(byte);
    if (byte >= 0x80 || byte < 0x20) { out += "\\x" + byte.toString(16).padStart(2, "0"); lastHex = true; continue; }
    if (lastHex && /[0-9a-fA-F]/.test(ch)) out += '" "';
    lastHex = false;
    // "\\?" after a '?': no trigraph (??) in the C++ text.
    out += ch === '"' ? '\\"' : ch === "\\" ? "\\\\" : ch === "?" && out.endsWith("?") ? "\\?" : ch;
  }
  return out + '"';
}
