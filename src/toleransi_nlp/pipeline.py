"""One analysis of one article: topics, labels and entities, as a frozen :class:`Analysis`.

>>> result = analyze("Densus 88 menangkap terduga teroris di Sukoharjo. "
...                  "Kapolda Jawa Tengah Irjen Pol Ahmad Luthfi membenarkan penangkapan itu.")
>>> "terorisme" in result.labels
True
>>> [(o.name, o.role) for o in result.officials]
[('Ahmad Luthfi', 'Kepala Kepolisian Daerah')]
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from .errors import Errors, InputError

__all__ = ["Analysis", "Tagger", "analyze", "decode", "DEFAULT_MAX_CHARS"]

DEFAULT_MAX_CHARS = 100_000
"""Articles longer than this (after normalisation) are cut, with a warning."""


@dataclass(frozen=True)
class Analysis:
    """Everything the library reads off one article.

    ``topics`` maps each label to its probability; ``labels`` holds the labels that pass
    their thresholds (empty = other news); the entity lists are deduplicated per
    document; ``spans`` are the mentions with offsets into the normalised text;
    ``warnings`` say what was odd about the input (truncated, empty, not Indonesian).
    """

    topics: dict[str, float]
    labels: tuple[str, ...]
    officials: tuple[Any, ...]
    agencies: tuple[Any, ...]
    cities: tuple[Any, ...]
    persons: tuple[Any, ...]
    organisations: tuple[Any, ...]
    provinces: tuple[Any, ...]
    spans: tuple[Any, ...]
    warnings: tuple[str, ...]

    def to_dict(self, *, spans: bool = True) -> dict[str, Any]:
        """A JSON-ready dict (``spans=False`` leaves the mention list out)."""
        out: dict[str, Any] = {
            "labels": list(self.labels),
            "topics": {k: round(v, 4) for k, v in self.topics.items()},
            "officials": [o.to_dict() for o in self.officials],
            "agencies": [a.to_dict() for a in self.agencies],
            "cities": [c.to_dict() for c in self.cities],
            "persons": [p.to_dict() for p in self.persons],
            "organisations": [o.to_dict() for o in self.organisations],
            "provinces": [p.to_dict() for p in self.provinces],
            "warnings": list(self.warnings),
        }
        if spans:
            out["spans"] = [s.to_dict() for s in self.spans]
        return out


def decode(data: bytes) -> tuple[str, list[str]]:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252.

    Returns the text and warnings about the decoding.

    >>> decode("Wali Kota".encode("utf-16"))
    ('Wali Kota', [])
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16"), []
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), ["input is not UTF-8; decoded as cp1252"]
    except UnicodeDecodeError:
        return data.decode("utf-8", errors="replace"), ["input is not valid UTF-8; bad bytes replaced"]


def _looks_indonesian(tokens: list[str]) -> bool:
    from .stemming import default_stopwords

    words = [t for t in tokens if t.isalpha()]
    if len(words) < 20:
        return True
    stop = default_stopwords()
    return sum(1 for w in words if w in stop) >= 0.08 * len(words)


class Tagger:
    """Loads the topic model and the entity gazetteers once and analyses many articles.

    It runs the same entity rules as the spaCy component ``toleransi_entities`` directly on
    its tokens, without building a spaCy ``Doc``, since one tokenisation serves both stages.

    Args:
        model_path: a topic model file; the packaged model when None.
        trusted: load ``model_path`` without checking it against its model card.
        max_chars: cut normalised articles longer than this (a warning says so).

    >>> tagger = Tagger()
    >>> tagger.analyze("Ribuan umat lintas agama menggelar doa bersama di Ambon.").labels
    ('toleransi',)
    """

    def __init__(
        self, *, model_path: str | Path | None = None, trusted: bool = False, max_chars: int = DEFAULT_MAX_CHARS
    ) -> None:
        if max_chars < 1:
            raise InputError(f"max_chars must be at least 1, got {max_chars}")
        self.model_path = model_path
        self.trusted = trusted
        self.max_chars = max_chars
        self._model: Any = None

    @property
    def model(self) -> Any:
        if self._model is None:
            from .topics import _default_model, load_model

            self._model = (
                _default_model() if self.model_path is None else load_model(self.model_path, trusted=self.trusted)
            )
        return self._model

    def analyze(self, text: str | bytes, *, title: str | None = None) -> Analysis:
        """Analyse one article (``str``, or ``bytes`` that are decoded first).

        Raises:
            InputError: ``text`` is neither str nor bytes, or ``title`` is not a str.
        """
        return self._analyze_many([(text, title)])[0]

    def _prepare(self, text: Any, title: Any) -> tuple[str, str | None, list[str]]:
        from .text import normalize

        warnings: list[str] = []
        if isinstance(text, (bytes, bytearray)):
            text, warnings = decode(bytes(text))
        if not isinstance(text, str):
            raise InputError(Errors.E001.format(type=type(text).__name__))
        if title is not None and not isinstance(title, str):
            raise InputError("title: " + Errors.E001.format(type=type(title).__name__))
        # Normalising a huge input costs time before it can be cut; cut the raw text at
        # a generous bound first.
        if len(text) > 4 * self.max_chars:
            text = text[: 4 * self.max_chars]
            warnings.append(f"input longer than {4 * self.max_chars} characters; cut before normalising")
        clean = normalize(text)
        if len(clean) > self.max_chars:
            cut = clean.rfind(" ", 0, self.max_chars)
            clean = clean[: cut if cut > self.max_chars // 2 else self.max_chars]
            warnings.append(f"text truncated to {len(clean)} characters (max_chars={self.max_chars})")
        clean_title = normalize(title) if title else None
        if not clean.strip() and not (clean_title or "").strip():
            warnings.append("text is empty after normalisation")
        return clean, clean_title, warnings

    def _analyze_many(self, items: list[tuple[Any, Any]]) -> list[Analysis]:
        # One tokenisation per article feeds both stages: the entity rules and the topic
        # model's features (what the model's own preprocessor would compute from the text).
        from .entities import entities_from_mentions
        from .entities.matcher import match
        from .text import tokenize
        from .topics import compose

        model = self.model
        prepared = []
        for text, title in items:
            clean, clean_title, warnings = self._prepare(text, title)
            full = compose(clean, clean_title)
            prepared.append((full, tokenize(full), warnings))
        probs = model.proba_from_features([model.features_from_tokens(toks) for _, toks, _ in prepared])
        results = []
        for (full, toks, warnings), row in zip(prepared, probs):
            ents = entities_from_mentions(match(full, toks))
            if full.strip() and not any(t.kind == "word" for t in toks):
                warnings.append("text has no words (only numbers, symbols or punctuation)")
            elif not _looks_indonesian([t.text.lower() for t in toks]):
                warnings.append("text is probably not Indonesian; results may be meaningless")
            topics = {lab: float(p) for lab, p in zip(model.labels, row)}
            labels = tuple(model.decide(list(row))) if full.strip() else ()
            results.append(
                Analysis(
                    topics=topics,
                    labels=labels,
                    officials=ents.officials,
                    agencies=ents.agencies,
                    cities=ents.cities,
                    persons=ents.persons,
                    organisations=ents.organisations,
                    provinces=ents.provinces,
                    spans=ents.spans,
                    warnings=tuple(warnings),
                )
            )
        return results

    def pipe(self, records: Iterable[Any], *, batch_size: int = 32, workers: int = 1) -> Iterator[Analysis]:
        """Analyse a stream of articles, yielding results in input order.

        Args:
            records: texts, ``(text, title)`` pairs or dicts with ``text`` and ``title``.
            batch_size: articles per batch (and per task sent to a worker).
            workers: worker processes; each loads the pipeline and model once.

        Raises:
            InputError: for the first record that cannot be analysed.
        """
        for status, value in self._pipe_safe(records, batch_size=batch_size, workers=workers):
            if status == "error":
                raise InputError(value)
            yield value

    def open_pool(self, workers: int) -> Any:
        """A process pool whose workers each hold their own Tagger (close it when done)."""
        import multiprocessing as mp

        ctx = mp.get_context("spawn" if os.name == "nt" else "fork")
        return ctx.Pool(workers, initializer=_init_worker, initargs=(self.model_path, self.trusted, self.max_chars))

    def _pipe_safe(
        self, records: Iterable[Any], *, batch_size: int = 32, workers: int = 1, pool: Any = None
    ) -> Iterator[tuple[str, Any]]:
        """Like :meth:`pipe`, but yields ``("ok", Analysis)`` or ``("error", message)``."""
        batches = chunked((_as_item(r) for r in records), max(1, batch_size))
        if workers <= 1 and pool is None:
            for batch in batches:
                yield from _run_batch(self, batch)
            return
        own = pool is None
        if own:
            pool = self.open_pool(workers)
        try:
            # A bounded window of batches at a time: Pool.imap would otherwise read the
            # whole input into memory.
            for window in chunked(batches, 4 * max(1, workers)):
                for result in pool.imap(_worker_batch, window):
                    yield from result
        finally:
            if own:
                pool.close()
                pool.join()


def _as_item(record: Any) -> tuple[Any, Any]:
    if isinstance(record, dict):
        return record.get("text"), record.get("title")
    if isinstance(record, tuple) and len(record) == 2:
        return record
    return record, None


def chunked(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Lists of up to ``size`` consecutive items."""
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _run_batch(tagger: Tagger, batch: list[tuple[Any, Any]]) -> list[tuple[str, Any]]:
    try:
        return [("ok", a) for a in tagger._analyze_many(batch)]
    except Exception:  # noqa: BLE001 - fall back to one by one to isolate the bad record
        out: list[tuple[str, Any]] = []
        for item in batch:
            try:
                out.append(("ok", tagger._analyze_many([item])[0]))
            except Exception as exc:  # noqa: BLE001 - every failure becomes an error record
                out.append(("error", f"{type(exc).__name__}: {exc}"))
        return out


_WORKER: Tagger | None = None


def _init_worker(model_path: Any, trusted: bool, max_chars: int) -> None:
    global _WORKER
    _WORKER = Tagger(model_path=model_path, trusted=trusted, max_chars=max_chars)


def _worker_batch(batch: list[tuple[Any, Any]]) -> list[tuple[str, Any]]:
    assert _WORKER is not None
    return _run_batch(_WORKER, batch)


@lru_cache(maxsize=1)
def _default_tagger() -> Tagger:
    return Tagger()


def analyze(text: str | bytes, *, title: str | None = None) -> Analysis:
    """Analyse one article with the packaged model: topics, labels and entities.

    Args:
        text: the article body (plain text or HTML; ``bytes`` are decoded).
        title: the headline; it counts as part of the text.

    Returns:
        An :class:`Analysis`.
    """
    return _default_tagger().analyze(text, title=title)
