"""Every exception and message of toleransi_nlp, in one place.

All exceptions derive from :class:`ToleransiError`, so a caller can catch the
library's own failures with one ``except`` clause and let real bugs through.
Each message names the input that was wrong and says what to do.
"""

from __future__ import annotations


class ToleransiError(Exception):
    """Base class of every error raised by toleransi_nlp."""


class InputError(ToleransiError, ValueError):
    """An input value, record or file cannot be processed."""


class ModelError(ToleransiError):
    """A topic model file is missing, tampered with or unusable."""


class ModelIntegrityError(ModelError):
    """A model file does not match the SHA-256 recorded in its model card."""


class CorpusError(ToleransiError, ValueError):
    """A training or gold corpus file is malformed."""


class OutputError(ToleransiError):
    """Output cannot be written (exists, read-only, disk full)."""


class Errors:
    """Message templates, filled with ``str.format``."""

    E001 = "expected text as str, got {type} (pass str, or bytes that decode as text)"
    E002 = "cannot decode bytes as text: {reason}"
    E010 = "stopword must be a non-empty str, got {value!r}"
    E020 = "model file not found: {path}. Train one with 'toleransi-nlp train' or reinstall the package."
    E021 = (
        "model card not found beside {path}: expected {card}. A model file is only loaded "
        "together with its card; pass trusted=True if this file is your own."
    )
    E022 = (
        "refusing to load {path}: its SHA-256 is {actual} but the model card {card} records "
        "{expected}. The file was changed or swapped; retrain it or pass trusted=True if it is "
        "your own."
    )
    E023 = (
        "refusing to load {path}: the model card {card} describes {named}, not this file. "
        "Use the card written with the model, or pass trusted=True if the file is your own."
    )
    E024 = "{path} does not contain a toleransi_nlp TopicModel (found {type})"
    E025 = "model card {card} is not valid JSON: {reason}"
    E026 = (
        "model {path} was trained with scikit-learn {trained} but {installed} is installed; "
        "predictions may differ. Retrain with 'toleransi-nlp train' to silence this warning."
    )
    E030 = "{path}:{line}: {reason}"
    E031 = "{path}: corpus has no usable records"
    E032 = "{path}:{line}: unknown label(s) {labels}; allowed: {allowed}"
    E040 = "record {id}: {reason}"
    E041 = "input not found: {path}"
    E042 = "output {path} already exists; pass resume=True (default) to continue it or overwrite=True to replace it"
    E043 = "cannot write {path}: {reason}"
    E044 = "unsupported output format {format!r}; choose jsonl, csv or parquet"
    E045 = "writing Parquet needs pyarrow: pip install 'toleransi-nlp[parquet]'"
    E046 = (
        "cannot resume {path}: it was not written by this kind of run ({reason}); use another "
        "output path or overwrite=True"
    )
