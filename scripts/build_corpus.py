"""Add corpus batches (corpora/batches/*.jsonl) to corpora/topics.jsonl and print statistics.

Each batch was written from its own brief (see corpora/README.md). The merged file is what the
shipped model is trained on; records keep their batch in meta.batch.

Usage: python scripts/build_corpus.py [--keep-batches]
"""

from __future__ import annotations

import argparse
import collections
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BATCHES = ROOT / "corpora" / "batches"
OUT = ROOT / "corpora" / "topics.jsonl"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--keep-batches", action="store_true")
    args = ap.parse_args()
    files = sorted(BATCHES.glob("*.jsonl"))
    if not files:
        print(f"no batches in {BATCHES.relative_to(ROOT)}: put new batch files there first "
              f"(topics.jsonl is left as it is)")
        return 1
    if OUT.exists():
        files.insert(0, OUT)  # new batches are added to the corpus, not swapped for it
    check = subprocess.run([sys.executable, str(ROOT / "scripts" / "check_corpus.py"), *map(str, files)])
    if check.returncode:
        return 1
    records = [json.loads(line) for f in files for line in f.open(encoding="utf-8") if line.strip()]
    with OUT.open("w", encoding="utf-8") as fh:
        for rec in records:
            fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    labels = collections.Counter(lab for r in records for lab in r["labels"])
    none = sum(1 for r in records if not r["labels"])
    hard = sum(1 for r in records if not r["labels"] and r["meta"].get("hard_negative"))
    multi = sum(1 for r in records if len(r["labels"]) > 1)
    words = [len(r["text"].split()) for r in records]
    years = sorted(int(r["meta"]["date"][:4]) for r in records if r["meta"].get("date"))
    print(f"wrote {len(records)} articles to {OUT.relative_to(ROOT)}")
    print(f"labels: {dict(labels)}; no label: {none} (hard negatives: {hard}); multi-label: {multi}")
    print(
        f"words: min {min(words)}, median {statistics.median(words):.0f}, max {max(words)}; "
        f"years {years[0]}-{years[-1]}; empty titles: {sum(1 for r in records if not r['title'])}"
    )
    print(
        f"regions: {len({r['meta'].get('region') for r in records})}; "
        f"styles: {dict(collections.Counter(r['meta'].get('style') for r in records).most_common(8))}"
    )
    if not args.keep_batches:
        for f in files:
            if f != OUT:
                f.unlink()
        BATCHES.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
