# SPDX-License-Identifier: MIT
# Cross-compiles for 64-bit Windows with Debian's MinGW-w64 (g++-mingw-w64-x86-64)
# and runs what it builds (tests, gtest discovery) under Wine.
set(CMAKE_SYSTEM_NAME Windows)
set(CMAKE_SYSTEM_PROCESSOR x86_64)

set(_vssmeta_mingw x86_64-w64-mingw32)
# The posix thread model: std::thread, std::mutex and friends are available.
set(CMAKE_C_COMPILER ${_vssmeta_mingw}-gcc-posix)
set(CMAKE_CXX_COMPILER ${_vssmeta_mingw}-g++-posix)
set(CMAKE_RC_COMPILER ${_vssmeta_mingw}-windres)

# Only the MinGW sysroot and the dependency prefix the windows-cross preset
# builds (VSSMETA_CROSS_PREFIX): never the build machine's /usr.
set(CMAKE_FIND_ROOT_PATH /usr/${_vssmeta_mingw})
if(DEFINED VSSMETA_CROSS_PREFIX)
  list(APPEND CMAKE_FIND_ROOT_PATH ${VSSMETA_CROSS_PREFIX})
endif()
set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_PACKAGE ONLY)
# pkg-config (libmspack) reads only the dependency prefix's .pc files.
if(DEFINED VSSMETA_CROSS_PREFIX)
  set(ENV{PKG_CONFIG_LIBDIR} ${VSSMETA_CROSS_PREFIX}/lib/pkgconfig)
  set(ENV{PKG_CONFIG_PATH} "")
endif()

# Static runtime: the .exe files run under Wine (or on Windows) without
# libstdc++-6.dll, libgcc_s_seh-1.dll or libwinpthread-1.dll next to them.
set(CMAKE_EXE_LINKER_FLAGS_INIT "-static -static-libgcc -static-libstdc++")

# Through wine-run.sh, which keeps Wine's services off the tests' output.
find_program(VSSMETA_WINE NAMES wine)
if(VSSMETA_WINE)
  set(CMAKE_CROSSCOMPILING_EMULATOR /bin/sh ${CMAKE_CURRENT_LIST_DIR}/wine-run.sh)
endif()

# MinGW's ar takes about a minute to index an archive of our objects (each
# holds some 20,000 COMDAT sections), and CMake's rules for Windows-GNU index
# twice: `ar qc` (which indexes) and then ranlib. The override, read after
# those rules, appends without an index and lets ranlib build it once.
set(CMAKE_USER_MAKE_RULES_OVERRIDE ${CMAKE_CURRENT_LIST_DIR}/mingw-w64-archive-rules.cmake)
