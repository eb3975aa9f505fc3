from __future__ import annotations

import hashlib
import json
import shutil

import pytest

from toleransi_nlp import classify
from toleransi_nlp.errors import CorpusError, ModelError, ModelIntegrityError
from toleransi_nlp.topics import (
    LABELS,
    Report,
    default_model_path,
    load_model,
    read_corpus,
    save_model,
    topic_labels,
    train,
)

FIXTURE = [
    ("Densus 88 menangkap terduga teroris jaringan JAD di {c}.", ["terorisme"]),
    ("Bom bunuh diri meledak di pos polisi {c}, pelaku terkait ISIS.", ["terorisme"]),
    ("Terpidana kasus terorisme di {c} divonis delapan tahun penjara.", ["terorisme"]),
    ("Mahasiswa di {c} terpapar paham radikal lewat media sosial, kata BNPT.", ["radikalisme"]),
    ("Program deradikalisasi mantan napiter digelar di {c}.", ["radikalisme"]),
    ("Ceramah ekstrem dan paham radikal menyebar di kalangan ASN {c}.", ["radikalisme"]),
    ("Warga menolak pembangunan gereja di {c} dan menyegel bangunannya.", ["intoleransi"]),
    ("Jemaah Ahmadiyah di {c} diserang sekelompok orang intoleran.", ["intoleransi"]),
    ("Ibadah umat Kristen di rumah warga {c} dibubarkan paksa.", ["intoleransi"]),
    ("FKUB {c} menggelar dialog lintas agama untuk merawat kerukunan.", ["toleransi"]),
    ("Umat Islam dan Kristen di {c} bergotong royong membersihkan gereja dan masjid.", ["toleransi"]),
    ("{c} dinobatkan sebagai kota paling toleran dalam indeks toleransi.", ["toleransi"]),
    ("Harga cabai di pasar {c} naik menjelang Lebaran.", []),
    ("Banjir merendam ratusan rumah di {c} setelah hujan deras.", []),
    ("Debt collector pinjol meneror warga {c} lewat telepon.", []),
    ("Produk antioksidan menangkal radikal bebas, kata dokter di {c}.", []),
]
CITIES = ["Solo", "Bekasi", "Medan", "Makassar", "Ambon", "Kupang", "Malang", "Padang"]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    path = tmp_path_factory.mktemp("corpus") / "fixture.jsonl"
    with path.open("w", encoding="utf-8") as fh:
        for i, city in enumerate(CITIES):
            for j, (template, labels) in enumerate(FIXTURE):
                fh.write(
                    json.dumps({"id": f"f{i}-{j}", "title": "", "text": template.format(c=city), "labels": labels})
                    + "\n"
                )
    return path


@pytest.fixture(scope="module")
def fixture_model(corpus):
    return train([corpus], folds=3, char_ngrams=False)


def test_fixture_model_learns_the_fixture(fixture_model):
    preds = fixture_model.predict(
        [
            "Densus 88 menangkap terduga teroris jaringan JAD di Bogor.",
            "Harga cabai di pasar Bogor naik menjelang Lebaran.",
        ]
    )
    assert preds == [["terorisme"], []]


def test_thresholds_are_chosen_per_label(fixture_model):
    assert set(fixture_model.thresholds_) == set(LABELS)
    assert all(0.1 <= t <= 0.9 for t in fixture_model.thresholds_.values())


def test_training_is_deterministic(corpus, tmp_path):
    a = save_model(train([corpus], folds=3, char_ngrams=False), tmp_path / "a", corpus_paths=[corpus])
    b = save_model(train([corpus], folds=3, char_ngrams=False), tmp_path / "b", corpus_paths=[corpus])
    assert hashlib.sha256(a.read_bytes()).digest() == hashlib.sha256(b.read_bytes()).digest()


def test_explain_names_the_terms_that_pushed_the_label(fixture_model):
    terms = dict(fixture_model.explain("Densus 88 menangkap teroris di Solo.", "terorisme", k=5))
    assert "teroris" in terms and terms["teroris"] > 0


