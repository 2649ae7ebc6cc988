#pragma once
// What `kb --version` says about the build; the definition is generated at
// build time (cmake/BuildInfo.cmake), so only the kb binary relinks on a new commit.

namespace kb::cli {

// The git commit kb was built from ("abc123def456", "-modified" appended when
// tracked files differed), or "" when built outside a git checkout.
const char* build_commit();

}  // namespace kb::cli
