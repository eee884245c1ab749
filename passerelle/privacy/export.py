"""A person's data as JSON (machine-readable) and as sections for the readable page."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import timezone

from passerelle.directory.models import Person

from . import registry


def person_data(person: Person) -> dict[str, Any]:
    return {"exported_at": timezone.now().isoformat(), "person_id": person.pk, **registry.export_person(person)}


def json_response(person: Person) -> HttpResponse:
    body = json.dumps(person_data(person), cls=DjangoJSONEncoder, ensure_ascii=False, indent=2)
    response = HttpResponse(body, content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="passerelle-personal-data-{person.pk}.json"'
    return response


@dataclass
class Block:
    """One part of an app's data: a list of (label, value) pairs, or a table."""

    title: str
    pairs: list[tuple[str, str]] = field(default_factory=list)
    columns: list[str] = field(default_factory=list)
    rows: list[list[str]] = field(default_factory=list)


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, dict):
        return "; ".join(f"{key}: {_text(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    return "" if value is None else str(value)


def readable_sections(data: dict[str, dict]) -> list[tuple[str, list[Block]]]:
    """``[(app label, [blocks])]``: dicts become pairs, lists of dicts become tables."""
    sections = []
    for app_label, content in data.items():
        if not isinstance(content, dict):
            continue
        blocks = []
        for key, value in content.items():
            block = Block(title=key.replace("_", " "))
            if isinstance(value, dict):
                block.pairs = [(name.replace("_", " "), _text(item)) for name, item in value.items()]
            elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
                block.columns = list(dict.fromkeys(name for item in value for name in item))
                block.rows = [[_text(item.get(name)) for name in block.columns] for item in value]
                block.columns = [name.replace("_", " ") for name in block.columns]
            else:
                block.pairs = [("", _text(value))]
            blocks.append(block)
        sections.append((app_label, blocks))
    return sections
