"""A directory profile as a matching-engine document (``passerelle.matching.Document``), and the
names of the taxonomy codes the engine's reasons quote: the one adapter used by partner
suggestions and reviewer suggestions. Ids become strings ("p12", "o7") and back.

Loading reads a handful of flat ``values_list`` queries (one per table), never one query per
profile, so that the whole directory (50,000 people) loads in seconds.

Apps above the directory add to a profile without the directory importing them, through two
registries filled in their ``AppConfig.ready``: :func:`register_text_source` (more texts of a
person, e.g. their publications' titles and abstracts) and :func:`register_partner_source`
(existing ties, e.g. co-authors, with how many works they signed together). A source receives
the primary keys asked for (``None``: the whole directory) and must answer with one flat query.

Example::

    documents = [facts.document() for facts in load_profile_facts(Person.objects.filter(pk__in=[3, 4]))]
    index.query(..., labels=engine_labels())
"""
from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from passerelle.core.enums import ActorKind
from passerelle.core.models import CancerSite, CsoCategory, Technique
from passerelle.directory.models import Affiliation, Person, PersonCategory, PersonSite
from passerelle.matching import Document, Tags

PERSON_PREFIX = "p"
ORGANISATION_PREFIX = "o"

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


# person_pks (None: everyone) → person pk → texts / partner pk → number of ties (e.g. co-signed works)
TextSource = Callable[[Collection[int] | None], dict[int, list[str]]]
PartnerSource = Callable[[Collection[int] | None], dict[int, dict[int, int]]]
_text_sources: list[TextSource] = []
_partner_sources: list[PartnerSource] = []


def register_text_source(source: TextSource) -> None:
    """Add ``source``'s texts to every person's document (once, however often it is registered)."""
    if source not in _text_sources:
        _text_sources.append(source)


def register_partner_source(source: PartnerSource) -> None:
    """Add ``source``'s ties to every person's existing partners (``Tags.partners``)."""
    if source not in _partner_sources:
        _partner_sources.append(source)


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
    extra_texts: list[str] = field(default_factory=list)  # from the registered text sources
    partners: dict[int, int] = field(default_factory=dict)  # person pk → ties (e.g. co-signed works)

    def texts(self) -> tuple[str, ...]:
        keywords = "; ".join(k.strip() for k in self.keywords.replace(",", ";").split(";") if k.strip())
        return tuple(t for t in (self.expertise.strip(), keywords, *self.extra_texts) if t)

    def document(self) -> Document:
        return Document(
            id=person_doc_id(self.pk),
            texts=self.texts(),
            tags=Tags(
                cso=tuple(self.cso), sites=tuple(self.sites), techniques=tuple(self.techniques),
                offers=lines(self.offers), seeks=lines(self.seeks), kind=ENGINE_KIND.get(self.kind, ""),
                territory=self.territory,
                organisation=organisation_doc_id(self.organisations[0]) if self.organisations else "",
                partners=tuple(person_doc_id(pk) for pk in sorted(self.partners)),
            ),
        )


def load_profile_facts(people: QuerySet[Person] | None = None) -> list[ProfileFacts]:
    """Facts of ``people`` (default: the whole directory), in primary-key order; five queries, and
    one per registered source."""
    everyone = people is None
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
    _add_registered(facts, None if everyone else list(facts))
    return list(facts.values())


def _add_registered(facts: dict[int, ProfileFacts], pks: list[int] | None) -> None:
    if pks == []:
        return
    for text_source in _text_sources:
        for person_id, texts in text_source(pks).items():
            if person_id in facts:
                facts[person_id].extra_texts.extend(texts)
    for partner_source in _partner_sources:
        for person_id, partners in partner_source(pks).items():
            if person_id in facts:
                for partner_id, count in partners.items():
                    facts[person_id].partners[partner_id] = facts[person_id].partners.get(partner_id, 0) + count


def engine_language() -> str:
    """The engine's language for the active one: "fr" or "en"."""
    return "fr" if (get_language() or "fr").startswith("fr") else "en"


def in_sentence(title: str, *, every_word: bool) -> str:
    """A title as it reads inside a sentence: "Breast Cancer" → "breast cancer", "Radiomique" →
    "radiomique"; acronyms (MRI, IRM) and eponyms (Hodgkin's, Maladie de Hodgkin) are kept."""
    words = title.split(" ")
    for i, word in enumerate(words if every_word else words[:1]):
        if len(word) > 1 and word[0].isupper() and word[1:].islower() and "'" not in word:
            words[i] = word.lower()
    return " ".join(words)


def code_labels(*, french: bool) -> dict[str, dict[str, str]]:
    """Names of the taxonomy codes the engine's reasons quote, in one language."""

    def title(row: Any) -> str:
        return in_sentence(row.title_fr, every_word=False) if french else in_sentence(row.title_en, every_word=True)

    return {
        "sites": {str(s.icrp_code): title(s) for s in CancerSite.objects.all()},
        "cso": {c.code: title(c) for c in CsoCategory.objects.all()},
        "techniques": {t.code: title(t) for t in Technique.objects.all()},
    }


def engine_labels(codes: dict[str, dict[str, str]] | None = None) -> dict[str, dict[str, str]]:
    """Names of codes and kinds in the active language, for the engine's reasons; ``codes`` are the
    code names already built for that language (read from the database when not given)."""
    return {
        **(codes if codes is not None else code_labels(french=engine_language() == "fr")),
        "kinds": {
            "clinician": _("a clinician"), "researcher": _("a researcher"), "company": _("a company"),
            "patient": _("a patient partner or association"),
        },
    }
