// Text order of sort by description/path/tag/..., group names: the plugin's
// localeCompare(b, undefined, {numeric: true}), ICU in the user's locale;
// kb follows ICU's root (English) order. Every expectation below came from
// Node 20 (ICU 78): `localeCompare(b, 'en', {numeric: true})`.
#include "../../src/tasks/collate.hpp"

#include <algorithm>
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

using kb::tasks::collate;

TEST_CASE("Strings sort as ICU sorts them in English", "[collate]") {
  // The list in ICU's order (no two equal to ICU).
  const std::vector<std::string> icu_order = {
      "_under",
      "-dash",
      "–",
      "—",
      "!!",
      "¡hola",
      "¿qué",
      "...",
      "…",
      "'single'",
      "\"dq\"",
      "“quoted”",
      "(No tags)",
      "(paren)",
      "[bracket]",
      "{brace}",
      "@home",
      "**bold**",
      "*star",
      "#2024",
      "#tag",
      "#Tag",
      "#tag_10",
      "#tag-2",
      "#tag/sub",
      "%%0%%Highest priority",
      "%%1%%IN_PROGRESS",
      "• bullet",
      "→ next",
      "==hl==",
      "~tilde",
      "✅ done",
      "❗urgent",
      "⭐ star",
      "🔥",
      "😀",
      "🚀 launch",
      "$100",
      "£20",
      "€50",
      "1",
      "1,5",
      "1.5",
      "50/50",
      "100%",
      "2024-01-05",
      "2024-01-10",
      "①",
      "½",
      "²",
      "ａ",
      "Ａ",
      "a b",
      "a_b",
      "a-b",
      "a,b",
      "a.b",
      "a&b",
      "a+b",
      "ab",
      "aB",
      "Ab",
      "AB",
      "ae",
      "æ",
      "Æsir",
      "Ångström",
      "cafe",
      "café",
      "Café",
      "call",
      "Call",
      "dž",
      "ǆ",
      "Elodie",
      "élodie",
      "Élodie",
      "email",
      "fi",
      "ﬁ",
      "File 2.md",
      "file9.md",
      "file10.md",
      "fix",
      "Fix",
      "folder 2/x.md",
      "folder 10/x.md",
      "i",
      "I",
      "İ",
      "item 2",
      "item 10",
      "ı",
      "Lodz",
      "Łódź",
      "n",
      "naïve",
      "ñandú",
      "No due date",
      "notes/a.md",
      "Notes/B.md",
      "ŋ",
      "o",
      "ö",
      "ø",
      "oe",
      "œ",
      "Ørsted",
      "Q3",
      "Q10",
      "resume",
      "résumé",
      "review",
      "Review",
      "ſ",
      "smörgåsbord",
      "Soren",
      "Søren",
      "ss",
      "ß",
      "strasse",
      "STRASSE",
      "straße",
      "Straße",
      "uber",
      "über",
      "Über",
      "v1.2.10",
      "v1.10.2",
      "v2",
      "v10",
      "z",
      "Zoë",
      "þ",
      "αθηνα",
      "Αθήνα",
      "Ωμέγα",
      "Ґанок",
      "Гора",
      "елка",
      "ёлка",
      "москва",
      "Москва",
      "ქართული",
      "Հայերեն",
      "עברית",
      "العربية",
      "हिन्दी",
      "ไทย",
      "한국어",
      "にほん",
      "ニホン",
      "北京",
      "日本語",
      "東京",
  };
  std::vector<std::string> sorted = icu_order;
  std::reverse(sorted.begin(), sorted.end());
  std::stable_sort(sorted.begin(), sorted.end(),
                   [](const std::string& a, const std::string& b) { return collate(a, b) < 0; });
  for (std::size_t i = 0; i < sorted.size(); ++i) {
    INFO(i << ": " << sorted[i] << " where ICU has " << icu_order[i]);
    CHECK(sorted[i] == icu_order[i]);
  }
  for (std::size_t i = 1; i < icu_order.size(); ++i) {
    INFO(icu_order[i - 1] << " < " << icu_order[i]);
    CHECK(collate(icu_order[i - 1], icu_order[i]) < 0);
    CHECK(collate(icu_order[i], icu_order[i - 1]) > 0);
  }
}

