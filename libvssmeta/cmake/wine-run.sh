#!/bin/sh
# SPDX-License-Identifier: MIT
# The windows-cross build's CMAKE_CROSSCOMPILING_EMULATOR: runs a Windows
# program under Wine. On first use Wine starts wineserver and its services
# (services.exe, rpcss, ...), which would inherit this process's stdout and
# stderr: CTest waits for those to close, i.e. until the services exit. So
# when no server runs yet, start one with its services, detached from our
# output, and only then run the program.
#
# The server stays 10 minutes after its last client, not Debian's default of
# none: a program that connects to a server that is just exiting ends at once
# with no output (a test "failed in 0.01 s"). Under `ctest -j` two wrappers
# must not both see no server and start two: the check and the start hold a
# lock in the prefix (only for as long as they take).
#
# Without address space randomisation (setarch -R): Debian's Wine has no
# preloader to reserve the addresses Windows programs expect, so now and
# then (3 starts in 2,650 here) a library lands on the shared user
# data page and Wine ends at once with "failed to map the shared user data:
# c0000018", printed only when WINEDEBUG allows errors (the 0.01 s failure).
# Without randomisation the layout is the same on every start.
prefix=${WINEPREFIX:-$HOME/.wine}
# Where personality(2) is not allowed (some container profiles), as before.
norandom=""
if setarch "$(uname -m)" -R true 2>/dev/null; then
  norandom="setarch $(uname -m) -R"
fi
mkdir -p "$prefix"
(
  flock 9
  if ! wineserver -k0 2>/dev/null; then
    # 9>&-: the server and Wine's services outlive this script; they must
    # not inherit (and so hold) the lock.
    (wineserver -p600 && $norandom wine cmd /c exit) </dev/null >/dev/null 2>&1 9>&-
  fi
) 9>"$prefix/.wine-run.lock"
exec $norandom wine "$@"
