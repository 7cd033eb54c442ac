# SPDX-License-Identifier: MIT
# cmake -DVSSMETA=vssmeta.exe [-DEMULATOR=wine] -DWORKDIR=dir
#       [-DSUBCOMMAND=capture|status] -P RunCaptureWithoutVss.cmake
# On a Windows without VSS (Wine), `vssmeta capture -o out` (the default) or
# `vssmeta status` must exit 1 with one line on stderr (E_NOTIMPL decoded),
# print nothing on stdout and leave WORKDIR empty (no folder, no temporary).
cmake_minimum_required(VERSION 3.25)
if(NOT DEFINED SUBCOMMAND)
  set(SUBCOMMAND capture)
endif()
if(SUBCOMMAND STREQUAL "capture")
  set(args capture -o out)
else()
  set(args ${SUBCOMMAND})
endif()
file(REMOVE_RECURSE ${WORKDIR})
file(MAKE_DIRECTORY ${WORKDIR})
execute_process(COMMAND ${EMULATOR} ${VSSMETA} ${args}
  WORKING_DIRECTORY ${WORKDIR}
  OUTPUT_VARIABLE out ERROR_VARIABLE err RESULT_VARIABLE rc)
string(REPLACE "\r\n" "\n" err "${err}")
set(expected "vssmeta: error: CreateVssBackupComponents: 0x80004001 E_NOTIMPL: VSS is not available on this system\n")
file(GLOB left RELATIVE ${WORKDIR} ${WORKDIR}/*)
if(NOT rc EQUAL 1 OR NOT out STREQUAL "" OR NOT err STREQUAL expected OR left)
  message(FATAL_ERROR "${SUBCOMMAND}: exit ${rc}, stdout '${out}', stderr '${err}', left: '${left}'\n"
    "expected exit 1, no stdout, stderr '${expected}', nothing left")
endif()
