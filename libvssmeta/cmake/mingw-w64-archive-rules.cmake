# SPDX-License-Identifier: MIT
# CMAKE_USER_MAKE_RULES_OVERRIDE of the MinGW-w64 toolchain file: archive
# without ar's index (S); ranlib, CMake's finishing step, builds it once.
foreach(_lang C CXX)
  set(CMAKE_${_lang}_ARCHIVE_CREATE "<CMAKE_AR> qcS <TARGET> <LINK_FLAGS> <OBJECTS>")
  set(CMAKE_${_lang}_ARCHIVE_APPEND "<CMAKE_AR> qS <TARGET> <LINK_FLAGS> <OBJECTS>")
  set(CMAKE_${_lang}_ARCHIVE_FINISH "<CMAKE_RANLIB> <TARGET>")
endforeach()
