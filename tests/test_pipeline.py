from __future__ import annotations

import json

import pytest

from toleransi_nlp import Tagger, analyze
from toleransi_nlp.errors import InputError
from toleransi_nlp.topics import LABELS


def test_analyze_seed_article(seed_article):
    title, _, body = seed_article.partition("\n\n")
    result = analyze(body, title=title)
    assert set(result.topics) == set(LABELS)
    names = {o.name: o for o in result.officials}
    assert names["Gibran Rakabuming Raka"].role == "Wali Kota"
    assert names["Gibran Rakabuming Raka"].jurisdiction == "Surakarta"
    assert names["Bangbang Surono"].role == "Sekretaris Utama"
    assert names["Bangbang Surono"].organisation == "BNPT"
    agencies = {a.acronym for a in result.agencies}
    assert "BNPT" in agencies
    assert "Pemerintah Kota Surakarta" in {a.name for a in result.agencies}
    assert [(c.name, c.province) for c in result.cities][0] == ("Kota Surakarta", "Jawa Tengah")
    assert result.warnings == ()


def test_analysis_to_dict_is_json_ready(seed_article):
    data = analyze(seed_article).to_dict()
    assert json.loads(json.dumps(data)) == data
    assert {"labels", "topics", "officials", "agencies", "cities", "spans", "warnings"} <= set(data)


def test_title_counts_as_text():
    without = analyze("Acara berlangsung di balai desa pada Senin pagi.")
    with_title = analyze(
        "Acara berlangsung di balai desa pada Senin pagi.", title="Densus 88 Tangkap Terduga Teroris Jaringan JAD"
    )
    assert with_title.topics["terorisme"] > without.topics["terorisme"]


def test_empty_text_warns_and_gets_no_label():
    result = analyze("   \n ")
    assert result.labels == ()
    assert "text is empty after normalisation" in result.warnings


def test_long_text_is_truncated_with_a_warning():
    result = Tagger(max_chars=1000).analyze("Warga desa bergotong royong membersihkan saluran air. " * 100)
    assert any("truncated" in w for w in result.warnings)


def test_bytes_are_decoded():
    assert analyze("Densus 88 menangkap teroris di Solo.".encode("utf-16")).warnings == ()


def test_non_text_input_is_refused():
    with pytest.raises(InputError, match="got NoneType"):
        analyze(None)  # type: ignore[arg-type]


def test_english_text_is_flagged():
    text = (
        "The city council met on Monday to discuss the new budget for road repairs and school "
        "buildings, and the mayor said that the plan would be finished before the end of the year."
    )
    assert any("not Indonesian" in w for w in analyze(text).warnings)


def test_pipe_keeps_input_order_and_workers_agree():
    texts = [
        f"Densus 88 menangkap {n} terduga teroris di Solo."
        if n % 2
        else f"Harga cabai naik {n} persen di pasar Bekasi."
        for n in range(12)
    ]
    tagger = Tagger()
    one = [a.to_dict() for a in tagger.pipe(texts, batch_size=4)]
    two = [a.to_dict() for a in tagger.pipe(texts, batch_size=4, workers=2)]
    assert one == two
    assert one[1]["labels"] == ["terorisme"] and one[0]["labels"] == []


def test_pipe_raises_naming_the_bad_record():
    with pytest.raises(InputError, match="got int"):
        list(Tagger().pipe(["teks", 5]))
