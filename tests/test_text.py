from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from toleransi_nlp.text import SpacyTokenizer, normalize, sentences, tokenize


def words(text: str) -> list[str]:
    return [t.text for t in tokenize(text)]


def test_normalize_html_page_keeps_text_and_drops_scripts():
    page = (
        "<!DOCTYPE html><html><head><style>p{color:red}</style><script>var x = 1 < 2;</script>"
        "</head><body><h1>Densus&nbsp;88 Tangkap Terduga</h1><p>Polisi menangkap &quot;AS&quot;.</p>"
        "<!-- komentar --></body></html>"
    )
    assert normalize(page) == 'Densus 88 Tangkap Terduga\n\nPolisi menangkap "AS".'


def test_normalize_removes_scraper_boilerplate_lines():
    raw = (
        "Wali kota hadir.\nBaca juga: Harga cabai naik\nADVERTISEMENT\nSCROLL TO CONTINUE WITH CONTENT\nAcara selesai."
    )
    assert normalize(raw) == "Wali kota hadir.\nAcara selesai."


def test_normalize_drops_zero_width_and_bidi_characters():
    assert normalize("radi\u200bkal\u200e isme\ufeff") == "radikal isme"


def test_normalize_unifies_quotes_dashes_and_spaces_but_keeps_paragraphs():
    assert (
        normalize("\u201cAman\u201d \u2014  kata   dia\n\n\n\nParagraf\u00a0dua") == '"Aman" - kata dia\n\nParagraf dua'
    )


def test_normalize_entity_that_decodes_to_a_tag_stays_idempotent():
    once = normalize("<p>&lt;p&gt;teks</p>")
    assert normalize(once) == once


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("anak-anak sebaik-baiknya umat-umat", ["anak-anak", "sebaik-baiknya", "umat-umat"]),
        ("di Kec. Jebres, Kab. Sleman", ["di", "Kec.", "Jebres", ",", "Kab.", "Sleman"]),
        ("Kombes Pol. Dr. H. Ahmad", ["Kombes", "Pol.", "Dr.", "H.", "Ahmad"]),
        ("pada 20/9/2023 pukul 19.30", ["pada", "20/9/2023", "pukul", "19.30"]),
        ("senilai Rp1,5 miliar.", ["senilai", "Rp1,5 miliar", "."]),
        ("lihat https://pemkot.go.id/berita?id=5.", ["lihat", "https://pemkot.go.id/berita?id=5", "."]),
        (
            "surel humas@surakarta.go.id #SoloDamai @bnpt_ri",
            ["surel", "humas@surakarta.go.id", "#SoloDamai", "@bnpt_ri"],
        ),
        ("rumah-nya", ["rumah", "-nya"]),
        ("rute Jakarta-Bandung", ["rute", "Jakarta", "-", "Bandung"]),
    ],
)
def test_tokenize_indonesian_rules(text, expected):
    assert words(text) == expected


def test_tokenize_seed_style_paragraph():
    text = (
        "SURAKARTA - Walikota Surakarta, Gibran Rakabuming Raka, menerima audiensi dari BNPT di "
        "Kompleks Balaikota Surakarta, Senin (20/9/2023)."
    )
    assert words(text)[:8] == ["SURAKARTA", "-", "Walikota", "Surakarta", ",", "Gibran", "Rakabuming", "Raka"]
    assert "20/9/2023" in words(text)


def test_sentences_do_not_end_on_abbreviations_and_quotes_open_new_sentences():
    text = 'Kapolres AKBP H. Budi hadir pukul 19.30 WIB. "Kami siap," katanya.\nJudul tanpa titik'
    assert [s.text for s in sentences(text)] == [
        "Kapolres AKBP H. Budi hadir pukul 19.30 WIB.",
        '"Kami siap," katanya.',
        "Judul tanpa titik",
    ]


def test_spacy_tokenizer_keeps_text_and_offsets():
    from spacy.vocab import Vocab

    text = "Anak-anak  di Kec. Jebres.\n\nParagraf baru."
    doc = SpacyTokenizer(Vocab())(text)
    assert doc.text == text
    assert [t.text for t in doc if t.text.strip()] == [
        "Anak-anak",
        "di",
        "Kec.",
        "Jebres",
        ".",
        "Paragraf",
        "baru",
        ".",
    ]
    assert [s.text.strip() for s in doc.sents][-1] == "Paragraf baru."


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_tokens_slice_the_input(text):
    for tok in tokenize(text):
        assert text[tok.start : tok.end] == tok.text
        assert tok.text.strip() == tok.text and tok.text


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8")))
def test_normalize_is_idempotent(text):
    once = normalize(text)
    assert normalize(once) == once


@settings(max_examples=100, deadline=None)
@given(st.from_regex(r"(<p>|</p>|&amp;|&lt;|[a-z ]|\n|\u200b|Baca juga: ){0,30}", fullmatch=True))
def test_normalize_is_idempotent_on_html_like_text(text):
    once = normalize(text)
    assert normalize(once) == once
