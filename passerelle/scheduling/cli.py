"""Command line: ``python -m passerelle.scheduling solve INSTANCE.json [--time-limit S] [--out FILE]``.

Also ``greedy INSTANCE.json`` (the baseline alone) and ``validate INSTANCE.json SCHEDULE.json``
(the independent checker). Output JSON as in ARCHITECTURE.md. Bad input: one line on stderr
naming the faulty item, exit code 2; never a traceback.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .greedy import greedy_schedule
from .parsing import InstanceError, load_instance
from .solver import solve
from .validation import validate_schedule

EXIT_BAD_INPUT = 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too, but with our wording
        self.exit(EXIT_BAD_INPUT, f"error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m passerelle.scheduling", description="Schedule meetings at an event.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("solve", "optimise with CP-SAT"), ("greedy", "the greedy baseline only")):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("instance", help="instance JSON file ('-' for stdin)")
        sub.add_argument("--time-limit", type=float, default=30.0, help="seconds (default 30)")
        sub.add_argument("--workers", type=int, default=2, help="CP-SAT workers (default 2)")
        sub.add_argument("--out", help="write the JSON here instead of stdout")
    check = commands.add_parser("validate", help="check a schedule against an instance")
    check.add_argument("instance")
    check.add_argument("schedule")
    return parser


def _read(path: str) -> str:
    try:
        return sys.stdin.read() if path == "-" else Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise InstanceError(f"cannot read {path!r}: {exc}") from None


def _run(args: argparse.Namespace) -> int:
    if args.command == "validate":
        problems = validate_schedule(json.loads(_read(args.instance)), json.loads(_read(args.schedule)))
        print("\n".join(problems) if problems else "valid")
        return 1 if problems else 0
    if args.time_limit <= 0:
        raise InstanceError(f"--time-limit must be > 0, got {args.time_limit}")
    instance = load_instance(_read(args.instance))
    if args.command == "greedy":
        solution = greedy_schedule(instance)
    else:
        solution = solve(instance, time_limit=args.time_limit, num_workers=max(1, args.workers))
    text = json.dumps(solution.to_dict(instance), indent=1, ensure_ascii=False)
    if args.out:
        Path(args.out).write_text(text + "\n", encoding="utf-8")
    else:
        print(text)
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code (0 ok, 1 invalid schedule, 2 bad input)."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except InstanceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except (json.JSONDecodeError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
