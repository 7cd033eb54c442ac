# SPDX-License-Identifier: MIT
# vssmeta_golden(NAME <name> RC <exit> STDOUT <file> [STDERR <file>] ARGS ...)
# Runs the real vssmeta binary in testdata/ and compares exit status, stdout
# and stderr with golden files under testdata/expected/. With
# VSSMETA_UPDATE_GOLDEN=1 in the environment the files are rewritten.
function(vssmeta_golden)
  cmake_parse_arguments(G "" "NAME;RC;STDOUT;STDERR" "ARGS" ${ARGN})
  add_test(NAME golden.${G_NAME}
    COMMAND ${CMAKE_COMMAND}
      -DVSSMETA=$<TARGET_FILE:vssmeta_cli>
      "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}"
      "-DARGS=${G_ARGS}"
      -DRC=${G_RC}
      -DSTDOUT=${PROJECT_SOURCE_DIR}/testdata/expected/${G_STDOUT}
      -DSTDERR=$<$<BOOL:${G_STDERR}>:${PROJECT_SOURCE_DIR}/testdata/expected/${G_STDERR}>
      -DWORKDIR=${PROJECT_SOURCE_DIR}/testdata
      -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/RunGolden.cmake)
  set_tests_properties(golden.${G_NAME} PROPERTIES LABELS golden)
endfunction()

vssmeta_golden(NAME dump_capture_text RC 0 STDOUT dump/capture.txt
  ARGS dump --color never capture)
vssmeta_golden(NAME dump_asr_json RC 0 STDOUT dump/asr-writer.json
  ARGS dump --format json wmd/asr-writer.xml)
vssmeta_golden(NAME dump_truncated RC 1 STDOUT empty.txt STDERR dump/truncated.err
  ARGS dump invalid/truncated.xml)
vssmeta_golden(NAME dump_unknown_content RC 0 STDOUT dump/unknown-content.txt
  STDERR dump/unknown-content.err ARGS dump --files wmd/unknown-content.xml)
vssmeta_golden(NAME no_subcommand RC 2 STDOUT empty.txt STDERR cli/no-subcommand.err
  ARGS)

add_test(NAME smoke.version COMMAND vssmeta_cli --version)
set_tests_properties(smoke.version PROPERTIES
  PASS_REGULAR_EXPRESSION "^vssmeta ${PROJECT_VERSION}\n$" LABELS golden)
add_test(NAME smoke.help COMMAND vssmeta_cli dump --help)
set_tests_properties(smoke.help PROPERTIES
  PASS_REGULAR_EXPRESSION "Exit status \\(bits combine\\)" LABELS golden)

# vssmeta diff: the exit status split (0 identical, 4 differences, 12
# breaking differences, 2 usage, 1 error).
vssmeta_golden(NAME diff_identical RC 0 STDOUT diff/same-reordered.txt
  ARGS diff --color never diff/base.xml diff/same-reordered.xml)
vssmeta_golden(NAME diff_notable RC 4 STDOUT diff/component-added.txt
  ARGS diff --color never diff/base.xml diff/component-added.xml)
vssmeta_golden(NAME diff_breaking RC 12 STDOUT diff/component-removed.txt
  ARGS diff --color never diff/base.xml diff/component-removed.xml)
vssmeta_golden(NAME diff_usage RC 2 STDOUT empty.txt STDERR diff/usage.err
  ARGS diff diff/base.xml)
vssmeta_golden(NAME diff_truncated RC 1 STDOUT empty.txt STDERR diff/truncated.err
  ARGS diff diff/base.xml invalid/truncated.xml)
vssmeta_golden(NAME diff_git_external RC 0 STDOUT diff/git-external.txt
  ARGS diff --color never writer.xml diff/base.xml 1111111 100644
    diff/component-removed.xml 2222222 100644)
add_test(NAME smoke.diff_help COMMAND vssmeta_cli diff --help)
set_tests_properties(smoke.diff_help PROPERTIES
  PASS_REGULAR_EXPRESSION "Exit status \\(bits combine\\)" LABELS golden)
vssmeta_golden(NAME graph_deps_mermaid RC 0 STDOUT graph/deps.mmd
  ARGS graph --format mermaid graph/deps)
vssmeta_golden(NAME graph_unknown_extension RC 2 STDOUT empty.txt
  STDERR graph/unknown-extension.err ARGS graph graph/deps -o out.txt)
# The Windows build (windows-cross runs it under Wine, whose vssapi has no
# VSS): capture exits 1 with one line and creates nothing; dump of a real
# diskshadow capture works (only when ../shared/vss-samples is there).
# Only under an emulator: on real Windows capture would ask the live writers.
if(WIN32 AND CMAKE_CROSSCOMPILING_EMULATOR)
  add_test(NAME windows.capture_without_vss
    COMMAND ${CMAKE_COMMAND}
      -DVSSMETA=$<TARGET_FILE:vssmeta_cli>
      "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}"
      -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/capture-without-vss
      -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/RunCaptureWithoutVss.cmake)
  set_tests_properties(windows.capture_without_vss PROPERTIES LABELS golden)
  add_test(NAME windows.status_without_vss
    COMMAND ${CMAKE_COMMAND}
      -DVSSMETA=$<TARGET_FILE:vssmeta_cli>
      "-DEMULATOR=${CMAKE_CROSSCOMPILING_EMULATOR}"
      -DWORKDIR=${CMAKE_CURRENT_BINARY_DIR}/status-without-vss
      -DSUBCOMMAND=status
      -P ${CMAKE_CURRENT_SOURCE_DIR}/cmake/RunCaptureWithoutVss.cmake)
  set_tests_properties(windows.status_without_vss PROPERTIES LABELS golden)
  set(_samples ${PROJECT_SOURCE_DIR}/../shared/vss-samples/diskshadow-ws2012-sql2017)
  if(EXISTS ${_samples})
    add_test(NAME windows.dump_real_capture COMMAND vssmeta_cli dump --color never
      ../shared/vss-samples/diskshadow-ws2012-sql2017
      WORKING_DIRECTORY ${PROJECT_SOURCE_DIR})
    set_tests_properties(windows.dump_real_capture PROPERTIES LABELS golden
      PASS_REGULAR_EXPRESSION "SqlServerWriter")
  endif()
endif()
