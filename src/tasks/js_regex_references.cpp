#include "js_regex_references.hpp"

#include <algorithm>
#include <charconv>
#include <optional>
#include <utility>

namespace kb::tasks::js {

namespace {
constexpr char kOpen = '\x01';  // never in a translation otherwise (js_regex_reader.hpp)
constexpr char kClose = '\x02';
constexpr std::size_t kUnset = ~std::size_t{0};

// Placeholders: kOpen, a letter, a payload, kClose.
constexpr char kCaptureTag = 'S';    // a capturing group's '(': slot id
constexpr char kReferenceTag = 'R';  // items "gN" (JavaScript group N) or "sN" (slot N), by ','
constexpr char kConsumedTag = 'E';   // a pass-end check: the pass consumed (marker's slot id)
constexpr char kEmptyTag = 'N';      // a pass-end check: the pass matched empty (marker's slot id)
// A pass-end check: the pass consumed, or it started where the group did
// (slot ids of the pass's marker and of the group's entry marker, by ',').
constexpr char kConsumedAfterFirstTag = 'F';
constexpr char kResetOpen = 'B';   // "(?|"
constexpr char kResetOr = 'A';     // its '|'
constexpr char kResetClose = 'Z';  // its ')'

std::string tag(char kind, std::string_view payload = {}) {
  std::string text(1, kOpen);
  text += kind;
  text += payload;
  text += kClose;
  return text;
}
std::string tag(char kind, std::size_t id) {
  return tag(kind, std::to_string(id));
}

std::size_t number_in(std::string_view digits) {
  std::size_t value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// Calls visit(kind, payload, begin, end) for each placeholder of `text`
// (begin and end around it).
template <typename Visit>
void each_placeholder(std::string_view text, Visit&& visit) {
  for (std::size_t at = text.find(kOpen); at != std::string_view::npos;
       at = text.find(kOpen, at + 1)) {
    const std::size_t close = text.find(kClose, at);
    visit(text[at + 1], text.substr(at + 2, close - at - 2), at, close + 1);
    at = close;
  }
}

// `text` with each placeholder replaced by write(kind, payload).
template <typename Write>
std::string rewritten(std::string_view text, Write&& write) {
  std::string out;
  out.reserve(text.size());
  std::size_t done = 0;
  each_placeholder(text,
                   [&](char kind, std::string_view payload, std::size_t begin, std::size_t end) {
                     out += text.substr(done, begin - done);
                     out += write(kind, payload);
                     done = end;
                   });
  out += text.substr(done);
  return out;
}

// The items of a reference's payload.
std::vector<std::string_view> items_of(std::string_view payload) {
  std::vector<std::string_view> items;
  for (std::size_t at = 0; at < payload.size();) {
    std::size_t comma = payload.find(',', at);
    if (comma == std::string_view::npos) comma = payload.size();
    items.push_back(payload.substr(at, comma - at));
    at = comma + 1;
  }
  return items;
}

// `{min,max}` (PCRE2 counts up to 65535), piece by piece: GCC 12 at -O3
// warns falsely (-Wrestrict) on "{" + std::string.
std::string bounds(std::uint64_t min, std::optional<std::uint64_t> max) {
  const auto count = [](std::uint64_t n) {
    return std::to_string(std::min<std::uint64_t>(n, 65535));
  };
  std::string text(1, '{');
  text += count(min);
  if (max != min) {
    text += ',';
    if (max) text += count(*max);
  }
  text += '}';
  return text;
}
}  // namespace

std::size_t GroupReferences::add_slot(Kind kind) {
  slots_.push_back({kind, {}});
  return slots_.size() - 1;
}

std::string GroupReferences::open_capture(int group) {
  const std::size_t slot = add_slot(Kind::kCapture);
  if (js_slot_.size() <= static_cast<std::size_t>(group)) js_slot_.resize(group + 1, kUnset);
  js_slot_[group] = slot;
  return tag(kCaptureTag, slot);
}

std::string GroupReferences::reference(int group) {
  return reference(std::vector<int>{group});
}

std::string GroupReferences::reference(const std::vector<int>& groups) {
  std::string items;
  for (int group : groups) {
    if (!items.empty()) items += ',';
    items += 'g';
    items += std::to_string(group);
  }
  return tag(kReferenceTag, items);
}

bool GroupReferences::holds_capture(std::string_view group_text) const {
  bool holds = false;
  each_placeholder(group_text, [&](char kind, std::string_view payload, std::size_t, std::size_t) {
    holds = holds || (kind == kCaptureTag && slots_[number_in(payload)].kind == Kind::kCapture);
  });
  return holds;
}

GroupReferences::PassTexts GroupReferences::repeated(std::string_view group_text, PassCheck check) {
  std::vector<std::size_t> captures;
  each_placeholder(group_text, [&](char kind, std::string_view payload, std::size_t, std::size_t) {
    const std::size_t slot = kind == kCaptureTag ? number_in(payload) : kUnset;
    if (slot != kUnset && slots_[slot].kind == Kind::kCapture) captures.push_back(slot);
  });
  if (captures.empty()) return {};  // nothing to clear
  const std::size_t marker = add_slot(Kind::kMarker);
  for (std::size_t slot : captures) slots_[slot].markers.push_back(marker);
  PassTexts texts{tag(kCaptureTag, marker) + ")", {}, {}};
  if (check == PassCheck::kConsumed) texts.end = tag(kConsumedTag, marker);
  if (check == PassCheck::kEmpty) texts.end = tag(kEmptyTag, marker);
  if (check == PassCheck::kConsumedAfterFirst) {
    const std::size_t entry = add_slot(Kind::kMarker);
    texts.entry = tag(kCaptureTag, entry) + ")";
    texts.end = tag(kConsumedAfterFirstTag, std::to_string(marker) + "," + std::to_string(entry));
  }
  return texts;
}

std::string GroupReferences::clone(std::string_view text) {
  std::vector<std::pair<std::size_t, std::size_t>> copies;  // old slot, new slot
  each_placeholder(text, [&](char kind, std::string_view payload, std::size_t, std::size_t) {
    if (kind != kCaptureTag) return;
    const std::size_t old = number_in(payload);
    copies.emplace_back(old, add_slot(slots_[old].kind));
  });
  const auto copy_of = [&](std::size_t slot) {
    for (const auto& [old, fresh] : copies) {
      if (old == slot) return fresh;
    }
    return slot;  // outside the copy
  };
  for (const auto& [old, fresh] : copies) {
    for (std::size_t marker : slots_[old].markers) slots_[fresh].markers.push_back(copy_of(marker));
  }
  return rewritten(text, [&](char kind, std::string_view payload) {
    if (kind == kCaptureTag || kind == kConsumedTag || kind == kEmptyTag ||
        kind == kConsumedAfterFirstTag) {  // slot ids
      std::string slots;
      for (std::string_view slot : items_of(payload)) {
        if (!slots.empty()) slots += ',';
        slots += std::to_string(copy_of(number_in(slot)));
      }
      return tag(kind, slots);
    }
    if (kind != kReferenceTag) return tag(kind, payload);
    std::string items;
    for (std::string_view item : items_of(payload)) {
      if (!items.empty()) items += ',';
      const std::size_t slot = slot_of(item);
      const std::size_t copied = slot == kUnset ? kUnset : copy_of(slot);
      if (copied == slot) {
        items += item;  // a group outside the copy: as it was
      } else {
        items += 's';
        items += std::to_string(copied);
      }
    }
    return tag(kReferenceTag, items);
  });
}

std::size_t GroupReferences::slot_of(std::string_view item) const {
  const std::size_t n = number_in(item.substr(1));
  if (item[0] == 's') return n;
  return n < js_slot_.size() ? js_slot_[n] : kUnset;
}

std::string GroupReferences::unrolled(std::string_view group_text, const Repeat& repeat) {
  const std::string_view lazy = repeat.lazy ? "?" : "";
  std::string out;
  if (repeat.min > 1) {  // passes 1 .. min - 1: any, captures of their own
    const std::string copy = clone(group_text);
    out += "(?:";
    out += repeated(copy, PassCheck::kNone).start;
    out += copy;
    out += ')';
    out += bounds(repeat.min - 1, repeat.min - 1);
    out += lazy;
  }
  // The passes from the minimum on: one that matches empty, or passes that
  // each consume (an empty pass followed by another at the same place
  // starts that one as it started itself: captures inside cleared).
  const std::string copy = clone(group_text);
  const PassTexts pass = repeated(copy, PassCheck::kConsumed);
  std::string consuming = "(?:";
  consuming += pass.start;
  consuming += copy;
  consuming += pass.end;
  consuming += ')';
  if (repeat.max)
    consuming += bounds(1, *repeat.max - repeat.min + 1);
  else
    consuming += '+';
  consuming += lazy;
  const PassTexts single = repeated(group_text, PassCheck::kEmpty);
  std::string empty = single.start;
  empty += group_text;
  empty += single.end;
  // Both branches open a marker, then the group: the same numbers.
  out += tag(kResetOpen);
  out += repeat.lazy ? empty : consuming;
  out += tag(kResetOr);
  out += repeat.lazy ? consuming : empty;
  out += tag(kResetClose);
  return out;
}

GroupReferences::Numbering GroupReferences::numbered(std::string_view pcre2) const {
  Numbering numbering{std::vector<int>(slots_.size(), 0), 0};
  struct Reset {
    int base, highest;
  };
  std::vector<Reset> resets;
  int next = 1;
  each_placeholder(pcre2, [&](char kind, std::string_view payload, std::size_t, std::size_t) {
    if (kind == kCaptureTag) {
      numbering.number[number_in(payload)] = next++;
    } else if (kind == kResetOpen) {
      resets.push_back({next, next});
    } else if (kind == kResetOr) {
      resets.back().highest = std::max(resets.back().highest, next);
      next = resets.back().base;
    } else if (kind == kResetClose) {
      next = std::max(resets.back().highest, next);
      resets.pop_back();
    }
  });
  numbering.count = next - 1;
  return numbering;
}

std::string GroupReferences::resolve(std::string_view pcre2, bool& uses_callouts) const {
  const std::vector<int> number = numbered(pcre2).number;
  return rewritten(pcre2, [&](char kind, std::string_view payload) -> std::string {
    switch (kind) {
      case kCaptureTag:
        return "(";
      case kResetOpen:
        return "(?|";
      case kResetOr:
        return "|";
      case kResetClose:
        return ")";
      case kConsumedTag:
      case kEmptyTag:
      case kConsumedAfterFirstTag: {
        uses_callouts = true;
        std::string callout = "(?C\"";
        callout += kind;
        for (std::string_view slot : items_of(payload)) {
          callout += ',';
          callout += std::to_string(number[number_in(slot)]);
        }
        callout += "\")";
        return callout;
      }
      default:
        return written_reference(payload, number, uses_callouts);
    }
  });
}

std::string GroupReferences::written_reference(std::string_view payload,
                                               const std::vector<int>& number,
                                               bool& uses_callouts) const {
  std::vector<std::size_t> groups;
  for (std::string_view item : items_of(payload)) groups.push_back(slot_of(item));
  if (groups.size() == 1 && slots_[groups[0]].markers.empty()) {
    std::string plain = "\\g{";
    plain += std::to_string(number[groups[0]]);
    plain += '}';
    return plain;
  }
  // Each group in turn: its text when it is set (in the current pass of
  // each repeated group around it), else the next; else empty.
  uses_callouts = true;
  std::string out;
  for (std::size_t slot : groups) {
    const std::string n = std::to_string(number[slot]);
    out += "(?(?=(?C\"";
    out += n;
    for (std::size_t marker : slots_[slot].markers) {
      out += ',';
      out += std::to_string(number[marker]);
    }
    out += "\"))\\g{";
    out += n;
    out += "}|";
  }
  out += std::string(groups.size(), ')');
  return out;
}

namespace {
// The PCRE2 group numbers of a callout text ("n,m1,m2" or "E,p,s": the
// digits between commas), and the start of a group in `ovector`.
std::vector<std::size_t> numbers_of(std::string_view spec) {
  std::vector<std::size_t> numbers;
  for (std::string_view item : items_of(spec)) {
    if (!item.empty() && item[0] >= '0' && item[0] <= '9') numbers.push_back(number_in(item));
  }
  return numbers;
}
std::size_t start_of(std::size_t group, const std::size_t* ovector, std::uint32_t pairs) {
  return group < pairs ? ovector[2 * group] : kUnset;
}
}  // namespace

bool capture_is_current(std::string_view spec, const std::size_t* ovector, std::uint32_t pairs) {
  const std::vector<std::size_t> numbers = numbers_of(spec);
  const std::size_t group_start = start_of(numbers.at(0), ovector, pairs);
  if (group_start == kUnset) return false;
  return std::all_of(numbers.begin() + 1, numbers.end(), [&](std::size_t marker) {
    const std::size_t at = start_of(marker, ovector, pairs);
    return at != kUnset && at <= group_start;
  });
}

bool pass_check_fails(std::string_view spec, const std::size_t* ovector, std::uint32_t pairs,
                      std::size_t position) {
  const std::vector<std::size_t> numbers = numbers_of(spec);  // after the letter
  const std::size_t pass_start = start_of(numbers.at(0), ovector, pairs);
  const bool empty = pass_start == position;
  if (spec[0] == kEmptyTag) return !empty;
  if (spec[0] == kConsumedTag || !empty) return empty;
  const std::size_t group_start = start_of(numbers.at(1), ovector, pairs);  // F: not the first pass
  return group_start != kUnset && pass_start > group_start;
}

}  // namespace kb::tasks::js
