"""Plain data given to the matching engine: a document (a person's profile, an
organisation or a project idea) with texts and optional structured tags, and the parser
that turns a JSON object into one, naming the faulty field when it cannot.

    >>> doc = parse_document({"id": "a", "texts": ["Radiomics of glioma"], "tags": {"sites": ["6"]}})
    >>> doc.id, doc.tags.sites
    ('a', ('6',))
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LIST_TAGS = ("cso", "sites", "techniques", "offers", "seeks", "partners")
TEXT_TAGS = ("kind", "territory", "organisation")


class DocumentError(ValueError):
    """A document that cannot be read; ``field`` names the offending key."""

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


@dataclass(frozen=True)
class Tags:
    """Structured tags of a document; every one is optional.

    ``cso``: ICRP CSO codes ("5.3"); ``sites``: cancer site codes (ICRP codes or slugs);
    ``techniques``: technique codes; ``offers``/``seeks``: free-text phrases;
    ``kind``: "clinician", "researcher", "company", ...; ``territory``: "AURA", "QC", ...;
    ``organisation``: an organisation id; ``partners``: ids of existing co-authors or partners.
    """

    cso: tuple[str, ...] = ()
    sites: tuple[str, ...] = ()
    techniques: tuple[str, ...] = ()
    offers: tuple[str, ...] = ()
    seeks: tuple[str, ...] = ()
    kind: str = ""
    territory: str = ""
    organisation: str = ""
    partners: tuple[str, ...] = ()


@dataclass(frozen=True)
class Document:
    """One thing to match: an id, its texts (compared one by one) and its tags."""

    id: str
    texts: tuple[str, ...] = ()
    tags: Tags = field(default_factory=Tags)


def _string_list(value: Any, name: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, list | tuple):
        raise DocumentError(f"field '{name}' must be a list of strings", name)
    for item in value:
        if not isinstance(item, str):
            raise DocumentError(f"field '{name}' must hold only strings, got {type(item).__name__}", name)
    return tuple(item.strip() for item in value if item.strip())


def parse_tags(raw: Any) -> Tags:
    """Build :class:`Tags` from a mapping; unknown keys are ignored, wrong types refused."""
    if raw is None:
        return Tags()
    if not isinstance(raw, Mapping):
        raise DocumentError("field 'tags' must be an object", "tags")
    values: dict[str, Any] = {}
    for name in LIST_TAGS:
        if raw.get(name) is not None:
            values[name] = _string_list(raw[name], f"tags.{name}")
    for name in TEXT_TAGS:
        value = raw.get(name)
        if value is None:
            continue
        if not isinstance(value, str | int):
            raise DocumentError(f"field 'tags.{name}' must be a string", f"tags.{name}")
        values[name] = str(value).strip()
    for name in ("cso", "sites", "techniques"):
        if name in values:
            values[name] = tuple(dict.fromkeys(v.lower() if name != "cso" else v for v in values[name]))
    return Tags(**values)


def parse_document(raw: Any) -> Document:
    """Build a :class:`Document` from a JSON object ``{"id", "texts", "tags"}``.

    ``texts`` may also be a single string; ``text`` is accepted as a synonym.
    Raises :class:`DocumentError` naming the field at fault.
    """
    if not isinstance(raw, Mapping):
        raise DocumentError("a document must be a JSON object", "")
    doc_id = raw.get("id")
    if doc_id is None:
        raise DocumentError("missing field 'id'", "id")
    if not isinstance(doc_id, str | int) or isinstance(doc_id, bool) or str(doc_id) == "":
        raise DocumentError("field 'id' must be a non-empty string", "id")
    texts_raw = raw.get("texts", raw.get("text", ()))
    texts = _string_list(texts_raw if texts_raw is not None else (), "texts")
    return Document(id=str(doc_id), texts=texts, tags=parse_tags(raw.get("tags")))


def as_document(value: Document | Mapping[str, Any]) -> Document:
    """Accept a :class:`Document` or its JSON-like mapping."""
    return value if isinstance(value, Document) else parse_document(value)
