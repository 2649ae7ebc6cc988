#include "kb/edit/unified_diff.hpp"

#include <catch2/catch.hpp>
#include <string>

using kb::edit::unified_diff;

namespace {

std::string numbered(int from, int to) {
  std::string out;
  for (int i = from; i <= to; ++i) out += std::to_string(i) + "\n";
  return out;
}

}  // namespace

TEST_CASE("unified_diff is empty for equal texts", "[regen][diff]") {
  CHECK(unified_diff("", "", "a.md").empty());
  CHECK(unified_diff("x\ny\n", "x\ny\n", "a.md").empty());
}

TEST_CASE("unified_diff prints one hunk with three lines of context", "[regen][diff]") {
  const std::string before = numbered(1, 10);
  std::string after = before;
  after.replace(after.find("5\n"), 2, "five\n");
  CHECK(
      unified_diff(before, after, "People/A.md") ==
      "--- a/People/A.md\n+++ b/People/A.md\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
}

TEST_CASE("unified_diff merges close changes and splits distant ones", "[regen][diff]") {
  const std::string before = numbered(1, 20);
  std::string close = before;
  close.replace(close.find("3\n"), 2, "");          // delete 3
  close.replace(close.find("9\n"), 2, "9\nnew\n");  // insert after 9 (gap of 5 lines)
  CHECK(unified_diff(before, close, "a") ==
        "--- a/a\n+++ b/a\n@@ -1,12 +1,12 @@\n 1\n 2\n-3\n 4\n 5\n 6\n 7\n 8\n 9\n+new\n 10\n 11\n"
        " 12\n");
  std::string far = before;
  far.replace(far.find("2\n"), 2, "two\n");
  far.replace(far.find("19\n"), 3, "");
  CHECK(unified_diff(before, far, "a") ==
        "--- a/a\n+++ b/a\n@@ -1,5 +1,5 @@\n 1\n-2\n+two\n 3\n 4\n 5\n@@ -16,5 +16,4 @@\n 16\n 17\n"
        " 18\n-19\n 20\n");
}

TEST_CASE("unified_diff handles empty sides and single-line ranges like GNU diff",
          "[regen][diff]") {
  CHECK(unified_diff("", "a\nb\n", "n") == "--- a/n\n+++ b/n\n@@ -0,0 +1,2 @@\n+a\n+b\n");
  CHECK(unified_diff("a\n", "", "n") == "--- a/n\n+++ b/n\n@@ -1 +0,0 @@\n-a\n");
  CHECK(unified_diff("a\nb\n", "a\nc\n", "n", 0) == "--- a/n\n+++ b/n\n@@ -2 +2 @@\n-b\n+c\n");
  CHECK(unified_diff("a\nb\n", "a\nx\nb\n", "n", 0) == "--- a/n\n+++ b/n\n@@ -1,0 +2 @@\n+x\n");
}

TEST_CASE("unified_diff marks a missing final newline and keeps CR bytes", "[regen][diff]") {
  CHECK(unified_diff("a\nb", "a\nb\n", "n") ==
        "--- a/n\n+++ b/n\n@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n");
  CHECK(unified_diff("a\r\nb\r\n", "a\r\nc\r\n", "n") ==
        "--- a/n\n+++ b/n\n@@ -1,2 +1,2 @@\n a\r\n-b\r\n+c\r\n");
}

TEST_CASE("unified_diff finds a minimal script on interleaved edits", "[regen][diff]") {
  // a b c a b b a -> c b a b a c (the classic Myers example): 5 edits.
  const std::string diff = unified_diff("a\nb\nc\na\nb\nb\na\n", "c\nb\na\nb\na\nc\n", "n");
  int plus = 0, minus = 0;
  for (std::size_t at = diff.find("@@"); at < diff.size();) {
    const std::size_t nl = diff.find('\n', at);
    if (diff[at] == '+') ++plus;
    if (diff[at] == '-') ++minus;
    at = nl + 1;
  }
  CHECK(minus == 3);
  CHECK(plus == 2);
}

TEST_CASE("unified_diff falls back to delete-all/insert-all on huge differences", "[regen][diff]") {
  std::string before, after;
  for (int i = 0; i < 3000; ++i) {
    before += "old " + std::to_string(i) + "\n";
    after += "new " + std::to_string(i) + "\n";
  }
  const std::string diff = unified_diff(before, after, "n");
  CHECK(diff.starts_with("--- a/n\n+++ b/n\n@@ -1,3000 +1,3000 @@\n-old 0\n-old 1\n"));
  CHECK(diff.ends_with("+new 2998\n+new 2999\n"));
}
