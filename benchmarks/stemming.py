"""Stemming benchmark: root-word accuracy on UD Indonesian-CSUI, throughput, tokenizer load time.

Reads ../shared/data at run time (exits cleanly when absent) and prints:
- accuracy against the treebank's hand-corrected LEMMA column on alphabetic, non-PROPN
  tokens, overall and where lemma != form, for PySastrawi alone and for toleransi_nlp;
- words/s of PySastrawi's CachedStemmer().stem(article) vs our stem(article) on the first
  2,000 archive articles, in the same run;
- load time of our spaCy tokenizer vs spacy.blank("id"), each in a fresh process.

Usage: python benchmarks/stemming.py
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time

from _shared import jsonl, require

from toleransi_nlp.stemming import stem, stem_tokens
from toleransi_nlp.text import Token


def read_conllu(path):
    sent = []
    for line in path.open(encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if sent:
                yield sent
            sent = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                sent.append((cols[1], cols[2], cols[3]))
    if sent:
        yield sent


def accuracy(data):
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    sastrawi = StemmerFactory().create_stemmer()
    counts = {k: [0, 0, 0] for k in ("all", "changed")}  # total, sastrawi ok, ours ok
    for name in ("id_csui-ud-train.conllu", "id_csui-ud-test.conllu"):
        for sent in read_conllu(data / "stemming" / "ud-csui" / name):
            toks = [
                Token(form, 0, len(form), "word" if form.replace("-", "").isalpha() else "punct", i == 0)
                for i, (form, _, _) in enumerate(sent)
            ]
            ours_iter = iter(stem_tokens(toks))
            for tok, (form, lemma, upos) in zip(toks, sent):
                ours = next(ours_iter) if tok.kind == "word" else None
                if tok.kind != "word" or upos == "PROPN":
                    continue
                gold = lemma.lower()
                base = sastrawi.stem(form.lower())
                for key in ("all", "changed") if gold != form.lower() else ("all",):
                    counts[key][0] += 1
                    counts[key][1] += base == gold
                    counts[key][2] += ours == gold
    return counts


def throughput(data, n=2000):
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    texts = [r["text"] or "" for r in jsonl(data / "news-archive.jsonl", n)]
    words = sum(len(t.split()) for t in texts)
    sastrawi = StemmerFactory().create_stemmer()
    t0 = time.perf_counter()
    for t in texts:
        sastrawi.stem(t)
    t_base = time.perf_counter() - t0
    t0 = time.perf_counter()
    for t in texts:
        stem(t)
    t_ours = time.perf_counter() - t0
    return words, t_base, t_ours


def load_time(code: str, runs: int = 3) -> float:
    times = []
    for _ in range(runs):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
        times.append(float(out.stdout.strip()))
    return statistics.median(times)


def main() -> None:
    data = require("stemming/ud-csui/id_csui-ud-test.conllu", "news-archive.jsonl")
    c = accuracy(data)
    print("root-word accuracy on UD Indonesian-CSUI (train+test), alphabetic non-PROPN tokens")
    for key, label in (("all", "all tokens"), ("changed", "lemma != form")):
        total, base, ours = c[key]
        print(
            f"  {label:<15} n={total:>6}  PySastrawi {100 * base / total:5.1f}%  "
            f"toleransi_nlp {100 * ours / total:5.1f}%  ({100 * (ours - base) / total:+.1f} points)"
        )
    words, t_base, t_ours = throughput(data)
    print(f"\nthroughput on 2,000 archive articles ({words:,} words)")
    print(f"  PySastrawi CachedStemmer().stem(article): {words / t_base:>10,.0f} words/s")
    print(f"  toleransi_nlp stem(article):             {words / t_ours:>10,.0f} words/s  ({t_base / t_ours:.2f}x)")
    blank = load_time(
        "import time; import spacy; t=time.perf_counter(); spacy.blank('id'); print(time.perf_counter()-t)"
    )
    ours = load_time(
        "import time; import spacy; from spacy.language import Language; "
        "from spacy.vocab import Vocab; t=time.perf_counter(); "
        "from toleransi_nlp.text import SpacyTokenizer; nlp=Language(Vocab()); "
        "nlp.tokenizer=SpacyTokenizer(nlp.vocab); nlp('Anak-anak bermain.'); "
        "print(time.perf_counter()-t)"
    )
    print("\ntokenizer load time (median of 3 fresh processes, after 'import spacy')")
    print(f"  spacy.blank('id'):            {blank:6.3f} s")
    print(f"  toleransi_nlp SpacyTokenizer: {ours:6.3f} s  ({blank / ours:.0f}x faster)")


if __name__ == "__main__":
    main()
