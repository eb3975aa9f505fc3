"""The spaCy side of the entity stage: the ``toleransi_entities`` pipeline component.

After ``pip install toleransi-nlp`` the factory is found through the ``spacy_factories``
entry point::

    import spacy
    from toleransi_nlp.text import SpacyTokenizer
    nlp = spacy.blank("xx")              # or any pipeline
    nlp.tokenizer = SpacyTokenizer(nlp.vocab)   # optional: our Indonesian rules
    nlp.add_pipe("toleransi_entities")
    doc = nlp("Kapolda Jateng Irjen Pol Ahmad Luthfi hadir.")
    [(e.text, e.label_, e._.canonical) for e in doc.ents]

Results live on the ``Doc``: ``doc.ents`` (labels OFFICIAL, PERSON, AGENCY, ORG, CITY,
PROVINCE, LOC), ``Span._.canonical`` and ``Span._.info`` (role, jurisdiction, ...), and
``Doc._.entities`` with the document-level lists.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans
from spacy.vocab import Vocab

from ..text import TOKENS_KEY, SpacyTokenizer
from . import Entities, entities_from_mentions
from .matcher import match

if not Span.has_extension("canonical"):
    Span.set_extension("canonical", default=None)
if not Span.has_extension("info"):
    Span.set_extension("info", default=None)
if not Doc.has_extension("entities"):
    Doc.set_extension("entities", default=None)


class EntityComponent:
    """Finds Indonesian officials, agencies and places and sets them on the ``Doc``.

    Args:
        nlp: the pipeline (unused; spaCy passes it to every factory).
        name: the component's name in the pipeline.
        overwrite: replace existing ``doc.ents`` (True) or keep them and add ours where
            they do not overlap (False).
    """

    def __init__(
        self, nlp: Language | None = None, name: str = "toleransi_entities", *, overwrite: bool = True
    ) -> None:
        self.name = name
        self.overwrite = overwrite

    def __call__(self, doc: Doc) -> Doc:
        """Annotate ``doc`` in place and return it."""
        tokens = doc.user_data.get(TOKENS_KEY)
        mentions = match(doc.text, tokens if isinstance(tokens, list) else None)
        return self.set_annotations(doc, mentions)

    def set_annotations(self, doc: Doc, mentions: list[Any]) -> Doc:
        """Write mentions to ``doc.ents`` and ``doc._.entities``."""
        spans = []
        for m in mentions:
            if m.label == "TITLE":
                continue
            span = doc.char_span(m.char_start, m.char_end, label=m.label, alignment_mode="expand")
            if span is None:
                continue
            span._.canonical = m.info.get("name") or m.info.get("canonical") or m.text
            span._.info = {k: v for k, v in m.info.items() if isinstance(v, (str, int, type(None)))}
            spans.append(span)
        if self.overwrite:
            doc.ents = filter_spans(spans)
        else:
            doc.ents = filter_spans(list(doc.ents) + spans)
        ents: Entities = entities_from_mentions(mentions)
        doc._.entities = ents
        return doc

    def pipe(self, docs: Any, batch_size: int = 128) -> Any:
        for doc in docs:
            yield self(doc)


@Language.factory("toleransi_entities", default_config={"overwrite": True})
def make_entity_component(nlp: Language, name: str, overwrite: bool) -> EntityComponent:
    """spaCy factory: ``nlp.add_pipe("toleransi_entities")``."""
    return EntityComponent(nlp, name, overwrite=overwrite)


def make_nlp() -> Language:
    """A fresh pipeline: our tokenizer plus the entity component, without ``spacy.blank("id")``."""
    nlp = Language(Vocab())
    nlp.tokenizer = SpacyTokenizer(nlp.vocab)
    nlp.add_pipe("toleransi_entities")
    return nlp


@lru_cache(maxsize=1)
def get_nlp() -> Language:
    """The shared pipeline, built once per process."""
    return make_nlp()
