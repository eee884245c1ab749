"""A person's data as JSON (machine-readable) and as sections for the readable page."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import datetime
from functools import cache
from typing import Any

from django.apps import apps
from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpResponse
from django.utils import formats, timezone
from django.utils.translation import gettext_lazy as _

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


# The JSON keeps stable English keys (it is read by programs); the page says them in words.
KEY_LABELS = {
    "account": _("account"), "api_tokens": _("API tokens"), "prefix": _("beginning"), "last_used": _("last used"),
    "expires": _("expires"), "revoked": _("revoked"), "sign_ins": _("sign-ins"), "invitations": _("invitations"),
    "email": _("e-mail"), "first_name": _("first name"), "last_name": _("last name"), "role": _("role"),
    "active": _("active"), "created": _("created"), "updated": _("updated"), "last_sign_in": _("last sign-in"),
    "at": _("when"), "address": _("address"), "browser": _("browser"), "sent": _("sent"), "accepted": _("accepted"),
    "profile": _("profile"), "history": _("history of changes"), "action": _("action"), "by": _("by"),
    "changes": _("changes"), "registrations": _("registrations"), "delegations": _("delegations"),
    "programme": _("programme"), "event": _("event"), "start": _("start"), "status": _("status"),
    "listed_on_participant_list": _("listed among participants"), "registered": _("registered"),
    "confirmed": _("confirmed"), "cancelled": _("cancelled"), "delegation": _("delegation"), "head": _("head"),
    "title": _("title"), "consents": _("consents"), "purpose": _("purpose"), "given": _("given"), "how": _("how"),
    "notice_version": _("privacy notice version"), "note": _("note"), "erasure_requests": _("erasure requests"),
    "requested": _("requested"), "reason": _("reason"), "kind": _("kind"), "territory": _("territory"),
    "orcid": _("ORCID iD"), "expertise": _("expertise"), "keywords": _("keywords"), "offers": _("offers"),
    "seeks": _("seeks"), "visibility": _("visibility"), "consent_date": _("consent date"),
    "categories": _("research categories"), "sites": _("cancer sites"), "techniques": _("techniques"),
    "languages": _("languages"), "affiliations": _("affiliations"), "arrival": _("arrival"),
    "departure": _("departure"), "dietary_needs": _("dietary needs"), "invitation_letter": _("invitation letter"),
    "letter_details": _("for the letter"),
}
VALUE_WORDS = {"you": _("you"), "a coordinator": _("a coordinator"), "import or system": _("an import or the system")}
ISO_MOMENT = re.compile(r"^\d{4}-\d{2}-\d{2}([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?([+-]\d{2}:\d{2}|Z)?)?$")


@cache
def _field_labels() -> dict[str, str]:
    """Names of model fields (exports read straight from the models use them) → their verbose names
    (lazy: said in the reader's language when shown). Built once per process."""
    labels: dict[str, str] = {}
    for model in apps.get_models():
        for model_field in model._meta.concrete_fields:
            labels.setdefault(model_field.name, getattr(model_field, "verbose_name", model_field.name))
    return labels


def label(key: str) -> str:
    """A key of the export in the reader's language: known keys, then model field names."""
    if key in KEY_LABELS:
        return str(KEY_LABELS[key])
    found = _field_labels().get(key)
    return str(found) if found is not None else key.replace("_", " ")


def _moment(text: str) -> str:
    """An ISO date or moment in the reader's language and the site's time zone."""
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return text
    if len(text) == 10:
        return formats.date_format(moment.date(), "DATE_FORMAT")
    if timezone.is_aware(moment):
        moment = timezone.localtime(moment)
    return formats.date_format(moment, "DATETIME_FORMAT")


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "✓" if value else "–"
    if isinstance(value, dict):
        if set(value) == {"from", "to"}:
            return f"{_text(value['from']) or '—'} → {_text(value['to']) or '—'}"
        return "; ".join(f"{label(key)}: {_text(item)}" for key, item in value.items())
    if isinstance(value, list):
        return ", ".join(_text(item) for item in value)
    if isinstance(value, str):
        if value in VALUE_WORDS:
            return str(VALUE_WORDS[value])
        if ISO_MOMENT.match(value):
            return _moment(value)
    return "" if value is None else str(value)


def readable_sections(data: dict[str, dict]) -> list[tuple[str, list[Block]]]:
    """``[(app name, [blocks])]`` in the reader's language: dicts become pairs, lists of dicts tables."""
    sections = []
    for app_label, content in data.items():
        if not isinstance(content, dict):
            continue
        blocks = []
        for key, value in content.items():
            block = Block(title=label(key))
            if isinstance(value, dict):
                block.pairs = [(label(name), _text(item)) for name, item in value.items()]
            elif isinstance(value, list) and value and all(isinstance(item, dict) for item in value):
                block.columns = list(dict.fromkeys(name for item in value for name in item))
                block.rows = [[_text(item.get(name)) for name in block.columns] for item in value]
                block.columns = [label(name) for name in block.columns]
            else:
                block.pairs = [("", _text(value))]
            blocks.append(block)
        sections.append((_app_name(app_label), blocks))
    return sections


def readable_pairs(mapping: dict[str, Any]) -> list[tuple[str, str]]:
    """One mapping of the export as (label, value) pairs in the reader's language."""
    return [(label(key), _text(value)) for key, value in mapping.items()]


def _app_name(app_label: str) -> str:
    try:
        return str(apps.get_app_config(app_label).verbose_name)
    except LookupError:
        return label(app_label)
