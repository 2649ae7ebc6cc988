#include "kb/model/task_lines.hpp"

#include "parse_cache_format.hpp"

namespace kb::model {

using namespace cache_format;

NoteTask TaskLines::decode(std::size_t i) const {
  // CacheView::open checked every record's strings against the table.
  const auto t = load<TaskRecord>(records_ + i * sizeof(TaskRecord));
  const auto str = [&](StrRef ref) { return std::string_view(strings_ + ref.offset, ref.size); };
  return {{str(t.indentation), str(t.marker), str(t.status_symbol), str(t.text)},
          str(t.heading),
          static_cast<int>(t.line)};
}

}  // namespace kb::model
