# Writes what the built kb prints for `kb completions KB_SHELL` to OUTPUT, so
# the installed completion scripts come from kb's own command definitions:
#   cmake -DKB=path/to/kb -DKB_SHELL=bash -DOUTPUT=file -P cmake/Completions.cmake
execute_process(COMMAND "${KB}" completions "${KB_SHELL}"
                OUTPUT_FILE "${OUTPUT}.tmp"
                RESULT_VARIABLE result)
if(NOT result EQUAL 0)
  file(REMOVE "${OUTPUT}.tmp")
  message(FATAL_ERROR "kb completions ${KB_SHELL} failed: ${result}")
endif()
file(RENAME "${OUTPUT}.tmp" "${OUTPUT}")
