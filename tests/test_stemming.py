from __future__ import annotations

import pickle

import joblib
import pytest

from toleransi_nlp import stem
from toleransi_nlp.errors import InputError
from toleransi_nlp.stemming import (
    IndonesianPreprocessor,
    Stopwords,
    default_stopwords,
    family,
    overrides,
    remove_stopwords,
    stem_tokens,
    stem_word,
)
from toleransi_nlp.text import tokenize


def test_stem_matches_the_readme_example():
    assert stem("Pemerintah memberantas intoleransi") == "perintah berantas intoleransi"


@pytest.mark.parametrize(
    ("word", "root"),
    [
        ("menangis", "tangis"),
        ("dikurangi", "kurang"),
        ("pengering", "kering"),
        ("memasuki", "masuk"),
        ("menikah", "nikah"),
        ("relawan", "rela"),
    ],
)
def test_overrides_fix_known_sastrawi_errors(word, root):
    assert overrides()[word] == root
    assert stem_word(word) == root


def test_stem_word_handles_case_reduplication_and_non_words():
    assert stem_word("Memberantas") == "berantas"
    assert stem_word("anak-anak") == "anak"
    assert stem_word("2023") == "2023"


def test_proper_nouns_inside_a_sentence_are_not_stemmed():
    assert stem("Warga Bekasi dan Kementerian Agama menangis") == "warga bekasi dan kementerian agama tangis"


def test_proper_noun_protection_can_be_switched_off():
    assert stem("Warga Bekasi menangis", keep_proper_nouns=False) == "warga bekas tangis"


def test_sentence_initial_capital_is_stemmed():
    assert stem("Memberantas teror. Pemerintah hadir.") == "berantas teror perintah hadir"


def test_all_caps_text_is_stemmed_like_lower_case():
    assert stem("PEMERINTAH KOTA AKAN MEMBERANTAS PAHAM RADIKAL DAN MENANGKAP PELAKU TEROR") == stem(
        "pemerintah kota akan memberantas paham radikal dan menangkap pelaku teror"
    )


def test_families_merge_radicalism_words_but_keep_tolerance_and_intolerance_apart():
    got = stem("Program radikalisme, radikalisasi dan deradikalisasi untuk toleransi, bukan intoleransi", families=True)
    assert got.split() == ["program", "radikal", "radikal", "dan", "radikal", "untuk", "toleran", "bukan", "intoleran"]
    assert family("terorisme") == family("teroris") == "teroris"
    assert family("teror") == "teror"
    assert family("ekstremisme") == "ekstremis"


def test_stem_tokens_skips_punctuation_and_numbers():
    assert stem_tokens(tokenize("Densus 88 menangkap 3 orang.")) == ["densus", "tangkap", "orang"]


def test_stem_rejects_non_text():
    with pytest.raises(InputError, match="expected text as str, got int"):
        stem(42)  # type: ignore[arg-type]


def test_default_stopwords_keep_negations():
    sw = default_stopwords()
    assert "yang" in sw and "dan" in sw
    assert "tidak" not in sw and "bukan" not in sw


def test_remove_stopwords_with_extra_and_keep():
    assert remove_stopwords(["dia", "yang", "menolak", "intoleransi"], extra=["menolak"], keep=["dia"]) == [
        "dia",
        "intoleransi",
    ]


def test_stopwords_object_can_add_and_remove_words():
    sw = Stopwords()
    sw.add("Berita")
    sw.remove("yang")
    assert "berita" in sw and "yang" not in sw
    assert sw.filter(["yang", "berita", "terkini"]) == ["yang", "terkini"]
    assert remove_stopwords(["yang", "berita"], stopwords=sw) == ["yang"]


def test_stopwords_reject_empty_words():
    with pytest.raises(InputError, match="non-empty str"):
        Stopwords().add(" ")


def test_preprocessor_in_a_pickled_pipeline(tmp_path):
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline

    texts = [
        "Densus 88 menangkap teroris di Solo",
        "Harga cabai naik di pasar",
        "Polisi menangkap terduga teroris",
        "Pasar ramai menjelang Lebaran",
    ]
    pipe = Pipeline(
        [("prep", IndonesianPreprocessor()), ("tfidf", TfidfVectorizer()), ("clf", LogisticRegression())]
    ).fit(texts, [1, 0, 1, 0])
    path = tmp_path / "pipe.joblib"
    joblib.dump(pipe, path)
    loaded = joblib.load(path)
    assert list(loaded.predict(texts)) == list(pipe.predict(texts))
    assert pickle.loads(pickle.dumps(IndonesianPreprocessor(stem=False))).get_params()["stem"] is False


def test_preprocessor_output():
    assert IndonesianPreprocessor().transform(["Densus 88 menangkap para teroris."]) == ["densus tangkap teroris"]
