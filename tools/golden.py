"""What the golden-file writers share: the command line that writes a golden file or checks
the committed one, and the JSON diff that names each difference by its path.

    main(argv, out, text, summary, selfcheck=None, usage="")

  argv       the script's arguments: [] writes `out`, ["--check"] compares, and
             ["--selfcheck"] (when `selfcheck` is given) runs only the self-checks
  out        the golden file's path
  text       text(writing) -> the file's full text; `writing` is True when it is written
  summary    summary(doc) -> one line about the parsed document (cases, verdicts)
  selfcheck  run before writing, or alone with --selfcheck
"""

from __future__ import annotations

import json
import os
import sys

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def diff(a, b, path="$"):
    """Yield differences between two parsed JSON values (the file's first)."""
    if type(a) is not type(b):
        yield f"{path}: {a!r} != {b!r}"
    elif isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                yield f"{path}.{k}: only in {'file' if k in a else 'recomputed'}"
            else:
                yield from diff(a[k], b[k], f"{path}.{k}")
    elif isinstance(a, list):
        if len(a) != len(b):
            yield f"{path}: length {len(a)} != {len(b)}"
        for i, (x, y) in enumerate(zip(a, b)):
            yield from diff(x, y, f"{path}[{i}]")
    elif a != b:
        yield f"{path}: {a!r} != {b!r}"


def check(out, new):
    """0 when the committed file at `out` is `new` to the byte, else 1 with each difference."""
    rel = os.path.relpath(out, REPO)
    try:
        with open(out, encoding="utf-8") as fh:
            old = fh.read()
    except FileNotFoundError:
        print(f"{rel}: missing; run the script without --check to write it", file=sys.stderr)
        return 1
    if old == new:
        return 0
    problems = list(diff(json.loads(old), json.loads(new)))
    for p in problems[:50]:
        print(p, file=sys.stderr)
    if problems:
        print(f"{len(problems)} difference(s) with {rel}", file=sys.stderr)
    else:
        print(f"{rel}: the same values, written differently", file=sys.stderr)
    return 1


def main(argv, out, text, summary, selfcheck=None, usage=""):
    rel = os.path.relpath(out, REPO)
    if argv == ["--selfcheck"] and selfcheck is not None:
        selfcheck()
        print("self-checks passed")
        return 0
    if argv == ["--check"]:
        new = text(False)
        status = check(out, new)
        if status == 0:
            print(f"{rel}: {summary(json.loads(new))}, no difference")
        return status
    if argv:
        print(usage, file=sys.stderr)
        return 2
    if selfcheck is not None:
        selfcheck()
    new = text(True)
    os.makedirs(os.path.dirname(out), exist_ok=True)
    with open(out, "w", encoding="utf-8") as fh:
        fh.write(new)
    print(f"wrote {rel}: {summary(json.loads(new))}")
    return 0
