// What TaskLines and NoteLinks read from the mapped parse cache.
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

NoteLink NoteLinks::decode(std::size_t i) const {
  // CacheView::entry checked these records before handing them out.
  const auto link = load<LinkRecord>(records_ + i * sizeof(LinkRecord));
  return {std::string_view(strings_ + link.target.offset, link.target.size),
          static_cast<int>(link.line), link.embed != 0};
}

int NoteLinks::cached_target(std::size_t i) const {
  if (records_ == nullptr) return -1;
  return load<LinkRecord>(records_ + i * sizeof(LinkRecord)).resolved;
}

}  // namespace kb::model
