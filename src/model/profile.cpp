#include "kb/model/profile.hpp"

#include <algorithm>
#include <string_view>

#include "kb/text/markdown.hpp"
#include "kb/text/trim.hpp"

namespace kb::model {

namespace {

// "**Role**: Chief architect" in the body (outside code and comments), for
// notes that keep the profile as text rather than front-matter.
std::string profile_field(const NoteBody& note, std::string_view label) {
  if (auto value = note.fm.get_string(label); !value.empty()) return value;
  std::string bold = "**";
  bold += label;
  bold += "**:";
  const std::string_view text = note.text;
  const auto hidden = text::hidden_ranges(note.scan);
  for (std::size_t at = text.find(bold, note.split.body_begin); at != std::string_view::npos;
       at = text.find(bold, at + 1)) {
    const bool line_start = at == 0 || text[at - 1] == '\n';
    const bool in_code = std::any_of(hidden.begin(), hidden.end(), [&](const text::ByteRange& r) {
      return r.begin <= at && at < r.end;
    });
    if (!line_start || in_code) continue;
    const std::size_t begin = at + bold.size();
    std::size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    return std::string(text::trim_line(text.substr(begin, end - begin)));
  }
  return {};
}

std::string capitalised(std::string_view s) {
  std::string out(s);
  if (!out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
  return out;
}

}  // namespace

Profile read_profile(const NoteBody& note) {
  Profile profile;
  for (const char* label : {"role", "location", "relationship"}) {
    std::string value = profile_field(note, label);
    if (value.empty()) value = profile_field(note, capitalised(label));
    if (std::string_view(label) == "role") profile.role = value;
    if (std::string_view(label) == "location") profile.location = value;
    if (std::string_view(label) == "relationship") profile.relationship = value;
  }
  profile.last_contact = note.fm.get_string("last_contact");
  return profile;
}

}  // namespace kb::model
