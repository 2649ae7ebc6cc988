// The Obsidian Tasks query parser on arbitrary text, then run over a few
// tasks: a parse error is a Diagnostic on a line of the query; a parsed
// query selects items of its input only (a task may show in several groups,
// e.g. `group by tags`), and it never crashes or hangs (PCRE2 patterns come
// from the input too).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <vector>

#include "kb/tasks/query.hpp"
#include "kb/tasks/task.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

struct Row {
  const char* path;
  const char* heading;
  const char* markdown;
};

constexpr Row kRows[] = {
    {"GitHub/issues.md", "Inbox", "- [ ] fix some bug #todo 📅 2023-02-07"},
    {"GitHub/issues.md", "Day Planner", "- [/] review PR #XX 🛫 2023-02-09 📅 2023-02-11 ⏫"},
    {"Work/Apollo.md", "Next", "- [x] ship release #XX 📅 2023-02-06 ✅ 2023-02-08"},
    {"Work/Apollo.md", "Risks", "- [-] old idea #YY ❌ 2023-01-30"},
    {"inbox.md", "", "- [ ] call Peter #inbox ⏳ 2023-02-10 🛫 2023-02-13 🔽"},
    {"Daily/2023-02-09.md", "Log", "- [ ] water plants 🔁 every week 📅 2023-02-17 🔼"},
    {"Daily/2023-02-09.md", "Log", "    - [ ] buy soil #Book ➕ 2023-02-01 🔺 🆔 abc ⛔ def"},
    {"Root.md", "", "- [?] odd status ⏬"},
};

// One note per row, so that a task's note id is its line number - 1.
struct Tasks {
  kb::tasks::TaskList list;
  Tasks() {
    int line = 0;
    for (const Row& row : kRows) {
      list.notes.push_back({row.path});
      list.add(line, line + 1, row.heading, *kb::tasks::parse_task(row.markdown));
      ++line;
    }
  }
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const Tasks tasks;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  auto query = kb::tasks::TasksQuery::parse(text, 1);
  if (!query) {
    require(!query.error().message.empty());
    require(query.error().line >= 1);
    return 0;
  }
  const std::vector<kb::tasks::TaskItem> selected = query->select(tasks.list, {2023, 2, 10});
  const auto& items = tasks.list.items();
  for (const kb::tasks::TaskItem& item : selected) {
    require(item.line >= 1 && item.line <= static_cast<int>(items.size()));
    require(item.note == item.line - 1);
    require(item.task == items[static_cast<std::size_t>(item.line) - 1].task);
  }
  return 0;
}
