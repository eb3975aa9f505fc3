"""Indonesian stemming on top of PySastrawi, with overrides, proper nouns and stop words.

PySastrawi (``pip install PySastrawi``, imported as ``Sastrawi``) finds root words with
the Enhanced Confix Stripping algorithm and its root-word dictionary. This module adds:

- a per-process memo (each distinct word is stemmed once);
- a project-owned override table (``data/stem_overrides.tsv``) for words Sastrawi gets
  wrong (menangis -> tangis, not menang);
- proper nouns kept whole: a capitalised word that does not start a sentence is a name
  (Bekasi, not bekas);
- optional domain families for the topic classifier (radikalisme, radikalisasi,
  deradikalisasi -> radikal; tolerance and intolerance stay apart);
- stop words with an API to add and remove words.

>>> stem("Pemerintah memberantas intoleransi")
'perintah berantas intoleransi'
>>> stem("Warga Bekasi menangis")
'warga bekasi tangis'
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .errors import Errors, InputError
from .text import Token, tokenize

if TYPE_CHECKING:
    from ._preprocessor import IndonesianPreprocessor

__all__ = [
    "stem_word",
    "stem_tokens",
    "stem",
    "feature_string",
    "family",
    "overrides",
    "default_stopwords",
    "Stopwords",
    "remove_stopwords",
    "IndonesianPreprocessor",
]

_FAMILIES = (
    (re.compile(r"^(?:anti-?|kontra-?|de)?radikal(?:is|isme|isasi)?$"), "radikal"),
    (re.compile(r"^(?:anti-?|kontra-?)?teror(?:is|isme)$"), "teroris"),
    (re.compile(r"^(?:anti-?|kontra-?)?ekstrem(?:is|isme)$"), "ekstremis"),
    (re.compile(r"^intoleran(?:si)?$"), "intoleran"),
    (re.compile(r"^toleran(?:si)?$"), "toleran"),
)
_DATA = Path(__file__).parent / "data"
_MAY_HAVE_AFFIX = re.compile(r"^(?:di|ke|se|te|be|me|pe|ku|kau)|(?:i|an|kan|lah|kah|tah|pun|ku|mu|nya|is|isme)$|-")
_ALPHA_WORD = re.compile(r"^[a-z]+(?:-[a-z]+)*$")


@lru_cache(maxsize=1)
def _sastrawi() -> Any:
    from Sastrawi.Dictionary.ArrayDictionary import ArrayDictionary
    from Sastrawi.Stemmer.Stemmer import Stemmer

    return Stemmer(ArrayDictionary(sorted(root_words())))


@lru_cache(maxsize=1)
def root_words() -> frozenset[str]:
    """PySastrawi's root-word dictionary (kata dasar), as a set."""
    from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

    return frozenset(w for w in StemmerFactory().get_words() if w)


@lru_cache(maxsize=1)
def sastrawi_cache() -> dict[str, str]:
    """PySastrawi's own results for frequent affixed words, computed ahead of time.

    ``data/sastrawi-cache.tsv`` is written by ``scripts/build_stem_cache.py`` from the words of
    our corpus. It holds raw PySastrawi output (overrides still win), so each new process,
    and each worker of a batch run, starts warm instead of stemming common words again.
    """
    path = _DATA / "sastrawi-cache.tsv"
    if not path.exists():
        return {}
    return dict(line.split("\t", 1) for line in path.read_text("utf-8").splitlines() if "\t" in line)


