"""Write src/toleransi_nlp/data/stopwords-id.txt from spaCy's Indonesian stop-word list.

spaCy (MIT licence) ships the list in spacy/lang/id/stop_words.py. We freeze it into a plain
file so that the library does not import spaCy just to filter stop words. Topic-bearing
words are removed from the default list: negations change meaning ("tidak toleran").

Usage: python scripts/build_stopwords.py
"""

from __future__ import annotations

from pathlib import Path

from spacy.lang.id.stop_words import STOP_WORDS

KEEP = {"tidak", "bukan", "tak", "belum", "jangan", "tanpa", "agama", "umat", "negara", "masyarakat"}

out = Path(__file__).resolve().parents[1] / "src" / "toleransi_nlp" / "data" / "stopwords-id.txt"
words = sorted(w for w in STOP_WORDS if w not in KEEP)
header = "# Indonesian stop words, from spaCy's spacy/lang/id/stop_words.py (MIT); see scripts/build_stopwords.py\n"
out.write_text(header + "\n".join(words) + "\n", encoding="utf-8")
print(f"wrote {len(words)} words to {out}")
