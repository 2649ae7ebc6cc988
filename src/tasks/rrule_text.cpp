// rrule's totext.ts: the English text of a rule's options, which the
// plugin shows and its `recurrence` filters and groups compare.
#include <algorithm>
#include <array>
#include <cstddef>
#include <string>
#include <vector>

#include "rrule_options.hpp"

namespace kb::tasks::rrule {
namespace {

constexpr std::array<std::string_view, 7> kDayNames = {
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
constexpr std::array<std::string_view, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

bool plural(long long n) {
  return n % 100 != 1;
}

std::string nth_text(int n) {
  if (n == -1) return "last";
  const int npos = n < 0 ? -n : n;
  std::string s = std::to_string(npos);
  switch (npos) {
    case 1:
    case 21:
    case 31:
      s += "st";
      break;
    case 2:
    case 22:
      s += "nd";
      break;
    case 3:
    case 23:
      s += "rd";
      break;
    default:
      s += "th";
  }
  return n < 0 ? s + " last" : s;
}

std::string weekday_text(const Weekday& w) {
  return (w.n != 0 ? nth_text(w.n) + " " : std::string()) +
         std::string(kDayNames[static_cast<std::size_t>(w.day)]);
}

// "a, b and c" with a final delimiter; "a, b, c" without.
std::string list(const std::vector<std::string>& items, std::string_view final_delim = {}) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i != 0) {
      if (!final_delim.empty() && i == items.size() - 1) {
        out += " ";
        out += final_delim;
        out += " ";
      } else {
        out += ", ";
      }
    }
    out += items[i];
  }
  return out;
}

class Text {
 public:
  explicit Text(const Options& o) : o_(o), interval_(o.interval.value_or(1LL)) {
    if (o.bymonthday) {
      std::vector<int> positive, negative;
      for (int d : *o.bymonthday) (d > 0 ? positive : negative).push_back(d);
      std::stable_sort(positive.begin(), positive.end());
      std::stable_sort(negative.begin(), negative.end(), [](int a, int b) { return a > b; });
      positive.insert(positive.end(), negative.begin(), negative.end());
      if (!positive.empty()) bymonthday_ = positive;
    }
    if (o.byweekday) {
      std::vector<Weekday> all, some;
      bool has[7] = {};
      for (const Weekday& w : *o.byweekday) {
        (w.n == 0 ? all : some).push_back(w);
        has[w.day] = true;
      }
      const auto by_day = [](const Weekday& a, const Weekday& b) { return a.day < b.day; };
      std::stable_sort(all.begin(), all.end(), by_day);
      std::stable_sort(some.begin(), some.end(), by_day);
      if (!all.empty()) all_weeks_ = all;
      if (!some.empty()) some_weeks_ = some;
      is_weekdays_ = has[0] && has[1] && has[2] && has[3] && has[4] && !has[5] && !has[6];
      is_every_day_ = has[0] && has[1] && has[2] && has[3] && has[4] && has[5] && has[6];
    }
  }

  std::string str() {
    out_ = "every";
    switch (o_.freq) {
      case Freq::Hourly:
        if (interval_ != 1) add(std::to_string(interval_));
        add(plural(interval_) ? "hours" : "hour");
        break;
      case Freq::Minutely:
        if (interval_ != 1) add(std::to_string(interval_));
        add(plural(interval_) ? "minutes" : "minute");
        break;
      case Freq::Daily:
        daily();
        break;
      case Freq::Weekly:
        weekly();
        break;
      case Freq::Monthly:
        monthly();
        break;
      case Freq::Yearly:
        yearly();
        break;
    }
    if (o_.until) {
      add("until");
      add(std::string(kMonthNames[static_cast<std::size_t>(o_.until->month - 1)]) + " " +
          std::to_string(o_.until->day) + ", " + std::to_string(o_.until->year));
    } else if (o_.count) {
      add("for");
      add(std::to_string(*o_.count));
      add(plural(*o_.count) ? "times" : "time");
    }
    return out_;
  }

 private:
  void add(std::string_view s) {
    out_ += ' ';
    out_ += s;
  }

  bool has_weekdays() const { return all_weeks_ || some_weeks_; }

