#pragma once
// kb's help: the formatter every --help goes through (a verb's lists the
// global options too), the short usage of a bare `kb`, and "did you mean"
// for an unknown verb or option.
#include <CLI/CLI.hpp>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kb::cli {

// CLI11's formatter, with the global options listed in each verb's help
// (before its footer), since they may follow the verb.
std::shared_ptr<CLI::Formatter> help_formatter();

// What a bare `kb` prints: the usage line and each verb with its summary.
std::string short_usage(const CLI::App& app);

// Why CLI11 refused `args` (argv without the program name) when it is an
// unknown verb or option: a message naming it and the closest known ones,
// and the help to read. Nothing when the refusal is about something else.
std::optional<std::string> explain_unknown(const CLI::App& app,
                                           const std::vector<std::string>& args);

// The verb named on the command line: the first word that is not an option
// or an option's value ("" when none).
std::string verb_of(const CLI::App& app, const std::vector<std::string>& args);

}  // namespace kb::cli
