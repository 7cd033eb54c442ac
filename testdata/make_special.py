#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Regenerate the test inputs that cannot be written by hand in a text editor.

Writes (relative to this script's folder):

  capture/    WM0.xml..WM7.xml (byte copies of wmd/*.xml), BCDocument.xml (byte
              copy of bcd/sql-full-backup.xml) and Manifest.xml (diskshadow's
              table of contents: UTF-16LE, no BOM, no declaration)
  encodings/  one small WMD in six byte forms, plus a UTF-16LE BCD
  invalid/    empty.xml, garbage.bin, odd-utf16.xml, deep-nesting.xml,
              manifest-only.xml, bad-utf8.xml
  diff/       same-utf16le.xml and same-oneline.xml (diff/base.xml re-encoded
              and re-wrapped), capture-old/ and capture-new/ (two captures
              of one host assembled from diff/ and wmd/ files)

Everything is deterministic (fixed strings, fixed random seed): running the
script twice gives identical bytes. Python 3.9+, standard library only.

    python3 testdata/make_special.py              # (re)write the files above
    python3 testdata/make_special.py --check      # verify, write nothing
    python3 testdata/make_special.py --deep OUT N # write a deep-nesting WMD
                                                  # with N levels to OUT
                                                  # (e.g. 100000 levels for a
                                                  # stress test outside the repo)
"""

import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
MAX_BYTES = 200 * 1024

# ---------------------------------------------------------------------------
# capture/: a diskshadow-style metadata folder of our own host KESTREL-SRV04.
# Order = the order diskshadow would have gathered the writers in.
CAPTURE_WRITERS = [
    # (WM file, source file under wmd/, writer friendly name)
    ("WM0.xml", "task-scheduler-writer.xml", "Task Scheduler Writer"),
    ("WM1.xml", "system-writer.xml", "System Writer"),
    ("WM2.xml", "sql-writer.xml", "SqlServerWriter"),
    ("WM3.xml", "asr-writer.xml", "ASR Writer"),
    ("WM4.xml", "registry-writer.xml", "Registry Writer"),
    ("WM5.xml", "ntds-writer.xml", "NTDS"),
    ("WM6.xml", "bits-writer.xml", "BITS Writer"),
    ("WM7.xml", "wmi-writer.xml", "WMI Writer"),
]
CAPTURE_BCD_SOURCE = "bcd/sql-full-backup.xml"
MACHINE = "KESTREL-SRV04"
SNAPSHOT_SET = "6deb3f83-945c-4dd9-b86a-16ec61db3007"  # = BCD snapshotSetId
SHADOWS = [  # (shadow copy id, alias, original volume)
    ("719e212e-0245-49fa-985b-d3ee85919616", "VSS_SHADOW_1", "C:\\"),
    ("59ea07a3-bbf7-49de-9732-e04829f23611", "VSS_SHADOW_2", "D:\\"),
]
# Microsoft Software Shadow Copy provider 1.0 (a public, fixed id).
PROVIDER = "b5946137-7b9f-4925-af80-51abd60b20d5"
TEMP_DIR = "C:\\Users\\svc-backup\\AppData\\Local\\Temp\\1\\"
LOGFILE = "DisA7F3.tmp"


def manifest_text():
    """diskshadow's Manifest.xml: single quotes, spaces around '=', a space
    before every '>', empty elements written as pairs, '%s' for spaces."""
    p = []
    p.append("<Manifest >")
    p.append("<ShadowCopySet GUID = '{%s}' MachineName = '%s' >"
             % (SNAPSHOT_SET, MACHINE))
    for sid, alias, vol in SHADOWS:
        p.append("<ShadowCopy GUID = '{%s}' Alias = '%s' OriginalVolume = '%s'"
                 " Provider = '{%s}' ></ShadowCopy>" % (sid, alias, vol, PROVIDER))
    p.append("</ShadowCopySet>")
    p.append("<BackupComponents File = 'BCDocument.xml' ></BackupComponents>")
    p.append("<Aliases >")
    for sid, alias, _ in SHADOWS:
        p.append("<Alias Name = '%s' Value = '{%s}' ></Alias>" % (alias, sid))
    p.append("<Alias Name = 'VSS_SHADOW_SET' Value = '{%s}' ></Alias>"
             % SNAPSHOT_SET)
    p.append("</Aliases>")
    p.append("<Writers Count = '%d' >" % len(CAPTURE_WRITERS))
    for wm, _, name in CAPTURE_WRITERS:
        p.append("<Writer Name = '%s' MetadataFile = '%s%s' ></Writer>"
                 % (name.replace(" ", "%s"), TEMP_DIR, wm))
    p.append("</Writers>")
    p.append("<Logfile Name = '%s' ></Logfile>" % LOGFILE)
    p.append("</Manifest>")
    return "".join(p)


def read(rel):
    with open(os.path.join(HERE, rel), "rb") as f:
        return f.read()


# ---------------------------------------------------------------------------
# encodings/: one small Registry-Writer-like WMD; the caption holds U+00E8
# ("système") so that every decoder path must produce the same code points.
ENC_WMD = (
    '<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2">'
    '<IDENTIFICATION writerId="afbab4a2-367d-4d15-a586-71dbb18f8485"'
    ' instanceId="9f88d149-91e6-4f13-9153-84e74e5b68d7"'
    ' friendlyName="Registry Writer" usage="BOOTABLE_SYSTEM_STATE"'
    ' dataSource="OTHER" majorVersion="0" minorVersion="0"/>'
    '<RESTORE_METHOD method="REPLACE_AT_REBOOT_IF_CANNOT_REPLACE"'
    ' writerRestore="never" rebootRequired="yes"/>'
    '<BACKUP_LOCATIONS>'
    '<FILE_GROUP componentName="Registry" caption="Registre syst\u00e8me \u00e9t\u00e9"'
    ' restoreMetadata="no" notifyOnBackupComplete="no" selectable="yes"'
    ' selectableForRestore="no" componentFlags="0">'
    '<FILE_LIST path="C:\\Windows\\system32\\config" filespec="SAM" filespecBackupType="3855"/>'
    '<FILE_LIST path="C:\\Windows\\system32\\config" filespec="SYSTEM" filespecBackupType="3855"/>'
    '</FILE_GROUP>'
    '<EXCLUDE_FILES path="C:\\Windows\\system32\\config" filespec="*.LOG1" recursive="no"/>'
    '</BACKUP_LOCATIONS>'
    '</WRITER_METADATA>'
)
XDR_SCHEMA = (
    '<Schema name="VssWriterMetadataInfo"'
    ' xmlns="urn:schemas-microsoft-com:xml-data"'
    ' xmlns:dt="urn:schemas-microsoft-com:datatypes">'
    '<ElementType name="IDENTIFICATION" content="empty"/>'
    '</Schema>'
)
ENC_BCD = (
    '<BACKUP_COMPONENTS xmlns="x-schema:#VssComponentMetadata" version="1.2"'
    ' bootableSystemStateBackup="yes" selectComponents="yes" backupType="full"'
    ' partialFileSupport="no" snapshotSetId="6deb3f83-945c-4dd9-b86a-16ec61db3007">'
    '<WRITER_COMPONENTS instanceId="9f88d149-91e6-4f13-9153-84e74e5b68d7"'
    ' writerId="afbab4a2-367d-4d15-a586-71dbb18f8485" backupSchema="0">'
    '<COMPONENT componentName="Registry" componentType="filegroup"'
    ' componentCaption="Registre syst\u00e8me \u00e9t\u00e9"/>'
    '</WRITER_COMPONENTS>'
    '</BACKUP_COMPONENTS>'
)
BOM8 = b"\xef\xbb\xbf"
BOM16LE = b"\xff\xfe"
BOM16BE = b"\xfe\xff"


def encodings_files():
    return {
        "encodings/utf8.xml": ENC_WMD.encode("utf-8"),
        "encodings/utf8-bom-decl.xml":
            BOM8 + ('<?xml version="1.0" encoding="UTF-8"?>\r\n' + ENC_WMD).encode("utf-8"),
        "encodings/utf16le-bom.xml": BOM16LE + ENC_WMD.encode("utf-16-le"),
        "encodings/utf16le-nobom.xml": ENC_WMD.encode("utf-16-le"),
        "encodings/utf16be-bom.xml": BOM16BE + ENC_WMD.encode("utf-16-be"),
        "encodings/wrapped.xml":
            ("<root>" + XDR_SCHEMA + ENC_WMD + "</root>").encode("utf-8"),
        "encodings/utf16le-bom.bcd.xml": BOM16LE + ENC_BCD.encode("utf-16-le"),
    }


# ---------------------------------------------------------------------------
# invalid/
MINI_HEAD = (
    '<WRITER_METADATA xmlns="x-schema:#VssWriterMetadataInfo" version="1.2">'
    '<IDENTIFICATION writerId="4969d978-be47-48b0-b100-f328f07ac1e0"'
    ' instanceId="bd94427a-50f3-4174-8e76-38625cc282ee" friendlyName="BITS Writer"'
    ' usage="SYSTEM_SERVICE" dataSource="OTHER" majorVersion="0" minorVersion="0"/>'
)
DEEP_LEVELS = 28000  # 7 bytes per level: 28000 levels = ~196 KB (< 200 KB cap)


def deep_nesting(levels):
    return (MINI_HEAD + "<BACKUP_LOCATIONS>" + "<X>" * levels + "</X>" * levels
            + "</BACKUP_LOCATIONS></WRITER_METADATA>").encode("ascii")


def garbage():
    b = bytearray(random.Random(20240314).randbytes(200))
    b[0] = 0x8F            # never a BOM or '<' at the start
    b[1] = 0xA3
    for i in (7, 64, 65, 150):  # guaranteed NULs (also "\0\0" pair)
        b[i] = 0
    return bytes(b)


def odd_utf16():
    # Complete document in UTF-16LE with BOM, then the last byte (the high
    # byte of the final '>') is dropped: 2 + 2n - 1 bytes, i.e. odd.
    data = BOM16LE + (MINI_HEAD + "</WRITER_METADATA>").encode("utf-16-le")
    return data[:-1]


def bad_utf8():
    # Line 2 holds a caption with a raw 0xFF byte (never valid in UTF-8).
    line1 = MINI_HEAD.replace("BITS Writer", "Registry Writer").encode("ascii")
    line2 = (b'<BACKUP_LOCATIONS><FILE_GROUP componentName="Registry" caption="Regis'
             + b"\xff" + b'try" restoreMetadata="no" notifyOnBackupComplete="no"'
             b' selectable="yes" selectableForRestore="no" componentFlags="0"/>'
             b"</BACKUP_LOCATIONS>")
    line3 = b"</WRITER_METADATA>"
    return line1 + b"\n" + line2 + b"\n" + line3 + b"\n"


# ---------------------------------------------------------------------------
# ---------------------------------------------------------------------------
# diff/
def diff_files():
    import re
    base = read("diff/base.xml").decode("utf-8")
    oneline = re.sub(r">\s+<", "><", base).strip()
    registry = read("wmd/registry-writer.xml")
    return {
        "diff/same-utf16le.xml": BOM16LE + base.encode("utf-16-le"),
        "diff/same-oneline.xml": oneline.encode("utf-8"),
        # Old capture: Fernwood as WM0, Registry as WM1.
        "diff/capture-old/WM0.xml": read("diff/base.xml"),
        "diff/capture-old/WM1.xml": registry,
        "diff/capture-old/BCDocument.xml": read("diff/bcd-base.xml"),
        # New capture: other file names, a new Registry instance id, a
        # Fernwood without Config\Templates and with new file specs, the
        # BITS writer added, a differential backup.
        "diff/capture-new/WM0.xml": registry.replace(
            b"9f88d149-91e6-4f13-9153-84e74e5b68d7",
            b"1d2c3b4a-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
        "diff/capture-new/WM1.xml": read("diff/filespec-changed.xml").replace(
            read("diff/templates-component.txt"), b""),
        "diff/capture-new/WM2.xml": read("wmd/bits-writer.xml"),
        "diff/capture-new/BCDocument.xml": read("diff/bcd-changed.xml"),
    }


def all_files():
    files = {}
    for wm, src, _ in CAPTURE_WRITERS:
        files["capture/" + wm] = read("wmd/" + src)
    files["capture/BCDocument.xml"] = read(CAPTURE_BCD_SOURCE)
    manifest = manifest_text().encode("utf-16-le")  # no BOM
    files["capture/Manifest.xml"] = manifest
    files.update(encodings_files())
    files.update(diff_files())
    files["invalid/empty.xml"] = b""
    files["invalid/garbage.bin"] = garbage()
    files["invalid/odd-utf16.xml"] = odd_utf16()
    files["invalid/deep-nesting.xml"] = deep_nesting(DEEP_LEVELS)
    files["invalid/manifest-only.xml"] = manifest
    files["invalid/bad-utf8.xml"] = bad_utf8()
    return files


def self_test(files):
    decoded = {
        "utf8.xml": files["encodings/utf8.xml"].decode("utf-8"),
        "utf8-bom-decl.xml": files["encodings/utf8-bom-decl.xml"][3:].decode("utf-8")
        .split("?>\r\n", 1)[1],
        "utf16le-bom.xml": files["encodings/utf16le-bom.xml"][2:].decode("utf-16-le"),
        "utf16le-nobom.xml": files["encodings/utf16le-nobom.xml"].decode("utf-16-le"),
        "utf16be-bom.xml": files["encodings/utf16be-bom.xml"][2:].decode("utf-16-be"),
    }
    for name, text in decoded.items():
        assert text == ENC_WMD, name
    assert len(files["invalid/odd-utf16.xml"]) % 2 == 1
    assert b"\0" in files["invalid/garbage.bin"]
    assert len(files["invalid/garbage.bin"]) == 200
    assert files["invalid/manifest-only.xml"] == files["capture/Manifest.xml"]
    assert not files["capture/Manifest.xml"].startswith(BOM16LE)
    for name, data in files.items():
        assert len(data) < MAX_BYTES, (name, len(data))


def main(argv):
    if len(argv) == 4 and argv[1] == "--deep":
        with open(argv[2], "wb") as f:
            f.write(deep_nesting(int(argv[3])))
        return 0
    check = len(argv) == 2 and argv[1] == "--check"
    if len(argv) > 1 and not check:
        print(__doc__, file=sys.stderr)
        return 2
    files = all_files()
    self_test(files)
    stale = []
    for rel, data in sorted(files.items()):
        path = os.path.join(HERE, rel)
        old = None
        if os.path.exists(path):
            with open(path, "rb") as f:
                old = f.read()
        if old == data:
            continue
        stale.append(rel)
        if not check:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as f:
                f.write(data)
    for rel in stale:
        print(("stale: " if check else "wrote: ") + rel)
    return 1 if (check and stale) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
