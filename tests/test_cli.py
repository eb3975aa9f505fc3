from __future__ import annotations

import json
import subprocess
import sys

import pytest

from toleransi_nlp import __version__

from .conftest import EXAMPLES


def run(*args, stdin=None):
    return subprocess.run(
        [sys.executable, "-m", "toleransi_nlp.cli", *args], input=stdin, capture_output=True, text=True, timeout=300
    )


def test_analyze_prints_a_readable_summary():
    proc = run("analyze", str(EXAMPLES / "surakarta-bnpt.txt"))
    assert proc.returncode == 0, proc.stderr
    assert "Topics:" in proc.stdout and "radikalisme" in proc.stdout
    assert "Gibran Rakabuming Raka - Wali Kota (Surakarta)" in proc.stdout
    assert "Kota Surakarta (Jawa Tengah)" in proc.stdout


def test_analyze_json_from_stdin_with_title():
    proc = run(
        "analyze",
        "-",
        "--json",
        "--title",
        "Densus 88 Tangkap Terduga Teroris",
        stdin="Polisi menangkap dua orang di Sukoharjo.",
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert "terorisme" in data["labels"]
    assert {"topics", "officials", "agencies", "cities", "spans", "warnings"} <= set(data)


def test_version_and_help():
    assert run("--version").stdout.strip() == f"toleransi-nlp {__version__}"
    for command in ("analyze", "tag", "train", "evaluate"):
        proc = run(command, "--help")
        assert proc.returncode == 0 and "examples:" in proc.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("analyze", "no-such-file.txt"), "input not found: no-such-file.txt"),
        (("analyze", "."), "is a folder"),
        (("tag", "no-such.jsonl", "-o", "out.jsonl"), "input not found: no-such.jsonl"),
        (("evaluate", "--gold", "no-such.jsonl"), "input not found: no-such.jsonl"),
    ],
)
def test_user_errors_exit_1_with_a_message_and_no_traceback(args, message, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    proc = run(*args)
    assert proc.returncode == 1
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


def test_usage_error_exits_2():
    proc = run("tag", "input.jsonl")
    assert proc.returncode == 2
    assert "-o/--output" in proc.stderr


def test_tag_writes_output_and_prints_summary(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"id": "a", "text": "Densus 88 menangkap teroris.", "url": "u"}) + "\n" + "not json\n",
        encoding="utf-8",
    )
    out = tmp_path / "out.csv"
    proc = run("tag", str(src), "-o", str(out), "--keep", "url", "--quiet")
    assert proc.returncode == 0, proc.stderr
    assert "2 records (1 ok, 1 errors" in proc.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0].startswith("id,url,status")


def test_train_and_evaluate_round_trip(tmp_path):
    corpus = tmp_path / "corpus.jsonl"
    rows = []
    for i in range(12):
        rows.append({"text": f"Densus 88 menangkap terduga teroris nomor {i} di Solo.", "labels": ["terorisme"]})
        rows.append({"text": f"Harga cabai naik {i} persen di pasar Bekasi.", "labels": []})
        rows.append({"text": f"FKUB menggelar dialog lintas agama ke-{i} di Ambon.", "labels": ["toleransi"]})
        rows.append({"text": f"Gereja nomor {i} disegel warga yang menolak ibadah.", "labels": ["intoleransi"]})
        rows.append({"text": f"Mahasiswa ke-{i} terpapar paham radikal di kampus.", "labels": ["radikalisme"]})
    corpus.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    proc = run("train", "--corpus", str(corpus), "-o", str(tmp_path / "model"))
    assert proc.returncode == 0, proc.stderr
    assert "trained on 60 articles" in proc.stdout
    proc = run("evaluate", "--gold", str(corpus), "--model", str(tmp_path / "model" / "topics.joblib"))
    assert proc.returncode == 0, proc.stderr
    assert "macro avg" in proc.stdout and "confusion" in proc.stdout
