#include "chrono_refiners.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <optional>
#include <string>
#include <utility>

#include "chrono_parsers.hpp"
#include "chrono_words.hpp"
#include "search_pattern.hpp"

namespace kb::tasks::chrono {
namespace {

using C = Component;

struct Abbreviation {
  std::string_view name;
  int minutes;
};

// ExtractTimezoneAbbrRefiner's default table (minutes east of UTC).
constexpr std::array<Abbreviation, 191> kTimezones = {
    {{"ACDT", 630},   {"ACST", 570},  {"ADT", -180},  {"AEDT", 660},  {"AEST", 600},
     {"AFT", 270},    {"AKDT", -480}, {"AKST", -540}, {"ALMT", 360},  {"AMST", -180},
     {"AMT", -240},   {"ANAST", 720}, {"ANAT", 720},  {"AQTT", 300},  {"ART", -180},
     {"AST", -240},   {"AWDT", 540},  {"AWST", 480},  {"AZOST", 0},   {"AZOT", -60},
     {"AZST", 300},   {"AZT", 240},   {"BNT", 480},   {"BOT", -240},  {"BRST", -120},
     {"BRT", -180},   {"BST", 60},    {"BTT", 360},   {"CAST", 480},  {"CAT", 120},
     {"CCT", 390},    {"CDT", -300},  {"CEST", 120},  {"CET", 60},    {"CHADT", 825},
     {"CHAST", 765},  {"CKT", -600},  {"CLST", -180}, {"CLT", -240},  {"COT", -300},
     {"CST", -360},   {"CVT", -60},   {"CXT", 420},   {"ChST", 600},  {"DAVT", 420},
     {"EASST", -300}, {"EAST", -360}, {"EAT", 180},   {"ECT", -300},  {"EDT", -240},
     {"EEST", 180},   {"EET", 120},   {"EGST", 0},    {"EGT", -60},   {"EST", -300},
     {"ET", -300},    {"FJST", 780},  {"FJT", 720},   {"FKST", -180}, {"FKT", -240},
     {"FNT", -120},   {"GALT", -360}, {"GAMT", -540}, {"GET", 240},   {"GFT", -180},
     {"GILT", 720},   {"GMT", 0},     {"GST", 240},   {"GYT", -240},  {"HAA", -180},
     {"HAC", -300},   {"HADT", -540}, {"HAE", -240},  {"HAP", -420},  {"HAR", -360},
     {"HAST", -600},  {"HAT", -90},   {"HAY", -480},  {"HKT", 480},   {"HLV", -210},
     {"HNA", -240},   {"HNC", -360},  {"HNE", -300},  {"HNP", -480},  {"HNR", -420},
     {"HNT", -150},   {"HNY", -540},  {"HOVT", 420},  {"ICT", 420},   {"IDT", 180},
     {"IOT", 360},    {"IRDT", 270},  {"IRKST", 540}, {"IRKT", 540},  {"IRST", 210},
     {"IST", 330},    {"JST", 540},   {"KGT", 360},   {"KRAST", 480}, {"KRAT", 480},
     {"KST", 540},    {"KUYT", 240},  {"LHDT", 660},  {"LHST", 630},  {"LINT", 840},
     {"MAGST", 720},  {"MAGT", 720},  {"MART", -510}, {"MAWT", 300},  {"MDT", -360},
     {"MESZ", 120},   {"MEZ", 60},    {"MHT", 720},   {"MMT", 390},   {"MSD", 240},
     {"MSK", 240},    {"MST", -420},  {"MUT", 240},   {"MVT", 300},   {"MYT", 480},
     {"NCT", 660},    {"NDT", -90},   {"NFT", 690},   {"NOVST", 420}, {"NOVT", 360},
     {"NPT", 345},    {"NST", -150},  {"NUT", -660},  {"NZDT", 780},  {"NZST", 720},
     {"OMSST", 420},  {"OMST", 420},  {"PDT", -420},  {"PET", -300},  {"PETST", 720},
     {"PETT", 720},   {"PGT", 600},   {"PHOT", 780},  {"PHT", 480},   {"PKT", 300},
     {"PMDT", -120},  {"PMST", -180}, {"PONT", 660},  {"PST", -480},  {"PT", -480},
     {"PWT", 540},    {"PYST", -180}, {"PYT", -240},  {"RET", 240},   {"SAMT", 240},
     {"SAST", 120},   {"SBT", 660},   {"SCT", 240},   {"SGT", 480},   {"SRT", -180},
     {"SST", -660},   {"TAHT", -600}, {"TFT", 300},   {"TJT", 300},   {"TKT", 780},
     {"TLT", 540},    {"TMT", 300},   {"TVT", 720},   {"ULAT", 480},  {"UTC", 0},
     {"UYST", -120},  {"UYT", -180},  {"UZT", 300},   {"VET", -210},  {"VLAST", 660},
     {"VLAT", 660},   {"VUT", 660},   {"WAST", 120},  {"WAT", 60},    {"WEST", 60},
     {"WESZ", 60},    {"WET", 0},     {"WEZ", 0},     {"WFT", 720},   {"WGST", -120},
     {"WGT", -180},   {"WIB", 420},   {"WIT", 540},   {"WITA", 480},  {"WST", 780},
     {"WT", 0},       {"YAKST", 600}, {"YAKT", 600},  {"YAPT", 600},  {"YEKST", 360},
     {"YEKT", 360}}};

std::optional<std::string_view> group(const PatternMatch& m, std::string_view text, std::size_t i) {
  if (i >= m.groups.size() || !m.groups[i]) return std::nullopt;
  return text.substr(m.groups[i]->begin, m.groups[i]->end - m.groups[i]->begin);
}

std::string_view following_text(std::string_view text, const Result& r) {
  const std::size_t end = std::min(text.size(), r.index + r.text.size());
  return text.substr(end);
}

// A text's length as JavaScript counts it, in UTF-16 code units ("–" is one).
std::size_t js_length(std::string_view text) {
  std::size_t units = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) units += c >= 0xF0 ? 2 : 1;  // lead bytes; 4-byte sequences are pairs
  }
  return units;
}

