#!/usr/bin/env python3
"""Writes a git fast-import stream: the files of a site as the first commit, then COMMITS - 1
commits that each change one to three pages under content/ (a line added), an hour apart,
every tenth with a `Change-note:` trailer. Deterministic (seeded).

Usage: git_history_stream.py SITE_DIR COMMITS | git fast-import
"""

import os
import random
import sys


def data(text):
    raw = text.encode()
    return b"data %d\n" % len(raw) + raw + b"\n"


def main():
    site, commits = sys.argv[1], int(sys.argv[2])
    files = []
    for dirpath, _, names in os.walk(site):
        if "/.git" in dirpath or dirpath.endswith(".git"):
            continue
        for n in names:
            full = os.path.join(dirpath, n)
            files.append(os.path.relpath(full, site))
    files.sort()
    pages = [f for f in files if f.startswith("content/") and f.endswith(".md") and not f.endswith("_index.md")]
    text = {f: open(os.path.join(site, f), encoding="utf-8").read() for f in files}
    rnd = random.Random(1)
    out = sys.stdout.buffer
    when = 1735732800  # 2025-01-01T12:00:00Z
    for i in range(commits):
        out.write(b"commit refs/heads/main\n")
        out.write(b"mark :%d\n" % (i + 1))
        out.write(b"author Editor <editor@example.org> %d +0000\n" % when)
        out.write(b"committer Editor <editor@example.org> %d +0000\n" % when)
        if i == 0:
            msg, changed = "Import the toolkit\n", files
        else:
            changed = rnd.sample(pages, rnd.randint(1, 3))
            msg = "Edit %d\n" % i
            if i % 10 == 0:
                msg += "\nChange-note: Change number %d to %d page(s)\n" % (i, len(changed))
            for f in changed:
                text[f] += "\nEdit %d.\n" % i
        out.write(data(msg))
        if i > 0:
            out.write(b"from :%d\n" % i)
        for f in changed:
            out.write(b"M 100644 inline %s\n" % f.encode())
            out.write(data(text[f]))
        when += 3600
    out.write(b"done\n")


if __name__ == "__main__":
    main()