TEST_CASE("Levels: base letters, then accents, then case", "[collate]") {
  // ICU: an accent anywhere outranks case anywhere; lower case first.
  CHECK(collate("resume", "Resume") < 0);
  CHECK(collate("Resume", "résumé") < 0);
  CHECK(collate("éa", "eá") > 0);  // accents compared from the start
  CHECK(collate("ø", "oe") < 0);   // ø is o with a stroke, not "oe"
  CHECK(collate("æ", "Ae") > 0);   // æ is "ae" with an accent
  CHECK(collate("Straße", "STRASSE") > 0);
  CHECK(collate("ﬂow", "FLOW") < 0);    // a compatibility form of lower case is still lower case
  CHECK(collate("ŋ", "nz") > 0);        // its own letter after n
  CHECK(collate("Ґанок", "Гора") < 0);  // ґ is г with an accent
  CHECK(collate("ქართული", "Հայերեն") < 0);  // Georgian before Armenian
  CHECK(collate("한국어", "にほん") < 0);    // Hangul before kana
  CHECK(collate("にほん", "ニホン") < 0);    // hiragana before katakana, same letters
  CHECK(collate("ニホン", "日本語") < 0);    // Han last
}

TEST_CASE("Numbers compare by value", "[collate]") {
  CHECK(collate("Task 2", "Task 10") < 0);
  CHECK(collate("١٢", "13") < 0);    // Arabic-Indic digits are numbers too
  CHECK(collate("①", "99999") > 0);  // a circled digit is a digit, not a number
  CHECK(collate("①", "a") < 0);
  // ICU calls these equal; kb orders them by bytes so that the order is total.
  CHECK(collate("a01", "a1") < 0);
  CHECK(collate("a1", "a01") > 0);
  CHECK(collate("e\u0301", "é") != 0);
  CHECK(collate("same", "same") == 0);
}

TEST_CASE("Vowel signs, viramas, tone marks and points weigh as ICU weighs them", "[collate]") {
  // ICU's own table for these scripts (collate_weights.cpp): vowel signs
  // and viramas are letters after the consonants, Devanagari ँ ं ः and
  // nukta are accents, Thai and Lao tone marks accents, Hebrew and Arabic
  // points accents, final forms a tertiary difference, the tatweel
  // ignorable; Tamil ொ (ெ + ா) and Arabic ؤ (و + ٔ) are one letter each.
  // The list in ICU's order (node 20: tests/tasks/oracle/collate_pairs.js).
  const std::vector<std::string> icu_order = {
      "כ",   "ך",    "כּ",     "מלך", "מֶלֶךְ", "ספר", "סֵפֶר", "סֶפֶר", "ש",  "שׂ",      "שׁ",    "آ",
      "أ",   "ؤ",    "ؤّ",     "إ",   "ئ",   "ا",   "ب",   "پ",   "ة",  "كـتـاب", "كِتَاب", "كَتَبَ",
      "ه",   "و",    "وّ",     "ي",   "ॐ",   "अ",   "आ",   "क",   "कँ",  "कं",      "कः",   "कल",
      "कलम", "क़लम",  "काल",   "किल", "कील", "कुल",  "कूल",  "केल",  "कैल", "कोल",    "कौल",  "क्ल",
      "क्ष",  "हिंदी", "हिन्दी", "ক",   "কা",  "কে",  "কো",  "কৌ",  "ক্",  "ஒ",      "ஔ",    "க",
      "கா",  "கி",   "கு",    "கெ",  "கே",  "கை",  "கொ",  "கோ",  "கௌ", "க்",      "กํ",    "กา",
      "ก่า",  "ก้า",   "กิ",     "เก",  "เก่",  "ไก",  "ไก่",  "ກາ",  "ກ່າ", "ແກວ",    "ແກ້ວ",
  };
  for (std::size_t i = 1; i < icu_order.size(); ++i) {
    INFO(icu_order[i - 1] << " < " << icu_order[i]);
    CHECK(collate(icu_order[i - 1], icu_order[i]) < 0);
    CHECK(collate(icu_order[i], icu_order[i - 1]) > 0);
  }
  // Letters ICU weighs as two: װ as ו ו, ৎ as ত ্, the chillu ൻ as ന ്.
  const std::vector<std::string> expansions = {"ו",    "וו",   "װ",    "ווא", "উত", "উতসব", "উৎa",
                                               "উত্তর", "উত্সব", "উৎসব", "ന",   "നാ", "ന്",    "ൻ",
                                               "ൻa",   "ന്ന",   "ല",    "ലാ",  "ല്",  "ൽ"};
  for (std::size_t i = 1; i < expansions.size(); ++i) {
    INFO(expansions[i - 1] << " < " << expansions[i]);
    CHECK(collate(expansions[i - 1], expansions[i]) < 0);
    CHECK(collate(expansions[i], expansions[i - 1]) > 0);
  }
  CHECK(collate("a\u0313", "a\u0301") < 0);      // ICU's accent order: Greek psili before acute
  CHECK(collate("\u0301b", "\u00e1b") > 0);      // a leading accent is weighed, not dropped
  CHECK(collate("ab", "a\u0951c") < 0);          // Devanagari stress sign: ignorable
  CHECK(collate("\u0640\u0628", "\u0627") > 0);  // tatweel: ignorable
  // Marks in either order are one text (canonical ordering), and و ّ ٔ is ؤ ّ.
  CHECK(collate("\u0E01\u0E38\u0E3Aa", "\u0E01\u0E3A\u0E38b") < 0);
  CHECK(collate("\u0E01\u0E3A\u0E38a", "\u0E01\u0E38\u0E3Ab") < 0);
  CHECK(collate("\u0648\u0651\u0654", "\u0627") < 0);
}

