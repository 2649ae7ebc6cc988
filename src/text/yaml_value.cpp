#include "kb/text/yaml_value.hpp"

namespace kb::text {
namespace {

char ascii_lower(char c) {
  return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

bool iequals_ascii(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
  }
  return true;
}

}  // namespace

// Empty strings are dropped: `aliases: ""` or `- ""` name nothing.
std::vector<std::string> YamlValue::as_strings() const {
  std::vector<std::string> out;
  if (kind == Kind::Scalar) {
    if (!scalar.empty()) out.push_back(scalar);
  } else if (kind == Kind::Sequence) {
    for (const YamlValue& item : items) {
      if (item.is_scalar() && !item.scalar.empty()) out.push_back(item.scalar);
    }
  }
  return out;
}

const YamlValue* FrontMatter::find(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (k == key) return &v;
  }
  return nullptr;
}

const YamlValue* FrontMatter::find_ci(std::string_view key) const {
  for (const auto& [k, v] : entries) {
    if (iequals_ascii(k, key)) return &v;
  }
  return nullptr;
}

std::string FrontMatter::get_string(std::string_view key) const {
  const YamlValue* v = find(key);
  return v != nullptr && v->is_scalar() ? v->scalar : std::string();
}

}  // namespace kb::text
