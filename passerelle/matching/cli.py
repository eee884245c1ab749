"""Command line of the matching engine (formats and examples in docs/engines.md).

    python -m passerelle.matching score --documents DOCS.jsonl --pairs PAIRS.jsonl [--out FILE]
    python -m passerelle.matching top --documents DOCS.jsonl [--k 10] [--any-territory]
                                      [--exclude-partners] [--language en|fr] [--workers N] [--out FILE]

DOCS lines: ``{"id": "a", "texts": ["..."], "tags": {...}}``; PAIRS lines: ``{"a": "id1", "b": "id2"}``.
``score`` prints ``{"a", "b", "score"}`` per pair in input order; ``top`` prints
``{"id", "top": [{"id", "score", "reasons"}]}`` per document, each reason
``{"component", "contribution", "text", "evidence"}``. ``--workers`` is capped at the number
of blocks of documents and at the machine's CPUs. Bad input: one message on stderr naming the
file, line and field, exit status 2.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

from .documents import Document, DocumentError, parse_document
from .engine import build_index
from .filters import TopOptions


class InputError(Exception):
    """Bad input, reported to the user as ``file:line: message``."""


def _json_lines(path: str) -> Iterator[tuple[int, Any]]:
    try:
        handle = Path(path).open(encoding="utf-8")
    except OSError as error:
        raise InputError(f"{path}: cannot open ({error.strerror or error})")
    with handle:
        try:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as error:
                    raise InputError(f"{path}:{number}: invalid JSON ({error.msg} at column {error.colno})")
        except UnicodeDecodeError:
            raise InputError(f"{path}: not UTF-8 text")


def read_documents(path: str) -> list[Document]:
    """Documents of a JSON-lines file; refuses malformed lines and duplicate ids."""
    documents: list[Document] = []
    first_line: dict[str, int] = {}
    for number, raw in _json_lines(path):
        try:
            doc = parse_document(raw)
        except DocumentError as error:
            where = f" (field '{error.field}')" if error.field else ""
            raise InputError(f"{path}:{number}: {error}{where}")
        if doc.id in first_line:
            first = first_line[doc.id]
            raise InputError(f"{path}:{number}: field 'id': duplicate id {doc.id!r} (first on line {first})")
        first_line[doc.id] = number
        documents.append(doc)
    return documents


def read_pairs(path: str, known: set[str]) -> list[tuple[str, str]]:
    """Pairs of a JSON-lines file; refuses malformed lines and ids not among ``known``."""
    pairs: list[tuple[str, str]] = []
    for number, raw in _json_lines(path):
        if not isinstance(raw, dict):
            raise InputError(f"{path}:{number}: a pair must be a JSON object with fields 'a' and 'b'")
        ids = []
        for name in ("a", "b"):
            value = raw.get(name)
            if value is None:
                raise InputError(f"{path}:{number}: missing field '{name}'")
            if not isinstance(value, str | int) or isinstance(value, bool):
                raise InputError(f"{path}:{number}: field '{name}' must be a document id (string)")
            if str(value) not in known:
                raise InputError(f"{path}:{number}: field '{name}': unknown document id {str(value)!r}")
            ids.append(str(value))
        pairs.append((ids[0], ids[1]))
    return pairs


def _write(lines: Iterator[dict[str, Any]] | list[dict[str, Any]], out: TextIO) -> None:
    for line in lines:
        out.write(json.dumps(line, ensure_ascii=False) + "\n")


def run_score(args: argparse.Namespace, out: TextIO) -> None:
    documents = read_documents(args.documents)
    pairs = read_pairs(args.pairs, {d.id for d in documents})
    scores = build_index(documents).score_pairs(pairs)
    _write(({"a": a, "b": b, "score": round(s, 8)} for (a, b), s in zip(pairs, scores, strict=True)), out)


def run_top(args: argparse.Namespace, out: TextIO) -> None:
    if args.k < 1:
        raise InputError("--k must be at least 1")
    documents = read_documents(args.documents)
    options = TopOptions(any_territory=args.any_territory, exclude_partners=args.exclude_partners)
    index = build_index(documents)
    best = index.top_all(args.k, options, with_reasons=not args.no_reasons, language=args.language,
                         workers=max(1, args.workers))
    _write(
        (
            {
                "id": doc.id,
                "top": [
                    {"id": s.id, "score": round(s.score, 8), "reasons": [r.as_dict() for r in s.reasons]}
                    for s in best[doc.id]
                ],
            }
            for doc in documents
        ),
        out,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m passerelle.matching", description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    score = commands.add_parser("score", help="score the given pairs of documents")
    score.add_argument("--documents", required=True, help="documents, one JSON object a line")
    score.add_argument("--pairs", required=True, help='pairs {"a": id, "b": id}, one a line')
    score.add_argument("--out", help="write here instead of standard output")
    top = commands.add_parser("top", help="each document's k best partners, with reasons")
    top.add_argument("--documents", required=True, help="documents, one JSON object a line")
    top.add_argument("--k", type=int, default=10, help="suggestions per document (default 10)")
    top.add_argument("--any-territory", action="store_true", help="also suggest partners of one's own territory")
    top.add_argument("--exclude-partners", action="store_true", help="leave out existing partners (tags.partners)")
    top.add_argument("--language", choices=("en", "fr"), default="en", help="language of the reasons")
    top.add_argument("--no-reasons", action="store_true", help="omit the reasons (faster)")
    top.add_argument("--workers", type=int, default=1, help="processes ranking blocks of documents (default 1)")
    top.add_argument("--out", help="write here instead of standard output")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        out = Path(args.out).open("w", encoding="utf-8") if args.out else sys.stdout
    except OSError as error:
        print(f"error: {args.out}: cannot write ({error.strerror or error})", file=sys.stderr)
        return 2
    try:
        (run_score if args.command == "score" else run_top)(args, out)
    except InputError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # the reader went away (e.g. `| head`): not an error of ours
        sys.stderr.close()
        return 0
    except Exception as error:  # never a traceback for the user; the message still says what broke
        print(f"error: {type(error).__name__}: {error}", file=sys.stderr)
        return 2
    finally:
        if out is not sys.stdout:
            out.close()
    return 0
