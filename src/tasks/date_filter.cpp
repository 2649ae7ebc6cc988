// Date filters: `<field> [on|in|before|after|on or before|...] <date or range>`,
// `has <field> date`, `no <field> date`, `<field> date is invalid`.
#include <array>
#include <optional>
#include <string>
#include <utility>

#include "cursor.hpp"
#include "dates.hpp"
#include "filter.hpp"

namespace kb::tasks {
namespace {

using TaskDates = std::array<std::optional<TaskDate>, 3>;

struct DateField {
  std::string_view filter_word;  // "starts" searches the field named "start"
  std::string_view name;
  TaskDates (*dates)(const Task&);
  bool matches_when_missing;  // the plugin's `starts` matches tasks without a start date
};

constexpr std::array<DateField, 7> kDateFields = {{
    // `happens` looks at start, scheduled and due: any one may match.
    {"happens", "happens",
     [](const Task& t) {
       return TaskDates{t.start, t.scheduled, t.due};
     },
     false},
    {"cancelled", "cancelled", [](const Task& t) { return TaskDates{t.cancelled}; }, false},
    {"created", "created", [](const Task& t) { return TaskDates{t.created}; }, false},
    {"starts", "start", [](const Task& t) { return TaskDates{t.start}; }, true},
    {"scheduled", "scheduled", [](const Task& t) { return TaskDates{t.scheduled}; }, false},
    {"due", "due", [](const Task& t) { return TaskDates{t.due}; }, false},
    {"done", "done", [](const Task& t) { return TaskDates{t.done}; }, false},
}};

enum class Relation { InRange, Before, After, OnOrBefore, OnOrAfter };

// moment's 'YYYY-MM-DD (dddd Do MMMM YYYY)': "2024-01-02 (Tuesday 2nd January 2024)".
std::string explained_date(text::Date date) {
  static constexpr std::array<std::string_view, 7> kDays = {
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  static constexpr std::array<std::string_view, 12> kMonths = {
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  const int day = date.day;
  const char* suffix = "th";
  if (day % 100 < 11 || day % 100 > 13) {
    if (day % 10 == 1) suffix = "st";
    if (day % 10 == 2) suffix = "nd";
    if (day % 10 == 3) suffix = "rd";
  }
  std::string out = date.iso();
  out += " (";
  out += kDays[static_cast<std::size_t>(weekday_index(date))];
  out += ' ';
  out += std::to_string(day);
  out += suffix;
  out += ' ';
  out += kMonths[static_cast<std::size_t>(date.month - 1)];
  out += ' ';
  out += std::to_string(date.year);
  out += ')';
  return out;
}

// DateField.buildExplanation.
std::string date_explanation(std::string_view field, Relation relation, const DateRange& range,
                             bool matches_when_missing) {
  std::string out(field);
  std::string missing;
  if (matches_when_missing) {
    missing = " OR no ";
    missing += field;
    missing += " date";
  }
  switch (relation) {
    case Relation::Before:
      return out + " date is before " + explained_date(range.start) + missing;
    case Relation::After:
      return out + " date is after " + explained_date(range.end) + missing;
    case Relation::OnOrBefore:
      return out + " date is on or before " + explained_date(range.end) + missing;
    case Relation::OnOrAfter:
      return out + " date is on or after " + explained_date(range.start) + missing;
    case Relation::InRange:
      break;
  }
  if (range.start == range.end) return out + " date is on " + explained_date(range.start) + missing;
  out += " date is between:\n  ";
  out += explained_date(range.start);
  out += " and\n  ";
  out += explained_date(range.end);
  out += " inclusive";
  if (matches_when_missing) out += "\n  " + missing.substr(1);
  return out;
}

bool related(text::Date date, Relation relation, const DateRange& range) {
  switch (relation) {
    case Relation::Before:
      return date < range.start;
    case Relation::After:
      return date > range.end;
    case Relation::OnOrBefore:
      return date <= range.end;
    case Relation::OnOrAfter:
      return date >= range.start;
    case Relation::InRange:
      break;
  }
  return date >= range.start && date <= range.end;
}

// DateField's /^field (((?:on|in) or before|before|(?:on|in) or after|after|on|in)? ?(.*))/i:
// the first keyword the text starts with (no word boundary: "beforehand" is
// "before" then "hand"), then at most one space.
Relation read_relation(std::string_view& text) {
  static constexpr std::array<std::pair<std::string_view, Relation>, 8> kKeywords = {{
      {"on or before", Relation::OnOrBefore},
      {"in or before", Relation::OnOrBefore},
      {"before", Relation::Before},
      {"on or after", Relation::OnOrAfter},
      {"in or after", Relation::OnOrAfter},
      {"after", Relation::After},
      {"on", Relation::InRange},
      {"in", Relation::InRange},
  }};
  Relation relation = Relation::InRange;  // "due 2025-11-07" means "due on 2025-11-07"
  for (const auto& [keyword, r] : kKeywords) {
    if (istarts_with(text, keyword)) {
      text.remove_prefix(keyword.size());
      relation = r;
      break;
    }
  }
  if (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  return relation;
}

Filter presence_filter(const DateField& field, bool wanted) {
  return [dates = field.dates, wanted](const TaskItem& item, const RunContext&) {
    bool present = false;
    for (const auto& date : dates(*item.task)) present = present || date.has_value();
    return present == wanted;
  };
}

}  // namespace

std::optional<FilterResult> parse_date_filter(std::string_view line, const DateClock& clock) {
  Cursor words(line);
  std::string name;
  for (const DateField& field : kDateFields) {
    name = field.name;
    if (words.accept_all("has " + name + " date")) return presence_filter(field, true);
    if (words.accept_all("no " + name + " date")) return presence_filter(field, false);
    if (field.name != "happens" && words.accept_all(name + " date is invalid")) {
      return Filter([dates = field.dates](const TaskItem& item, const RunContext&) {
        const auto date = dates(*item.task)[0];
        return date && !date->valid();
      });
    }

    const std::string_view trimmed = trim_blanks(line);
    if (!istarts_with(trimmed, std::string(field.filter_word) + " ")) continue;
    // TemplatingPluginTools.findUnexpandedDateText, checked first.
    for (std::string_view template_text : {"<%", "YYYY-MM-DD"}) {
      if (line.find(template_text) == std::string_view::npos) continue;
      return FilterResult::failure("Instruction contains unexpanded template text: \"" +
                                   std::string(template_text) + "\" - and cannot be interpreted. " +
                                   quoted(line));
    }
    const std::string_view keyword_and_date = trimmed.substr(field.filter_word.size() + 1);
    std::string_view date_text = keyword_and_date;
    const Relation relation = read_relation(date_text);
    // DateField: when the text after the keyword is no date, the text with
    // the keyword is read as one ("due in two weeks").
    const std::optional<DateSpec> spec = DateSpec::parse(date_text, keyword_and_date, clock);
    if (!spec) return FilterResult::failure("do not understand " + name + " date " + quoted(line));
    Filter filter(
        [field, relation, spec = *spec, clock](const TaskItem& item, const RunContext& run) {
          DateRange range = spec.resolve(run.today, clock);
          bool any_date = false;
          for (const auto& date : field.dates(*item.task)) {
            if (!date) continue;
            any_date = true;  // an invalid date is on, before and after no day
            if (date->day && related(*date->day, relation, range)) return true;
          }
          return !any_date && field.matches_when_missing;
        });
    filter.explain = [field, relation, spec = *spec, clock](text::Date today) {
      const std::string_view name =
          field.name == "happens" ? std::string_view("due, start or scheduled") : field.name;
      return date_explanation(name, relation, spec.resolve(today, clock),
                              field.matches_when_missing);
    };
    return filter;
  }
  return std::nullopt;
}

}  // namespace kb::tasks
