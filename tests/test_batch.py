from __future__ import annotations

import csv
import gzip
import json
import os
import signal
import subprocess
import sys
import time

import pytest

from toleransi_nlp.batch import tag_archive
from toleransi_nlp.errors import InputError, OutputError

TEXTS = [
    "Densus 88 menangkap terduga teroris di Solo.",
    "Harga cabai naik di pasar Bekasi.",
    "FKUB Kota Ambon menggelar dialog lintas agama.",
]


def write_jsonl(path, rows):
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def read_jsonl(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def test_jsonl_every_record_yields_one_output_in_order(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": f"a{i}", "text": t, "url": f"u{i}"} for i, t in enumerate(TEXTS)])
    summary = tag_archive(src, tmp_path / "out.jsonl", keep=["url"], progress=False)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [r["id"] for r in out] == ["a0", "a1", "a2"]
    assert [r["url"] for r in out] == ["u0", "u1", "u2"]
    assert all(r["status"] == "ok" for r in out)
    assert (summary.records, summary.ok, summary.errors) == (3, 3, 0)
    assert summary.labels.get("terorisme") == 1


def test_bad_records_become_error_records(tmp_path):
    src = tmp_path / "in.jsonl"
    src.write_text(
        '{"id": "ok", "text": "Teks biasa."}\n{"id": "x", "text": \n[1, 2]\n'
        '{"id": "n", "body": "tanpa text"}\n{"text": 5}\n{"text": "tanpa id"}\n',
        encoding="utf-8",
    )
    summary = tag_archive(src, tmp_path / "out.jsonl", progress=False)
    out = read_jsonl(tmp_path / "out.jsonl")
    assert [(r["id"], r["status"]) for r in out] == [
        ("ok", "ok"),
        ("2", "error"),
        ("3", "error"),
        ("n", "error"),
        ("5", "error"),
        ("6", "ok"),
    ]
    assert "line 2: malformed JSON" in out[1]["error"]
    assert "expected a JSON object" in out[2]["error"]
    assert "record n: no 'text' field" in out[3]["error"]
    assert "'text' is int" in out[4]["error"]
    assert summary.errors == 4


def test_csv_input_with_embedded_newlines_and_csv_output(tmp_path):
    src = tmp_path / "in.csv"
    with src.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["id", "title", "text"])
        w.writerow(["c1", "Judul, dengan koma", 'Baris satu "kutipan"\nBaris dua tentang teroris.'])
        w.writerow(["c2", "", ""])
    tag_archive(src, tmp_path / "out.csv", progress=False)
    rows = list(csv.DictReader((tmp_path / "out.csv").open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["c1", "c2"]
    assert json.loads(rows[0]["labels"]) is not None
    assert not (tmp_path / "out.csv.partial.jsonl").exists()


def test_csv_without_text_column_is_refused(tmp_path):
    src = tmp_path / "in.csv"
    src.write_text("id,body\n1,teks\n", encoding="utf-8")
    with pytest.raises(InputError, match="has no 'text' column"):
        tag_archive(src, tmp_path / "out.jsonl", progress=False)


def test_gzip_jsonl_input(tmp_path):
    src = tmp_path / "in.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "g", "text": TEXTS[0]}) + "\n")
    tag_archive(src, tmp_path / "out.jsonl", progress=False)
    assert read_jsonl(tmp_path / "out.jsonl")[0]["labels"] == ["terorisme"]


def test_directory_of_text_and_html_files(tmp_path):
    d = tmp_path / "articles"
    (d / "sub").mkdir(parents=True)
    (d / "a.txt").write_text(TEXTS[0], encoding="utf-8")
    (d / "sub" / "b.html").write_text(f"<html><body><p>{TEXTS[2]}</p></body></html>", encoding="utf-8")
    (d / "c.txt").write_bytes(b"\x00\x01\x02binary")
    (d / "d.txt").write_bytes("Warga Bekasi menolak pungutan liar.".encode("cp1252"))
    tag_archive(d, tmp_path / "out.jsonl", progress=False)
    out = {r["id"]: r for r in read_jsonl(tmp_path / "out.jsonl")}
    assert sorted(out) == ["a.txt", "c.txt", "d.txt", "sub/b.html"]
    assert out["c.txt"]["status"] == "error" and "binary" in out["c.txt"]["error"]
    assert out["sub/b.html"]["status"] == "ok"


def test_parquet_output(tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": "p", "text": TEXTS[1]}])
    tag_archive(src, tmp_path / "out.parquet", progress=False)
    assert pq.read_table(tmp_path / "out.parquet").to_pylist()[0]["id"] == "p"


def test_existing_output_is_not_overwritten_unless_asked(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": "a", "text": TEXTS[0]}])
    out = tmp_path / "out.jsonl"
    out.write_text('{"id": "other", "status": "ok"}\n')
    with pytest.raises(OutputError, match="not written by this kind of run"):
        tag_archive(src, out, progress=False)
    with pytest.raises(OutputError, match="already exists"):
        tag_archive(src, out, resume=False, progress=False)
    tag_archive(src, out, overwrite=True, progress=False)
    assert read_jsonl(out)[0]["id"] == "a"


def test_torn_last_line_is_repaired_on_resume(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": f"a{i}", "text": t} for i, t in enumerate(TEXTS)])
    full = tmp_path / "full.jsonl"
    tag_archive(src, full, progress=False)
    torn = tmp_path / "torn.jsonl"
    lines = full.read_text(encoding="utf-8").splitlines(keepends=True)
    torn.write_text(lines[0] + lines[1][:15], encoding="utf-8")
    summary = tag_archive(src, torn, progress=False)
    assert torn.read_bytes() == full.read_bytes()
    assert summary.resumed == 1


def test_read_only_destination_gives_a_clear_error(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": "a", "text": TEXTS[0]}])
    if os.geteuid() == 0:
        # root ignores permission bits; sysfs refuses new files even to root.
        if not os.path.isdir("/sys/kernel"):
            pytest.skip("no sysfs")
        destination = "/sys/toleransi-nlp-test.jsonl"
    else:
        ro = tmp_path / "ro"
        ro.mkdir()
        ro.chmod(0o500)
        destination = str(ro / "out.jsonl")
    with pytest.raises(OutputError, match="cannot write"):
        tag_archive(src, destination, progress=False)


def test_full_disk_gives_a_clear_error_and_valid_output(tmp_path):
    src = tmp_path / "in.jsonl"
    write_jsonl(src, [{"id": f"a{i}", "text": TEXTS[i % 3]} for i in range(40)])
    out = tmp_path / "out.jsonl"
    # A file-size limit makes writes fail the way a full disk does (EFBIG instead of ENOSPC).
    code = (
        "import resource, signal, sys\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (6000, 6000))\n"
        "from toleransi_nlp.cli import main\n"
        f"sys.exit(main(['tag', {str(src)!r}, '-o', {str(out)!r}, '--quiet']))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1
    assert "cannot write" in proc.stderr and "Traceback" not in proc.stderr
    lines = out.read_text(encoding="utf-8").split("\n")
    complete = lines[:-1]
    assert complete and all(json.loads(line)["status"] == "ok" for line in complete)


def start_slow_tagging(src, out, *, via_cli=True):
    """Tagging in a real subprocess, slowed down so a test can interrupt it mid-run: the CLI, or
    tag_archive with batches of 2 so that each flush adds two lines."""
    run = (
        f"from toleransi_nlp.cli import main\nsys.exit(main(['tag', {str(src)!r}, '-o', {str(out)!r}, '--quiet']))\n"
        if via_cli
        else "from toleransi_nlp.batch import tag_archive\n"
        f"tag_archive({str(src)!r}, {str(out)!r}, batch_size=2, progress=False)\n"
    )
    code = (
        "import sys, time\nimport toleransi_nlp.pipeline as p\n"
        "orig = p.Tagger._analyze_many\n"
        "def slow(self, items):\n    time.sleep(0.02)\n    return orig(self, items)\n"
        "p.Tagger._analyze_many = slow\n" + run
    )
    return subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True)


def wait_for_lines(path, n, timeout=120):
    deadline = time.time() + timeout
    while time.time() < deadline and not (path.exists() and path.read_bytes().count(b"\n") >= n):
        time.sleep(0.01)


@pytest.mark.parametrize("kill_after_lines", [3, 40])
def test_resume_after_kill_gives_identical_output(tmp_path, kill_after_lines):
    src = tmp_path / "in.jsonl"
    rows = [{"id": f"r{i}", "text": f"{TEXTS[i % 3]} Catatan nomor {i}."} for i in range(120)]
    write_jsonl(src, rows)
    reference = tmp_path / "reference.jsonl"
    tag_archive(src, reference, batch_size=2, progress=False)
    out = tmp_path / "out.jsonl"
    proc = start_slow_tagging(src, out, via_cli=False)
    wait_for_lines(out, kill_after_lines)
    proc.send_signal(signal.SIGKILL)
    proc.communicate()
    written = out.read_bytes().count(b"\n")
    assert 0 < written < len(rows)
    with out.open("ab") as fh:
        fh.write(b'{"id": "r9')  # a torn line, as after a power loss
    summary = tag_archive(src, out, batch_size=2, progress=False)
    assert out.read_bytes() == reference.read_bytes()
    assert summary.records == len(rows)


def test_ctrl_c_stops_cleanly_with_a_summary_and_resumes(tmp_path):
    src = tmp_path / "in.jsonl"
    rows = [{"id": f"r{i}", "text": f"{TEXTS[i % 3]} Nomor {i}."} for i in range(150)]
    write_jsonl(src, rows)
    reference = tmp_path / "reference.jsonl"
    tag_archive(src, reference, batch_size=2, progress=False)
    out = tmp_path / "out.jsonl"
    proc = start_slow_tagging(src, out)
    wait_for_lines(out, 10)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 130
    assert "interrupted: re-run the same command to continue" in err
    assert "Traceback" not in err
    lines = out.read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["status"] == "ok" for line in lines)
    tag_archive(src, out, batch_size=2, progress=False)
    assert out.read_bytes() == reference.read_bytes()
