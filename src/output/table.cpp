#include "kb/output/table.hpp"

#include <algorithm>
#include <unordered_set>

#include "kb/text/unicode.hpp"

namespace kb::output {

namespace {

// A note with invalid UTF-8 must not abort the output: U+FFFD stands in.
constexpr auto kReplaceInvalid = nlohmann::json::error_handler_t::replace;

const nlohmann::json& field(const nlohmann::json& row, const std::string& key) {
  static const nlohmann::json null;
  const auto it = row.find(key);
  return it == row.end() ? null : *it;
}

// Text cells stay on one line whatever the note holds.
std::string one_line(std::string s) {
  for (char& c : s) {
    if (c == '\t' || c == '\n' || c == '\r') c = ' ';
  }
  return s;
}

// Narrows the widest columns until a line (two spaces between columns) fits
// in `width`: every column wider than the cap is cut to it, the cap the
// largest that fits, and no column below min(its width, kMinColumn).
void fit_widths(std::vector<std::size_t>& widths, std::size_t width) {
  constexpr std::size_t kMinColumn = 12;
  const std::size_t gaps = 2 * (widths.size() - 1);
  const auto total = [&](std::size_t cap) {
    std::size_t sum = gaps;
    for (const std::size_t w : widths) sum += std::min(w, std::max(cap, std::min(w, kMinColumn)));
    return sum;
  };
  std::size_t widest = 0;
  for (const std::size_t w : widths) widest = std::max(widest, w);
  if (total(widest) <= width) return;
  std::size_t cap = widest;
  while (cap > kMinColumn && total(cap) > width) --cap;
  for (std::size_t& w : widths) w = std::min(w, std::max(cap, std::min(w, kMinColumn)));
}

}  // namespace

std::string cell_text(const nlohmann::json& value) {
  switch (value.type()) {
    case nlohmann::json::value_t::null:
      return {};
    case nlohmann::json::value_t::string:
      return value.get<std::string>();
    case nlohmann::json::value_t::array: {
      std::string joined;
      for (const auto& item : value) {
        if (!joined.empty()) joined += ", ";
        joined += cell_text(item);
      }
      return joined;
    }
    default:
      return value.dump();
  }
}

std::string escape_tsv(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (char c : field) {
    switch (c) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += c;
    }
  }
  return out;
}

std::string unescape_tsv(std::string_view field) {
  std::string out;
  out.reserve(field.size());
  for (std::size_t i = 0; i < field.size(); ++i) {
    if (field[i] != '\\' || i + 1 == field.size()) {
      out += field[i];
      continue;
    }
    switch (field[i + 1]) {
      case '\\':
        out += '\\';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'r':
        out += '\r';
        break;
      default:
        out += '\\';
        continue;  // not an escape: the next character is read as it is
    }
    ++i;
  }
  return out;
}

std::string fit_text(std::string_view s, std::size_t width) {
  if (text::utf8_length(s) <= width) return std::string(s);
  if (width == 0) return {};
  // Byte offsets of the first width-1 code points, and where a word ends.
  std::size_t i = 0, cut = 0, word_end = 0;
  for (std::size_t n = 0; n + 1 < width && i < s.size(); ++n) {
    text::decode_utf8(s, i);
    if (i < s.size() && s[i] == ' ') word_end = i;
    cut = i;
  }
  std::string_view kept = s.substr(0, word_end > 0 ? word_end : cut);
  while (!kept.empty() && (kept.back() == ' ' || kept.back() == ',')) kept.remove_suffix(1);
  return std::string(kept) + "\u2026";
}

std::string paint(bool color, std::string_view code, std::string_view s) {
  if (!color || code.empty()) return std::string(s);
  std::string out = "\x1b[";
  out += code;
  out += 'm';
  out += s;
  out += "\x1b[0m";
  return out;
}

Table::Table(std::vector<Column> columns, std::string nul_key)
    : columns_(std::move(columns)), nul_key_(std::move(nul_key)) {
  if (nul_key_.empty() && !columns_.empty()) nul_key_ = columns_.front().key;
}

void Table::add(nlohmann::json row) {
  rows_.push_back(std::move(row));
}

