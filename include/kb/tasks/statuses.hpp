#pragma once
// The Tasks plugin's status collection (its src/Statuses/): which status a
// checkbox symbol stands for, by name and type. The plugin registers its
// core statuses, then the custom ones, and a symbol registered twice keeps
// its first status (StatusRegistry.add). A symbol that is not registered is
// an unknown status: named "Unknown", of type TODO, moving to 'x'
// (Status.createUnknownStatus) — so `- [X]` is a TODO unless the settings
// register 'X'.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "kb/tasks/task.hpp"

namespace kb::tasks {

// One status (the plugin's StatusConfiguration).
struct Status {
  std::string symbol;       // one character, as between [ and ]
  std::string name;         // "In Progress"
  std::string next_symbol;  // the status a click on the checkbox moves to
  StatusType type = StatusType::Todo;
};

class StatusCollection {
 public:
  // The plugin's defaults: ' ' Todo, 'x' Done, '/' In Progress, '-' Cancelled.
  StatusCollection();
  // Registers `statuses` in order; a symbol seen before, and an empty one
  // (never a checkbox's), are skipped.
  explicit StatusCollection(const std::vector<Status>& statuses);

  // The status of `symbol`; the unknown status when none is registered.
  const Status& find(std::string_view symbol) const;
  bool has(std::string_view symbol) const;
  const std::vector<Status>& statuses() const { return statuses_; }  // registered, in order

  static const StatusCollection& defaults();

  friend bool operator==(const StatusCollection& a, const StatusCollection& b);

 private:
  std::vector<Status> statuses_;
};

bool operator==(const Status& a, const Status& b);

// A status type as data.json writes it ("TODO", "IN_PROGRESS", ...,
// exactly): the plugin's Status.getTypeFromStatusTypeString, which takes
// any other text as TODO.
StatusType status_type_from_settings(std::string_view name);

// A status type named in any case ("in_progress"), as the status.type
// filter reads it; nothing for another word.
std::optional<StatusType> status_type_named(std::string_view name);

// Every status type, in the order `sort by status.type` and `group by
// status.type` put them: IN_PROGRESS, TODO, ON_HOLD, DONE, CANCELLED,
// NON_TASK, EMPTY (the plugin's Status.typeGroupText prefixes 1..7).
int status_type_rank(StatusType type);

}  // namespace kb::tasks
