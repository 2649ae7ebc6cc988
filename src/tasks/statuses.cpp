#include "kb/tasks/statuses.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace kb::tasks {

namespace {

// Status.TODO, DONE, IN_PROGRESS, CANCELLED, in StatusSettings' order
// (core: TODO, DONE; custom: IN_PROGRESS, CANCELLED).
std::vector<Status> default_statuses() {
  return {{" ", "Todo", "x", StatusType::Todo},
          {"x", "Done", " ", StatusType::Done},
          {"/", "In Progress", "x", StatusType::InProgress},
          {"-", "Cancelled", " ", StatusType::Cancelled}};
}

constexpr std::array<StatusType, 7> kTypesInRankOrder = {
    StatusType::InProgress, StatusType::Todo,    StatusType::OnHold, StatusType::Done,
    StatusType::Cancelled,  StatusType::NonTask, StatusType::Empty};

char ascii_upper(char c) {
  return c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
}

}  // namespace

StatusCollection::StatusCollection() : StatusCollection(default_statuses()) {}

StatusCollection::StatusCollection(const std::vector<Status>& statuses) {
  for (const Status& status : statuses) {
    if (status.symbol.empty() || has(status.symbol)) continue;
    statuses_.push_back(status);
  }
}

bool StatusCollection::has(std::string_view symbol) const {
  return std::any_of(statuses_.begin(), statuses_.end(),
                     [&](const Status& s) { return s.symbol == symbol; });
}

const Status& StatusCollection::find(std::string_view symbol) const {
  static const Status kUnknown{"", "Unknown", "x", StatusType::Todo};
  for (const Status& status : statuses_) {
    if (status.symbol == symbol) return status;
  }
  return kUnknown;
}

const StatusCollection& StatusCollection::defaults() {
  static const StatusCollection kDefaults;
  return kDefaults;
}

bool operator==(const Status& a, const Status& b) {
  return a.symbol == b.symbol && a.name == b.name && a.next_symbol == b.next_symbol &&
         a.type == b.type;
}

bool operator==(const StatusCollection& a, const StatusCollection& b) {
  return a.statuses_ == b.statuses_;
}

StatusType status_type_from_settings(std::string_view name) {
  for (StatusType type : kTypesInRankOrder) {
    if (name == status_type_name(type)) return type;
  }
  return StatusType::Todo;
}

std::optional<StatusType> status_type_named(std::string_view name) {
  std::string upper(name);
  std::transform(upper.begin(), upper.end(), upper.begin(), ascii_upper);
  for (StatusType type : kTypesInRankOrder) {
    if (upper == status_type_name(type)) return type;
  }
  return std::nullopt;
}

int status_type_rank(StatusType type) {
  const auto at = std::find(kTypesInRankOrder.begin(), kTypesInRankOrder.end(), type);
  return static_cast<int>(at - kTypesInRankOrder.begin()) + 1;
}

}  // namespace kb::tasks
