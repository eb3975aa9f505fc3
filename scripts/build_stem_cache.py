"""Write src/toleransi_nlp/data/sastrawi-cache.tsv: PySastrawi's results for the affixed words of our corpus.

Only words that stem_word would hand to PySastrawi are stored (not in the root dictionary, with a
prefix or suffix Sastrawi can strip), with Sastrawi's raw output; the override table still wins
at run time. Re-run after changing the corpus or upgrading PySastrawi.

Usage: python scripts/build_stem_cache.py
"""

from __future__ import annotations

import json
from pathlib import Path

from toleransi_nlp.stemming import _ALPHA_WORD, _MAY_HAVE_AFFIX, _sastrawi, root_words
from toleransi_nlp.text import tokenize

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "toleransi_nlp" / "data" / "sastrawi-cache.tsv"


def main() -> None:
    words: set[str] = set()
    with (ROOT / "corpora" / "topics.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            for tok in tokenize(rec["title"] + "\n\n" + rec["text"]):
                if tok.kind == "word":
                    words.add(tok.text.lower())
    roots = root_words()
    wanted = sorted(w for w in words if w not in roots and _ALPHA_WORD.match(w) and _MAY_HAVE_AFFIX.search(w))
    stemmer = _sastrawi()
    lines = [f"{w}\t{stemmer.stem_word(w)}" for w in wanted]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} words to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
