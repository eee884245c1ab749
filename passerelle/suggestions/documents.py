"""The adapter between the directory and the matching engine for suggestions: organisations and
pasted ideas become plain :class:`passerelle.matching.Document` objects; profiles are read by
:mod:`passerelle.directory.engine_documents` (shared with reviewer suggestions).
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from passerelle.core.enums import Visibility
from passerelle.directory.engine_documents import (
    ENGINE_KIND,
    ProfileFacts,
    lines,
    load_profile_facts,
    organisation_doc_id,
    person_doc_id,
    pk_of,
)
from passerelle.directory.models import Organisation
from passerelle.matching import Document, Tags

__all__ = ["ENGINE_KIND", "ProfileFacts", "idea_document", "lines", "load_profile_facts", "organisation_doc_id",
           "organisation_documents", "person_doc_id", "pk_of"]

# Organisation documents are made of the profiles any signed-in member may see, so that no
# reason given about an organisation can quote a profile hidden from its reader.
ORGANISATION_SOURCE_VISIBILITY = (Visibility.PUBLIC, Visibility.MEMBERS)
MAX_TEXTS_PER_ORGANISATION = 60


def organisation_documents(facts: Iterable[ProfileFacts]) -> list[Document]:
    """One document per organisation with at least one member-visible profile: its people's
    expertise texts (compared one by one), the union of their tags, its own kind and territory."""
    members: dict[int, list[ProfileFacts]] = defaultdict(list)
    for person in facts:
        if person.visibility in ORGANISATION_SOURCE_VISIBILITY:
            for org_id in person.organisations:
                members[org_id].append(person)
    organisations = Organisation.objects.filter(pk__in=list(members)).values_list("pk", "kind", "territory")
    documents = []
    for pk, kind, territory in organisations.order_by("pk"):
        people = members[pk][:MAX_TEXTS_PER_ORGANISATION]
        texts = tuple(p.expertise.strip() for p in people if p.expertise.strip())
        documents.append(Document(
            id=organisation_doc_id(pk),
            texts=texts,
            tags=Tags(
                cso=_union(p.cso for p in people), sites=_union(p.sites for p in people),
                techniques=_union(p.techniques for p in people),
                offers=_union(lines(p.offers) for p in people), seeks=_union(lines(p.seeks) for p in people),
                kind=kind, territory=territory,
            ),
        ))
    return documents


def _union(groups: Iterable[Iterable[str]]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(value for group in groups for value in group))


def idea_document(*, text: str, categories: Iterable[str] = (), sites: Iterable[str] = (),
                  techniques: Iterable[str] = (), needs: str = "", territory: str = "", kind: str = "",
                  tags_text: str = "") -> Document:
    """A pasted project idea as an ad-hoc document; ``needs`` (one per line) act as its seeks.

    ``tags_text`` (the names of the recognised tags in both languages) is a second text of the idea."""
    return Document(
        id="idea",
        texts=tuple(t for t in (text.strip(), tags_text.strip()) if t),
        tags=Tags(cso=tuple(categories), sites=tuple(str(s) for s in sites), techniques=tuple(techniques),
                  seeks=lines(needs), territory=territory, kind=ENGINE_KIND.get(kind, "")),
    )
