#include "query_source.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "cursor.hpp"
#include "placeholders.hpp"

namespace kb::tasks {

namespace {

using Instructions = std::vector<Instruction>;
using Result = Expected<Instructions>;

struct Statement {
  std::string text;  // continuations joined
  int line = 0;      // 1-based, in its text
  std::string raw;   // its lines as written, joined with '\n'
};

// The plugin's continueLines: a line ending in one backslash continues on
// the next (joined with one space); two backslashes are one literal
// backslash. Blank statements are dropped.
std::vector<Statement> statements(std::string_view text) {
  std::vector<Statement> out;
  std::string statement, raw_lines;
  int statement_line = 0;
  bool continuing = false;
  int line_number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t newline = text.find('\n', pos);
    std::string_view raw = text.substr(
        pos, newline == std::string_view::npos ? std::string_view::npos : newline - pos);
    pos = newline == std::string_view::npos ? text.size() + 1 : newline + 1;
    ++line_number;
    if (!raw.empty() && raw.back() == '\r') raw.remove_suffix(1);
    if (continuing) raw_lines += '\n';
    if (!continuing) raw_lines.clear();
    raw_lines += raw;
    bool continues = false;
    if (raw.ends_with("\\\\")) {
      raw.remove_suffix(1);
    } else if (raw.ends_with('\\')) {
      raw.remove_suffix(1);
      continues = true;
    }
    if (continuing) {
      statement += ' ';
    } else {
      statement.clear();
      statement_line = line_number;
    }
    statement += trim_blanks(raw);
    continuing = continues;
    if (!continuing && !trim_blanks(statement).empty()) {
      out.push_back({std::string(trim_blanks(statement)), statement_line, raw_lines});
    }
  }
  if (continuing && !trim_blanks(statement).empty()) {
    out.push_back({std::string(trim_blanks(statement)), statement_line, raw_lines});
  }
  return out;
}

// The lines of an expanded statement: its own statements, one line each.
std::vector<std::string> lines_of(std::string_view expanded) {
  std::vector<std::string> lines;
  for (Statement& s : statements(expanded)) lines.push_back(std::move(s.text));
  return lines;
}

// `^preset +(.*)`, any case: the preset's name, trimmed.
std::optional<std::string_view> preset_name(std::string_view line) {
  constexpr std::string_view kPreset = "preset";
  if (line.size() <= kPreset.size() || line[kPreset.size()] != ' ') return std::nullopt;
  for (std::size_t i = 0; i < kPreset.size(); ++i) {
    const char c = line[i] >= 'A' && line[i] <= 'Z' ? static_cast<char>(line[i] + 32) : line[i];
    if (c != kPreset[i]) return std::nullopt;
  }
  return trim_blanks(line.substr(kPreset.size()));
}

// `^ignore global query`, any case.
bool ignores_global_query(std::string_view line) {
  constexpr std::string_view kIgnore = "ignore global query";
  if (line.size() < kIgnore.size()) return false;
  for (std::size_t i = 0; i < kIgnore.size(); ++i) {
    const char c = line[i] >= 'A' && line[i] <= 'Z' ? static_cast<char>(line[i] + 32) : line[i];
    if (c != kIgnore[i]) return false;
  }
  return true;
}

class Reader {
 public:
  Reader(const QueryContext& context, const Settings& settings)
      : context_(context), settings_(settings) {}

  // The instructions of `text`, from `from`, lines counted from `first_line`.
  std::optional<Diagnostic> read(std::string_view text, Instruction::From from, int first_line,
                                 Instructions& out) const {
    for (const Statement& statement : statements(text)) {
      Instruction base;
      base.source = statement.text;
      base.raw = statement.raw;
      base.line = from == Instruction::From::Query ? statement.line + first_line - 1 : 0;
      base.from = from;
      if (has_placeholder_marks(statement.text) && !context_.file) {
        return instruction_error(base, no_note_message(statement.text));
      }
      if (statement.text.front() == '#' || !context_.file) {  // comments are not expanded
        if (auto error = add(statement.text, base, 0, out)) return error;
        continue;
      }
      auto expanded = expand_placeholders(statement.text, *context_.file, settings_);
      if (!expanded) return instruction_error(base, expanded.error());
      for (const std::string& line : lines_of(*expanded)) {
        if (auto error = add(line, base, 0, out)) return error;
      }
    }
    return std::nullopt;
  }

 private:
  static std::string no_note_message(std::string_view text) {
    return "placeholder " + std::string(first_placeholder(text)) +
           " needs the note that holds the query, and there is none";
  }

  // One instruction, or a preset's instructions in its place.
  std::optional<Diagnostic> add(std::string_view line, const Instruction& base, int depth,
                                Instructions& out) const {
    const auto name = preset_name(line);
    if (!name) {
      Instruction instruction = base;
      instruction.text = std::string(line);
      out.push_back(std::move(instruction));
      return std::nullopt;
    }
    const std::string* preset = settings_.preset(*name);
    if (preset == nullptr) return instruction_error(base, unknown_preset(*name));
    constexpr int kMaxDepth = 10;  // the plugin recurses without end; kb stops
    if (depth >= kMaxDepth) {
      return instruction_error(base, "preset " + quoted(*name) + " includes itself");
    }
    for (const Statement& statement : statements(*preset)) {
      if (!has_placeholder_marks(statement.text) || statement.text.front() == '#') {
        if (auto error = add(statement.text, base, depth + 1, out)) return error;
        continue;
      }
      if (!context_.file) {
        return instruction_error(
            base, "preset " + quoted(*name) + ": " + no_note_message(statement.text));
      }
      auto expanded = expand_placeholders(statement.text, *context_.file, settings_);
      if (!expanded)
        return instruction_error(base, "preset " + quoted(*name) + ": " + expanded.error());
      for (const std::string& expanded_line : lines_of(*expanded)) {
        if (auto error = add(expanded_line, base, depth + 1, out)) return error;
      }
    }
    return std::nullopt;
  }

