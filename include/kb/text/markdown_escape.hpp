#pragma once
// Text that kb writes into a note's line (a summary, a name, a link) must
// take no effect there beyond what it says: no comment that hides the rest
// of the note, no link, embed, tag, heading or block id that changes it.
// These functions make arbitrary text safe to place in one Markdown line,
// as Obsidian reads it.
#include <string>
#include <string_view>

namespace kb::text {

// One line: every run of white space or control characters (newlines,
// tabs, CRs, ...) becomes one space; leading and trailing ones go.
// "a\n  b\r\n" -> "a b".
std::string one_line(std::string_view text);

// one_line, then a backslash before what would otherwise be syntax:
// '[' and ']' (links, embeds, tasks, footnotes), '<' before a letter, '/',
// '!' or '?' and the '!' of "<!" (HTML, <!-- comments -->), each '%' of "%%" (Obsidian
// comments), '#' and '^' at the start or after a space (headings, tags,
// block ids), a backslash before punctuation, and a block marker at the
// start (> - + * ` ~ |, "1."). Emphasis (* _ == ~~) is left as written.
std::string escape_inline(std::string_view text);

// Each [[wikilink]] and ![[embed]] replaced by the text Obsidian shows for
// it: its alias, else its path ("Note > Heading" with a subpath). For a
// summary copied into another note: "Lunch with [[John Smith]]" reads as
// "Lunch with John Smith" there, and adds no link to it.
std::string wikilinks_as_text(std::string_view text);

// Only the comment openers ("%%", "<!--") escaped, and newlines folded: for
// task text copied into a note, whose links and tags stay as written.
std::string escape_comments(std::string_view text);

// A link to the note at vault path `path` (with ".md") named `stem`, that
// Obsidian resolves: "[[stem]]" (or "[[path|stem]]" when the stem is not
// unique) when a wikilink can hold the name; a Markdown link with a
// percent-encoded path, "[stem](Folder/a%7Cb.md)", when the name holds
// '[', ']', '|', '^', "%%" or a control character; and the name as plain
// escaped text when it holds '#', which ends a link's path in Obsidian
// whatever the link's form.
std::string note_link(std::string_view path, std::string_view stem, bool stem_unique);

}  // namespace kb::text