@lru_cache(maxsize=1)
def overrides() -> dict[str, str]:
    """The project's override table: word -> correct root, from ``data/stem_overrides.tsv``.

    >>> overrides()["menangis"]
    'tangis'
    """
    table: dict[str, str] = {}
    text = (_DATA / "stem_overrides.tsv").read_text("utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        word, root = line.split("\t")[:2]
        table[word.strip().lower()] = root.strip().lower()
    return table


_MEMO: dict[str, str] = {}  # word -> root
_FAMILY_MEMO: dict[str, str] = {}  # root -> family
_FAMILY_STEMS: dict[str, str] = {}  # word -> family of its root


def family(stem_: str) -> str:
    """Map a stem to its domain family for topic features; other stems pass through.

    >>> family("deradikalisasi"), family("intoleransi"), family("toleransi"), family("teror")
    ('radikal', 'intoleran', 'toleran', 'teror')
    """
    name = _FAMILY_MEMO.get(stem_)
    if name is None:
        name = next((n for pattern, n in _FAMILIES if pattern.match(stem_)), stem_)
        if len(_FAMILY_MEMO) < 500_000:
            _FAMILY_MEMO[stem_] = name
    return name


def stem_word(word: str, *, families: bool = False) -> str:
    """Return the root of one word, lower-cased.

    Words that are not alphabetic (numbers, URLs, punctuation) come back lower-cased
    and unchanged. The override table wins over Sastrawi.

    Args:
        word: a single word, any case (``"Memberantas"``, ``"anak-anak"``).
        families: map topic words to their domain family (``radikalisme`` -> ``radikal``).

    >>> stem_word("Dikurangi"), stem_word("anak-anak"), stem_word("radikalisme", families=True)
    ('kurang', 'anak', 'radikal')
    """
    if not isinstance(word, str):
        raise InputError(Errors.E001.format(type=type(word).__name__))
    low = word.lower()
    root = _MEMO.get(low)
    if root is None:
        root = overrides().get(low)
        if root is None:
            if low in root_words() or not _MAY_HAVE_AFFIX.search(low):
                # Sastrawi returns dictionary words unchanged, and a word with none of its
                # prefixes or suffixes can only lose an "infix" (-el-, -em-, -er-, -in-), which
                # in news mangles names (Sinabung -> sabung): skip its slow machinery for both.
                root = low
            elif not _ALPHA_WORD.match(low):
                root = low
            else:
                root = sastrawi_cache().get(low) or _sastrawi().stem_word(low)
        if len(_MEMO) < 500_000:
            _MEMO[low] = root
    return family(root) if families else root


def stem_tokens(
    tokens: Sequence[Token] | Sequence[str],
    *,
    keep_proper_nouns: bool = True,
    families: bool = False,
) -> list[str]:
    """Stem the word tokens of a token list, in order; other tokens are skipped.

    Args:
        tokens: :class:`~toleransi_nlp.text.Token` objects from
            :func:`~toleransi_nlp.text.tokenize`, or plain strings (the first string is
            taken as sentence-initial).
        keep_proper_nouns: leave capitalised words that do not start a sentence
            unstemmed (lower-cased). Ignored for text that is mostly capitalised
            (all-caps or title-case), where capitals say nothing about names.
        families: map topic words to their domain family.

    >>> stem_tokens(["Warga", "Bekasi", "menangis"])
    ['warga', 'bekasi', 'tangis']
    """
    toks = [t if isinstance(t, Token) else Token(str(t), 0, len(t), "word", i == 0) for i, t in enumerate(tokens)]
    # Token fields by index (text, start, end, kind, sent_start): this loop runs for every word.
    words = [t for t in toks if t[3] == "word" or t[3] == "abbr"]
    inner = [t for t in words if not t[4]]
    capitalised = sum(1 for t in inner if t[0][:1].isupper())
    protect = keep_proper_nouns and (len(inner) < 5 or capitalised <= 0.6 * len(inner))
    out: list[str] = []
    append = out.append
    memo = _FAMILY_STEMS if families else _MEMO
    for text, _, _, kind, sent_start in words:
        low = text.lower()
        if kind == "abbr":
            append(low)
        elif protect and not sent_start and text[:1].isupper():
            append(family(low) if families else low)
        else:
            root = memo.get(low)
            if root is None:
                root = stem_word(low, families=families)
                if len(memo) < 500_000:
                    memo[low] = root
            append(root)
    return out


def stem(text: str, *, keep_proper_nouns: bool = True, families: bool = False) -> str:
    """Stem a text: lower-cased, space-joined stems of its word tokens.

    Args:
        text: any text; it is tokenised with :func:`~toleransi_nlp.text.tokenize`
            (call :func:`~toleransi_nlp.text.normalize` first for scraped input).
        keep_proper_nouns: see :func:`stem_tokens`.
        families: see :func:`stem_tokens`.

    >>> stem("Acara Kementerian Agama menggelar deradikalisasi", families=True)
    'acara kementerian agama gelar radikal'
    """
    if not isinstance(text, str):
        raise InputError(Errors.E001.format(type=type(text).__name__))
    return " ".join(stem_tokens(tokenize(text), keep_proper_nouns=keep_proper_nouns, families=families))


def feature_string(
    tokens: Sequence[Token],
    *,
    stem: bool = True,
    stopwords: bool = True,
    families: bool = True,
    keep_proper_nouns: bool = True,
) -> str:
    """The topic model's view of a tokenised text: space-joined stems without stop words.

    >>> from toleransi_nlp.text import tokenize
    >>> feature_string(tokenize("Densus 88 menangkap para teroris."))
    'densus tangkap teroris'
    """
    if stem:
        words = stem_tokens(tokens, keep_proper_nouns=keep_proper_nouns, families=families)
    else:
        words = [t.text.lower() for t in tokens if t.kind == "word"]
    if stopwords:
        stop = default_stopwords()
        words = [w for w in words if w not in stop]
    return " ".join(words)


# --- stop words ----------------------------------------------------------------


@lru_cache(maxsize=1)
def default_stopwords() -> frozenset[str]:
    """The default Indonesian stop-word list (751 words).

    It is spaCy's Indonesian list (``spacy/lang/id/stop_words.py``, MIT), frozen into
    ``data/stopwords-id.txt`` by ``scripts/build_stopwords.py``, without negations
    (``tidak``, ``bukan``...) and a few topic-bearing words (``agama``, ``umat``).

    >>> "yang" in default_stopwords(), "tidak" in default_stopwords()
    (True, False)
    """
    text = (_DATA / "stopwords-id.txt").read_text("utf-8")
    return frozenset(w for w in text.split("\n") if w and not w.startswith("#"))


class Stopwords:
    """A stop-word list you can change: start from the default, add and remove words.

    Args:
        words: the starting words; the default list when None.

    >>> sw = Stopwords()
    >>> sw.add("berita"); sw.remove("yang")
    >>> sw.filter(["yang", "berita", "terkini"])
    ['yang', 'terkini']
    """

    def __init__(self, words: Iterable[str] | None = None) -> None:
        self._words = set(default_stopwords() if words is None else (self._check(w) for w in words))

    @staticmethod
    def _check(word: str) -> str:
        if not isinstance(word, str) or not word.strip():
            raise InputError(Errors.E010.format(value=word))
        return word.strip().lower()

    def add(self, *words: str) -> None:
        """Add words (case-insensitive) to the list."""
        self._words.update(self._check(w) for w in words)

    def remove(self, *words: str) -> None:
        """Remove words from the list; words not in it are ignored."""
        self._words.difference_update(self._check(w) for w in words)

    def __contains__(self, word: object) -> bool:
        return isinstance(word, str) and word.lower() in self._words

    def __len__(self) -> int:
        return len(self._words)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(sorted(self._words))

    def filter(self, tokens: Iterable[str]) -> list[str]:
        """Return the tokens that are not stop words, in order."""
        words = self._words
        return [t for t in tokens if t.lower() not in words]


def remove_stopwords(
    tokens: Iterable[str],
    extra: Iterable[str] = (),
    keep: Iterable[str] = (),
    *,
    stopwords: Stopwords | Iterable[str] | None = None,
) -> list[str]:
    """Drop stop words from a token list.

    Args:
        tokens: words (any case).
        extra: further words to drop for this call.
        keep: words to keep for this call even if they are stop words.
        stopwords: the list to use; the default list when None.

    >>> remove_stopwords(["dia", "yang", "menolak", "intoleransi"], extra=["menolak"], keep=["dia"])
    ['dia', 'intoleransi']
    """
    if stopwords is None:
        base: Iterable[str] = default_stopwords()
    elif isinstance(stopwords, Stopwords):
        base = stopwords._words
    else:
        base = stopwords
    words = (set(base) | {w.lower() for w in extra}) - {w.lower() for w in keep}
    return [t for t in tokens if t.lower() not in words]


def __getattr__(name: str) -> Any:
    # The scikit-learn transformer lives in its own module so that plain stemming
    # does not pay scikit-learn's import time (about a second).
    if name == "IndonesianPreprocessor":
        from ._preprocessor import IndonesianPreprocessor

        return IndonesianPreprocessor
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