  void daily() {
    if (interval_ != 1) add(std::to_string(interval_));
    if (has_weekdays() && is_weekdays_) {
      add(plural(interval_) ? "weekdays" : "weekday");
    } else {
      add(plural(interval_) ? "days" : "day");
    }
    if (o_.bymonth) {
      add("in");
      by_month();
    }
    if (bymonthday_) {
      by_monthday();
    } else if (has_weekdays()) {
      by_weekday();
    } else if (o_.byhour) {
      by_hour();
    }
  }

  void weekly() {
    if (interval_ != 1) {
      add(std::to_string(interval_));
      add(plural(interval_) ? "weeks" : "week");
    }
    if (has_weekdays() && is_weekdays_) {
      if (interval_ == 1) {
        add(plural(interval_) ? "weekdays" : "weekday");
      } else {
        add("on");
        add("weekdays");
      }
    } else if (has_weekdays() && is_every_day_) {
      add(plural(interval_) ? "days" : "day");
    } else {
      if (interval_ == 1) add("week");
      if (o_.bymonth) {
        add("in");
        by_month();
      }
      if (bymonthday_) {
        by_monthday();
      } else if (has_weekdays()) {
        by_weekday();
      }
      if (o_.byhour) by_hour();
    }
  }

  void monthly() {
    if (o_.bymonth) {
      if (interval_ != 1) {
        add(std::to_string(interval_));
        add("months");
        if (plural(interval_)) add("in");
      }
      by_month();
    } else {
      if (interval_ != 1) add(std::to_string(interval_));
      add(plural(interval_) ? "months" : "month");
    }
    if (bymonthday_) {
      by_monthday();
    } else if (has_weekdays() && is_weekdays_) {
      add("on");
      add("weekdays");
    } else if (has_weekdays()) {
      by_weekday();
    }
  }

  void yearly() {
    if (o_.bymonth) {
      if (interval_ != 1) {
        add(std::to_string(interval_));
        add("years");
      }
      by_month();
    } else {
      if (interval_ != 1) add(std::to_string(interval_));
      add(plural(interval_) ? "years" : "year");
    }
    if (bymonthday_) {
      by_monthday();
    } else if (has_weekdays()) {
      by_weekday();
    }
    if (o_.byweekno) {
      add("in");
      add(plural(static_cast<long long>(o_.byweekno->size())) ? "weeks" : "week");
      std::vector<std::string> weeks;
      for (long long w : *o_.byweekno) weeks.push_back(std::to_string(w));
      add(list(weeks, "and"));
    }
  }

  void by_monthday() {
    std::vector<std::string> days;
    for (int d : *bymonthday_) days.push_back(nth_text(d));
    if (all_weeks_) {
      std::vector<std::string> weekdays;
      for (const Weekday& w : *all_weeks_) weekdays.push_back(weekday_text(w));
      add("on");
      add(list(weekdays, "or"));
      add("the");
      add(list(days, "or"));
    } else {
      add("on the");
      add(list(days, "and"));
    }
  }

  void by_weekday() {
    if (all_weeks_ && !is_weekdays_) {
      std::vector<std::string> weekdays;
      for (const Weekday& w : *all_weeks_) weekdays.push_back(weekday_text(w));
      add("on");
      add(list(weekdays));
    }
    if (some_weeks_) {
      if (all_weeks_) add("and");
      std::vector<std::string> weekdays;
      for (const Weekday& w : *some_weeks_) weekdays.push_back(weekday_text(w));
      add("on the");
      add(list(weekdays, "and"));
    }
  }

  void by_hour() {
    std::vector<std::string> hours;
    for (long long h : *o_.byhour) hours.push_back(std::to_string(h));
    add("at");
    add(list(hours, "and"));
  }

  void by_month() {
    std::vector<std::string> months;
    for (int m : *o_.bymonth) months.emplace_back(kMonthNames[static_cast<std::size_t>(m - 1)]);
    add(list(months, "and"));
  }

  const Options& o_;
  long long interval_ = 1;
  std::optional<std::vector<int>> bymonthday_;
  std::optional<std::vector<Weekday>> all_weeks_, some_weeks_;
  bool is_weekdays_ = false, is_every_day_ = false;
  std::string out_;
};

}  // namespace

std::string rule_text(const Options& options) {
  return Text(options).str();
}

}  // namespace kb::tasks::rrule
