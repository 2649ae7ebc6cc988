// The one translation unit that compiles Catch2's main: slow to build, so it
// stays alone and ccache keeps it.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
