"""Fuzz every reader with N generated inputs each (default 10,000) through the real import.

    .venv/bin/python bench/fuzz_importers.py [--examples 10000] [--reader NAME]

Prints, per reader, how many inputs imported and how many were refused with our own
clear error; anything else (a crash, or a project changed by a failed import) stops
the run with the failing input.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.fuzz_harness import READERS, fuzz_reader  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--examples", type=int, default=10_000)
    ap.add_argument("--reader", choices=sorted(READERS), action="append")
    args = ap.parse_args()
    total = 0
    for name in args.reader or sorted(READERS):
        with tempfile.TemporaryDirectory() as d:
            t0 = time.perf_counter()
            stats = fuzz_reader(name, Path(d), args.examples)
            n = stats["imported"] + stats["input_error"]
            total += n
            print(f"{name:<18} inputs {n:>6}  imported {stats['imported']:>6}  clear errors {stats['input_error']:>6}"
                  f"  other failures 0  ({time.perf_counter() - t0:.0f} s)", flush=True)
    print(f"total inputs {total}: nothing escaped but InputError; every failed import left the project unchanged")
    return 0


if __name__ == "__main__":
    sys.exit(main())
