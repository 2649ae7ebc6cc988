// Front-matter split and YAML parse on arbitrary bytes: never crashes, never
// throws, and the split's offsets describe the text it was given.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "kb/text/frontmatter.hpp"

namespace {

void require(bool condition) {
  if (!condition) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const kb::text::FrontMatterSplit split = kb::text::split_front_matter(text);
  require(split.bom == 0 || split.bom == 3);
  require(split.body_begin <= text.size());
  if (!split.present || !split.terminated) {
    require(split.body_begin == split.bom);
    require(split.yaml.empty());
    return 0;
  }
  require(split.yaml_begin <= split.yaml_end && split.yaml_end <= split.body_begin);
  require(split.yaml.data() == text.data() + split.yaml_begin);
  require(split.yaml.size() == split.yaml_end - split.yaml_begin);
  require(split.body_first_line >= 3);

  const kb::text::FrontMatterResult parsed =
      kb::text::parse_front_matter(split.yaml, split.yaml_first_line);
  for (const kb::Diagnostic& d : parsed.diagnostics) {
    require(d.line >= 0);
    require(!d.message.empty());
  }
  if (!parsed.ok) require(!parsed.diagnostics.empty());
  return 0;
}