  std::string unknown_preset(std::string_view name) const {
    std::string message = "unknown preset " + quoted(name);
    if (settings_.presets.empty()) return message + " (the Tasks settings define no presets)";
    std::vector<std::string_view> names;
    for (const auto& [preset, instructions] : settings_.presets) names.push_back(preset);
    std::sort(names.begin(), names.end());
    message += "; the Tasks settings define: ";
    for (std::size_t i = 0; i < names.size(); ++i) {
      message += (i > 0 ? ", " : "") + std::string(names[i]);
    }
    return message;
  }

  const QueryContext& context_;
  const Settings& settings_;
};

// The plugin's QueryFileDefaults: instructions from the note's TQ_
// properties (src/Query/QueryFileDefaults.ts), in its order.
std::string file_defaults(const QueryFile& file) {
  if (file.front_matter == nullptr) return {};
  struct Property {
    std::string_view name;
    std::string_view when_true;
    std::string_view when_false;
  };
  static constexpr std::array<Property, 22> kProperties = {{
      {"TQ_show_toolbar", "show toolbar", "hide toolbar"},
      {"TQ_explain", "explain", ""},
      {"TQ_short_mode", "short mode", "full mode"},
      {"TQ_show_tree", "show tree", "hide tree"},
      {"TQ_show_tags", "show tags", "hide tags"},
      {"TQ_show_id", "show id", "hide id"},
      {"TQ_show_depends_on", "show depends on", "hide depends on"},
      {"TQ_show_priority", "show priority", "hide priority"},
      {"TQ_show_recurrence_rule", "show recurrence rule", "hide recurrence rule"},
      {"TQ_show_on_completion", "show on completion", "hide on completion"},
      {"TQ_show_created_date", "show created date", "hide created date"},
      {"TQ_show_start_date", "show start date", "hide start date"},
      {"TQ_show_scheduled_date", "show scheduled date", "hide scheduled date"},
      {"TQ_show_due_date", "show due date", "hide due date"},
      {"TQ_show_cancelled_date", "show cancelled date", "hide cancelled date"},
      {"TQ_show_done_date", "show done date", "hide done date"},
      {"TQ_show_urgency", "show urgency", "hide urgency"},
      {"TQ_show_backlink", "show backlink", "hide backlink"},
      {"TQ_show_edit_button", "show edit button", "hide edit button"},
      {"TQ_show_postpone_button", "show postpone button", "hide postpone button"},
      {"TQ_show_task_count", "show task count", "hide task count"},
      {"TQ_extra_instructions", "", ""},
  }};
  std::string out;
  for (const Property& property : kProperties) {
    const text::YamlValue* value = file.front_matter->find_ci(property.name);
    if (value == nullptr || value->is_null()) continue;  // hasProperty: present and not null
    std::string_view instruction;
    if (property.name == "TQ_extra_instructions") {
      if (!value->is_scalar()) continue;  // only a text adds instructions
      instruction = value->scalar;
    } else {
      // JavaScript truthiness of the value: false, 0 and "" are false.
      const bool falsy =
          value->is_scalar() &&
          (value->scalar.empty() ||
           (!value->quoted && (value->scalar == "false" || value->scalar == "False" ||
                               value->scalar == "FALSE" || value->scalar == "0")));
      instruction = falsy ? property.when_false : property.when_true;
    }
    if (instruction.empty()) continue;
    if (!out.empty()) out += '\n';
    out += instruction;
  }
  return out;
}

}  // namespace

Diagnostic instruction_error(const Instruction& instruction, std::string message) {
  switch (instruction.from) {
    case Instruction::From::GlobalQuery:
      message = "in the Tasks global query: " + message;
      break;
    case Instruction::From::FileDefaults:
      message = "in the note's TQ_ properties (Query File Defaults): " + message;
      break;
    case Instruction::From::Query:
      break;
  }
  return Diagnostic{"", instruction.line, std::move(message), Severity::Error};
}

Expected<std::vector<Instruction>> query_instructions(std::string_view text, int first_line,
                                                      const QueryContext& context) {
  static const Settings kDefaults;
  const Settings& settings = context.settings != nullptr ? *context.settings : kDefaults;
  const Reader reader(context, settings);
  Instructions query;
  if (context.file) {
    if (auto error =
            reader.read(file_defaults(*context.file), Instruction::From::FileDefaults, 1, query)) {
      return Result::failure(std::move(*error));
    }
  }
  if (auto error = reader.read(text, Instruction::From::Query, first_line, query)) {
    return Result::failure(std::move(*error));
  }
  const bool ignore = std::any_of(query.begin(), query.end(), [](const Instruction& i) {
    return ignores_global_query(i.text);
  });
  if (ignore || trim_blanks(settings.global_query).empty()) return query;
  Instructions all;
  if (auto error = reader.read(settings.global_query, Instruction::From::GlobalQuery, 1, all)) {
    return Result::failure(std::move(*error));
  }
  all.insert(all.end(), std::make_move_iterator(query.begin()),
             std::make_move_iterator(query.end()));
  return all;
}

}  // namespace kb::tasks