// OverlapRemovalRefiner: of results that overlap, the longer (the first on a tie).
std::vector<Result> remove_overlaps(std::vector<Result> results) {
  if (results.size() < 2) return results;
  std::vector<Result> kept;
  std::size_t previous = 0;
  for (std::size_t i = 1; i < results.size(); ++i) {
    const Result& prev = results[previous];
    if (results[i].index < prev.index + prev.text.size()) {
      if (js_length(results[i].text) > js_length(prev.text)) previous = i;
    } else {
      kept.push_back(results[previous]);
      previous = i;
    }
  }
  kept.push_back(results[previous]);
  return kept;
}

void timezone_offsets(std::string_view text, std::vector<Result>& results) {
  static const SearchPattern offset(
      R"(^\s*(?:\(?(?:GMT|UTC)\s?)?([+-])(\d{1,2})(?::?(\d{2}))?\)?)");
  for (Result& r : results) {
    if (r.start.certain(C::TimezoneOffset)) continue;
    const std::string_view suffix = following_text(text, r);
    const auto m = offset.find(suffix);
    if (!m) continue;
    const int hours = std::atoi(std::string(*group(*m, suffix, 2)).c_str());
    const auto minutes_text = group(*m, suffix, 3);
    const int minutes = minutes_text ? std::atoi(std::string(*minutes_text).c_str()) : 0;
    int minutes_east = hours * 60 + minutes;
    if (minutes_east > 14 * 60) continue;
    if (*group(*m, suffix, 1) == "-") minutes_east = -minutes_east;
    if (r.end) r.end->assign(C::TimezoneOffset, minutes_east);
    r.start.assign(C::TimezoneOffset, minutes_east);
    r.text += *group(*m, suffix, 0);
  }
}

void timezone_names(std::string_view text, std::vector<Result>& results) {
  static const SearchPattern name(R"(^\s*,?\s*\(?([A-Z]{2,4})\)?(?=\W|$))");
  for (Result& r : results) {
    const std::string_view suffix = following_text(text, r);
    const auto m = name.find(suffix);
    if (!m) continue;
    const std::string_view written = *group(*m, suffix, 1);
    std::string upper(written);
    for (char& c : upper) {
      if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 32);
    }
    std::optional<int> minutes;
    for (const Abbreviation& tz : kTimezones) {
      if (tz.name == upper) minutes = tz.minutes;
    }
    if (!minutes) continue;
    const bool as_written = upper == written;  // "est" after a date alone is a word
    const auto current = r.start.get(C::TimezoneOffset);
    if (current && *current != *minutes) {
      if (r.start.certain(C::TimezoneOffset) || !as_written) continue;
    }
    if (r.start.only_date() && !as_written) continue;
    r.text += *group(*m, suffix, 0);
    if (!r.start.certain(C::TimezoneOffset)) r.start.assign(C::TimezoneOffset, *minutes);
    if (r.end && !r.end->certain(C::TimezoneOffset)) r.end->assign(C::TimezoneOffset, *minutes);
  }
}

