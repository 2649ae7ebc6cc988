#pragma once
// Each verb's definition (cmd_<verb>.cpp): adds its options to the
// subcommand and returns what runs it. The table in app.cpp lists them.
#include "app.hpp"

namespace kb::cli {

Runner define_person(CLI::App& sub);
Runner define_regen(CLI::App& sub);
Runner define_brief(CLI::App& sub);
Runner define_graph(CLI::App& sub);
Runner define_people(CLI::App& sub);
Runner define_meetings(CLI::App& sub);
Runner define_show(CLI::App& sub);
Runner define_links(CLI::App& sub);
Runner define_backlinks(CLI::App& sub);
Runner define_tasks(CLI::App& sub);
Runner define_check(CLI::App& sub);
Runner define_config(CLI::App& sub);
Runner define_cache(CLI::App& sub);
Runner define_help(CLI::App& sub);         // command_line.cpp
Runner define_completions(CLI::App& sub);  // completions.cpp
Runner define_complete(CLI::App& sub);     // completions.cpp: the scripts' hidden helper

}  // namespace kb::cli
