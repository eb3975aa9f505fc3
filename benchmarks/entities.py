"""Entity benchmark on real data (../shared/data, read at run time; exits cleanly when absent).

Prints:
- span precision/recall/F1 on the idner-news-2k test set, mapping OFFICIAL+PERSON->PER,
  AGENCY+ORG->ORG, CITY+PROVINCE+LOC->LOC; spans match exactly, compared on character offsets
  after trimming edge punctuation (idner keeps brackets in tokens such as "(Jokowi)");
- recall of the government stakeholders that humans listed for 900 detik articles;
- coverage of the 514 kabupaten/kota names of the 2025 Kemendagri list;
- throughput (tokens/s) of extraction on 1,000 archive articles, and start-up time.

Usage: python benchmarks/entities.py
"""

from __future__ import annotations

import csv
import re
import subprocess
import sys
import time
from collections import Counter

from _shared import jsonl, require

from toleransi_nlp.entities import extract_entities
from toleransi_nlp.entities.gazetteer import resolve_city
from toleransi_nlp.entities.matcher import match

MAP = {
    "OFFICIAL": "PER",
    "PERSON": "PER",
    "AGENCY": "ORG",
    "ORG": "ORG",
    "CITY": "LOC",
    "PROVINCE": "LOC",
    "LOC": "LOC",
}