// MergingRefiner: each result is merged with the next while should() says so.
template <typename Should, typename Merge>
std::vector<Result> merge_pairs(std::string_view text, std::vector<Result> results, Should should,
                                Merge merge) {
  if (results.size() < 2) return results;
  std::vector<Result> merged;
  Result current = results[0];
  for (std::size_t i = 1; i < results.size(); ++i) {
    Result& next = results[i];
    // JavaScript's substring(end of current, start of next), which swaps
    // its bounds when the two overlap.
    std::size_t from = std::min(text.size(), current.index + current.text.size());
    std::size_t to = std::min(text.size(), next.index);
    if (from > to) std::swap(from, to);
    const std::string_view between = text.substr(from, to - from);
    if (!should(between, current, next)) {
      merged.push_back(current);
      current = next;
    } else {
      current = merge(between, current, next);
    }
  }
  merged.push_back(current);
  return merged;
}

bool matches(const SearchPattern& pattern, std::string_view text) {
  return pattern.find(text).has_value();
}

// mergeDateTimeComponent: the date's components with the time's.
Components date_with_time(const Components& date, const Components& time) {
  Components out = date;
  if (time.certain(C::Hour)) {
    out.assign(C::Hour, time.value(C::Hour)).assign(C::Minute, time.value(C::Minute));
    if (time.certain(C::Second)) {
      out.assign(C::Second, time.value(C::Second));
      if (time.certain(C::Millisecond)) {
        out.assign(C::Millisecond, time.value(C::Millisecond));
      } else {
        out.imply(C::Millisecond, time.value(C::Millisecond));
      }
    } else {
      out.imply(C::Second, time.value(C::Second)).imply(C::Millisecond, time.value(C::Millisecond));
    }
  } else {
    out.imply(C::Hour, time.value(C::Hour)).imply(C::Minute, time.value(C::Minute));
    out.imply(C::Second, time.value(C::Second)).imply(C::Millisecond, time.value(C::Millisecond));
  }
  if (time.certain(C::TimezoneOffset)) out.assign(C::TimezoneOffset, time.value(C::TimezoneOffset));
  if (time.certain(C::Meridiem)) {
    out.assign(C::Meridiem, time.value(C::Meridiem));
  } else if (time.get(C::Meridiem) && !out.get(C::Meridiem)) {
    out.imply(C::Meridiem, time.value(C::Meridiem));
  }
  if (out.get(C::Meridiem) == kPM && out.value(C::Hour) < 12) {
    if (time.certain(C::Hour)) {
      out.assign(C::Hour, out.value(C::Hour) + 12);
    } else {
      out.imply(C::Hour, out.value(C::Hour) + 12);
    }
  }
  return out;
}

Result merge_date_time(const Result& date, const Result& time) {
  Result result = date;
  result.start = date_with_time(date.start, time.start);
  if (date.end || time.end) {
    Components end =
        date_with_time(date.end ? *date.end : date.start, time.end ? *time.end : time.start);
    if (!date.end && end.date() < result.start.date()) {  // 9pm - 1am
      if (end.certain(C::Day)) {
        end.assign(C::Day, end.value(C::Day) + 1);
      } else {
        end.imply(C::Day, end.value(C::Day) + 1);
      }
    }
    result.end = end;
  }
  return result;
}

void imply_date(Components& c, Instant instant) {
  const Fields f = fields_of(instant);
  c.imply(C::Day, f.day).imply(C::Month, f.month).imply(C::Year, f.year);
}