def test_model_card_contents(fixture_model, corpus, tmp_path):
    path = save_model(fixture_model, tmp_path, corpus_paths=[corpus])
    card = json.loads((tmp_path / "topics.json").read_text())
    assert card["model"] == "topics.joblib"
    assert card["labels"] == list(LABELS)
    assert card["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert card["training"]["corpus"][0]["sha256"] == hashlib.sha256(corpus.read_bytes()).hexdigest()
    assert card["training"]["records"] == len(CITIES) * len(FIXTURE)
    assert set(card["versions"]) >= {"scikit-learn", "toleransi_nlp", "python"}
    assert card["cv_metrics"]["macro"]["f1"] > 0.5


def test_tampered_model_is_refused(fixture_model, tmp_path):
    path = save_model(fixture_model, tmp_path)
    with path.open("ab") as fh:
        fh.write(b"\0")
    with pytest.raises(ModelIntegrityError, match="SHA-256"):
        load_model(path)


def test_missing_card_is_refused_unless_trusted(fixture_model, tmp_path):
    path = save_model(fixture_model, tmp_path)
    (tmp_path / "topics.json").unlink()
    with pytest.raises(ModelError, match="model card not found"):
        load_model(path)
    assert load_model(path, trusted=True).labels == LABELS


def test_card_naming_another_file_is_refused(fixture_model, tmp_path):
    path = save_model(fixture_model, tmp_path)
    other = tmp_path / "other.joblib"
    shutil.copy(path, other)
    shutil.copy(tmp_path / "topics.json", tmp_path / "other.json")
    with pytest.raises(ModelIntegrityError, match="describes topics.joblib"):
        load_model(other)


def test_scikit_learn_version_skew_warns(fixture_model, tmp_path):
    path = save_model(fixture_model, tmp_path)
    card_path = tmp_path / "topics.json"
    card = json.loads(card_path.read_text())
    card["versions"]["scikit-learn"] = "0.24.0"
    card_path.write_text(json.dumps(card))
    with pytest.warns(UserWarning, match="trained with scikit-learn 0.24.0"):
        load_model(path)


def test_bad_corpus_line_is_named(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"text": "a", "labels": []}\n{"text": "b", "labels": ["politik"]}\n')
    with pytest.raises(CorpusError, match=r"bad.jsonl:2: unknown label"):
        read_corpus([path])


def test_report_counts_and_confusion():
    report = Report.from_labels([["terorisme"], [], ["toleransi"]], [["terorisme"], ["toleransi"], []])
    assert report.per_label["terorisme"]["f1"] == 1.0
    assert report.per_label["toleransi"]["precision"] == 0.0
    assert report.confusion["(none)"]["toleransi"] == 1
    assert report.confusion["toleransi"]["(none)"] == 1


def test_packaged_model_is_found_and_verified():
    assert default_model_path().is_file()
    assert load_model().labels == LABELS


def test_seed_style_article_gets_all_four_labels(seed_article):
    title, _, body = seed_article.partition("\n\n")
    assert sorted(topic_labels(body, title=title)) == sorted(LABELS)


@pytest.mark.parametrize(
    "text",
    [
        "Produk perawatan kulit dengan antioksidan tinggi dipercaya mampu menangkal radikal bebas "
        "yang mempercepat penuaan, kata dokter kulit di Jakarta. Ia menyarankan konsumsi buah dan sayur.",
        "Batas toleransi kemiringan tiang jembatan itu hanya dua milimeter, kata insinyur proyek. "
        "Pengukuran ulang dilakukan setiap pekan selama pembangunan jembatan tol di Semarang.",
        "Persib Bandung meneror pertahanan lawan sejak menit awal dan menang 3-0. Pelatih memuji "
        "disiplin pemain dan suporter yang memenuhi stadion.",
    ],
)
def test_clear_hard_negatives_get_no_label(text):
    assert topic_labels(text) == []
    assert set(classify(text)) == set(LABELS)


def test_swapped_card_is_refused(fixture_model, corpus, tmp_path):
    a = save_model(fixture_model, tmp_path / "a")
    other = train([corpus], folds=3, char_ngrams=False, C=1.0)
    save_model(other, tmp_path / "b")
    shutil.copy(tmp_path / "b" / "topics.json", tmp_path / "a" / "topics.json")
    with pytest.raises(ModelIntegrityError, match="retrain it or pass trusted=True"):
        load_model(a)


def test_model_outside_the_models_folder_needs_its_card(tmp_path):
    packaged = default_model_path()
    copy = tmp_path / "elsewhere" / "topics.joblib"
    copy.parent.mkdir()
    shutil.copy(packaged, copy)
    with pytest.raises(ModelError, match="model card not found"):
        load_model(copy)
    shutil.copy(packaged.with_suffix(".json"), copy.with_suffix(".json"))
    assert load_model(copy).labels == LABELS


def test_file_that_is_not_a_model_is_refused_even_when_trusted(tmp_path):
    import joblib

    path = tmp_path / "topics.joblib"
    joblib.dump({"not": "a model"}, path)
    with pytest.raises(ModelError, match="does not contain a toleransi_nlp TopicModel"):
        load_model(path, trusted=True)


def test_array_scorer_matches_the_sklearn_pipeline(fixture_model, tmp_path):
    import numpy as np

    texts = ["Densus 88 menangkap teroris di Solo.", "Harga cabai naik.", "FKUB Ambon berdialog.", ""]
    expected = fixture_model.pipeline_.predict_proba(texts)
    assert fixture_model.scorer_ is not None
    assert np.allclose(fixture_model.predict_proba(texts), expected, atol=1e-6)
    path = save_model(fixture_model, tmp_path)
    loaded = load_model(path)
    assert np.allclose(loaded.predict_proba(texts), expected, atol=1e-6)
    assert loaded._pipeline is None  # the sklearn pipeline is unpickled only when needed
    assert loaded.explain(texts[0], "terorisme", k=3)


def test_model_with_character_ngrams_falls_back_to_the_pipeline(corpus):
    import numpy as np

    model = train([corpus], folds=3, char_ngrams=True)
    assert model.scorer_ is None
    texts = ["Densus 88 menangkap teroris di Solo."]
    assert np.allclose(model.predict_proba(texts), model.pipeline_.predict_proba(texts))
