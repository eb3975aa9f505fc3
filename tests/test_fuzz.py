"""Hypothesis fuzzing of every stage: no unexpected exception, valid offsets, deterministic results.

2,000 examples per property (set in CI by the default profile below).
"""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from toleransi_nlp import Tagger
from toleransi_nlp.entities import extract_entities
from toleransi_nlp.text import normalize, tokenize

FUZZ = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Mix arbitrary Unicode with the vocabulary the rules react to, so the fuzzer reaches them.
WORDS = st.sampled_from(
    [
        "Wali",
        "Kota",
        "Kota",
        "Surakarta",
        "Solo",
        "Kapolda",
        "Jateng",
        "Irjen",
        "Pol.",
        "Kombes",
        "H.",
        "Gibran",
        "Rakabuming",
        "Raka",
        "selaku",
        "Sestama",
        "BNPT",
        "RI",
        "Densus",
        "88",
        "Pemkot",
        "Kab.",
        "Bupati",
        "Bogor",
        ",",
        ".",
        "(",
        ")",
        "-",
        "-nya",
        "anak-anak",
        "kata",
        "teroris",
        "toleransi",
        "\n",
        "\n\n",
        "<p>",
        "</p>",
        "&amp;",
        "\u200b",
        "Rp1,5",
        "20/9/2023",
        "https://x.id/a",
        "#Solo",
    ]
)
TEXT = st.one_of(st.text(max_size=300), st.lists(st.one_of(WORDS, st.text(max_size=5)), max_size=60).map(" ".join))


@FUZZ
@given(TEXT)
def test_normalize_never_fails_and_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@FUZZ
@given(TEXT)
def test_tokenize_offsets_slice_the_text(text):
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text


@FUZZ
@given(TEXT)
def test_extract_entities_offsets_are_valid_and_deterministic(text):
    clean = normalize(text)
    first = extract_entities(text)
    for span in first.spans:
        assert 0 <= span.start < span.end <= len(clean)
        assert clean[span.start : span.end] == span.text
    assert extract_entities(text) == first


TAGGER = Tagger()


@FUZZ
@given(TEXT, st.one_of(st.none(), st.text(max_size=40)))
def test_analyze_probabilities_and_determinism(text, title):
    result = TAGGER.analyze(text, title=title)
    assert set(result.topics) == {"terorisme", "radikalisme", "intoleransi", "toleransi"}
    assert all(0.0 <= p <= 1.0 for p in result.topics.values())
    assert set(result.labels) <= set(result.topics)
    assert TAGGER.analyze(text, title=title) == result
