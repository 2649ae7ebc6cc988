#pragma once
// The values chrono-node (2.3.9) builds while it reads a date phrase: a
// local instant and dayjs's arithmetic on it, the components of a parsed
// date (each known or only implied, ParsingComponents) and a found phrase
// (ParsingResult). Instants are local wall-clock times; the zone JavaScript's
// Date reads (the machine's) comes in through a ZoneScope.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "kb/text/date.hpp"

namespace kb::tasks::chrono {

// Milliseconds since 1970-01-01 00:00 local time.
using Instant = std::int64_t;

// The time zone JavaScript's Date works in: a fixed offset (minutes east of
// UTC), or the machine's (TZ, read with localtime_r), as in the plugin.
struct Zone {
  std::optional<int> fixed_minutes_east = 0;
};

// chrono reads the machine's zone through every Date it makes; kb's port
// reads it from here: `zone` for as long as the scope lives (one parse).
class ZoneScope {
 public:
  explicit ZoneScope(Zone zone);
  ~ZoneScope();
  ZoneScope(const ZoneScope&) = delete;
  ZoneScope& operator=(const ZoneScope&) = delete;

 private:
  Zone saved_;
};

// Minutes east of UTC at a UTC instant (ms since the epoch), in the zone.
int utc_offset_at_utc(std::int64_t utc_ms);
// JavaScript's new Date(local fields).getTime(): a skipped local time moves
// forward, a repeated one takes its first occurrence.
std::int64_t utc_of_local(Instant local);
Instant local_of_utc(std::int64_t utc_ms);
// -new Date(local).getTimezoneOffset().
int utc_offset_at(Instant local);

struct Fields {
  std::int64_t year = 1970;
  int month = 1, day = 1, hour = 0, minute = 0, second = 0, millisecond = 0;
  int weekday = 4;  // JavaScript's getDay: 0 Sunday .. 6 Saturday
};

// JavaScript's new Date(y, m - 1, d, h, mi, s, ms): out-of-range values
// roll over into the next unit.
Instant make_instant(std::int64_t year, std::int64_t month, std::int64_t day, std::int64_t hour = 0,
                     std::int64_t minute = 0, std::int64_t second = 0,
                     std::int64_t millisecond = 0);
Fields fields_of(Instant instant);
text::Date date_of(Instant instant);

enum class Unit { Millisecond, Second, Minute, Hour, Day, Week, Month, Quarter, Year };

// dayjs's add(n, unit): months and years keep the day or take the month's
// last, fractions of months and years are dropped, of days and weeks rounded.
Instant add(Instant instant, double amount, Unit unit);
// dayjs's day(n): day n (0 Sunday) of the instant's Sunday-to-Saturday week.
Instant set_weekday(Instant instant, int weekday);

// Time units in the order they were written ("1 month 2 days").
using TimeUnits = std::vector<std::pair<Unit, double>>;
void set_unit(TimeUnits& units, Unit unit, double amount);
TimeUnits reversed(TimeUnits units);

enum class Component {
  Year,
  Month,
  Day,
  Weekday,
  Hour,
  Minute,
  Second,
  Millisecond,
  Meridiem,
  TimezoneOffset
};
constexpr int kAM = 0, kPM = 1;

class Components {
 public:
  // Implies the reference's day, month and year, and 12:00:00.000.
  explicit Components(Instant reference);

  std::optional<std::int64_t> get(Component c) const;
  std::int64_t value(Component c) const { return get(c).value_or(0); }
  bool certain(Component c) const { return known_[index(c)].has_value(); }
  std::vector<Component> certain_components() const;
  Components& imply(Component c, std::int64_t v);
  Components& assign(Component c, std::int64_t v);
  void remove(Component c);

  bool only_date() const;
  bool only_time() const;
  bool only_weekday() const;
  bool only_day_month() const;
  bool valid_date() const;
  // dateWithoutTimezoneAdjustment: the components as a local time.
  Instant instant() const;
  // date(): that time moved from the components' timezoneOffset into the
  // zone's, as a local time (what the plugin truncates to a day).
  Instant date() const;

  Instant reference() const { return reference_; }

  // A relative date beyond JavaScript's Date range (±100,000,000 days from
  // 1970): chrono's components are NaN then, and no date is valid.
  void set_out_of_range() { out_of_range_ = true; }

  // ParsingComponents.createRelativeFromReference.
  static Components relative(Instant reference, const TimeUnits& units);

 private:
  static std::size_t index(Component c) { return static_cast<std::size_t>(c); }
  Instant reference_;
  bool out_of_range_ = false;
  std::array<std::optional<std::int64_t>, 10> known_{}, implied_{};
};

struct Result {
  std::size_t index = 0;  // byte offset in the searched text
  std::string text;
  Components start;
  std::optional<Components> end;
};

}  // namespace kb::tasks::chrono
