"""The adapter between the directory and the matching engine: profiles and organisations
become plain :class:`passerelle.matching.Document` objects (texts + tags), ids become
strings ("p12", "o7") and back.

Loading reads a handful of flat ``values_list`` queries (one per table), never one query per
profile, so that the whole directory (50,000 people) loads in seconds.
"""
from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import QuerySet

from passerelle.core.enums import ActorKind, Visibility
from passerelle.directory.models import Affiliation, Organisation, Person, PersonCategory, PersonSite
from passerelle.matching import Document, Tags

PERSON_PREFIX = "p"
ORGANISATION_PREFIX = "o"
# Organisation documents are made of the profiles any signed-in member may see, so that no
# reason given about an organisation can quote a profile hidden from its reader.
ORGANISATION_SOURCE_VISIBILITY = (Visibility.PUBLIC, Visibility.MEMBERS)
MAX_TEXTS_PER_ORGANISATION = 60

# Kinds of actor as the engine's complementarity table knows them ("" = no kind bonus).
ENGINE_KIND = {
    ActorKind.RESEARCHER: "researcher",
    ActorKind.CLINICIAN: "clinician",
    ActorKind.CLINICIAN_RESEARCHER: "clinician",
    ActorKind.ENGINEER: "researcher",
    ActorKind.COMPANY: "company",
    ActorKind.PATIENT_PARTNER: "patient",
    ActorKind.ASSOCIATION: "patient",
    ActorKind.PUBLIC_BODY: "",
    ActorKind.COORDINATOR: "",
}


def person_doc_id(pk: int) -> str:
    return f"{PERSON_PREFIX}{pk}"


def organisation_doc_id(pk: int) -> str:
    return f"{ORGANISATION_PREFIX}{pk}"


def pk_of(doc_id: str) -> int:
    """The primary key behind a document id ("p12" → 12)."""
    return int(doc_id[1:])


def lines(text: str) -> tuple[str, ...]:
    return tuple(line.strip() for line in text.splitlines() if line.strip())


@dataclass
class ProfileFacts:
    """What the engine needs of one profile, gathered from flat queries."""

    pk: int
    kind: str
    territory: str
    visibility: str
    expertise: str
    keywords: str
    offers: str
    seeks: str
    cso: list[str] = field(default_factory=list)
    sites: list[str] = field(default_factory=list)
    techniques: list[str] = field(default_factory=list)
    organisations: list[int] = field(default_factory=list)  # primary first

    def texts(self) -> tuple[str, ...]:
        keywords = "; ".join(k.strip() for k in self.keywords.replace(",", ";").split(";") if k.strip())
        return tuple(t for t in (self.expertise.strip(), keywords) if t)

    def document(self) -> Document:
        return Document(
            id=person_doc_id(self.pk),
            texts=self.texts(),
            tags=Tags(
                cso=tuple(self.cso), sites=tuple(self.sites), techniques=tuple(self.techniques),
                offers=lines(self.offers), seeks=lines(self.seeks), kind=ENGINE_KIND.get(self.kind, ""),
                territory=self.territory,
                organisation=organisation_doc_id(self.organisations[0]) if self.organisations else "",
            ),
        )


def load_profile_facts(people: QuerySet[Person] | None = None) -> list[ProfileFacts]:
    """Facts of ``people`` (default: the whole directory), in primary-key order; five queries."""
    people = (people if people is not None else Person.objects.all()).order_by("pk")
    facts = {
        row[0]: ProfileFacts(*row)
        for row in people.values_list("pk", "kind", "territory", "visibility", "expertise", "keywords",
                                      "offers", "seeks")
    }
    ids = people.values("pk")
    for person_id, code in PersonCategory.objects.filter(person__in=ids).values_list(
            "person_id", "category__code").order_by("person_id", "category__sort_key"):
        facts[person_id].cso.append(code)
    for person_id, code in PersonSite.objects.filter(person__in=ids).values_list(
            "person_id", "site__icrp_code").order_by("person_id", "site__icrp_code"):
        facts[person_id].sites.append(str(code))
    through = Person.techniques.through
    for person_id, code in through.objects.filter(person__in=ids).values_list(
            "person_id", "technique__code").order_by("person_id", "technique__code"):
        facts[person_id].techniques.append(code)
    for person_id, org_id in Affiliation.objects.filter(person__in=ids).values_list(
            "person_id", "organisation_id").order_by("person_id", "-is_primary", "organisation_id"):
        facts[person_id].organisations.append(org_id)
    return list(facts.values())


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
