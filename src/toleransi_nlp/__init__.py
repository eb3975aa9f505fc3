"""toleransi_nlp: tag Indonesian news for terrorism, radicalism, intolerance and tolerance,
and find the officials, government agencies and cities involved.

>>> from toleransi_nlp import stem
>>> stem("Pemerintah memberantas intoleransi")
'perintah berantas intoleransi'

Importing the package is cheap: each public name is loaded from its stage module on first
use, and heavy objects (the spaCy pipeline, the topic model) load lazily after that.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"

_EXPORTS = {
    "normalize": "text",
    "tokenize": "text",
    "sentences": "text",
    "stem": "stemming",
    "stem_word": "stemming",
    "IndonesianPreprocessor": "stemming",
    "extract_entities": "entities",
    "Entities": "entities",
    "classify": "topics",
    "load_model": "topics",
    "TopicModel": "topics",
    "analyze": "pipeline",
    "Analysis": "pipeline",
    "Tagger": "pipeline",
    "tag_archive": "batch",
    "Summary": "batch",
}

__all__ = [
    "Analysis",
    "Entities",
    "IndonesianPreprocessor",
    "Summary",
    "Tagger",
    "TopicModel",
    "__version__",
    "analyze",
    "classify",
    "extract_entities",
    "load_model",
    "normalize",
    "sentences",
    "stem",
    "stem_word",
    "tag_archive",
    "tokenize",
]

if TYPE_CHECKING:
    from .batch import Summary, tag_archive
    from .entities import Entities, extract_entities
    from .pipeline import Analysis, Tagger, analyze
    from .stemming import IndonesianPreprocessor, stem, stem_word
    from .text import normalize, sentences, tokenize
    from .topics import TopicModel, classify, load_model


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'toleransi_nlp' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value
