"""Hand the French catalogue's untranslated entries to translators, and take their work back.

    .venv/bin/python scripts/catalogue_todo.py export --chunks 3 --out /tmp/fr-todo
    # each translator fills "msgstr" (or "msgstr_plural") in one chunk_N.json
    .venv/bin/python scripts/catalogue_todo.py merge /tmp/fr-todo
    make messages        # or compilemessages alone

Entries without a translation and fuzzy ones are exported; merging fills them, clears the
fuzzy flag, keeps every msgstr on one line and refuses entries whose format fields
(%(name)s, {{ name }}, %s) differ from the msgid's.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

import polib

CATALOGUE = Path(__file__).resolve().parent.parent / "passerelle/locale/fr/LC_MESSAGES/django.po"
FORMAT_FIELD = re.compile(r"%\([a-z_]+\)[sd]|%[sd]|\{\{ ?[a-z_.]+ ?\}\}|\{[a-z_]*\}")


def _todo(catalogue: polib.POFile) -> list[polib.POEntry]:
    return [e for e in catalogue if not e.obsolete and (not e.translated() or "fuzzy" in e.flags)]


def export(chunks: int, out: Path) -> int:
    catalogue = polib.pofile(str(CATALOGUE))
    todo = _todo(catalogue)
    out.mkdir(parents=True, exist_ok=True)
    size = -(-len(todo) // max(1, chunks)) or 1
    for number, start in enumerate(range(0, len(todo), size), 1):
        items = []
        for entry in todo[start:start + size]:
            item = {"msgctxt": entry.msgctxt, "msgid": entry.msgid,
                    "where": [f"{path}:{line}" for path, line in entry.occurrences[:2]]}
            if entry.msgid_plural:
                item["msgid_plural"] = entry.msgid_plural
                item["msgstr_plural"] = {"0": "", "1": ""}
            else:
                item["msgstr"] = ""
            items.append(item)
        (out / f"chunk_{number}.json").write_text(json.dumps(items, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"{len(todo)} entries to translate in {out}")
    return 0


def _format_fields(text: str) -> list[str]:
    return sorted(FORMAT_FIELD.findall(text))


MULTILINE = re.compile(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) ""\n((?:"[^\n]*"\n)+)', re.MULTILINE)


def one_line(path: Path) -> None:
    """Every msgid/msgstr on one line (polib splits texts at their newlines), the header aside."""
    text = path.read_text(encoding="utf-8")
    header_end = text.index("\n\n") + 2 if "\n\n" in text else 0

    def join(match: re.Match[str]) -> str:
        pieces = [line[1:-1] for line in match.group(2).splitlines()]
        return f'{match.group(1)} "{"".join(pieces)}"\n'

    path.write_text(text[:header_end] + MULTILINE.sub(join, text[header_end:]), encoding="utf-8")


def merge(folder: Path) -> int:
    catalogue = polib.pofile(str(CATALOGUE), wrapwidth=0)
    by_key = {(e.msgctxt, e.msgid): e for e in catalogue if not e.obsolete}
    filled, problems = 0, []
    for path in sorted(folder.glob("chunk_*.json")):
        for item in json.loads(path.read_text(encoding="utf-8")):
            entry = by_key.get((item.get("msgctxt"), item["msgid"]))
            if entry is None:
                problems.append(f"{path.name}: not in the catalogue: {item['msgid'][:60]!r}")
                continue
            if entry.msgid_plural:
                plural = {int(k): v for k, v in (item.get("msgstr_plural") or {}).items()}
                if not all(plural.get(i) for i in (0, 1)):
                    problems.append(f"{path.name}: untranslated plural: {item['msgid'][:60]!r}")
                    continue
                if _format_fields(plural[1]) != _format_fields(entry.msgid_plural):
                    problems.append(f"{path.name}: format fields differ: {item['msgid'][:60]!r}")
                    continue
                entry.msgstr_plural = plural
            else:
                text = item.get("msgstr") or ""
                if not text:
                    problems.append(f"{path.name}: untranslated: {item['msgid'][:60]!r}")
                    continue
                if _format_fields(text) != _format_fields(entry.msgid):
                    problems.append(f"{path.name}: format fields differ: {item['msgid'][:60]!r}")
                    continue
                entry.msgstr = text
            if "fuzzy" in entry.flags:
                entry.flags.remove("fuzzy")
                entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            filled += 1
    catalogue.save(str(CATALOGUE))
    one_line(CATALOGUE)
    left = len(_todo(polib.pofile(str(CATALOGUE))))
    print(f"filled {filled} entries; {left} left untranslated")
    for problem in problems:
        print("  " + problem)
    return 1 if left or problems else 0


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    export_parser = commands.add_parser("export")
    export_parser.add_argument("--chunks", type=int, default=1)
    export_parser.add_argument("--out", type=Path, required=True)
    merge_parser = commands.add_parser("merge")
    merge_parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    if args.command == "export":
        return export(args.chunks, args.out)
    return merge(args.folder)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
