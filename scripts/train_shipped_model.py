"""Train the shipped topic model on corpora/topics.jsonl and write models/topics.joblib + topics.json.

When ../shared/data is present (the project's measuring data; never trained on), the model card
also records the model's metrics on the real, hand-annotated dev articles and the share of the
real news archive that gets each label. Without it the card has the cross-validated metrics only.

Usage: python scripts/train_shipped_model.py
"""

from __future__ import annotations

import collections
import json
import os
import time
from pathlib import Path

from toleransi_nlp.topics import LABELS, compose, evaluate, save_model, train

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpora" / "topics.jsonl"
SHARED = ROOT.parent / "shared" / "data"


def archive_shares(model, path: Path) -> dict[str, float]:
    counts: collections.Counter[str] = collections.Counter()
    n = 0
    batch: list[str] = []

    def flush() -> None:
        nonlocal n
        for labels in model.predict(batch):
            counts.update(labels or ["(none)"])
        n += len(batch)
        batch.clear()

    with path.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            batch.append(compose(rec.get("text") or "", rec.get("title")))
            if len(batch) == 500:
                flush()
    if batch:
        flush()
    return {"articles": n, **{lab: round(counts[lab] / n, 4) for lab in [*LABELS, "(none)"]}}


def main() -> None:
    os.chdir(ROOT)  # the card records the corpus path relative to the repository
    started = time.perf_counter()
    model = train([CORPUS])
    seconds = time.perf_counter() - started
    print(f"trained on {model.info_['records']} articles in {seconds:.1f} s; thresholds {model.thresholds_}")
    extra: dict = {"training_seconds": round(seconds, 1)}
    dev = SHARED / "topics-dev.jsonl"
    if dev.exists():
        records = [json.loads(line) for line in dev.open(encoding="utf-8")]
        report = evaluate(model, records)
        extra["dev_metrics"] = {"data": "350 real articles annotated by hand (not shipped)", **report.to_dict()}
        print(report.table())
    archive = SHARED / "news-archive.jsonl"
    if archive.exists():
        extra["archive_label_share"] = archive_shares(model, archive)
        print(extra["archive_label_share"])
    path = save_model(model, ROOT / "models", corpus_paths=[CORPUS.relative_to(ROOT)], extra=extra)
    print(f"wrote {path} and its card")


if __name__ == "__main__":
    main()
