from __future__ import annotations

import pytest

from toleransi_nlp import extract_entities
from toleransi_nlp.entities.gazetteer import Entry, resolve_city
from toleransi_nlp.entities.matcher import _Cand, match, resolve_overlaps

SEED = (
    "SOLO - Walikota Surakarta, Gibran Rakabuming Raka, menerima audiensi dari BNPT di Kompleks "
    "Balaikota Surakarta, Kamis (5/10/2023). Pertemuan membahas pakta pencegahan paham radikal "
    "bersama Pemerintah Kota Surakarta.\n\n"
    '"Kota Solo harus tetap menjadi rumah yang aman bagi semua umat," ucap Bangbang Surono selaku '
    "Sestama BNPT RI. Gibran menyebut pakta itu akan dijalankan sampai tingkat kelurahan."
)


def officials(text):
    return {o.name: (o.role, o.organisation, o.jurisdiction, o.rank) for o in extract_entities(text).officials}


def test_seed_style_article():
    ents = extract_entities(SEED)
    assert [(o.name, o.role, o.jurisdiction, o.organisation) for o in ents.officials] == [
        ("Gibran Rakabuming Raka", "Wali Kota", "Surakarta", None),
        ("Bangbang Surono", "Sekretaris Utama", None, "BNPT"),
    ]
    assert ents.officials[0].mentions == 2  # "Gibran" later links to the full name
    agencies = {(a.name, a.acronym, a.level) for a in ents.agencies}
    assert ("Badan Nasional Penanggulangan Terorisme", "BNPT", "national") in agencies
    assert ("Pemerintah Kota Surakarta", "Pemkot Surakarta", "city") in agencies
    assert [(c.name, c.type, c.province) for c in ents.cities] == [("Kota Surakarta", "kota", "Jawa Tengah")]


def test_solo_resolves_to_surakarta():
    spans = {s.text: s.canonical for s in extract_entities(SEED).spans if s.label == "CITY"}
    assert spans["SOLO"] == spans["Kota Solo"] == spans["Surakarta"] == "Kota Surakarta"


@pytest.mark.parametrize(
    ("text", "name", "expected"),
    [
        (
            "Walikota Surakarta, Gibran Rakabuming Raka, hadir.",
            "Gibran Rakabuming Raka",
            ("Wali Kota", None, "Surakarta", None),
        ),
        (
            "Kapolda Jateng Irjen Pol. Ahmad Luthfi membenarkan penangkapan.",
            "Ahmad Luthfi",
            ("Kepala Kepolisian Daerah", "Polda Jawa Tengah", "Jawa Tengah", "Irjen Pol"),
        ),
        (
            "Hal itu disampaikan Bangbang Surono selaku Sestama BNPT.",
            "Bangbang Surono",
            ("Sekretaris Utama", "BNPT", None, None),
        ),
        ("Acara dibuka Budi Santoso, Bupati Sleman.", "Budi Santoso", ("Bupati", None, "Sleman", None)),
        (
            "Kepala BNPT Komjen Pol. Boy Rafli Amar memberi sambutan.",
            "Boy Rafli Amar",
            ("Kepala", "BNPT", None, "Komjen Pol"),
        ),
        ("AKBP Budi Santoso memimpin apel.", "Budi Santoso", (None, None, None, "AKBP")),
        (
            "Menteri Keuangan (Menkeu) Purbaya Yudhi Sadewa menjelaskan.",
            "Purbaya Yudhi Sadewa",
            ("Menteri Keuangan", "Kemenkeu", None, None),
        ),
    ],
    ids=[
        "TITLE PLACE, NAME",
        "TITLE PLACE RANK NAME",
        "NAME selaku TITLE ORG",
        "NAME, TITLE PLACE",
        "TITLE ORG RANK NAME",
        "RANK NAME",
        "TITLE (ABBR) NAME",
    ],
)
def test_official_patterns(text, name, expected):
    assert officials(text)[name] == expected