TEST_CASE("Modifier letters and signs ICU sorts among the symbols sort there", "[collate]") {
  // IPA stress and tone letters, Thai ๆ, Devanagari ॱ, Hebrew ׳ ״ ׀, Arabic
  // and Indic punctuation sort before the digits, among ICU's symbols; the
  // phonetic extensions' letters (ᴀ ᴂ ᵹ) among the Latin letters. The list
  // in ICU's order (node 20: tests/tasks/oracle/collate_order.js writes the
  // tables).
  const std::vector<std::string> icu_order = {
      "،", "؟", "।",  "॥", "׳", "״", "(x)", "#tag", "׀", "ʹ", "ˈhɛloʊ", "˥", "˩", "ꜜ", "ˑ",  "ॱ",
      "ๆ", "1", "10", "a", "ᴀ", "ᴂ", "ɐ",   "b",    "ʙ", "ᵹ", "həˈloʊ", "ℓ", "z", "ก", "ไก่", "ฯ",
  };
  for (std::size_t i = 1; i < icu_order.size(); ++i) {
    INFO(icu_order[i - 1] << " < " << icu_order[i]);
    CHECK(collate(icu_order[i - 1], icu_order[i]) < 0);
    CHECK(collate(icu_order[i], icu_order[i - 1]) > 0);
  }
}

TEST_CASE("Collation keys order texts as collate does", "[collate]") {
  // Sorting builds each text's key once (sort.cpp, group.cpp): the keys'
  // byte order must be collate's, pair by pair, on texts that reach every
  // level and rule: case, accents (precomposed and combining), numbers with
  // leading zeros, symbols, spaces, ignorables, expansions, scripts.
  const std::vector<std::string> pieces = {
      "a", "A", "b", "é", "e\u0301", "E", "0", "00", "1", "01", "9", "10", "٣", "①", "²", " ", "-",
      "_", "#", "(", "$", "€", "ß", "ss", "ø", "o", "æ", "ae", "ſ", "ﬂ", "ｆ", "\x01", "\u200b",
      "ж", "Ж", "α", "한", "に", "ニ", "日", "เก", "😀", "z", "Z",
      // scripts with ICU's own weights: letters, vowel signs, viramas,
      // accents, ignorables, contractions (also across a mark), final forms
      "क", "\u093f", "\u094d", "\u0902", "\u0951", "கெ", "\u0bbe", "و", "\u0654", "\u0651", "ـ",
      "ך", "כ", "\u05b0", "\u0e48", "\u0e38", "\u0e3a", "\u0313", "ˈ", "ๆ", "ᴀ", "ൻ", "ৎ"};
  std::vector<std::string> texts = {""};
  std::uint32_t seed = 2463534242u;
  const auto next = [&seed] {  // xorshift32: reproducible
    seed ^= seed << 13;
    seed ^= seed >> 17;
    seed ^= seed << 5;
    return seed;
  };
  while (texts.size() < 600) {
    std::string text;
    const std::uint32_t length = 1 + next() % 5;
    for (std::uint32_t i = 0; i < length; ++i) text += pieces[next() % pieces.size()];
    texts.push_back(text);
  }
  std::vector<std::string> keys;
  for (const std::string& text : texts) keys.push_back(kb::tasks::collation_key(text));
  const auto sign = [](int v) { return (v > 0) - (v < 0); };
  std::size_t disagreements = 0;
  for (std::size_t i = 0; i < texts.size(); ++i) {
    for (std::size_t j = 0; j < texts.size(); ++j) {
      if (sign(keys[i].compare(keys[j])) != sign(collate(texts[i], texts[j]))) {
        if (++disagreements <= 5) FAIL_CHECK(texts[i] << " vs " << texts[j]);
      }
    }
  }
  CHECK(disagreements == 0);
}
