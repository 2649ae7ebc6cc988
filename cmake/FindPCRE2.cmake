# Debian's libpcre2-dev ships pkg-config files but no CMake package. kb uses
# the 8-bit library (UTF-8 patterns and subjects) and the 16-bit one
# (JavaScript patterns without u or v, which match UTF-16 code units).
find_path(PCRE2_INCLUDE_DIR pcre2.h)
find_library(PCRE2_LIBRARY NAMES pcre2-8)
find_library(PCRE2_16_LIBRARY NAMES pcre2-16)
include(FindPackageHandleStandardArgs)
find_package_handle_standard_args(PCRE2 REQUIRED_VARS PCRE2_LIBRARY PCRE2_16_LIBRARY
                                                      PCRE2_INCLUDE_DIR)
if(PCRE2_FOUND AND NOT TARGET PCRE2::PCRE2)
  add_library(PCRE2::16BIT UNKNOWN IMPORTED)
  set_target_properties(PCRE2::16BIT PROPERTIES IMPORTED_LOCATION "${PCRE2_16_LIBRARY}")
  add_library(PCRE2::PCRE2 UNKNOWN IMPORTED)
  set_target_properties(PCRE2::PCRE2 PROPERTIES IMPORTED_LOCATION "${PCRE2_LIBRARY}"
                                                INTERFACE_INCLUDE_DIRECTORIES "${PCRE2_INCLUDE_DIR}"
                                                INTERFACE_COMPILE_DEFINITIONS "PCRE2_CODE_UNIT_WIDTH=8"
                                                INTERFACE_LINK_LIBRARIES PCRE2::16BIT)
endif()
