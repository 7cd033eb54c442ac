#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes testdata/report/hostile/: a capture whose names, captions, failure
messages, status and host are built to break an HTML page (script tags,
quotes, markup, comment ends, control and bidi characters, long names).
Deterministic; stdlib only. Run from anywhere: python3 make_hostile.py"""
import json
import os
from xml.sax.saxutils import quoteattr

HERE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "hostile")
W = "b9d4c2a7-3e1f-4a6b-9c8d-5e7f1a2b3c4d"  # invented
I = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b"  # invented
WRITER = '<script>window.__pwned=1</script>"Quoted" \'Writer\' & Co'
INSTANCE = "line1\nline2\ttab\x7fdel \u202eevil\u202c"
LONG = "L" + "o" * 300 + "ngComponentName"
HOSTILE_PATH = "Ledger</title><script>window.__pwned=4</script>"
COMPONENTS = [
    (HOSTILE_PATH, '<img src=x onerror="window.__pwned=2">',
     'caption <b>bold</b> & "quotes"', "yes"),
    (HOSTILE_PATH, "--><script>window.__pwned=3</script><!--",
     "it's ]]> here", "yes"),
    ("Deep\\" + "\\".join("p%d" % i for i in range(12)), LONG,
     "a very long name", "yes"),
    (None, "Plain", "plain component", "no"),
]
FAILURE = "<script>window.__pwned=5</script>\nsecond line"


def attr(s):
    """An attribute value that keeps tabs and line ends (XML normalises raw
    ones to spaces)."""
    return quoteattr(s).replace("\n", "&#10;").replace("\t", "&#9;")


def wmd():
    parts = [
        '<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" '
        'version="1.2" backupSchema="0">',
        '<IDENTIFICATION writerId="%s" instanceId="%s" instanceName=%s '
        'friendlyName=%s usage="USER_DATA" dataSource="TRANSACTION_DB" '
        'majorVersion="1" minorVersion="0"/>' % (W, I, attr(INSTANCE),
                                                 attr(WRITER)),
        '<RESTORE_METHOD method="RESTORE_IF_CAN_BE_REPLACED" '
        'writerRestore="never" rebootRequired="no"/><BACKUP_LOCATIONS>',
    ]
    for path, name, caption, selectable in COMPONENTS:
        lp = " logicalPath=%s" % attr(path) if path else ""
        parts.append(
            '<FILE_GROUP%s componentName=%s caption=%s selectable="%s" '
            'selectableForRestore="yes" componentFlags="0"><FILE_LIST '
            'path="D:\\Hostile\\&lt;dir&gt;" filespec="*.dat" '
            'filespecBackupType="3855"/></FILE_GROUP>'
            % (lp, attr(name), attr(caption), selectable))
    parts.append("</BACKUP_LOCATIONS></WRITER_METADATA>")
    return "".join(parts)


def bcd():
    first, second = COMPONENTS[0], COMPONENTS[2]
    return (
        '<BACKUP_COMPONENTS xmlns="x-schema:#VssComponentMetadata" '
        'version="1.2" bootableSystemStateBackup="no" selectComponents="yes" '
        'backupType="full" partialFileSupport="no" '
        'snapshotSetId="0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d">'
        '<WRITER_COMPONENTS instanceId="%s" writerId="%s" backupSchema="0">'
        '<COMPONENT logicalPath=%s componentName=%s componentType="filegroup" '
        'backupSucceeded="no" prepareForBackupFailureMsg=%s></COMPONENT>'
        '<COMPONENT logicalPath=%s componentName=%s componentType="filegroup" '
        'backupSucceeded="yes"></COMPONENT>'
        "</WRITER_COMPONENTS></BACKUP_COMPONENTS>"
        % (I, W, attr(first[0]), attr(first[1]), attr(FAILURE),
           attr(second[0]), attr(second[1])))


def main():
    os.makedirs(HERE, exist_ok=True)
    with open(os.path.join(HERE, "WM0.xml"), "w", encoding="utf-8",
              newline="") as f:
        f.write(wmd())
    with open(os.path.join(HERE, "BCDocument.xml"), "w", encoding="utf-8",
              newline="") as f:
        f.write(bcd())
    status = {
        "format": "vssmeta-capture-status", "version": 1,
        "writers": [{
            "writer_name": WRITER, "writer_id": W, "instance_id": I,
            "state": "failed-at-prepare-backup", "state_code": 7,
            "failed": True, "failure": "0x800423F4",
            "failure_name": "VSS_E_WRITERERROR_NONRETRYABLE",
            "failure_advice": "<svg onload=window.__pwned=6>"}]}
    manifest = {
        "format": "vssmeta-capture-manifest", "version": 1,
        "host": "<b>HOST</b>\u202eEVIL", "os_version": "Windows 10.0.20348",
        "time_utc": "2026-12-01T18:22:35Z",
        "tool_version": "vssmeta <i>0.0.0</i>", "elevated": True,
        "context": "backup", "writers": []}
    for name, doc in (("status.json", status), ("manifest.json", manifest)):
        with open(os.path.join(HERE, name), "w", encoding="utf-8",
                  newline="\n") as f:
            f.write(json.dumps(doc, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
