#include "kb/text/unicode.hpp"

#include <catch2/catch.hpp>

using namespace kb::text;

TEST_CASE("fold_case lower-cases ASCII and Unicode and normalises to NFC", "[unicode]") {
  REQUIRE(fold_case("Jane DOE") == "jane doe");
  REQUIRE(fold_case("Élodie") == "élodie");
  REQUIRE(fold_case("E\xCC\x81lodie") == "élodie");  // decomposed É composes
  REQUIRE(fold_case("STRASSE") == "strasse");
  REQUIRE(fold_case("Straße") == "strasse");  // full case folding
  REQUIRE(fold_case("ΣΊΣΥΦΟΣ") == "σίσυφοσ");
  REQUIRE(fold_case("") == "");
}

TEST_CASE("fold_case_into folds as fold_case does, replacing what the buffer held", "[unicode]") {
  std::string buffer = "left over from an earlier, longer piece of text";
  for (const std::string_view s : {"Jane DOE", "E\xCC\x81lodie and Straße",
                                   "AB\xFF"
                                   "C",
                                   "", "✅ Done 📅 2025-10-09", "x"}) {
    fold_case_into(s, buffer);
    CHECK(buffer == fold_case(s));
  }
}

TEST_CASE("fold_name also strips combining marks", "[unicode]") {
  REQUIRE(fold_name("Élodie") == "elodie");
  REQUIRE(fold_name("E\xCC\x81LODIE") == "elodie");
  REQUIRE(fold_name("Zoë Núñez") == "zoe nunez");
  REQUIRE(fold_name("Jane") == "jane");
}

TEST_CASE("Invalid UTF-8 folds bytewise instead of failing", "[unicode]") {
  REQUIRE(fold_case("AB\xFF"
                    "C") ==
          "ab\xFF"
          "c");
  REQUIRE(fold_name("\xC3(X") == "\xC3(x");
  REQUIRE(nfc("a\xFF") == "a\xFF");
}

TEST_CASE("nfc composes without folding case", "[unicode]") {
  REQUIRE(nfc("E\xCC\x81") == "É");
  REQUIRE(nfc("ABC") == "ABC");
}

TEST_CASE("decode_utf8 decodes and never stalls", "[unicode]") {
  std::string_view s = "aé€😀";
  std::size_t i = 0;
  REQUIRE(decode_utf8(s, i) == U'a');
  REQUIRE(i == 1);
  REQUIRE(decode_utf8(s, i) == U'é');
  REQUIRE(i == 3);
  REQUIRE(decode_utf8(s, i) == U'€');
  REQUIRE(i == 6);
  REQUIRE(decode_utf8(s, i) == U'😀');
  REQUIRE(i == 10);

  const std::string_view bad[] = {
      "\xFF", "\xC0\xAF", "\xE0\x80\xAF", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xC3", "\xE2\x82"};
  for (std::string_view b : bad) {
    std::size_t j = 0;
    REQUIRE(decode_utf8(b, j) == 0xFFFD);
    REQUIRE(j == 1);
  }
}

TEST_CASE("is_word_char: letters, marks, digits and underscore", "[unicode]") {
  REQUIRE(is_word_char(U'a'));
  REQUIRE(is_word_char(U'Z'));
  REQUIRE(is_word_char(U'7'));
  REQUIRE(is_word_char(U'_'));
  REQUIRE(is_word_char(U'é'));
  REQUIRE(is_word_char(U'ж'));
  REQUIRE(is_word_char(U'漢'));
  REQUIRE(is_word_char(0x0301));  // combining acute accent
  REQUIRE(is_word_char(U'٣'));    // Arabic-Indic digit
  REQUIRE_FALSE(is_word_char(U' '));
  REQUIRE_FALSE(is_word_char(U'-'));
  REQUIRE_FALSE(is_word_char(U'\''));
  REQUIRE_FALSE(is_word_char(U'’'));
  REQUIRE_FALSE(is_word_char(U'😀'));
  REQUIRE_FALSE(is_word_char(0));
  REQUIRE_FALSE(is_word_char(0x110000));
}

TEST_CASE("previous_code_point finds the code point before an offset", "[unicode]") {
  std::string_view s = "aé😀";
  REQUIRE(previous_code_point(s, 0) == 0);
  REQUIRE(previous_code_point(s, 1) == U'a');
  REQUIRE(previous_code_point(s, 3) == U'é');
  REQUIRE(previous_code_point(s, 7) == U'😀');
  REQUIRE(previous_code_point(s, 2) == 0xFFFD);  // inside é
  REQUIRE(previous_code_point("\x80\x80\x80\x80", 4) == 0xFFFD);
}

TEST_CASE("utf8_length and truncate_chars count code points", "[unicode]") {
  REQUIRE(utf8_length("") == 0);
  REQUIRE(utf8_length("abc") == 3);
  REQUIRE(utf8_length("aé😀") == 3);
  REQUIRE(utf8_length("a\xFF"
                      "b") == 3);
  REQUIRE(truncate_chars("héllo wörld", 5) == "héllo...");
  REQUIRE(truncate_chars("héllo", 5) == "héllo");
  REQUIRE(truncate_chars("héllo", 9) == "héllo");
  REQUIRE(truncate_chars("😀😀😀", 1) == "😀...");
  REQUIRE(truncate_chars("ab", 0) == "...");
}

TEST_CASE("valid_utf8", "[unicode]") {
  REQUIRE(valid_utf8(""));
  REQUIRE(valid_utf8("plain"));
  REQUIRE(valid_utf8("aé€😀"));
  REQUIRE(valid_utf8("\xEF\xBF\xBD"));  // U+FFFD itself is fine
  REQUIRE_FALSE(valid_utf8("a\xFF"));
  REQUIRE_FALSE(valid_utf8("\xC0\xAF"));      // overlong '/'
  REQUIRE_FALSE(valid_utf8("\xED\xA0\x80"));  // surrogate
  REQUIRE_FALSE(valid_utf8("caf\xC3"));       // truncated
}

TEST_CASE("Special foldings", "[unicode]") {
  REQUIRE(fold_case("İstanbul") == "i\xCC\x87stanbul");  // full folding keeps the dot
  REQUIRE(fold_name("İstanbul") == "istanbul");          // ...which name matching drops
  REQUIRE(fold_case("ﬁle") == "file");                   // ligature folds to two letters
  REQUIRE(fold_case("ǅ") == "ǆ");
  REQUIRE(nfc("\xE1\x84\x92\xE1\x85\xA1\xE1\x86\xAB") == "한");  // Hangul jamo compose
}

TEST_CASE("fold_case folds each run: ASCII directly, the rest through utf8proc", "[unicode]") {
  // Mixed text: emoji and accents among ASCII, composed and decomposed.
  REQUIRE(fold_case("Met E\xCC\x81LODIE 📅 2025-11-07 and ZOË") ==
          "met élodie 📅 2025-11-07 and zoë");
  REQUIRE(fold_name("Met E\xCC\x81LODIE and ZOË") == "met elodie and zoe");
  // An invalid byte spoils only its own run: the rest is still folded fully.
  REQUIRE(fold_case("ÉLODIE \xFF STRAßE") == "élodie \xFF strasse");
  REQUIRE(fold_case("\xCC\x81x") == "\xCC\x81x");  // a leading combining mark stays
}
