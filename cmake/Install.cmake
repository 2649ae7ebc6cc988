# Installing kb like a Debian tool: the binary, its man page (gzipped, as Debian
# policy asks) and shell completions in the places each shell looks; and a
# Debian package from the same rules (`cpack -G DEB` in the build folder).
include(GNUInstallDirs)

install(TARGETS kb RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(KB_MAN_PAGE ${CMAKE_CURRENT_BINARY_DIR}/kb.1.gz)
add_custom_command(OUTPUT ${KB_MAN_PAGE}
  COMMAND ${CMAKE_COMMAND} -E copy ${CMAKE_CURRENT_SOURCE_DIR}/docs/kb.1 ${CMAKE_CURRENT_BINARY_DIR}/kb.1
  COMMAND gzip -9nf ${CMAKE_CURRENT_BINARY_DIR}/kb.1
  DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/docs/kb.1
  COMMENT "Compressing the man page" VERBATIM)
add_custom_target(kb_man_page ALL DEPENDS ${KB_MAN_PAGE})
install(FILES ${KB_MAN_PAGE} DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)

# Completions: generated at build time by the built kb (`kb completions SHELL`),
# never written by hand, so they cannot drift from the command line.
set(KB_COMPLETIONS_DIR ${CMAKE_CURRENT_BINARY_DIR}/completions)
set(KB_COMPLETION_FILES)
foreach(kb_shell_file IN ITEMS "bash;kb" "zsh;_kb" "fish;kb.fish")
  list(GET kb_shell_file 0 kb_shell)
  list(GET kb_shell_file 1 kb_file)
  add_custom_command(OUTPUT ${KB_COMPLETIONS_DIR}/${kb_file}
    COMMAND ${CMAKE_COMMAND} -E make_directory ${KB_COMPLETIONS_DIR}
    COMMAND ${CMAKE_COMMAND} -DKB=$<TARGET_FILE:kb> -DKB_SHELL=${kb_shell}
            -DOUTPUT=${KB_COMPLETIONS_DIR}/${kb_file}
            -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/Completions.cmake
    DEPENDS kb ${CMAKE_CURRENT_SOURCE_DIR}/cmake/Completions.cmake
    WORKING_DIRECTORY ${KB_COMPLETIONS_DIR}/..
    COMMENT "Generating the ${kb_shell} completion script" VERBATIM)
  list(APPEND KB_COMPLETION_FILES ${KB_COMPLETIONS_DIR}/${kb_file})
endforeach()
add_custom_target(kb_completions ALL DEPENDS ${KB_COMPLETION_FILES})

install(FILES ${KB_COMPLETIONS_DIR}/kb
        DESTINATION ${CMAKE_INSTALL_DATADIR}/bash-completion/completions)
install(FILES ${KB_COMPLETIONS_DIR}/kb.fish
        DESTINATION ${CMAKE_INSTALL_DATADIR}/fish/vendor_completions.d)
# zsh: Debian's zsh reads /usr/share/zsh/vendor-completions (packages) and
# /usr/local/share/zsh/site-functions (local installs), not /usr/share/zsh/site-functions.
# Decided at install time: `cpack` installs under /usr, `cmake --install` under the prefix.
install(CODE "set(KB_COMPLETIONS_DIR [[${KB_COMPLETIONS_DIR}]])")
install(CODE [[
  if(CMAKE_INSTALL_PREFIX STREQUAL "/usr")
    set(kb_zsh_dir "${CMAKE_INSTALL_PREFIX}/share/zsh/vendor-completions")
  else()
    set(kb_zsh_dir "${CMAKE_INSTALL_PREFIX}/share/zsh/site-functions")
  endif()
  file(INSTALL "${KB_COMPLETIONS_DIR}/_kb" DESTINATION "${kb_zsh_dir}")
]])
install(FILES README.md DESTINATION ${CMAKE_INSTALL_DOCDIR})

set(CPACK_PACKAGE_NAME kb)
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGE_CONTACT "kb maintainers <kb@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "answers questions about an Obsidian-style Markdown vault")
set(CPACK_PACKAGE_DESCRIPTION
    "kb reads a vault of people, meetings, customers, projects and sources kept as Markdown notes,\
 answers questions about them (kb person, kb brief, kb tasks) and regenerates the generated\
 sections of person notes without touching anything else.")
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_GENERATOR DEB)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION utils)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)  # Depends: from the libraries the binary links
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "bash-completion")
set(CPACK_STRIP_FILES ON)
include(CPack)
