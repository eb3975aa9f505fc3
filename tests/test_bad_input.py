"""The catalogue of bad and odd input: each case through analyze, tag_archive and the CLI.

Each case states its documented outcome: "ok" (a valid result, with the warning named when
one is expected) or "error" (InputError from analyze, an error record in tag_archive).
docs/bad-input.md lists the same catalogue for users.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from dataclasses import dataclass

import pytest

from toleransi_nlp import Tagger, analyze
from toleransi_nlp.batch import tag_archive
from toleransi_nlp.errors import InputError

SENTENCE = "Wali Kota Surakarta Gibran Rakabuming Raka menghadiri dialog lintas agama di Solo."
HTML_PAGE = (
    "<!DOCTYPE html><html><head><title>x</title><style>body{font:12px}</style>"
    "<script>window.alert('Densus 88 teroris bom');</script></head><body><nav>Menu</nav>"
    f"<article><h1>Dialog Lintas Agama</h1><p>{SENTENCE}</p><p>Baca juga: Berita lain</p></article>"
    "<noscript>aktifkan javascript</noscript></body></html>"
)


@dataclass(frozen=True)
class Case:
    name: str
    value: object
    outcome: str  # "ok" or "error"
    warning: str = ""  # a substring of an expected warning


CASES = [
    Case("empty string", "", "ok", "empty after normalisation"),
    Case("only whitespace", " \n\t \r\n ", "ok", "empty after normalisation"),
    Case("only punctuation", "!!! ??? ... --- ***", "ok", "no words"),
    Case("only digits", "2023 19.30 1.500.000", "ok", "no words"),
    Case("None", None, "error"),
    Case("an int", 42, "error"),
    Case("a list", ["teks"], "error"),
    Case("a dict", {"text": "teks"}, "error"),
    Case("bytes in UTF-8", SENTENCE.encode("utf-8"), "ok"),
    Case("bytes in UTF-8 with BOM", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"), "ok"),
    Case("bytes in UTF-16", SENTENCE.encode("utf-16"), "ok"),
    Case(
        "bytes in cp1252",
        "Warga Bekasi menolak pungutan \u2018liar\u2019 \u2013 kata lurah.".encode("cp1252"),
        "ok",
        "cp1252",
    ),
    Case("invalid UTF-8 bytes", b"Densus 88 \x81\x8d\x8f\x90 menangkap teroris", "ok", "not valid UTF-8"),
    Case("NUL bytes", "Densus\x00 88 menangkap\x00 teroris di Solo.", "ok"),
    Case("control characters", "Densus\x07 88\x1b[31m menangkap\x0c teroris.", "ok"),
    Case("zero-width and bidi characters", "Den\u200bsus 88 me\u200enang\u202ekap te\u2066roris\u2069.", "ok"),
    Case("emoji only", "\U0001f600\U0001f64f\U0001f1ee\U0001f1e9 \U0001f525", "ok", "no words"),
    Case("a single 1 MB token", "a" * 1_000_000, "ok", "truncated"),
    Case("a 20 MB article", (SENTENCE + " ") * 240_000, "ok", "truncated"),
    Case("a full HTML page with scripts and styles", HTML_PAGE, "ok"),
    Case(
        "English text",
        "The city council met on Monday to discuss the new budget for road repairs and "
        "school buildings, and the mayor said that the plan would be finished before the end of the year.",
        "ok",
        "not Indonesian",
    ),
    Case(
        "Malay text",
        "Kerajaan negeri akan membina lebih banyak rumah mampu milik untuk rakyat pada tahun "
        "hadapan, kata Menteri Besar dalam satu kenyataan yang dikeluarkan di ibu negeri semalam.",
        "ok",
    ),
    Case(
        "Javanese text",
        "Wong-wong ing desa padha gotong royong ngresiki kali sadurunge mangsa rendheng "
        "teka, amarga saben taun banyu kerep mlebu omah lan sawah nalika udan deres.",
        "ok",
    ),
    Case("Arabic-script text", "\u0628\u0633\u0645 \u0627\u0644\u0644\u0647 " * 20, "ok", "not Indonesian"),
    Case("all-caps text", SENTENCE.upper() * 3, "ok"),
    Case("one sentence repeated 10,000 times", (SENTENCE + " ") * 10_000, "ok", "truncated"),
    Case("long runs of punctuation and hyphens", "-" * 50_000 + "!?" * 20_000, "ok", "no words"),
    Case("title words repeated", "Wali Kota " * 20_000, "ok"),
    Case("Kota Kota Kota ...", "Kota " * 20_000, "ok"),
    Case("nested HTML", "<div>" * 5_000 + SENTENCE + "</div>" * 5_000, "ok"),
    Case("only a URL", "https://example.go.id/berita/2023/09/20/densus-88?utm=1", "ok"),
    Case("lone surrogates", "Densus 88 \ud800 menangkap \udfff teroris", "ok"),
]
IDS = [c.name for c in CASES]


@pytest.fixture(scope="module")
def tagger():
    return Tagger()


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_analyze(case, tagger):
    if case.outcome == "error":
        with pytest.raises(InputError, match="expected text as str"):
            tagger.analyze(case.value)  # type: ignore[arg-type]
        return
    started = time.perf_counter()
    result = tagger.analyze(case.value)  # type: ignore[arg-type]
    assert time.perf_counter() - started < 120
    assert all(0.0 <= p <= 1.0 for p in result.topics.values())
    assert json.loads(json.dumps(result.to_dict())) == result.to_dict()
    if case.warning:
        assert any(case.warning in w for w in result.warnings), result.warnings


def test_catalogue_has_at_least_30_kinds():
    assert len(CASES) >= 30


def test_html_page_keeps_the_article_and_drops_scripts(tagger):
    result = tagger.analyze(HTML_PAGE)
    assert "terorisme" not in result.labels
    assert [o.name for o in result.officials] == ["Gibran Rakabuming Raka"]


def test_title_that_is_not_text_is_refused():
    with pytest.raises(InputError, match="title"):
        analyze("teks", title=5)  # type: ignore[arg-type]


def test_every_case_through_tag_archive(tmp_path):
    """JSON-representable cases as JSONL records; byte cases as files of a folder."""
    src = tmp_path / "in.jsonl"
    folder = tmp_path / "files"
    folder.mkdir()
    expected = []
    with src.open("w", encoding="utf-8") as fh:
        for i, case in enumerate(CASES):
            if isinstance(case.value, bytes):
                (folder / f"{i:02d}.txt").write_bytes(case.value)
                continue
            if isinstance(case.value, str) and len(case.value) > 2_000_000:
                continue  # covered through a file below
            fh.write(json.dumps({"id": case.name, "text": case.value}) + "\n")
            expected.append(case)
    (folder / "big.txt").write_text(CASES[IDS.index("a 20 MB article")].value, encoding="utf-8")
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (folder / "dangling.txt").symlink_to(tmp_path / "nowhere.txt")
    tag_archive(src, tmp_path / "out.jsonl", progress=False)
    out = [json.loads(line) for line in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in out] == [c.name for c in expected]
    for row, case in zip(out, expected):
        assert row["status"] == case.outcome, (case.name, row)
    tag_archive(folder, tmp_path / "files.jsonl", progress=False)
    rows = {r["id"]: r for r in map(json.loads, (tmp_path / "files.jsonl").read_text(encoding="utf-8").splitlines())}
    assert rows["binary.txt"]["status"] == "error" and "binary" in rows["binary.txt"]["error"]
    assert rows["dangling.txt"]["status"] == "error" and "cannot read" in rows["dangling.txt"]["error"]
    assert rows["big.txt"]["status"] == "ok" and any("truncated" in w for w in rows["big.txt"]["warnings"])
    byte_cases = [c for c in CASES if isinstance(c.value, bytes)]
    assert all(rows[f"{CASES.index(c):02d}.txt"]["status"] == "ok" for c in byte_cases)


@pytest.mark.parametrize(
    "line",
    [
        '{"id": "x", "text": "Teks',
        "[1, 2, 3]",
        '"just a string"',
        '{"id": "y", "body": "no text"}',
        '{"id": "z", "text": null}',
        '{"id": "w", "text": "ok", "title": 7}',
        "\ufeff{}",
    ],
    ids=[
        "truncated JSON",
        "not an object (array)",
        "not an object (string)",
        "missing text field",
        "null text",
        "title not text",
        "BOM and empty object",
    ],
)
def test_malformed_jsonl_lines_become_error_records(tmp_path, line):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "first", "text": "Teks pertama."}\n' + line + "\n" + '{"id": "last", "text": "Akhir."}\n',
        encoding="utf-8",
    )
    tag_archive(src, tmp_path / "out.jsonl", progress=False)
    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["status"] for r in (out[0], out[-1])] == ["ok", "ok"]
    assert len(out) == 3
    if "title" in line:
        assert out[1]["status"] == "ok"  # a bad title is ignored, the text is analysed
    else:
        assert out[1]["status"] == "error" and out[1]["error"]


def test_csv_with_missing_cells_and_odd_quoting(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text(
        'id,title,text\n1,"Judul ""kutip""","Baris satu\nbaris dua, dengan koma"\n2,hanya judul\n'
        '3,,"Teks ""aneh"" ;; tanpa judul"\n',
        encoding="utf-8",
    )
    tag_archive(src, tmp_path / "out.jsonl", progress=False)
    out = [json.loads(x) for x in (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["status"]) for r in out] == [("1", "ok"), ("2", "error"), ("3", "ok")]
    assert "no 'text' field" in out[1]["error"]


@pytest.mark.parametrize(
    "case", [c for c in CASES if isinstance(c.value, (str, bytes)) and len(c.value) < 2_000_000], ids=lambda c: c.name
)
def test_cli_analyze_file(case, tmp_path):
    path = tmp_path / "article.txt"
    path.write_bytes(
        case.value if isinstance(case.value, bytes) else case.value.encode("utf-8", errors="surrogatepass")
    )
    proc = subprocess.run(
        [sys.executable, "-m", "toleransi_nlp.cli", "analyze", str(path), "--json"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    json.loads(proc.stdout)
