#include "chrono_components.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>

namespace kb::tasks::chrono {
namespace {

constexpr std::int64_t kMsPerDay = 86'400'000;

std::int64_t floor_div(std::int64_t a, std::int64_t b) {
  return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
std::int64_t days_from_civil(std::int64_t y, std::int64_t m, std::int64_t d) {
  y -= m <= 2 ? 1 : 0;
  const std::int64_t era = floor_div(y, 400);
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void civil_from_days(std::int64_t z, std::int64_t& y, int& m, int& d) {
  z += 719468;
  const std::int64_t era = floor_div(z, 146097);
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2 ? 1 : 0);
}

int days_in(std::int64_t year, int month) {
  return static_cast<int>(
      days_from_civil(year + (month == 12 ? 1 : 0), month == 12 ? 1 : month + 1, 1) -
      days_from_civil(year, month, 1));
}

// dayjs's set of the month or the year: on the first of the month, then the
// original day or the month's last.
Instant with_month(Instant instant, std::int64_t year, std::int64_t month) {
  const Fields f = fields_of(instant);
  year += floor_div(month - 1, 12);
  month = month - 1 - floor_div(month - 1, 12) * 12 + 1;
  const int day = std::min(f.day, days_in(year, static_cast<int>(month)));
  return make_instant(year, month, day, f.hour, f.minute, f.second, f.millisecond);
}

thread_local Zone current_zone;

}  // namespace

ZoneScope::ZoneScope(Zone zone) : saved_(current_zone) {
  current_zone = zone;
}
ZoneScope::~ZoneScope() {
  current_zone = saved_;
}

int utc_offset_at_utc(std::int64_t utc_ms) {
  if (current_zone.fixed_minutes_east) return *current_zone.fixed_minutes_east;
  const auto seconds = static_cast<std::time_t>(floor_div(utc_ms, 1000));
  std::tm local{};
  if (localtime_r(&seconds, &local) == nullptr) return 0;
  return static_cast<int>(local.tm_gmtoff / 60);
}

std::int64_t utc_of_local(Instant local) {
  // The offset a day before, else a day after (no zone changes twice in two
  // days): the one that gives this local time back; neither (a skipped
  // hour): the earlier offset's, which moves the time forward.
  const std::int64_t before = local - utc_offset_at_utc(local - kMsPerDay) * 60'000LL;
  if (local_of_utc(before) == local) return before;
  const std::int64_t after = local - utc_offset_at_utc(local + kMsPerDay) * 60'000LL;
  return local_of_utc(after) == local ? after : before;
}

Instant local_of_utc(std::int64_t utc_ms) {
  return utc_ms + utc_offset_at_utc(utc_ms) * 60'000LL;
}

int utc_offset_at(Instant local) {
  return utc_offset_at_utc(utc_of_local(local));
}

Instant make_instant(std::int64_t year, std::int64_t month, std::int64_t day, std::int64_t hour,
                     std::int64_t minute, std::int64_t second, std::int64_t millisecond) {
  year += floor_div(month - 1, 12);
  month = month - 1 - floor_div(month - 1, 12) * 12 + 1;
  const std::int64_t days = days_from_civil(year, month, 1) + day - 1;
  return days * kMsPerDay + ((hour * 60 + minute) * 60 + second) * 1000 + millisecond;
}

Fields fields_of(Instant instant) {
  Fields f;
  const std::int64_t days = floor_div(instant, kMsPerDay);
  std::int64_t ms = instant - days * kMsPerDay;
  civil_from_days(days, f.year, f.month, f.day);
  f.hour = static_cast<int>(ms / 3'600'000);
  ms %= 3'600'000;
  f.minute = static_cast<int>(ms / 60'000);
  ms %= 60'000;
  f.second = static_cast<int>(ms / 1000);
  f.millisecond = static_cast<int>(ms % 1000);
  f.weekday = static_cast<int>(((days % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
  return f;
}

text::Date date_of(Instant instant) {
  const Fields f = fields_of(instant);
  return {static_cast<int>(f.year), f.month, f.day};
}

Instant add(Instant instant, double amount, Unit unit) {
  const Fields f = fields_of(instant);
  switch (unit) {
    case Unit::Year:
      return with_month(instant, static_cast<std::int64_t>(std::trunc(f.year + amount)), f.month);
    case Unit::Quarter:
      amount *= 3;
      [[fallthrough]];
    case Unit::Month:
      return with_month(instant, f.year,
                        static_cast<std::int64_t>(std::trunc(f.month - 1 + amount)) + 1);
    case Unit::Week:
      amount *= 7;
      [[fallthrough]];
    case Unit::Day:
      // Math.round: halves go up.
      return instant + static_cast<std::int64_t>(std::floor(amount + 0.5)) * kMsPerDay;
    case Unit::Hour:
      amount *= 3'600'000;
      break;
    case Unit::Minute:
      amount *= 60'000;
      break;
    case Unit::Second:
      amount *= 1000;
      break;
    case Unit::Millisecond:
      break;
  }
  // Hours and less are added to the moment, not to the wall clock.
  return local_of_utc(
      static_cast<std::int64_t>(std::trunc(static_cast<double>(utc_of_local(instant)) + amount)));
}

Instant set_weekday(Instant instant, int weekday) {
  return instant + static_cast<std::int64_t>(weekday - fields_of(instant).weekday) * kMsPerDay;
}

void set_unit(TimeUnits& units, Unit unit, double amount) {
  for (auto& [u, a] : units) {
    if (u == unit) {
      a = amount;
      return;
    }
  }
  units.emplace_back(unit, amount);
}

TimeUnits reversed(TimeUnits units) {
  for (auto& unit : units) unit.second = -unit.second;
  return units;
}

Components::Components(Instant reference) : reference_(reference) {
  const Fields f = fields_of(reference);
  imply(Component::Day, f.day);
  imply(Component::Month, f.month);
  imply(Component::Year, f.year);
  imply(Component::Hour, 12);
  imply(Component::Minute, 0);
  imply(Component::Second, 0);
  imply(Component::Millisecond, 0);
}

std::optional<std::int64_t> Components::get(Component c) const {
  if (known_[index(c)]) return known_[index(c)];
  return implied_[index(c)];
}

std::vector<Component> Components::certain_components() const {
  std::vector<Component> out;
  for (std::size_t i = 0; i < known_.size(); ++i) {
    if (known_[i]) out.push_back(static_cast<Component>(i));
  }
  return out;
}

Components& Components::imply(Component c, std::int64_t v) {
  if (!known_[index(c)]) implied_[index(c)] = v;
  return *this;
}

Components& Components::assign(Component c, std::int64_t v) {
  known_[index(c)] = v;
  implied_[index(c)].reset();
  return *this;
}

void Components::remove(Component c) {
  known_[index(c)].reset();
  implied_[index(c)].reset();
}

bool Components::only_date() const {
  return !certain(Component::Hour) && !certain(Component::Minute) && !certain(Component::Second);
}

bool Components::only_time() const {
  return !certain(Component::Weekday) && !certain(Component::Day) && !certain(Component::Month);
}

bool Components::only_weekday() const {
  return certain(Component::Weekday) && !certain(Component::Day) && !certain(Component::Month);
}

bool Components::only_day_month() const {
  return certain(Component::Day) && certain(Component::Month) && !certain(Component::Year);
}

Instant Components::instant() const {
  return make_instant(value(Component::Year), value(Component::Month), value(Component::Day),
                      value(Component::Hour), value(Component::Minute), value(Component::Second),
                      value(Component::Millisecond));
}

Instant Components::date() const {
  const std::int64_t utc = utc_of_local(instant());
  const auto target = get(Component::TimezoneOffset);
  if (!target) return local_of_utc(utc);
  // getSystemTimezoneAdjustmentMinute: the zone's offset at the date, or
  // now's (the reference's) before 1970.
  const int current = utc >= 0 ? utc_offset_at_utc(utc) : utc_offset_at(reference_);
  return local_of_utc(utc + (current - *target) * 60'000LL);
}

bool Components::valid_date() const {
  if (out_of_range_) return false;
  const Fields f = fields_of(local_of_utc(utc_of_local(instant())));
  return f.year == value(Component::Year) && f.month == value(Component::Month) &&
         f.day == value(Component::Day) && f.hour == value(Component::Hour) &&
         f.minute == value(Component::Minute);
}

Components Components::relative(Instant reference, const TimeUnits& units) {
  Instant date = reference;
  bool time = false, days = false, weeks = false, months = false, years = false;
  bool out_of_range = false;
  for (const auto& [unit, amount] : units) {
    // Amounts that would leave JavaScript's Date range (and int64) stop here.
    constexpr double kMaxMs = 8.64e15;
    double span_ms = 0;
    switch (unit) {
      case Unit::Year:
        span_ms = amount * 366 * 86.4e6;
        break;
      case Unit::Quarter:
        span_ms = amount * 92 * 86.4e6;
        break;
      case Unit::Month:
        span_ms = amount * 31 * 86.4e6;
        break;
      case Unit::Week:
        span_ms = amount * 7 * 86.4e6;
        break;
      case Unit::Day:
        span_ms = amount * 86.4e6;
        break;
      case Unit::Hour:
        span_ms = amount * 3.6e6;
        break;
      case Unit::Minute:
        span_ms = amount * 6e4;
        break;
      case Unit::Second:
        span_ms = amount * 1e3;
        break;
      case Unit::Millisecond:
        span_ms = amount;
        break;
    }
    if (out_of_range || !(std::fabs(span_ms) < 2 * kMaxMs)) {
      out_of_range = true;
      continue;
    }
    date = add(date, amount, unit);
    if (date > kMaxMs || date < -kMaxMs) out_of_range = true;
    const bool nonzero = amount != 0;  // JavaScript's truthiness of fragments[unit]
    time =
        time || ((unit == Unit::Hour || unit == Unit::Minute || unit == Unit::Second) && nonzero);
    days = days || (unit == Unit::Day && nonzero);
    weeks = weeks || (unit == Unit::Week && nonzero);
    months = months || (unit == Unit::Month && nonzero);
    years = years || (unit == Unit::Year && nonzero);
  }
  const Fields f = fields_of(date);
  Components c(reference);
  if (out_of_range) c.set_out_of_range();
  // The reference has no zone of its own: the machine's offset at it.
  const int reference_offset = utc_offset_at(reference);
  if (time) {
    c.assign(Component::Hour, f.hour).assign(Component::Minute, f.minute);
    c.assign(Component::Second, f.second).assign(Component::Millisecond, f.millisecond);
    c.assign(Component::Meridiem, f.hour < 12 ? kAM : kPM);
    c.assign(Component::Day, f.day)
        .assign(Component::Month, f.month)
        .assign(Component::Year, f.year);
    c.assign(Component::TimezoneOffset, reference_offset);
    return c;
  }
  c.imply(Component::Hour, f.hour).imply(Component::Minute, f.minute);
  c.imply(Component::TimezoneOffset, reference_offset);
  c.imply(Component::Second, f.second).imply(Component::Millisecond, f.millisecond);
  if (days) {
    c.assign(Component::Day, f.day)
        .assign(Component::Month, f.month)
        .assign(Component::Year, f.year);
    return c;
  }
  if (weeks) c.imply(Component::Weekday, f.weekday);
  c.imply(Component::Day, f.day);
  if (months) {
    c.assign(Component::Month, f.month).assign(Component::Year, f.year);
  } else {
    c.imply(Component::Month, f.month);
    if (years) {
      c.assign(Component::Year, f.year);
    } else {
      c.imply(Component::Year, f.year);
    }
  }
  return c;
}

}  // namespace kb::tasks::chrono
