"""Text normalisation, tokenisation and sentence splitting for Indonesian news.

The first stage of the pipeline. Everything later works on the output of
:func:`normalize`, and character offsets always refer to that normalised text.

Every regular expression here runs in linear time: scanning patterns are
bounded or anchored, so scraped junk (long runs of punctuation, huge tokens)
cannot make them backtrack.

>>> normalize("Baca juga: Berita lain\\n\\nWali Kota  Solo hadir.")
'Wali Kota Solo hadir.'
>>> [t.text for t in tokenize("Anak-anak di Kec. Jebres, 20/9/2023 pukul 19.30.")]
['Anak-anak', 'di', 'Kec.', 'Jebres', ',', '20/9/2023', 'pukul', '19.30', '.']
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

__all__ = [
    "Token",
    "Sentence",
    "normalize",
    "tokenize",
    "sentences",
    "is_word",
    "looks_like_html",
]


class Token(NamedTuple):
    """One token of the normalised text.

    ``text == source[start:end]`` always holds. ``kind`` is one of ``word``,
    ``num``, ``money``, ``date``, ``abbr``, ``url``, ``email``, ``tag``,
    ``punct``. ``sent_start`` is true for the first token of a sentence.
    """

    text: str
    start: int
    end: int
    kind: str
    sent_start: bool = False


class Sentence(NamedTuple):
    """A sentence: its text and character offsets in the normalised text."""

    text: str
    start: int
    end: int


# --- normalisation -----------------------------------------------------------

_HTML_HINT = re.compile(
    r"<(?:!doctype|html|head|body|p|div|br|span|a|b|i|em|strong|script|style|h[1-6]|li|ul|ol|"
    r"table|tr|td|img|meta|link|article|section|figure|iframe|noscript)\b|</[a-z]{1,10}>|<!--",
    re.IGNORECASE,
)
_BLOCK_TAG = re.compile(
    r"</?(?:p|div|br|li|ul|ol|h[1-6]|tr|table|article|section|blockquote|figure|header|footer)\b[^<>]*>",
    re.IGNORECASE,
)
_ANY_TAG = re.compile(r"<[^<>]*>")
_TAG_OPENER = re.compile(r"<(?=[A-Za-z/!?])")
_DROPPED_BLOCKS = ("script", "style", "noscript", "template", "svg")

_QUOTES = str.maketrans(
    {
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u2043": "-",
    }
)
# Zero-width, bidi and other format characters carry no meaning in news text
# but split words invisibly ("radi\u200bkal").
_INVISIBLE = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]")
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029]")
_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")

# Lines that scrapers leave in article bodies; matched on the lower-cased,
# stripped line.
_BOILERPLATE_PREFIXES = (
    "baca juga",
    "baca selengkapnya",
    "lihat juga",
    "simak juga",
    "simak video",
    "tonton juga",
    "tonton video",
    "artikel terkait",
    "berita terkait",
    "dapatkan update",
    "dapatkan berita",
    "ikuti kami di",
    "ikuti berita",
    "klik di sini",
    "scroll to continue",
    "scroll untuk melanjutkan",
    "gulir untuk melanjutkan",
    "advertisement",
)
_BOILERPLATE_EXACT = frozenset({"iklan", "ads", "advertisement", "[gambas:video 20detik]", "-"})


def looks_like_html(text: str) -> bool:
    """Return True when ``text`` contains HTML markup (tags or comments).

    >>> looks_like_html("<p>Halo</p>"), looks_like_html("3 < 5")
    (True, False)
    """
    return _HTML_HINT.search(text) is not None


def _drop_blocks(text: str) -> str:
    """Remove <script>/<style>/... elements and comments, scanning with str.find (linear)."""
    lower = text.lower()
    out: list[str] = []
    pos = 0
    while True:
        candidates = []
        for name in _DROPPED_BLOCKS:
            i = lower.find("<" + name, pos)
            if i != -1:
                candidates.append((i, "</" + name))
        i = lower.find("<!--", pos)
        if i != -1:
            candidates.append((i, "-->"))
        if not candidates:
            out.append(text[pos:])
            return "".join(out)
        start, closer = min(candidates)
        out.append(text[pos:start])
        end = lower.find(closer, start + 2)
        if end == -1:
            return "".join(out)
        gt = lower.find(">", end)
        pos = len(text) if gt == -1 else gt + 1


def _html_to_text(text: str) -> str:
    text = _drop_blocks(text)
    text = _BLOCK_TAG.sub("\n\n", text)
    text = _ANY_TAG.sub(" ", text)
    text = html.unescape(text)
    return text


def _clean_chars(text: str) -> str:
    text = unicodedata.normalize("NFKC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return unicodedata.normalize("NFKC", text)


def _is_boilerplate(line: str) -> bool:
    low = line.lower()
    if low in _BOILERPLATE_EXACT:
        return True
    return low.startswith(_BOILERPLATE_PREFIXES)


def normalize(text: str) -> str:
    """Clean scraped article text so later stages see plain, canonical text.

    Applies Unicode NFKC; converts HTML (tags, scripts, styles, entities) to
    text when the input is HTML; drops zero-width, bidi and control characters;
    unifies curly quotes and dashes to ASCII; collapses runs of spaces while
    keeping line and paragraph breaks (at most one blank line); and removes
    scraper boilerplate lines such as "Baca juga: ...", "ADVERTISEMENT" and
    "SCROLL TO CONTINUE WITH CONTENT". ``normalize(normalize(x)) == normalize(x)``.

    Args:
        text: the raw article text (plain text or an HTML page).

    Returns:
        The normalised text.

    >>> normalize("<p>Wali&nbsp;Kota \\u201cSolo\\u201d</p><script>x()</script>")
    'Wali Kota "Solo"'
    """
    if not isinstance(text, str):
        from .errors import Errors, InputError

        raise InputError(Errors.E001.format(type=type(text).__name__))
    text = _clean_chars(text)
    if looks_like_html(text):
        # Entities may decode to invisible characters or to "<x": clean again, then
        # break anything tag-like so a second call does not see HTML (idempotence).
        text = _TAG_OPENER.sub("< ", _clean_chars(_html_to_text(text)))
    text = text.translate(_QUOTES)
    lines: list[str] = []
    blank = True
    for raw in text.split("\n"):
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            if not blank:
                lines.append("")
            blank = True
            continue
        if _is_boilerplate(line):
            continue
        lines.append(line)
        blank = False
    while lines and lines[-1] == "":
        lines.pop()
    return "\n".join(lines)


# --- tokenisation --------------------------------------------------------------

# The first alternative is a fast path for the common case, a plain word followed by a
# space or closing punctuation; everything else falls through to the full rules.
# Abbreviations that keep their dot. Compared case-sensitively; a sentence
# never ends on them.
ABBREVIATIONS = frozenset(
    """
    Kec. Kab. Kel. Ds. Prov. Kp. Jl. Jln. Gg. No. RT. RW. Dr. dr. Drs. Dra. Prof. Ir. H. Hj.
    KH. Pol. Pdt. Ust. Ustd. Bpk. Bp. Sdr. Sdri. Yth. Tn. Ny. Nn. St. Mgr. Kol. Jend. Brig. Let.
    Inf. Kav. Arh. Psk. Tbk. dll. dsb. dst. dkk. tsb. hlm. Hlm. sda. ybs. Mr. Mrs.
    Ms. Jr. Sr. vs. Rp. Jan. Feb. Mar. Apr. Jun. Jul. Agu. Ags. Sep. Sept. Okt. Nov. Des.
    Tel. Telp. Fax. Hp. HP. Moh. Muh. Mhd. Abd. Sy. Ki. Nyi.
    """.split()
)

_ABBR_ALT = "|".join(sorted((re.escape(a) for a in ABBREVIATIONS), key=len, reverse=True))

_TOKEN = re.compile(
    rf"""
    (?P<plain>(?!(?:Rp|IDR|US)\b)[^\W\d_]{{1,999}}(?=[ \n,;!?)"\]]|\Z))
    |(?P<url>(?:https?://|www\.)[^\s<>"']{{1,2000}})
    |(?P<email>(?<![\w.+-])[\w.+-]{{1,64}}@[\w-]{{1,63}}(?:\.[\w-]{{1,63}}){{1,8}})
    |(?P<tag>[#@][^\W_][\w]{{0,139}})
    |(?P<money>(?:Rp|IDR|US\$|\$)\.?\ ?\d{{1,15}}(?:[.,]\d{{1,3}}){{0,6}}
        (?:\ (?:ribu|juta|miliar|milyar|triliun|jt|rb)\b)?)
    |(?P<date>\d{{1,4}}[/-]\d{{1,2}}[/-]\d{{1,4}}(?!\d))
    |(?P<num>\d{{1,30}}(?:[.,:]\d{{1,30}}){{0,10}}%?)
    |(?P<abbr>(?<!\w)(?:{_ABBR_ALT})(?!\w)|(?<!\w)(?:[A-Za-z]{{1,4}}\.){{2,6}}(?!\w)
        |(?<!\w)[A-Z]\.(?=\ [A-Z]))
    |(?P<word>[^\W\d_]\w{{0,999}}(?:['](?=\w)\w{{1,999}})?(?:-(?=\w)\w{{1,999}}){{0,8}}|\w{{1,999}})
    |(?P<punct>\S)
    """,
    re.VERBOSE,
)
_URL_TRAIL = ".,;:!?)]}'\""
_CLITICS = frozenset({"nya", "ku", "mu"})
_SENT_END = frozenset({".", "!", "?"})
_CLOSERS = frozenset({'"', "'", ")", "]", "}"})


def _is_reduplication(parts: list[str]) -> bool:
    low = [p.lower() for p in parts]
    first = low[0]
    for other in low[1:]:
        if other == first or first in other or other in first:
            continue
        if len(first) >= 3 and len(other) >= 3 and (first[-3:] == other[-3:] or first[:3] == other[:3]):
            continue
        return False
    return True


def _split_hyphenated(text: str, start: int) -> Iterator[tuple[str, int, int]]:
    """Apply the Indonesian hyphen rules to one word that contains hyphens.

    Reduplications (anak-anak, sebaik-baiknya, Umat-Umat) and lower-case
    compounds (non-muslim) stay whole; a trailing -nya/-ku/-mu is split off as
    its own token, as spaCy's Indonesian tokenizer does; a hyphen between
    capitalised distinct names (Jakarta-Bandung, Sunni-Syiah) is split.
    """
    parts = text.split("-")
    tail: tuple[str, int, int] | None = None
    if len(parts) > 1 and parts[-1].lower() in _CLITICS:
        cut = len(text) - len(parts[-1]) - 1
        tail = (text[cut:], start + cut, start + len(text))
        text = text[:cut]
        parts = parts[:-1]
    if len(parts) == 1 or _is_reduplication(parts) or not all(p[:1].isupper() for p in parts):
        yield text, start, start + len(text)
    else:
        pos = start
        for i, part in enumerate(parts):
            if i:
                yield "-", pos, pos + 1
                pos += 1
            yield part, pos, pos + len(part)
            pos += len(part)
    if tail is not None:
        yield tail


def _expand(match: re.Match[str], text: str) -> list[tuple[str, int, int, str]]:
    """The tokens of one non-plain match (URLs lose trailing punctuation, hyphen rules)."""
    kind = match.lastgroup or "punct"
    start, end = match.span()
    value = match.group()
    if kind == "url":
        stripped = value.rstrip(_URL_TRAIL)
        if stripped:
            cut = start + len(stripped)
            return [(stripped, start, cut, kind)] + [(text[i], i, i + 1, "punct") for i in range(cut, end)]
    if kind == "word" and "-" in value:
        return [(piece, s, e, ("punct" if piece == "-" else "word")) for piece, s, e in _split_hyphenated(value, start)]
    return [(value, start, end, kind)]


def tokenize(text: str) -> list[Token]:
    """Split normalised text into tokens with character offsets.

    Indonesian rules: reduplications stay one token (``anak-anak``,
    ``sebaik-baiknya``); abbreviations with dots stay whole (``Kec.``,
    ``Pol.``, ``H.``); numbers, dates, times and amounts stay whole
    (``20/9/2023``, ``19.30``, ``Rp1,5 miliar``); URLs, e-mails, hashtags and
    mentions stay whole; ``-nya`` after a hyphen is split off. Each token knows
    whether it starts a sentence (``sent_start``).

    Args:
        text: normalised text (see :func:`normalize`); any str is accepted.

    Returns:
        The tokens in order; ``text[t.start:t.end] == t.text`` for each.

    >>> [t.text for t in tokenize("Dana Rp1,5 miliar untuk umat-umat, kata @humas.")]
    ['Dana', 'Rp1,5 miliar', 'untuk', 'umat-umat', ',', 'kata', '@humas', '.']
    """
    tokens: list[Token] = []
    append = tokens.append
    make = tuple.__new__
    find = text.find
    boundary = True
    prev_end = 0
    pending_end = False
    for match in _TOKEN.finditer(text):
        start, end = match.span()
        if match.lastgroup == "plain":
            # Fast path for plain words (most tokens): same rules as below, inlined.
            value = text[start:end]
            gap = start - prev_end
            if gap and (text[prev_end] == "\n" if gap == 1 else find("\n", prev_end, start) != -1):
                boundary = True
            elif pending_end:
                boundary = value[0].isupper()
                pending_end = False
            append(make(Token, (value, start, end, "word", boundary)))
            boundary = False
            prev_end = end
            continue
        for value, start, end, kind in _expand(match, text):
            # A quote glued to the previous token closes; one after a space opens.
            closer = start == prev_end and value in _CLOSERS
            if start > prev_end and find("\n", prev_end, start) != -1:
                boundary = True
            elif pending_end and not closer:
                first = value[0]
                boundary = first.isupper() or first.isdigit() or first in "\"'(" or kind == "tag"
                pending_end = False
            append(make(Token, (value, start, end, kind, boundary)))
            boundary = False
            if kind == "punct" and value in _SENT_END:
                pending_end = True
            elif pending_end and not closer:
                pending_end = False
            prev_end = end
    return tokens


def sentences(text: str) -> list[Sentence]:
    """Split normalised text into sentences.

    A sentence ends at ``.``, ``!`` or ``?`` (after closing quotes) when the
    next token starts with a capital, a digit or a quote, and at every line
    break; abbreviations such as ``Kec.`` or ``Pol.`` never end a sentence.

    >>> [s.text for s in sentences("Kapolres AKBP H. Budi hadir. Ia berkata.\\nJudul baru")]
    ['Kapolres AKBP H. Budi hadir.', 'Ia berkata.', 'Judul baru']
    """
    toks = tokenize(text)
    result: list[Sentence] = []
    start = None
    last_end = 0
    for tok in toks:
        if tok.sent_start and start is not None:
            result.append(Sentence(text[start:last_end], start, last_end))
            start = None
        if start is None:
            start = tok.start
        last_end = tok.end
    if start is not None:
        result.append(Sentence(text[start:last_end], start, last_end))
    return result


def is_word(token: Token) -> bool:
    """True for tokens that carry a word (letters), as opposed to numbers or punctuation."""
    return token.kind == "word" or token.kind == "abbr"


TOKENS_KEY = "toleransi_nlp.tokens"


class SpacyTokenizer:
    """Our tokenizer as a spaCy tokenizer: ``nlp.tokenizer = SpacyTokenizer(nlp.vocab)``.

    It follows the rules of :func:`tokenize` and marks sentence starts on the ``Doc``.
    Unlike ``spacy.blank("id")``, whose ~16,000 tokenizer exceptions take seconds to
    build, it is ready at once: reduplication and abbreviations are handled by rules.
    Whitespace between tokens is kept the spaCy way, so ``doc.text == text`` and
    character offsets match the input.

    Args:
        vocab: the ``spacy.vocab.Vocab`` of the pipeline.

    >>> from spacy.vocab import Vocab
    >>> doc = SpacyTokenizer(Vocab())("Anak-anak  di Kec. Jebres.")
    >>> [t.text for t in doc], doc.text
    (['Anak-anak', ' ', 'di', 'Kec.', 'Jebres', '.'], 'Anak-anak  di Kec. Jebres.')
    """

    def __init__(self, vocab: Any) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> object:
        from spacy.tokens import Doc

        words: list[str] = []
        spaces: list[bool] = []
        starts: list[bool | int | None] = []

        def gap(chunk: str) -> None:
            if not chunk:
                return
            if words and chunk[0] == " " and not spaces[-1]:
                spaces[-1] = True
                chunk = chunk[1:]
            if chunk:
                words.append(chunk)
                spaces.append(False)
                starts.append(False)

        pos = 0
        tokens = tokenize(text)
        for tok in tokens:
            gap(text[pos : tok.start])
            words.append(tok.text)
            spaces.append(False)
            starts.append(tok.sent_start)
            pos = tok.end
        gap(text[pos:])
        if starts:
            starts[0] = True
        doc = Doc(self.vocab, words=words, spaces=spaces, sent_starts=starts)
        # Later components (toleransi_entities) reuse the tokens instead of re-tokenising.
        doc.user_data[TOKENS_KEY] = tokens
        return doc

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[object]:
        """Tokenize a stream of texts."""
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs: object) -> bytes:
        """Nothing to serialise: the rules live in code."""
        return b""

    def from_bytes(self, data: bytes, **kwargs: object) -> SpacyTokenizer:
        return self

    def to_disk(self, path: object, **kwargs: object) -> None:
        """Nothing to serialise: the rules live in code."""

    def from_disk(self, path: object, **kwargs: object) -> SpacyTokenizer:
        return self
