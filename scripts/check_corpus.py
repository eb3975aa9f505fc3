"""Check corpus batch files against the corpus schema (see corpora/README.md).

Usage: python scripts/check_corpus.py corpora/batches/b01.jsonl [more files...]

Prints per-file label counts, word-length range, and every problem found:
bad JSON, missing fields, unknown labels, texts outside 80..1200 words,
duplicate ids, and sentences (>= 8 words) that occur in more than one article.
Exits 1 when a problem is found.
"""

from __future__ import annotations

import collections
import json
import re
import sys

LABELS = {"terorisme", "radikalisme", "intoleransi", "toleransi"}
REQUIRED = {"id": str, "title": str, "text": str, "labels": list, "meta": dict}
SENT = re.compile(r"(?<=[.!?])\s+")


def main(paths: list[str]) -> int:
    problems: list[str] = []
    ids: set[str] = set()
    seen_sentences: dict[str, str] = {}
    counts: collections.Counter[str] = collections.Counter()
    hard = 0
    lengths: list[int] = []
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for n, line in enumerate(fh, 1):
                where = f"{path}:{n}"
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as exc:
                    problems.append(f"{where}: bad JSON ({exc})")
                    continue
                for key, typ in REQUIRED.items():
                    if not isinstance(rec.get(key), typ):
                        problems.append(f"{where}: field {key!r} missing or not {typ.__name__}")
                if problems and problems[-1].startswith(where):
                    continue
                if rec["id"] in ids:
                    problems.append(f"{where}: duplicate id {rec['id']}")
                ids.add(rec["id"])
                bad = set(rec["labels"]) - LABELS
                if bad:
                    problems.append(f"{where}: unknown labels {sorted(bad)}")
                words = len(rec["text"].split())
                lengths.append(words)
                if not 80 <= words <= 1200:
                    problems.append(f"{where}: text has {words} words (80..1200 expected)")
                for label in rec["labels"] or ["(none)"]:
                    counts[label] += 1
                if not rec["labels"] and rec["meta"].get("hard_negative"):
                    hard += 1
                for sentence in SENT.split(rec["text"]):
                    key = " ".join(sentence.lower().split())
                    if len(key.split()) < 8:
                        continue
                    other = seen_sentences.setdefault(key, rec["id"])
                    if other != rec["id"]:
                        problems.append(f"{where}: sentence repeated from {other}: {sentence[:60]!r}")
    print(f"articles: {len(ids)}  labels: {dict(counts)}  hard negatives: {hard}")
    if lengths:
        print(f"words: min {min(lengths)}, median {sorted(lengths)[len(lengths) // 2]}, max {max(lengths)}")
    for problem in problems:
        print("PROBLEM", problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
