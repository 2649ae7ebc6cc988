#include "js_regex_references.hpp"

#include <algorithm>

namespace kb::tasks::js {

namespace {
constexpr char kOpen = '\x01';  // never in a translation otherwise (js_regex_reader.hpp)
constexpr char kClose = '\x02';
constexpr std::size_t kUnset = ~std::size_t{0};
}  // namespace

std::string GroupReferences::reference(int group) {
  return reference(std::vector<int>{group});
}

std::string GroupReferences::reference(const std::vector<int>& groups) {
  std::string text(1, kOpen);
  for (int group : groups) {
    if (text.size() > 1) text += ',';
    text += std::to_string(group);
  }
  text += kClose;
  return text;
}

GroupReferences::PassTexts GroupReferences::repeated(int first, int last, Place body, Place group,
                                                     std::optional<int> empty_check_min) {
  if (last < first) return {};  // no group inside: nothing to clear
  const std::size_t marker = markers_.size();
  markers_.push_back({body});
  if (markers_around_.size() <= static_cast<std::size_t>(last)) markers_around_.resize(last + 1);
  for (int g = first; g <= last; ++g) markers_around_[g].push_back(marker);
  if (!empty_check_min) return {{}, "()", {}};
  Check check{marker, std::nullopt};
  PassTexts texts{{}, "()", std::string(1, kOpen) + "E" + std::to_string(checks_.size()) + kClose};
  if (*empty_check_min > 0) {
    check.entry = markers_.size();
    markers_.push_back({group, true});
    texts.entry = "()";
  }
  checks_.push_back(check);
  return texts;
}

int GroupReferences::pcre2_group(int group) const {
  return group +
         static_cast<int>(std::count_if(markers_.begin(), markers_.end(),
                                        [&](const Marker& m) { return m.place.before < group; }));
}

int GroupReferences::pcre2_marker(std::size_t marker) const {
  const Marker& self = markers_[marker];
  const auto earlier = std::count_if(markers_.begin(), markers_.end(),
                                     [&](const Marker& m) { return m.precedes(self); });
  return self.place.before + static_cast<int>(earlier) + 1;
}

std::string GroupReferences::resolve(std::string_view pcre2, bool& uses_callouts) const {
  std::string out;
  out.reserve(pcre2.size());
  for (std::size_t i = 0; i < pcre2.size(); ++i) {
    if (pcre2[i] != kOpen) {
      out += pcre2[i];
      continue;
    }
    const std::size_t close = pcre2.find(kClose, i);
    if (pcre2[i + 1] == 'E') {  // an empty-pass check
      const Check& check = checks_[std::stoul(std::string(pcre2.substr(i + 2, close - i - 2)))];
      out += "(?C\"E," + std::to_string(pcre2_marker(check.pass));
      if (check.entry) out += "," + std::to_string(pcre2_marker(*check.entry));
      out += "\")";
      uses_callouts = true;
      i = close;
      continue;
    }
    std::vector<int> groups;
    for (std::size_t at = i + 1; at < close;) {
      std::size_t end = pcre2.find(',', at);
      if (end > close) end = close;
      groups.push_back(std::stoi(std::string(pcre2.substr(at, end - at))));
      at = end + 1;
    }
    i = close;
    const auto repeated = [&](int group) {
      return static_cast<std::size_t>(group) < markers_around_.size() &&
             !markers_around_[group].empty();
    };
    if (groups.size() == 1 && !repeated(groups[0])) {
      out += "\\g{" + std::to_string(pcre2_group(groups[0])) + "}";
      continue;
    }
    // Each group in turn: its text when it is set (in the current pass of
    // each repeated group around it), else the next; else empty.
    uses_callouts = true;
    for (int group : groups) {
      const std::string number = std::to_string(pcre2_group(group));
      out += "(?(?=(?C\"" + number;
      if (repeated(group)) {
        for (std::size_t marker : markers_around_[group]) {
          out += ',';
          out += std::to_string(pcre2_marker(marker));
        }
      }
      out += "\"))\\g{" + number + "}|";
    }
    out += std::string(groups.size(), ')');
  }
  return out;
}

bool capture_is_current(std::string_view spec, const std::size_t* ovector, std::uint32_t pairs) {
  const auto start = [&](std::size_t group) { return group < pairs ? ovector[2 * group] : kUnset; };
  std::size_t group_start = kUnset;
  bool first = true;
  for (std::size_t i = 0; i <= spec.size();) {
    std::size_t number = 0;
    for (; i < spec.size() && spec[i] >= '0' && spec[i] <= '9'; ++i)
      number = number * 10 + static_cast<std::size_t>(spec[i] - '0');
    ++i;  // ','
    const std::size_t at = start(number);
    if (first) {
      group_start = at;
      if (group_start == kUnset) return false;
      first = false;
    } else if (at == kUnset || group_start < at) {
      return false;
    }
  }
  return true;
}

bool empty_pass_refused(std::string_view spec, const std::size_t* ovector, std::uint32_t pairs,
                        std::size_t position) {
  const auto start = [&](std::size_t group) { return group < pairs ? ovector[2 * group] : kUnset; };
  std::size_t numbers[2] = {0, 0};
  std::size_t count = 0;
  for (std::size_t i = 2; i <= spec.size() && count < 2; ++i) {  // after "E,"
    for (; i < spec.size() && spec[i] >= '0' && spec[i] <= '9'; ++i)
      numbers[count] = numbers[count] * 10 + static_cast<std::size_t>(spec[i] - '0');
    ++count;
  }
  const std::size_t pass_start = start(numbers[0]);
  if (pass_start != position) return false;  // the pass consumed something
  if (count < 2) return true;                // a minimum of 0: every pass
  const std::size_t group_start = start(numbers[1]);
  return group_start != kUnset && pass_start > group_start;  // not the first pass
}

}  // namespace kb::tasks::js