Result merge_range(std::string_view between, Result from, Result to) {
  if (!from.start.only_weekday() && !to.start.only_weekday()) {
    for (C key : to.start.certain_components()) {
      if (!from.start.certain(key)) from.start.assign(key, to.start.value(key));
    }
    for (C key : from.start.certain_components()) {
      if (!to.start.certain(key)) to.start.assign(key, from.start.value(key));
    }
  }
  if (from.start.date() > to.start.date()) {
    const Instant from_day = from.start.date(), to_day = to.start.date();
    constexpr Instant kWeek = 7LL * 86'400'000;
    if (from.start.only_weekday() && from_day - kWeek < to_day) {
      imply_date(from.start, from_day - kWeek);
    } else if (to.start.only_weekday() && to_day + kWeek > from_day) {
      imply_date(to.start, to_day + kWeek);
    } else {
      std::swap(from, to);
    }
  }
  Result result = from;
  result.end = to.start;
  result.index = std::min(from.index, to.index);
  result.text = from.index < to.index ? from.text + std::string(between) + to.text
                                      : to.text + std::string(between) + from.text;
  return result;
}

}  // namespace

std::vector<Result> refine(std::string_view text, std::vector<Result> results) {
  static const SearchPattern weekday_gap(R"(^,?\s*$)"), relative_gap(R"(^\s*$)"),
      earlier(R"(\s+(before|from)$)"), later(R"(\s+(after|since)$)"),
      date_time_gap(R"(^\s*(T|at|after|before|on|of|,|-)?\s*$)", false),
      range_gap(R"(^\s*(to|-)\s*$)"), plain_number(R"(^\d*(\.\d*)?$)");
  results = remove_overlaps(std::move(results));
  timezone_offsets(text, results);
  timezone_names(text, results);
  // [Sunday] [12/7/2014]: the weekday joins the date.
  results = merge_pairs(
      text, std::move(results),
      [&](std::string_view between, const Result& a, const Result& b) {
        return a.start.only_weekday() && !a.start.certain(C::Hour) && b.start.certain(C::Day) &&
               matches(weekday_gap, between);
      },
      [](std::string_view between, const Result& a, const Result& b) {
        Result r = b;
        r.index = a.index;
        r.text = a.text + std::string(between) + b.text;
        r.start.assign(C::Weekday, a.start.value(C::Weekday));
        if (r.end) r.end->assign(C::Weekday, a.start.value(C::Weekday));
        return r;
      });
  // [2 weeks before] [2020-02-13], [2 days after] [next Friday].
  results = merge_pairs(
      text, std::move(results),
      [&](std::string_view between, const Result& a, const Result& b) {
        return matches(relative_gap, between) &&
               (matches(earlier, a.text) || matches(later, a.text)) && b.start.value(C::Day) != 0 &&
               b.start.value(C::Month) != 0 && b.start.value(C::Year) != 0;
      },
      [&](std::string_view between, const Result& a, const Result& b) {
        TimeUnits units = parse_time_units(a.text);
        if (matches(earlier, a.text)) units = reversed(units);
        const Instant base = b.start.date();
        return Result{a.index, a.text + std::string(between) + b.text,
                      Components::relative(base, units), std::nullopt};
      });
  // [2020-02-13] [at] [6pm], [tomorrow] [after] [7am].
  results = merge_pairs(
      text, std::move(results),
      [&](std::string_view between, const Result& a, const Result& b) {
        return ((a.start.only_date() && b.start.only_time()) ||
                (b.start.only_date() && a.start.only_time())) &&
               matches(date_time_gap, between);
      },
      [](std::string_view between, const Result& a, const Result& b) {
        Result r = a.start.only_date() ? merge_date_time(a, b) : merge_date_time(b, a);
        r.index = a.index;
        r.text = a.text + std::string(between) + b.text;
        return r;
      });
  // [2020-02-13] [to] [2020-02-15], [Wednesday] [-] [Friday].
  results = merge_pairs(
      text, std::move(results),
      [&](std::string_view between, const Result& a, const Result& b) {
        return !a.end && !b.end && matches(range_gap, between);
      },
      merge_range);
  results = remove_overlaps(std::move(results));
  // UnlikelyFormatFilter: plain numbers, and days no calendar has.
  std::vector<Result> kept;
  for (Result& r : results) {
    std::string squeezed = r.text;
    if (const auto space = squeezed.find(' '); space != std::string::npos) squeezed.erase(space, 1);
    if (matches(plain_number, squeezed)) continue;
    if (!r.start.valid_date() || (r.end && !r.end->valid_date())) continue;
    kept.push_back(std::move(r));
  }
  return kept;
}

}  // namespace kb::tasks::chrono