def test_short_mention_links_to_the_official():
    ents = extract_entities('Kepala BNPT Komjen Pol. Boy Rafli Amar hadir di Solo. "Kami siap," kata Boy.')
    assert [(o.name, o.mentions) for o in ents.officials] == [("Boy Rafli Amar", 2)]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Solo", "Kota Surakarta"),
        ("Jogja", "Kota Yogyakarta"),
        ("Jakpus", "Kota Administrasi Jakarta Pusat"),
        ("Bekasi", "Kota Bekasi"),
        ("Kabupaten Bekasi", "Kabupaten Bekasi"),
        ("Kab. Malang", "Kabupaten Malang"),
        ("Kota Malang", "Kota Malang"),
        ("Sleman", "Kabupaten Sleman"),
        ("Toba Samosir", "Kabupaten Toba"),
        ("Gunung Kidul", "Kabupaten Gunungkidul"),
        ("Bau-Bau", "Kota Baubau"),
    ],
)
def test_aliases_and_ambiguous_names(name, expected):
    assert resolve_city(name).name == expected


def test_title_decides_kota_or_kabupaten():
    ents = extract_entities("Bupati Bogor Ade Yasin dan Wali Kota Bogor Bima Arya bertemu.")
    assert {c.name for c in ents.cities} == {"Kabupaten Bogor", "Kota Bogor"}
    assert officials("Bupati Bogor Ade Yasin hadir.")["Ade Yasin"][2] == "Bogor"


def test_regional_agencies():
    ents = extract_entities("Polres Sleman, DPRD Kota Surakarta dan Kanwil Kemenag Jawa Timur menggelar rapat.")
    assert {a.acronym for a in ents.agencies} >= {"Polres Sleman", "DPRD Kota Surakarta"}
    assert any(a.jurisdiction == "Jawa Timur" for a in ents.agencies)


def test_sentence_without_entities():
    ents = extract_entities("harga cabai naik lagi pagi ini, kata para pedagang di pasar.")
    assert ents.spans == () and ents.officials == () and ents.cities == ()


def test_overlaps_longest_wins():
    city, title = Entry("CITY", None), Entry("TITLE", None)
    kept = resolve_overlaps([_Cand(1, 2, "CITY", city), _Cand(0, 2, "TITLE", title), _Cand(1, 3, "CITY", city)])
    assert [(c.i, c.j, c.kind) for c in kept] == [(0, 2, "TITLE")]


def test_longest_most_specific_span_wins_in_text():
    labels = [(m.label, m.text) for m in match("Pemerintah Kota Surakarta dan Kota Surakarta.")]
    assert labels == [("AGENCY", "Pemerintah Kota Surakarta"), ("CITY", "Kota Surakarta")]


def test_add_pipe_in_a_fresh_pipeline():
    from spacy.language import Language
    from spacy.vocab import Vocab

    from toleransi_nlp.text import SpacyTokenizer

    nlp = Language(Vocab())
    nlp.tokenizer = SpacyTokenizer(nlp.vocab)
    nlp.add_pipe("toleransi_entities")
    doc = nlp("Kapolda Jateng Irjen Pol. Ahmad Luthfi hadir di Semarang.")
    assert [(e.text, e.label_, e._.canonical) for e in doc.ents] == [
        ("Jateng", "PROVINCE", "Jawa Tengah"),
        ("Ahmad Luthfi", "OFFICIAL", "Ahmad Luthfi"),
        ("Semarang", "CITY", "Kota Semarang"),
    ]
    assert doc._.entities.officials[0].role == "Kepala Kepolisian Daerah"


def test_factory_is_registered_through_the_entry_point():
    from importlib.metadata import entry_points

    names = [ep.name for ep in entry_points(group="spacy_factories")]
    assert "toleransi_entities" in names


def test_not_text_is_refused():
    from toleransi_nlp.errors import InputError

    with pytest.raises(InputError, match="got bytes"):
        extract_entities(b"teks")  # type: ignore[arg-type]
