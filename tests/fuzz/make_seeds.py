#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Builds the fuzz seed corpus from testdata/ (see tests/fuzz/README.md).

usage: make_seeds.py TESTDATA OUT

OUT/single: every *.xml under TESTDATA, one document per seed.
OUT/multi:  the *.xml of each folder holding several, joined by the
            separator (two 0xFF bytes, fuzz_input.h), for validate and graph.
OUT/pairs:  diff inputs, "old" + separator + "new": testdata/diff/base.xml
            against every other file there, bcd-base.xml against the other
            BCDs, capture-old/X against capture-new/X, and every file
            against itself.
"""
import pathlib
import shutil
import sys

SEPARATOR = b"\xff\xff"


def name(path, root):
    return "-".join(path.relative_to(root).parts)


def main():
    root = pathlib.Path(sys.argv[1])
    out = pathlib.Path(sys.argv[2])
    if out.exists():
        shutil.rmtree(out)
    single, multi, pairs = (out / d for d in ("single", "multi", "pairs"))
    for d in (single, multi, pairs):
        d.mkdir(parents=True)

    files = sorted(root.rglob("*.xml"))
    for f in files:
        (single / name(f, root)).write_bytes(f.read_bytes())
        (pairs / ("same-" + name(f, root))).write_bytes(
            f.read_bytes() + SEPARATOR + f.read_bytes())

    folders = {}
    for f in files:
        folders.setdefault(f.parent, []).append(f)
    for folder, members in sorted(folders.items()):
        if len(members) > 1:
            joined = SEPARATOR.join(m.read_bytes() for m in members)
            (multi / (name(folder, root) or "top")).write_bytes(joined)

    diff = root / "diff"
    for base, others in (("base.xml", "*.xml"), ("bcd-base.xml", "bcd-*.xml")):
        for f in sorted(diff.glob(others)):
            if f.name != base:
                (pairs / (base + "-" + f.name)).write_bytes(
                    (diff / base).read_bytes() + SEPARATOR + f.read_bytes())
    for f in sorted((diff / "capture-old").glob("*.xml")):
        new = diff / "capture-new" / f.name
        if new.exists():
            (pairs / ("capture-" + f.name)).write_bytes(
                f.read_bytes() + SEPARATOR + new.read_bytes())

    (out / "stamp").write_text("")


if __name__ == "__main__":
    main()
