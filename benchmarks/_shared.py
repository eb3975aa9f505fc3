"""Locate ../shared/data for benchmarks; exit cleanly when it is absent."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"


def require(*names: str) -> Path:
    """Return the shared data folder, or exit 0 with a note when a file is missing."""
    for name in names:
        if not (DATA / name).exists():
            print(f"skipped: {DATA / name} not found (benchmarks read ../shared/data at run time)")
            sys.exit(0)
    return DATA


def jsonl(path: Path, limit: int | None = None) -> Iterator[dict]:
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            yield json.loads(line)
