"""Evaluate the shipped topic model on real, hand-annotated articles (../shared/data).

Prints the per-label table on topics-dev.jsonl and, with --archive, how many of the
15,559 archive articles get each label. The texts are read at run time, never stored.

Usage: python benchmarks/topics.py [--archive] [--model PATH] [--errors N]
"""

from __future__ import annotations

import argparse
import collections
import time

from _shared import jsonl, require

from toleransi_nlp.topics import LABELS, compose, evaluate, load_model


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--archive", action="store_true", help="also label the whole news archive")
    ap.add_argument("--model", default=None)
    ap.add_argument("--trusted", action="store_true")
    ap.add_argument("--errors", type=int, default=0, help="print the ids of N misclassified articles")
    args = ap.parse_args()
    data = require("topics-dev.jsonl")
    model = load_model(args.model, trusted=args.trusted)
    dev = list(jsonl(data / "topics-dev.jsonl"))
    report = evaluate(model, dev)
    print(f"topics-dev.jsonl: {len(dev)} real articles annotated by hand")
    print(report.table())
    print(f"\nmacro-F1 {report.macro['f1']:.3f} (goal >= 0.85, no label below 0.75)")
    if args.errors:
        pred = model.predict([compose(r["text"], r.get("title")) for r in dev])
        shown = 0
        for r, p in zip(dev, pred):
            if sorted(p) != sorted(r["labels"]) and shown < args.errors:
                print(f"  {r['id']}: gold {sorted(r['labels'])} predicted {sorted(p)}  title={r['title'][:70]!r}")
                shown += 1
    if args.archive:
        require("news-archive.jsonl")
        counts: collections.Counter[str] = collections.Counter()
        n = 0
        t0 = time.perf_counter()
        batch: list[str] = []
        for rec in jsonl(data / "news-archive.jsonl"):
            batch.append(compose(rec.get("text") or "", rec.get("title")))
            if len(batch) == 500:
                for labels in model.predict(batch):
                    counts.update(labels or ["(none)"])
                n += len(batch)
                batch = []
        if batch:
            for labels in model.predict(batch):
                counts.update(labels or ["(none)"])
            n += len(batch)
        secs = time.perf_counter() - t0
        print(f"\nnews-archive.jsonl: {n} articles in {secs:.0f} s")
        for lab in [*LABELS, "(none)"]:
            print(f"  {lab:<12} {counts[lab]:>6}  {100 * counts[lab] / n:5.2f}%")


if __name__ == "__main__":
    main()
