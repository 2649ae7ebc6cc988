#include "chrono_parsers.hpp"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <string>

#include "chrono_words.hpp"
#include "search_pattern.hpp"

namespace kb::tasks::chrono {

Result result_at(const ParserContext& context, std::size_t index, std::string_view text) {
  return Result{index, std::string(text), Components(context.reference), std::nullopt};
}

Result result_of(const ParserContext& context, const Found& found, Components start) {
  Result result = result_at(context, found.index, found.group(0));
  result.start = start;
  return result;
}

int to_int(std::string_view digits) {
  return std::atoi(std::string(digits).c_str());
}

namespace {

using C = Component;

// --- casual words -------------------------------------------------------------

// references.* of casualReferences.ts.
Components with_date_of(Instant reference, Instant target, bool imply_time) {
  const Fields f = fields_of(target);
  Components c(reference);
  c.assign(C::Day, f.day).assign(C::Month, f.month).assign(C::Year, f.year);
  if (imply_time) {
    c.imply(C::Hour, f.hour).imply(C::Minute, f.minute).imply(C::Second, f.second);
    c.imply(C::Millisecond, f.millisecond);
  }
  return c;
}

std::optional<Result> casual_date(const ParserContext& context, Found& found) {
  const std::string word = lower(found.group(0));
  const Instant ref = context.reference;
  Components c(ref);
  if (word == "now") {
    const Fields f = fields_of(ref);
    c = with_date_of(ref, ref, false);
    c.assign(C::Hour, f.hour).assign(C::Minute, f.minute).assign(C::Second, f.second);
    c.assign(C::Millisecond, f.millisecond).assign(C::Meridiem, f.hour < 12 ? kAM : kPM);
    c.assign(C::TimezoneOffset, utc_offset_at(ref));
  } else if (word == "today") {
    c = with_date_of(ref, ref, true);
  } else if (word == "yesterday") {
    c = with_date_of(ref, add(ref, -1, Unit::Day), true);
  } else if (word == "tomorrow" || word == "tmr" || word == "tmrw") {
    c = with_date_of(ref, add(ref, 1, Unit::Day), true);
  } else if (word == "tonight") {
    c = with_date_of(ref, ref, false);
    c.imply(C::Hour, 22).imply(C::Meridiem, kPM);
  } else {  // last night: the night before after 6 o'clock
    const Instant target = fields_of(ref).hour > 6 ? add(ref, -1, Unit::Day) : ref;
    c = with_date_of(ref, target, false);
    c.imply(C::Hour, 0);
  }
  return result_of(context, found, c);
}

std::optional<Result> casual_time(const ParserContext& context, Found& found) {
  const std::string word = lower(found.group(1));
  Components c(context.reference);
  if (word == "afternoon") {
    c.imply(C::Meridiem, kPM).imply(C::Hour, 15);
  } else if (word == "evening" || word == "night") {
    c.imply(C::Meridiem, kPM).imply(C::Hour, 20);
  } else if (word == "midnight") {  // the midnight that ends today
    c = with_date_of(context.reference, add(context.reference, 1, Unit::Day), true);
    c.imply(C::Hour, 0).imply(C::Minute, 0).imply(C::Second, 0);
  } else if (word == "morning") {
    c.imply(C::Meridiem, kAM).imply(C::Hour, 6);
  } else {  // noon
    c.imply(C::Meridiem, kAM).imply(C::Hour, 12);
  }
  return result_of(context, found, c);
}

// --- weekdays and relative words ---------------------------------------------------

// toDayJSWeekday: without a modifier the closest such day, else that day of
// this, the next or the last Sunday-to-Saturday week.
Instant weekday_from(Instant reference, int weekday, std::string_view modifier) {
  if (modifier == "this") return set_weekday(reference, weekday);
  if (modifier == "next") return set_weekday(reference, weekday + 7);
  if (modifier == "last") return set_weekday(reference, weekday - 7);
  const int today = fields_of(reference).weekday;
  if (std::abs(weekday - 7 - today) < std::abs(weekday - today)) {
    return set_weekday(reference, weekday - 7);
  }
  if (std::abs(weekday + 7 - today) < std::abs(weekday - today)) {
    return set_weekday(reference, weekday + 7);
  }
  return set_weekday(reference, weekday);
}

std::optional<Result> weekday(const ParserContext& context, Found& found) {
  const int day = weekday_value(found.group(2));
  std::string word = lower(found.has(1) ? found.group(1) : found.group(3));
  if (word == "past") word = "last";
  const Fields f = fields_of(weekday_from(context.reference, day, word));
  Components c(context.reference);
  c.assign(C::Weekday, day).imply(C::Day, f.day).imply(C::Month, f.month).imply(C::Year, f.year);
  return result_of(context, found, c);
}

std::optional<Result> relative_date(const ParserContext& context, Found& found) {
  const std::string modifier = lower(found.group(1));
  const std::string unit_word = lower(found.group(2));
  const Unit unit = time_unit_value(unit_word);
  const Instant ref = context.reference;
  if (modifier == "next" || modifier.rfind("after", 0) == 0) {
    return result_of(context, found, Components::relative(ref, {{unit, 1}}));
  }
  if (modifier == "last" || modifier == "past") {
    return result_of(context, found, Components::relative(ref, {{unit, -1}}));
  }
  Components c(ref);
  const Fields f = fields_of(ref);
  if (unit_word.find("week") != std::string::npos) {
    const Fields sunday = fields_of(add(ref, -f.weekday, Unit::Day));
    c.imply(C::Day, sunday.day).imply(C::Month, sunday.month).imply(C::Year, sunday.year);
  } else if (unit_word.find("month") != std::string::npos) {
    c.imply(C::Day, 1).assign(C::Year, f.year).assign(C::Month, f.month);
  } else if (unit_word.find("year") != std::string::npos) {
    c.imply(C::Day, 1).imply(C::Month, 1).assign(C::Year, f.year);
  }
  return result_of(context, found, c);
}

std::optional<Result> time_units_ahead(const ParserContext& context, Found& found) {
  return result_of(context, found,
                   Components::relative(context.reference, parse_time_units(found.group(1))));
}

std::optional<Result> time_units_ago(const ParserContext& context, Found& found) {
  return result_of(
      context, found,
      Components::relative(context.reference, reversed(parse_time_units(found.group(1)))));
}

std::optional<Result> casual_relative(const ParserContext& context, Found& found) {
  const std::string prefix = lower(found.group(1));
  TimeUnits units = parse_time_units(found.group(2));
  if (prefix == "last" || prefix == "past" || prefix == "-") units = reversed(units);
  return result_of(context, found, Components::relative(context.reference, units));
}

enum class Boundary { Word, None };

struct Parser {
  SearchPattern pattern;
  Boundary boundary;
  std::optional<Result> (*extract)(const ParserContext&, Found&);
};

std::string with_boundary(const std::string& inner) {
  return R"((\W|^))" + inner;
}

// The casual English configuration's parsers, in its order (results at
// the same position keep it).
const std::vector<Parser>& parsers() {
  static const std::vector<Parser> list = [] {
    const std::string& units = time_units_pattern();
    const std::string& ordinal = ordinal_number_pattern();
    const std::string& months = month_words();
    const std::string& year = year_pattern();
    std::vector<Parser> p;
    const auto add = [&p](const std::string& pattern, Boundary b, auto extract) {
      p.push_back(Parser{SearchPattern(b == Boundary::Word ? with_boundary(pattern) : pattern), b,
                         extract});
    };
    add(R"((this|last|past|next|after|\+|-)\s*()" + units + R"()(?=\W|$))", Boundary::Word,
        casual_relative);
    add(R"((this|last|past|next|after\s*this)\s*()" + time_unit_words() + R"()(?=\s*)(?=\W|$))",
        Boundary::Word, relative_date);
    add(R"(((?:in)\s*)?()" + months + R"()\s*(?:[,-]?\s*()" + year +
            R"()?)?(?=[^\s\w]|\s+[^0-9]|\s+$|$))",
        Boundary::Word, month_name);
    add(R"((?:this)?\s{0,3}(morning|afternoon|evening|night|midnight|noon)(?=\W|$))",
        Boundary::Word, casual_time);
    add(R"((now|today|tonight|tomorrow|tmr|tmrw|yesterday|last\s*night)(?=\W|$))", Boundary::Word,
        casual_date);
    add(R"(([0-9]{4})\-([0-9]{1,2})\-([0-9]{1,2})(?:T([0-9]{1,2}):([0-9]{1,2})(?::([0-9]{1,2})(?:\.(\d{1,4}))?)?(?:Z|([+-]\d{2}):?(\d{2})?)?)?(?=\W|$))",
        Boundary::Word, iso_date);
    add(R"(([^\d]|^)([0-3]{0,1}[0-9]{1})[\/\.\-]([0-3]{0,1}[0-9]{1})(?:[\/\.\-]([0-9]{4}|[0-9]{2}))?(\W|$))",
        Boundary::None, slash_date);
    add(R"((?:within|in|for)\s*(?:(?:about|around|roughly|approximately|just)\s*(?:~\s*)?)?()" +
            units + R"()(?=\W|$))",
        Boundary::Word, time_units_ahead);
    add(R"((?:on\s{0,3})?()" + ordinal + R"()(?:\s{0,3}(?:to|\-|–|until|through|till)?\s{0,3}()" +
            ordinal + R"())?(?:-|/|\s{0,3}(?:of)?\s{0,3})()" + months +
            R"()(?:(?:-|/|,?\s{0,3})()" + year + R"((?![^\s]\d)))?(?=\W|$))",
        Boundary::Word, month_little_endian);
    add("(" + months + R"()(?:-|/|\s*,?\s*)()" + ordinal +
            R"()(?!\s*(?:am|pm))\s*(?:(?:to|\-)\s*()" + ordinal + R"()\s*)?(?:(?:-|/|\s*,?\s*)()" +
            year + R"())?(?=\W|$)(?!\:\d))",
        Boundary::Word, month_middle_endian);
    add(R"((?:(?:\,|\(|（)\s*)?(?:on\s*?)?(?:(this|last|past|next)\s*)?()" + weekday_words() +
            R"()(?:\s*(?:\,|\)|）))?(?:\s*(this|last|past|next)\s*week)?(?=\W|$))",
        Boundary::Word, weekday);
    add(R"(([0-9]{4})[\.\/\s](?:()" + months + R"()|([0-9]{1,2}))[\.\/\s]([0-9]{1,2})(?=\W|$))",
        Boundary::Word, year_month_day);
    add(R"(([0-9]|0[1-9]|1[012])/([0-9]{4}))", Boundary::Word, slash_month);
    add(R"((^|\s|T|\b)(?:(?:at|from)\s*)??(\d{1,4})(?:(?:\.|:|：)(\d{1,2})(?:(?::|：)(\d{2})(?:\.(\d{1,6}))?)?)?(?:\s*(a\.m\.|p\.m\.|am?|pm?))?(?:\s*(?:o\W*clock|at\s*night|in\s*the\s*(?:morning|afternoon)))?(?!/)(?=\W|$))",
        Boundary::None, nullptr);
    add("(" + units + R"()\s{0,5}(?:ago|before|earlier)(?=(?:\W|$)))", Boundary::Word,
        time_units_ago);
    add("(" + units + R"()\s{0,5}(?:later|after|from now|henceforth|forward|out)(?=(?:\W|$)))",
        Boundary::Word, time_units_ahead);
    return p;
  }();
  return list;
}

// Chrono.executeParser: search, extract, and search again after what was read
// (after a failed extraction, one character further on).
void execute(const Parser& parser, const ParserContext& context, std::vector<Result>& results) {
  const std::string_view text = context.text;
  std::size_t offset = 0;
  while (offset <= text.size()) {
    const std::string_view remaining = text.substr(offset);
    const std::optional<PatternMatch> match = parser.pattern.find(remaining);
    if (!match) break;
    Found found{text, offset + match->groups[0]->begin, {}};
    for (const auto& span : match->groups) {
      if (span) {
        found.groups.emplace_back(text.substr(offset + span->begin, span->end - span->begin));
      } else {
        found.groups.emplace_back(std::nullopt);
      }
    }
    const std::size_t index = found.index;
    if (parser.boundary == Boundary::Word) {
      // AbstractParserWithWordBoundaryChecking: the match starts after the boundary group.
      const std::size_t header = found.group(1).size();
      found.index += header;
      found.groups[0] = found.group(0).substr(header);
      found.groups.erase(found.groups.begin() + 1);
    }
    std::optional<Result> result = parser.extract != nullptr
                                       ? parser.extract(context, found)
                                       : time_expression(text, context.reference, found);
    if (!result) {
      offset = found.index + 1;
      continue;
    }
    offset = index + result->text.size();
    results.push_back(std::move(*result));
  }
}

}  // namespace

TimeUnits parse_time_units(std::string_view text) {
  static const SearchPattern single(single_time_unit_pattern());
  TimeUnits units;
  std::string remaining(text);
  while (const std::optional<PatternMatch> match = single.find(remaining)) {
    const auto number = std::string_view(remaining).substr(
        match->groups[1]->begin, match->groups[1]->end - match->groups[1]->begin);
    const auto unit = std::string_view(remaining).substr(
        match->groups[2]->begin, match->groups[2]->end - match->groups[2]->begin);
    set_unit(units, time_unit_value(unit), number_value(number));
    // As chrono: drop the match's length from the front, then trim.
    std::string rest = remaining.substr(
        std::min(remaining.size(), match->groups[0]->end - match->groups[0]->begin));
    std::size_t b = 0, e = rest.size();
    while (b < e && std::isspace(static_cast<unsigned char>(rest[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(rest[e - 1]))) --e;
    remaining = rest.substr(b, e - b);
  }
  return units;
}

std::vector<Result> run_parsers(std::string_view text, Instant reference) {
  const ParserContext context{text, reference};
  std::vector<Result> results;
  for (const Parser& parser : parsers()) execute(parser, context, results);
  std::stable_sort(results.begin(), results.end(),
                   [](const Result& a, const Result& b) { return a.index < b.index; });
  return results;
}

}  // namespace kb::tasks::chrono
