"""Throughput, memory and cold start of the whole pipeline on real news (../shared/data).

All figures come from one run on the first 5,000 archive articles (exits cleanly when the
archive is absent):
- articles/s of a naive baseline (what a user would write today: spacy.blank("id") with an
  EntityRuler over our gazetteer phrases, PySastrawi stem() on each article, our topic model
  called per article; timed on the first 300 articles, it is slow),
  of spaCy's Indonesian tokenizer alone (the ceiling), and of tag_archive with 1 and 2 workers;
- peak memory (max RSS) per worker after 1,000 and after 5,000 articles;
- cold start of `toleransi-nlp analyze examples/surakarta-bnpt.txt`, median of 5 fresh processes.

Usage: python benchmarks/throughput.py [--articles 5000]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _shared import ROOT, jsonl, require

MEASURE_TAG = r"""
import json, resource, sys, time
from toleransi_nlp.batch import tag_archive
src, out, workers = sys.argv[1], sys.argv[2], int(sys.argv[3])
t = time.perf_counter()
s = tag_archive(src, out, workers=workers, progress=False)
secs = time.perf_counter() - t
self_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
child_kb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"records": s.records, "seconds": secs, "self_mb": self_kb / 1024, "child_mb": child_kb / 1024}))
"""


def baseline(texts: list[str]) -> float:
    import spacy
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    from toleransi_nlp.entities.gazetteer import gazetteer
    from toleransi_nlp.topics import load_model

    nlp = spacy.blank("id")
    ruler = nlp.add_pipe("entity_ruler")
    patterns = []
    for key, entries in gazetteer().phrases.items():
        for entry in entries[:1]:
            patterns.append({"label": entry.kind, "pattern": [{"LOWER": w} for w in key]})
    ruler.add_patterns(patterns)
    stemmer = StemmerFactory().create_stemmer()
    model = load_model()
    t = time.perf_counter()
    for text in texts:
        doc = nlp(text)
        _ = [e.text for e in doc.ents]
        stemmer.stem(text)
        model.predict_proba([text])
    return len(texts) / (time.perf_counter() - t)


def tokenizer_ceiling(texts: list[str]) -> float:
    import spacy

    tok = spacy.blank("id").tokenizer
    t = time.perf_counter()
    for text in texts:
        tok(text)
    return len(texts) / (time.perf_counter() - t)


def run_tag(src: Path, workers: int, tmp: Path) -> dict:
    out = tmp / f"out-{src.stem}-{workers}.jsonl"
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE_TAG, str(src), str(out), str(workers)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def cold_start(runs: int = 5) -> float:
    exe = shutil.which("toleransi-nlp")
    cmd = [exe] if exe else [sys.executable, "-m", "toleransi_nlp.cli"]
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(
            [*cmd, "analyze", str(ROOT / "examples" / "surakarta-bnpt.txt")], capture_output=True, check=True
        )
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, default=5000)
    args = ap.parse_args()
    data = require("news-archive.jsonl")
    records = list(jsonl(data / "news-archive.jsonl", args.articles))
    texts = [(r.get("title") or "") + "\n\n" + (r.get("text") or "") for r in records]
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for n in (1000, len(records)):
            with (tmp / f"in{n}.jsonl").open("w", encoding="utf-8") as fh:
                for r in records[:n]:
                    fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        print(f"{len(records)} archive articles, median {statistics.median(len(t) for t in texts):.0f} chars")
        base = baseline(texts[:300])
        print(
            f"  naive baseline (blank('id') + EntityRuler + Sastrawi + model), 300 articles:   {base:7.1f} articles/s"
        )
        ceiling = tokenizer_ceiling(texts)
        print(f"  spaCy Indonesian tokenizer alone (ceiling):                       {ceiling:7.1f} articles/s")
        one = run_tag(tmp / f"in{len(records)}.jsonl", 1, tmp)
        rate1 = one["records"] / one["seconds"]
        print(
            f"  tag_archive, 1 worker:                                           {rate1:7.1f} articles/s "
            f"({rate1 / base:.1f}x baseline)"
        )
        two = run_tag(tmp / f"in{len(records)}.jsonl", 2, tmp)
        rate2 = two["records"] / two["seconds"]
        print(
            f"  tag_archive, 2 workers:                                          {rate2:7.1f} articles/s "
            f"({rate2 / rate1:.2f}x one worker)"
        )
        small = run_tag(tmp / "in1000.jsonl", 1, tmp)
        print("\npeak memory (max RSS) of one worker process")
        print(
            f"  after 1,000 articles: {small['self_mb']:6.0f} MB   after {len(records):,}: {one['self_mb']:6.0f} MB"
            f"   ({one['self_mb'] - small['self_mb']:+.0f} MB)"
        )
        print("  (with 1 worker the tagging runs in this one process, so this is the memory of one worker)")
    print(f"\ncold start of 'toleransi-nlp analyze examples/surakarta-bnpt.txt' (median of 5): {cold_start():.2f} s")


if __name__ == "__main__":
    main()
