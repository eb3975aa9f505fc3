"""Adversarial input timing: ms per KB must stay flat from 1 KB to 1 MB (no super-linear paths).

For each pathological pattern, times normalize + tokenize + extract_entities + the topic model
(Tagger.analyze with max_chars raised to 2 MB, so nothing is cut) at 1 KB, 10 KB, 100 KB and 1 MB
and prints ms/KB and the ratio of the 1 MB rate to the 1 KB rate (about 1 means linear).

Usage: python benchmarks/adversarial.py
"""

from __future__ import annotations

import time

from toleransi_nlp.pipeline import Tagger

SIZES = (1_000, 10_000, 100_000, 1_000_000)
PATTERNS = {
    "punctuation runs": "!?.,;:" * 3,
    "hyphen runs": "-" * 40 + " ",
    "hyphenated chain": "anak-" * 20 + " ",
    "title words repeated": "Wali Kota Kapolda Kepala ",
    "Kota Kota Kota": "Kota ",
    "capitalised words": "Budi Santoso Gibran Rakabuming Raka Bangbang Surono ",
    "nested HTML": "<div><span><p>",
    "unclosed tags": "<script ",
    "dots and initials": "H. M. S.H. M.Si. ",
    "email-like": "a.b.c.d.e.f.g.h@",
    "digits and slashes": "20/9/2023/",
    "plain news": "Densus 88 menangkap terduga teroris di Sukoharjo, kata Kapolda. ",
}


def build(unit: str, size: int) -> str:
    return (unit * (size // len(unit) + 1))[:size]


def main() -> None:
    tagger = Tagger(max_chars=2_000_000)
    tagger.analyze("pemanasan")
    print(f"{'pattern':<22}" + "".join(f"{s // 1000:>9} KB" for s in SIZES) + "   1MB/1KB")
    for name, unit in PATTERNS.items():
        rates = []
        for size in SIZES:
            text = build(unit, size)
            reps = max(1, 200_000 // size)
            t = time.perf_counter()
            for _ in range(reps):
                tagger.analyze(text)
            rates.append((time.perf_counter() - t) / reps * 1000 / (size / 1000))
        print(f"{name:<22}" + "".join(f"{r:>9.3f} ms" for r in rates) + f"   {rates[-1] / rates[0]:6.2f}x")
    print("\n(ms per KB of input; a flat row means linear time)")


if __name__ == "__main__":
    main()
