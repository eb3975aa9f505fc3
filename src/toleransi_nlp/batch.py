"""Tag whole news archives: every input record yields exactly one output record.

>>> import json, tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "in.jsonl").write_text(json.dumps({"id": "a1", "text": "Densus 88 menangkap teroris."}) + "\\n")
>>> summary = tag_archive(d / "in.jsonl", d / "out.jsonl", progress=False)
>>> summary.records, summary.ok, summary.errors
(1, 1, 0)

Inputs: JSONL, CSV, a folder of ``.txt``/``.html`` files (id = relative path) or ``-`` for
standard input (JSONL), each optionally gzip-compressed. Output: JSONL (default), CSV, or
Parquet when pyarrow is installed.

Crash safety: results are appended in batches, flushed and fsynced. A re-run with the same
arguments skips the records already written, cuts a torn last line and ends with exactly
the output an uninterrupted run gives. CSV and Parquet are written from a JSONL journal
(``OUTPUT.partial.jsonl``) once the run completes.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import os
import sys
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any

from .errors import Errors, InputError, OutputError

__all__ = ["Summary", "tag_archive", "read_records", "FORMATS"]

FORMATS = ("jsonl", "csv", "parquet")
TEXT_SUFFIXES = (".txt", ".html", ".htm")


@dataclass
class Summary:
    """What a run did: records written (including earlier runs'), ok, errors, per-label counts."""

    records: int = 0
    ok: int = 0
    errors: int = 0
    labels: dict[str, int] = field(default_factory=dict)
    resumed: int = 0
    seconds: float = 0.0
    interrupted: bool = False
    output: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def __str__(self) -> str:
        rate = (self.records - self.resumed) / self.seconds if self.seconds else 0.0
        labels = ", ".join(f"{k} {v}" for k, v in sorted(self.labels.items())) or "none"
        state = " (interrupted: re-run the same command to continue)" if self.interrupted else ""
        return (
            f"{self.records} records ({self.ok} ok, {self.errors} errors; {self.resumed} from an "
            f"earlier run) in {self.seconds:.1f} s, {rate:.1f} articles/s{state}\n"
            f"labels: {labels}\noutput: {self.output}"
        )


@dataclass
class _Record:
    id: str
    text: Any = None
    title: Any = None
    keep: dict[str, Any] = field(default_factory=dict)
    error: str | None = None


def _open_text(path: Path) -> IO[str]:
    raw: Any = gzip.open(path, "rb") if path.suffix == ".gz" else path.open("rb")
    return io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")


def _base_suffix(path: Path) -> str:
    return Path(path.stem).suffix.lower() if path.suffix == ".gz" else path.suffix.lower()


def _from_mapping(
    obj: dict[str, Any], fallback_id: str, id_field: str, text_field: str, title_field: str, keep: tuple[str, ...]
) -> _Record:
    rid = obj.get(id_field)
    rid = fallback_id if rid is None or rid == "" else str(rid)
    rec = _Record(rid, keep={k: obj.get(k) for k in keep})
    if text_field not in obj or obj[text_field] is None:
        rec.error = f"record {rid}: no {text_field!r} field"
    elif not isinstance(obj[text_field], str):
        rec.error = f"record {rid}: {text_field!r} is {type(obj[text_field]).__name__}, not text"
    else:
        rec.text = obj[text_field]
        title = obj.get(title_field)
        rec.title = title if isinstance(title, str) else None
    return rec


def _jsonl_records(
    fh: IO[str], name: str, id_field: str, text_field: str, title_field: str, keep: tuple[str, ...]
) -> Iterator[_Record]:
    for n, line in enumerate(fh, 1):
        if not line.strip():
            continue
        fallback = str(n)
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield _Record(fallback, error=f"{name} line {n}: malformed JSON ({exc.msg})")
            continue
        if not isinstance(obj, dict):
            yield _Record(fallback, error=f"{name} line {n}: expected a JSON object, got {type(obj).__name__}")
            continue
        yield _from_mapping(obj, fallback, id_field, text_field, title_field, keep)


def _csv_records(
    fh: IO[str], name: str, id_field: str, text_field: str, title_field: str, keep: tuple[str, ...]
) -> Iterator[_Record]:
    csv.field_size_limit(1 << 30)
    reader = csv.DictReader(fh)
    if reader.fieldnames is None or text_field not in reader.fieldnames:
        raise InputError(
            f"{name}: CSV header {reader.fieldnames} has no {text_field!r} column; name it with --text-field"
        )
    for n, row in enumerate(reader, 1):
        if None in row:
            row.pop(None)
        yield _from_mapping(row, str(n), id_field, text_field, title_field, keep)


def _dir_records(root: Path) -> Iterator[_Record]:
    from .pipeline import decode

    # Not only regular files: a dangling link or a special file named *.txt must come out as
    # an error record, never vanish from the output.
    files = sorted(
        p
        for p in root.rglob("*")
        if not p.is_dir()
        and (p.suffix.lower() in TEXT_SUFFIXES or (p.suffix == ".gz" and _base_suffix(p) in TEXT_SUFFIXES))
    )
    for path in files:
        rid = path.relative_to(root).as_posix()
        try:
            data = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
        except OSError as exc:
            yield _Record(rid, error=f"record {rid}: cannot read file ({exc.strerror or exc})")
            continue
        if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            yield _Record(rid, error=f"record {rid}: binary file, not text")
            continue
        text, _ = decode(data)
        yield _Record(rid, text=text)


def read_records(
    source: str | Path,
    *,
    id_field: str = "id",
    text_field: str = "text",
    title_field: str = "title",
    keep: tuple[str, ...] = (),
) -> Iterator[_Record]:
    """Yield the records of ``source`` (see module docs), bad ones as error records.

    Raises:
        InputError: the source does not exist, or a CSV lacks the text column.
    """
    if str(source) == "-":
        yield from _jsonl_records(
            io.TextIOWrapper(sys.stdin.buffer, encoding="utf-8-sig", errors="replace"),
            "<stdin>",
            id_field,
            text_field,
            title_field,
            keep,
        )
        return
    path = Path(source)
    if path.is_dir():
        yield from _dir_records(path)
        return
    if not path.is_file():
        raise InputError(Errors.E041.format(path=path))
    suffix = _base_suffix(path)
    with _open_text(path) as fh:
        if suffix == ".csv":
            yield from _csv_records(fh, str(path), id_field, text_field, title_field, keep)
        elif suffix in TEXT_SUFFIXES:
            yield _Record(path.name, text=fh.read())
        else:
            yield from _jsonl_records(fh, str(path), id_field, text_field, title_field, keep)


def _journal_state(path: Path) -> list[dict[str, Any]]:
    """Read the complete records of an earlier run; cut a torn last line."""
    if not path.exists():
        return []
    data = path.read_bytes()
    end = data.rfind(b"\n") + 1
    if end != len(data):
        with path.open("r+b") as fh:
            fh.truncate(end)
    done = []
    for line in data[:end].splitlines():
        try:
            done.append(json.loads(line))
        except json.JSONDecodeError as exc:
            raise OutputError(Errors.E046.format(path=path, reason=f"a line is not JSON ({exc.msg})")) from exc
    return done


def _output_format(destination: Path, fmt: str | None) -> str:
    if fmt is None:
        suffix = destination.suffix.lower().lstrip(".")
        fmt = suffix if suffix in FORMATS else "jsonl"
    if fmt not in FORMATS:
        raise InputError(Errors.E044.format(format=fmt))
    if fmt == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError as exc:
            raise InputError(Errors.E045) from exc
    return fmt


def _result_record(rec: _Record, status: str, value: Any) -> dict[str, Any]:
    out: dict[str, Any] = {"id": rec.id, **rec.keep}
    if status == "ok":
        out["status"] = "ok"
        out.update(value.to_dict(spans=False))
    else:
        out["status"] = "error"
        out["error"] = value
    return out


def _finish(journal: Path, destination: Path, fmt: str) -> None:
    rows = [json.loads(line) for line in journal.read_text(encoding="utf-8").splitlines() if line]
    tmp = destination.with_name(destination.name + ".tmp")
    if fmt == "csv":
        columns: list[str] = []
        for row in rows:
            columns.extend(k for k in row if k not in columns)
        with tmp.open("w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=columns)
            writer.writeheader()
            for row in rows:
                writer.writerow(
                    {
                        k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v)
                        for k, v in row.items()
                    }
                )
    else:
        import pyarrow as pa
        import pyarrow.parquet as pq

        flat = [
            {k: (json.dumps(v, ensure_ascii=False) if isinstance(v, (list, dict)) else v) for k, v in row.items()}
            for row in rows
        ]
        pq.write_table(pa.Table.from_pylist(flat), tmp)
    os.replace(tmp, destination)
    journal.unlink()


def tag_archive(
    source: str | Path,
    destination: str | Path,
    *,
    id_field: str = "id",
    text_field: str = "text",
    title_field: str = "title",
    keep: tuple[str, ...] | list[str] = (),
    workers: int = 1,
    batch_size: int = 64,
    output_format: str | None = None,
    resume: bool = True,
    overwrite: bool = False,
    progress: bool = True,
    tagger: Any = None,
) -> Summary:
    """Analyse every record of ``source`` and write one result per record to ``destination``.

    Args:
        source: a JSONL or CSV file (optionally ``.gz``), a folder of ``.txt``/``.html``
            files, or ``"-"`` for JSONL on standard input.
        destination: the output file; its suffix picks the format unless ``output_format``.
        id_field, text_field, title_field: field names in the input records.
        keep: input fields copied into each output record (e.g. ``("url", "date")``).
        workers: worker processes.
        batch_size: records per batch; output is flushed after each batch.
        output_format: ``jsonl``, ``csv`` or ``parquet``.
        resume: continue an interrupted run into the same destination.
        overwrite: replace an existing destination instead of resuming.
        progress: show a progress bar on standard error (only when it is a terminal).
        tagger: a :class:`~toleransi_nlp.pipeline.Tagger` to use (the default one when None).

    Returns:
        A :class:`Summary`; ``interrupted`` is set when Ctrl-C stopped the run.

    Raises:
        InputError: the source is missing or unreadable as a whole.
        OutputError: the destination exists (without resume/overwrite) or cannot be written.
    """
    from .pipeline import Tagger, chunked

    started = time.perf_counter()
    destination = Path(destination)
    fmt = _output_format(destination, output_format)
    journal = destination if fmt == "jsonl" else destination.with_name(destination.name + ".partial.jsonl")
    if overwrite:
        for p in {journal, destination}:
            if p.exists():
                p.unlink()
    elif destination.exists() and (fmt != "jsonl" or not resume):
        raise OutputError(Errors.E042.format(path=destination))
    if not resume and journal.exists():
        raise OutputError(Errors.E042.format(path=journal))
    try:
        destination.parent.mkdir(parents=True, exist_ok=True)
        done = _journal_state(journal)
    except OSError as exc:
        raise OutputError(Errors.E043.format(path=destination, reason=exc.strerror or exc)) from exc

    summary = Summary(output=str(destination))
    labels: Counter[str] = Counter()

    def count(row: dict[str, Any]) -> None:
        summary.records += 1
        if row.get("status") == "ok":
            summary.ok += 1
            labels.update(row.get("labels") or ["(none)"])
        else:
            summary.errors += 1

    for row in done:
        count(row)
    summary.resumed = len(done)

    records = read_records(source, id_field=id_field, text_field=text_field, title_field=title_field, keep=tuple(keep))
    skipped = 0
    for rec in records:
        if skipped == len(done):
            pending_first = rec
            break
        if str(done[skipped].get("id")) != rec.id:
            raise OutputError(
                Errors.E046.format(
                    path=journal,
                    reason=f"record {skipped + 1} there has id {done[skipped].get('id')!r}, the input has {rec.id!r}",
                )
            )
        skipped += 1
    else:
        pending_first = None

    tagger = tagger or Tagger()
    bar = None
    if progress and sys.stderr.isatty():
        from tqdm import tqdm

        bar = tqdm(unit=" articles", initial=0, file=sys.stderr, desc="tagging")

    def remaining() -> Iterator[_Record]:
        if pending_first is not None:
            yield pending_first
            yield from records

    try:
        fh = journal.open("a", encoding="utf-8")
    except OSError as exc:
        raise OutputError(Errors.E043.format(path=journal, reason=exc.strerror or exc)) from exc
    pool = tagger.open_pool(workers) if workers > 1 else None
    try:
        for batch in chunked(remaining(), batch_size * max(1, workers)):
            good = [r for r in batch if r.error is None]
            results = iter(
                tagger._pipe_safe([(r.text, r.title) for r in good], batch_size=batch_size, workers=workers, pool=pool)
            )
            lines = []
            for rec in batch:
                if rec.error is not None:
                    row = _result_record(rec, "error", rec.error)
                else:
                    status, value = next(results)
                    row = _result_record(rec, status, value if status == "ok" else f"record {rec.id}: {value}")
                lines.append(json.dumps(row, ensure_ascii=False) + "\n")
                count(row)
            try:
                fh.write("".join(lines))
                fh.flush()
                os.fsync(fh.fileno())
            except OSError as exc:
                raise OutputError(Errors.E043.format(path=journal, reason=exc.strerror or exc)) from exc
            if bar is not None:
                bar.update(len(batch))
    except KeyboardInterrupt:
        summary.interrupted = True
    finally:
        fh.close()
        if pool is not None:
            pool.terminate()
            pool.join()
        if bar is not None:
            bar.close()
    if not summary.interrupted and fmt != "jsonl":
        try:
            _finish(journal, destination, fmt)
        except OSError as exc:
            raise OutputError(Errors.E043.format(path=destination, reason=exc.strerror or exc)) from exc
    summary.labels = dict(labels)
    summary.seconds = time.perf_counter() - started
    return summary
