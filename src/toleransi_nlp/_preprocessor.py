"""The scikit-learn transformer of the stemming stage (see :mod:`toleransi_nlp.stemming`)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sklearn.base import BaseEstimator, TransformerMixin

from .errors import Errors, InputError
from .stemming import feature_string
from .text import Token, normalize, tokenize


class IndonesianPreprocessor(TransformerMixin, BaseEstimator):
    """Turn raw Indonesian texts into space-joined, stemmed feature strings.

    A stateless scikit-learn transformer: drop it into a ``Pipeline`` before a
    ``TfidfVectorizer``. It survives ``joblib.dump``/``joblib.load``.

    Args:
        stem: reduce words to their root with PySastrawi and the override table.
        stopwords: drop the default Indonesian stop words.
        families: map topic words to their domain family (``radikalisasi`` -> ``radikal``).
        keep_proper_nouns: leave capitalised words inside a sentence unstemmed.
        normalize_text: run :func:`~toleransi_nlp.text.normalize` first.

    >>> IndonesianPreprocessor().fit_transform(["Densus 88 menangkap para teroris."])
    ['densus tangkap teroris']
    """

    def __init__(
        self,
        *,
        stem: bool = True,
        stopwords: bool = True,
        families: bool = True,
        keep_proper_nouns: bool = True,
        normalize_text: bool = True,
    ) -> None:
        self.stem = stem
        self.stopwords = stopwords
        self.families = families
        self.keep_proper_nouns = keep_proper_nouns
        self.normalize_text = normalize_text

    def fit(self, X: Iterable[str], y: Any = None) -> IndonesianPreprocessor:
        """Nothing to learn; returns self."""
        return self

    def _one(self, text: str) -> str:
        if not isinstance(text, str):
            raise InputError(Errors.E001.format(type=type(text).__name__))
        if self.normalize_text:
            text = normalize(text)
        return self.from_tokens(tokenize(text))

    def from_tokens(self, tokens: list[Token]) -> str:
        """The feature string of an already normalised and tokenised text."""
        return feature_string(
            tokens,
            stem=self.stem,
            stopwords=self.stopwords,
            families=self.families,
            keep_proper_nouns=self.keep_proper_nouns,
        )

    def transform(self, X: Iterable[str]) -> list[str]:
        """Return one feature string per input text."""
        return [self._one(text) for text in X]
