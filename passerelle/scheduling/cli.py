"""Command line: ``python -m passerelle.scheduling solve INSTANCE.json [--time-limit S] [--out FILE]``.

Also ``greedy INSTANCE.json`` (the baseline alone) and ``validate INSTANCE.json SCHEDULE.json``
(the independent checker). Output JSON as in docs/engines.md. Exit codes: 0 done (``validate``:
the schedule is valid), 1 ``validate`` found broken rules, 2 bad input (one line on stderr naming
the faulty item: malformed or too deeply nested JSON, numbers out of range, a lone surrogate in an
id, a time limit that is not a positive finite number...); never a traceback.
"""
from __future__ import annotations

import argparse
import json
import math
import sys
from pathlib import Path

from .greedy import greedy_schedule
from .parsing import InstanceError, load_instance, load_json, parse_instance
from .solver import solve
from .validation import validate_schedule

EXIT_BAD_INPUT = 2
MAX_TIME_LIMIT = 7 * 24 * 3600.0
MAX_WORKERS = 64


def _time_limit(text: str) -> float:
    """A positive finite number of seconds (``nan``, ``inf`` and negatives are refused)."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
    if not math.isfinite(value) or not 0 < value <= MAX_TIME_LIMIT:
        raise argparse.ArgumentTypeError(f"must be a number of seconds > 0 and <= {MAX_TIME_LIMIT:.0f}, got {text!r}")
    return value


def _workers(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an integer: {text!r}") from None
    if not 1 <= value <= MAX_WORKERS:
        raise argparse.ArgumentTypeError(f"must be between 1 and {MAX_WORKERS}, got {text!r}")
    return value


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse exits 2 too, but with our wording
        self.exit(EXIT_BAD_INPUT, f"error: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m passerelle.scheduling", description="Schedule meetings at an event.")
    commands = parser.add_subparsers(dest="command", required=True)
    for name, help_text in (("solve", "optimise with CP-SAT"), ("greedy", "the greedy baseline only")):
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("instance", help="instance JSON file ('-' for stdin)")
        sub.add_argument("--time-limit", type=_time_limit, default=30.0, help="seconds (default 30)")
        sub.add_argument("--workers", type=_workers, default=2, help="CP-SAT workers (default 2)")
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


def _validate(args: argparse.Namespace) -> int:
    """Check a schedule: the instance must parse, the schedule must have the output's shape."""
    data = load_json(_read(args.instance), "the instance")
    parse_instance(data)
    output = load_json(_read(args.schedule), "the schedule")
    _check_output_shape(output)
    problems = validate_schedule(data, output)
    print("\n".join(problems) if problems else "valid")
    return 1 if problems else 0


def _check_output_shape(output: object) -> None:
    """The schedule must be an object whose ``meetings`` are objects with scalar fields."""
    if not isinstance(output, dict):
        raise InstanceError("the schedule must be a JSON object")
    meetings = output.get("meetings", [])
    if not isinstance(meetings, list):
        raise InstanceError("the schedule's 'meetings' must be a list")
    for m in meetings:
        if not isinstance(m, dict) or not all(isinstance(m.get(k), str | int | float | type(None))
                                              for k in ("request", "slot", "table")):
            raise InstanceError("the schedule's 'meetings' must be objects with 'request', 'slot' and 'table'")
    for key in ("objective", "upper_bound", "breaks", "max_breaks"):
        if key in output and (isinstance(output[key], bool) or not isinstance(output[key], int | float)):
            raise InstanceError(f"the schedule's {key!r} must be a number")


def _run(args: argparse.Namespace) -> int:
    if args.command == "validate":
        return _validate(args)
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
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help (0) or a bad option (2, already explained on stderr)
        return exc.code if isinstance(exc.code, int) else EXIT_BAD_INPUT
    try:
        return _run(args)
    except InstanceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
