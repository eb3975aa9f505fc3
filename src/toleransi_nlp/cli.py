"""The ``toleransi-nlp`` command: analyze one article, tag an archive, train, evaluate.

Exit codes: 0 success, 1 failure (the message names the file and what to do), 2 usage
error. User errors print one line on standard error, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import ToleransiError

EXAMPLES = {
    "analyze": """examples:
  toleransi-nlp analyze examples/surakarta-bnpt.txt
  toleransi-nlp analyze article.html --json
  cat article.txt | toleransi-nlp analyze - --title "Judul berita"
""",
    "tag": """examples:
  toleransi-nlp tag archive.jsonl -o tagged.jsonl
  toleransi-nlp tag archive.csv.gz -o tagged.csv --workers 2 --keep url,date
  toleransi-nlp tag articles/ -o tagged.parquet --quiet
""",
    "train": """examples:
  toleransi-nlp train                       # corpora/ -> models/
  toleransi-nlp train --corpus my.jsonl -o my-model/
""",
    "evaluate": """examples:
  toleransi-nlp evaluate --gold gold.jsonl
  toleransi-nlp evaluate --gold gold.jsonl --model my-model/topics.joblib --trusted
""",
}


def _bar(p: float, width: int = 20) -> str:
    full = int(round(p * width))
    return "#" * full + "." * (width - full)


def _summary(result: Any) -> str:
    lines = ["Topics:"]
    for label, p in result.topics.items():
        mark = "  <- label" if label in result.labels else ""
        lines.append(f"  {label:<12} {_bar(p)} {p:5.2f}{mark}")
    lines.append(f"Labels: {', '.join(result.labels) or '(none: other news)'}")
    lines.append("Officials:")
    for o in result.officials:
        where = ", ".join(x for x in (o.organisation, o.jurisdiction) if x)
        lines.append(
            f"  {o.name}"
            + (f" - {o.role}" if o.role else "")
            + (f" ({where})" if where else "")
            + (f" [{o.rank}]" if o.rank else "")
        )
    lines.append("Agencies:")
    for a in result.agencies:
        lines.append(f"  {a.name}" + (f" ({a.acronym})" if a.acronym and a.acronym != a.name else ""))
    lines.append("Cities:")
    for c in result.cities:
        lines.append(f"  {c.name} ({c.province})")
    for w in result.warnings:
        lines.append(f"Warning: {w}")
    return "\n".join(lines)


def _read_input(name: str) -> bytes:
    if name == "-":
        return sys.stdin.buffer.read()
    path = Path(name)
    if path.is_dir():
        raise ToleransiError(f"{name} is a folder; pass one article file (use 'tag' for folders)")
    if not path.is_file():
        raise ToleransiError(f"input not found: {name}")
    try:
        return path.read_bytes()
    except OSError as exc:
        raise ToleransiError(f"cannot read {name}: {exc.strerror or exc}") from exc


def cmd_analyze(args: argparse.Namespace) -> int:
    from .pipeline import analyze

    result = analyze(_read_input(args.file), title=args.title)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        print(_summary(result))
    return 0


def cmd_tag(args: argparse.Namespace) -> int:
    from .batch import tag_archive
    from .pipeline import Tagger

    keep = tuple(k for k in (args.keep or "").split(",") if k)
    tagger = Tagger(model_path=args.model, trusted=args.trusted) if args.model else None
    summary = tag_archive(
        args.input,
        args.output,
        id_field=args.id_field,
        text_field=args.text_field,
        title_field=args.title_field,
        keep=keep,
        workers=args.workers,
        output_format=args.format,
        resume=not args.no_resume,
        overwrite=args.overwrite,
        progress=not args.quiet,
        tagger=tagger,
    )
    print(str(summary), file=sys.stderr)
    return 130 if summary.interrupted else 0


def cmd_train(args: argparse.Namespace) -> int:
    import time

    from .topics import save_model, train

    corpus = args.corpus or ["corpora/topics.jsonl"]
    started = time.perf_counter()
    model = train(corpus, seed=args.seed)
    path = save_model(model, args.output, corpus_paths=corpus)
    macro = model.info_["cv_metrics"]["macro"]["f1"]
    print(
        f"trained on {model.info_['records']} articles in {time.perf_counter() - started:.1f} s; "
        f"cross-validated macro-F1 {macro:.3f}; thresholds {model.thresholds_}\nwrote {path} and its card"
    )
    return 0


def cmd_evaluate(args: argparse.Namespace) -> int:
    from .topics import evaluate, load_model, read_corpus

    model = load_model(args.model, trusted=args.trusted)
    report = evaluate(model, read_corpus([args.gold]))
    print(json.dumps(report.to_dict(), indent=2) if args.json else report.table())
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="toleransi-nlp",
        description="Tag Indonesian news for terorisme, radikalisme, intoleransi and toleransi, "
        "and list the officials, agencies and cities involved.",
        epilog="examples:\n  toleransi-nlp analyze examples/surakarta-bnpt.txt\n"
        "  toleransi-nlp tag archive.jsonl -o tagged.jsonl --workers 2",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"toleransi-nlp {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)
    fmt = argparse.RawDescriptionHelpFormatter

    p = sub.add_parser("analyze", help="analyse one article", epilog=EXAMPLES["analyze"], formatter_class=fmt)
    p.add_argument("file", nargs="?", default="-", help="article file (text or HTML), or - for standard input")
    p.add_argument("--json", action="store_true", help="print the full result as JSON")
    p.add_argument("--title", default=None, help="the article's headline")
    p.set_defaults(func=cmd_analyze)

    p = sub.add_parser("tag", help="tag a news archive", epilog=EXAMPLES["tag"], formatter_class=fmt)
    p.add_argument("input", help="JSONL/CSV file (.gz too), folder of .txt/.html files, or -")
    p.add_argument("-o", "--output", required=True, help="output file (.jsonl, .csv or .parquet)")
    p.add_argument("--workers", type=int, default=1, help="worker processes (default 1)")
    p.add_argument(
        "--format",
        choices=["jsonl", "csv", "parquet"],
        default=None,
        help="output format (default: from the output's suffix, else jsonl)",
    )
    p.add_argument("--no-resume", action="store_true", help="refuse to continue an existing output")
    p.add_argument("--overwrite", action="store_true", help="replace an existing output")
    p.add_argument("--keep", default="", help="input fields to copy through, comma-separated (url,date)")
    p.add_argument("--id-field", default="id")
    p.add_argument("--text-field", default="text")
    p.add_argument("--title-field", default="title")
    p.add_argument("--model", default=None, help="topic model file (default: the packaged model)")
    p.add_argument("--trusted", action="store_true", help="load --model without checking its card")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=cmd_tag)

    p = sub.add_parser("train", help="train the topic model", epilog=EXAMPLES["train"], formatter_class=fmt)
    p.add_argument("--corpus", action="append", help="JSONL corpus file or folder (repeatable)")
    p.add_argument("-o", "--output", default="models", help="output folder (default models/)")
    p.add_argument("--seed", type=int, default=0)
    p.set_defaults(func=cmd_train)

    p = sub.add_parser(
        "evaluate", help="score a model on gold articles", epilog=EXAMPLES["evaluate"], formatter_class=fmt
    )
    p.add_argument("--gold", required=True, help="JSONL with text, labels (and title)")
    p.add_argument("--model", default=None)
    p.add_argument("--trusted", action="store_true")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_evaluate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``toleransi-nlp`` console script."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args))
    except ToleransiError as exc:
        print(f"toleransi-nlp {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"toleransi-nlp {args.command}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


if __name__ == "__main__":
    sys.exit(main())
