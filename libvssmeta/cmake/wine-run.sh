#!/bin/sh
# SPDX-License-Identifier: MIT
# The windows-cross build's CMAKE_CROSSCOMPILING_EMULATOR: runs a Windows
# program under Wine. On first use Wine starts wineserver and its services
# (services.exe, rpcss, ...), which would inherit this process's stdout and
# stderr: CTest waits for those to close, i.e. until the services exit. So
# when no server runs yet, start one (staying 30 s after its last client)
# with its services, detached from our output, and only then run the program.
if ! wineserver -k0 2>/dev/null; then
  (wineserver -p30 && wine cmd /c exit) </dev/null >/dev/null 2>&1
fi
exec wine "$@"