def read_conll(path):
    sent = []
    for line in path.open(encoding="utf-8"):
        parts = line.split()
        if not parts:
            if sent:
                yield sent
            sent = []
            continue
        sent.append((parts[0], parts[-1]))
    if sent:
        yield sent


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Span offsets without edge punctuation: idner tokens such as "(Jokowi)" keep their brackets."""
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return start, end


def gold_spans(sent):
    spans, start, label = set(), None, None
    for i, (_, tag) in enumerate(sent + [("", "O")]):
        if tag.startswith("B-") or tag == "O" or (tag.startswith("I-") and tag[2:] != label):
            if start is not None:
                spans.add((start, i, label))
                start, label = None, None
            if tag != "O":
                start, label = i, tag[2:]
    return spans


def ner_scores(data):
    counts = {k: Counter() for k in ("PER", "ORG", "LOC", "ALL")}
    for sent in read_conll(data / "ner" / "idner-news-2k" / "test.txt"):
        words = [w for w, _ in sent]
        text = " ".join(words)
        offsets, pos = [], 0
        for w in words:
            offsets.append((pos, pos + len(w)))
            pos += len(w) + 1
        pred = set()
        for m in match(text):
            if m.label == "TITLE":
                continue
            pred.add((*trim(text, m.char_start, m.char_end), MAP[m.label]))
        gold = {(*trim(text, offsets[a][0], offsets[b - 1][1]), label) for a, b, label in gold_spans(sent)}
        for key in ("PER", "ORG", "LOC", "ALL"):
            g = {s for s in gold if key in ("ALL", s[2])}
            p = {s for s in pred if key in ("ALL", s[2])}
            counts[key]["tp"] += len(g & p)
            counts[key]["fp"] += len(p - g)
            counts[key]["fn"] += len(g - p)
    return counts


def prf(c):
    p = c["tp"] / (c["tp"] + c["fp"]) if c["tp"] + c["fp"] else 0.0
    r = c["tp"] / (c["tp"] + c["fn"]) if c["tp"] + c["fn"] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def norm(s: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", s.lower()).split())


def stakeholder_recall(data):
    wanted = {}
    for rec in jsonl(data / "stakeholders-detik.jsonl"):
        gov = [g for g in rec["entity"].get("government", []) if g.strip()]
        if gov:
            wanted[rec["id"]] = gov
    found = total = 0
    for rec in jsonl(data / "news-archive.jsonl"):
        gov = wanted.get(rec["id"])
        if not gov:
            continue
        ents = extract_entities(compose_text(rec))
        names = {norm(o.name) for o in ents.officials}
        names |= {norm(a.name) for a in ents.agencies} | {norm(a.acronym or "") for a in ents.agencies}
        names.discard("")
        for g in gov:
            total += 1
            if any(n and (n in c or c in n) for c in gold_forms(g) for n in names):
                found += 1
    return found, total


def gold_forms(listed: str) -> set[str]:
    """A listed stakeholder, normalised: its own text plus the canonical names our gazetteer gives
    it ("Kejati Jatim" -> "kejaksaan tinggi jawa timur"), so that aliases compare equal."""
    ents = extract_entities(listed)
    forms = {norm(listed)} | {norm(o.name) for o in ents.officials}
    forms |= {norm(a.name) for a in ents.agencies} | {norm(a.acronym or "") for a in ents.agencies}
    return {f for f in forms if len(f) >= 3}


def compose_text(rec):
    return ((rec.get("title") or "") + "\n\n" + (rec.get("text") or "")).strip()


def same_province(ours: str, theirs: str) -> bool:
    """Compare province names through the alias table (DKI Jakarta = Daerah Khusus Ibukota Jakarta)."""
    from toleransi_nlp.entities.gazetteer import gazetteer

    provinces = gazetteer().provinces
    return provinces.get(ours.lower(), ours) == provinces.get(theirs.strip().lower(), theirs.strip())


def coverage(data):
    ok, missing = 0, []
    with (data / "regions" / "kabupaten-kota.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            city = resolve_city(row["name"])
            if city is not None and city.type == row["type"] and same_province(city.province, row["province"]):
                ok += 1
            else:
                missing.append(f"{row['name']} ({row['province']})")
    return ok, missing


def main() -> None:
    data = require(
        "ner/idner-news-2k/test.txt", "stakeholders-detik.jsonl", "regions/kabupaten-kota.csv", "news-archive.jsonl"
    )
    counts = ner_scores(data)
    print("idner-news-2k test set, exact spans")
    for key in ("PER", "ORG", "LOC", "ALL"):
        p, r, f = prf(counts[key])
        print(
            f"  {key:<4} precision {p:.3f}  recall {r:.3f}  F1 {f:.3f}   (tp {counts[key]['tp']}, "
            f"fp {counts[key]['fp']}, fn {counts[key]['fn']})"
        )
    found, total = stakeholder_recall(data)
    print(f"\ngovernment stakeholders of 900 detik articles: recall {found / total:.3f} ({found}/{total})")
    print(
        "  matched when an extracted official or agency name contains, or is contained in, the listed name;\n"
        "  both lower-cased without punctuation, the listed name also in the canonical forms our gazetteer\n"
        "  gives it (Kejati Jatim = Kejaksaan Tinggi Jawa Timur). Generic items (Pemerintah, Presiden,\n"
        "  Hakim) stay in the denominator although no named entity can match them."
    )
    ok, missing = coverage(data)
    print(f"\nkabupaten/kota coverage: {ok}/514 = {100 * ok / 514:.1f}% resolve to the right name, type and province")
    for name in missing[:20]:
        print(f"  not resolved: {name}")
    texts = [compose_text(r) for r in jsonl(data / "news-archive.jsonl", 1000)]
    extract_entities("pemanasan")
    t0 = time.perf_counter()
    tokens = 0
    for t in texts:
        tokens += len(extract_entities(t).spans) * 0 + len(t.split())
    secs = time.perf_counter() - t0
    print(f"\nthroughput: {tokens / secs:,.0f} tokens/s ({len(texts) / secs:.0f} articles/s) on 1,000 archive articles")
    code = (
        "import time; t=time.perf_counter(); from toleransi_nlp.entities import extract_entities; "
        "extract_entities('Wali Kota Solo hadir.'); print(time.perf_counter()-t)"
    )
    runs = sorted(
        float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout)
        for _ in range(3)
    )
    print(f"start-up (import + first call, median of 3 fresh processes): {runs[1]:.2f} s")


if __name__ == "__main__":
    main()