std::string Table::text(const TextOptions& options) const {
  std::vector<std::vector<std::string>> cells;
  cells.reserve(rows_.size());
  for (const auto& row : rows_) {
    auto& line = cells.emplace_back();
    for (const auto& column : columns_) {
      const auto& value = field(row, column.key);
      line.push_back(value.is_null() ? column.missing : one_line(cell_text(value)));
    }
  }
  // Widths in code points: close enough for the Latin, Greek and Cyrillic
  // names of a vault; wide CJK glyphs may shift a column.
  std::vector<std::size_t> widths(columns_.size(), 0);
  for (std::size_t c = 0; c < columns_.size(); ++c) {
    if (options.header) widths[c] = text::utf8_length(columns_[c].key);
    for (const auto& line : cells) widths[c] = std::max(widths[c], text::utf8_length(line[c]));
  }
  if (options.width > 0 && !columns_.empty()) {
    const std::vector<std::size_t> natural = widths;
    fit_widths(widths, options.width);
    // Cut every column but the last, then give the last what the cuts left
    // over (a cut cell is often shorter than its column).
    std::size_t used = 0;
    const std::size_t last = columns_.size() - 1;
    for (std::size_t c = 0; c < last; ++c) {
      std::size_t widest =
          options.header ? std::min(widths[c], text::utf8_length(columns_[c].key)) : 0;
      for (auto& line : cells) {
        line[c] = fit_text(line[c], widths[c]);
        widest = std::max(widest, text::utf8_length(line[c]));
      }
      widths[c] = widest;
      used += widest + 2;
    }
    if (options.width > used) widths[last] = std::max(widths[last], options.width - used);
    widths[last] = std::min(widths[last], natural[last]);
    for (auto& line : cells) line[last] = fit_text(line[last], widths[last]);
  }
  std::string out;
  auto emit = [&](const std::vector<std::string>& line, bool heading) {
    std::string text_line;
    for (std::size_t c = 0; c < line.size(); ++c) {
      const bool last = c + 1 == line.size();
      const std::string& code = heading ? std::string("1") : columns_[c].style;
      text_line += paint(options.color, code, line[c]);
      if (!last) text_line.append(widths[c] - text::utf8_length(line[c]) + 2, ' ');
    }
    while (!text_line.empty() && text_line.back() == ' ') text_line.pop_back();
    out += text_line;
    out += '\n';
  };
  if (options.header && !rows_.empty()) {
    std::vector<std::string> names;
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      names.push_back(fit_text(columns_[c].key, widths[c]));
    }
    emit(names, true);
  }
  for (const auto& line : cells) emit(line, false);
  return out;
}

std::string Table::tsv(bool header) const {
  std::string out;
  for (std::size_t c = 0; header && c < columns_.size(); ++c) {
    if (c) out += '\t';
    out += escape_tsv(columns_[c].key);
  }
  if (header) out += '\n';
  for (const auto& row : rows_) {
    for (std::size_t c = 0; c < columns_.size(); ++c) {
      if (c) out += '\t';
      out += escape_tsv(cell_text(field(row, columns_[c].key)));
    }
    out += '\n';
  }
  return out;
}

std::string Table::json() const {
  nlohmann::json array = nlohmann::json::array();
  for (const auto& row : rows_) array.push_back(row);
  return array.dump(2, ' ', false, kReplaceInvalid) + "\n";
}

std::string Table::jsonl() const {
  std::string out;
  for (const auto& row : rows_) {
    out += row.dump(-1, ' ', false, kReplaceInvalid);
    out += '\n';
  }
  return out;
}

std::string Table::nul() const {
  std::string out;
  std::unordered_set<std::string> seen;
  for (const auto& row : rows_) {
    std::string value = cell_text(field(row, nul_key_));
    if (value.empty() || !seen.insert(value).second) continue;
    out += value;
    out += '\0';
  }
  return out;
}

std::string Table::render(Format format, const TextOptions& options) const {
  switch (format) {
    case Format::Json:
      return json();
    case Format::Jsonl:
      return jsonl();
    case Format::Tsv:
      return tsv(options.tsv_header);
    case Format::Nul:
      return nul();
    case Format::Text:
      break;
  }
  return text(options);
}

}  // namespace kb::output
