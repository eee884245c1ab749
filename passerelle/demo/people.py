"""Deterministic generator of fictional, coherent directory profiles (no database access).

Person number ``i`` is drawn from its own random stream seeded by ``(seed, i)``, so a
profile does not depend on how many are generated: ``generate_people(50)`` is the prefix
of ``generate_people(600)``. Each profile is drawn from a latent *topic* (``expertise.TOPICS``):
its cancer sites, techniques, CSO codes, keywords, texts, offers and seeks all come from it,
and ``latent_topic()`` gives that topic back as ground truth for matching evaluations.

E-mail addresses live under ``EMAIL_DOMAIN`` (a reserved ``.example`` domain) and ORCID iDs
in the block ``0000-0000-…`` which ORCID does not issue, so no demo profile can point at a
real person's mailbox or record; the check character is a genuine ISO 7064 MOD 11-2 one.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache

from passerelle.core.enums import ActorKind, OrganisationKind, Territory, Visibility
from passerelle.core.french import contract
from passerelle.core.identifiers import orcid_check_character
from passerelle.core.taxonomies import read_rows
from passerelle.core.text import fold

from . import profiles as P
from .expertise import (
    CATEGORY_SENTENCES,
    COMPANIES,
    SITES,
    TECHNIQUES,
    TOPICS,
    Phrase,
    Topic,
)
from .names import FRENCH_FIRST_NAMES, FRENCH_LAST_NAMES, QUEBEC_FIRST_NAMES, QUEBEC_LAST_NAMES

DEFAULT_SEED = 2018
DEFAULT_PEOPLE = 600
EMAIL_DOMAIN = "demo.passerelle.example"

# Territory by position in a block of 41: 20 AURA, 20 QC, then one from elsewhere.
_BLOCK = 41

KIND_WEIGHTS: dict[str, int] = {
    ActorKind.RESEARCHER: 30, ActorKind.CLINICIAN_RESEARCHER: 17, ActorKind.CLINICIAN: 11,
    ActorKind.ENGINEER: 12, ActorKind.COMPANY: 8, ActorKind.PATIENT_PARTNER: 7, ActorKind.ASSOCIATION: 3,
    ActorKind.PUBLIC_BODY: 4, ActorKind.COORDINATOR: 2,
}
SCIENTIFIC_KINDS = frozenset({ActorKind.RESEARCHER, ActorKind.CLINICIAN, ActorKind.CLINICIAN_RESEARCHER,
                              ActorKind.ENGINEER})
CLINICAL_KINDS = frozenset({ActorKind.CLINICIAN, ActorKind.CLINICIAN_RESEARCHER})
ORCID_RATE: dict[str, float] = {
    ActorKind.RESEARCHER: 0.92, ActorKind.CLINICIAN_RESEARCHER: 0.9, ActorKind.CLINICIAN: 0.45,
    ActorKind.ENGINEER: 0.35,
}
# Techniques each kind of actor practises itself (clinician-researchers: any).
KIND_TECHNIQUES: dict[str, frozenset[str]] = {
    ActorKind.CLINICIAN: frozenset({"clinical-trials", "surgery", "radiotherapy", "hadrontherapy", "pet", "mri",
                                    "pathology", "supportive-care", "biobank", "immunotherapy", "car-t"}),
    ActorKind.RESEARCHER: frozenset(TECHNIQUES) - {"clinical-trials", "surgery", "supportive-care",
                                                   "patient-partnership"},
    ActorKind.ENGINEER: frozenset({"genomics", "single-cell", "proteomics", "bioinformatics", "ai-imaging",
                                   "radiomics", "mri", "pet", "organoids", "animal-models", "pathology", "biobank",
                                   "medical-devices", "drug-delivery", "liquid-biopsy"}),
    ActorKind.CLINICIAN_RESEARCHER: frozenset(TECHNIQUES) - {"patient-partnership"},
}
# Organisations with a marked speciality only host people who practise it.
ORG_AFFINITY: dict[str, frozenset[str]] = {
    "Mila": frozenset({"ai-imaging", "radiomics", "bioinformatics"}),
    "CIRC": frozenset({"epidemiology", "biobank", "genomics", "bioinformatics"}),
    "CEA": frozenset({"medical-devices", "drug-delivery", "proteomics", "mri", "genomics"}),
    "INSA": frozenset({"medical-devices", "ai-imaging", "radiomics", "drug-delivery", "bioinformatics"}),
}
COORDINATOR_ORGS: dict[str, tuple[str, ...]] = {
    "AURA": ("CLARA", "CJC"),
    "QC": ("Oncopole", "FRQS"),
}
_SLUG = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class OrgRow:
    """One organisation of ``core/data/organisations.csv``."""

    name: str
    acronym: str
    kind: str
    territory: str
    city: str
    parent_acronym: str

    @property
    def short(self) -> str:
        return self.acronym or self.name


@dataclass(frozen=True)
class AffiliationSpec:
    organisation: str  # the organisation's name
    position: str
    is_primary: bool


@dataclass(frozen=True)
class PersonSpec:
    """Everything a generated profile holds; tags by code (CSO code, ICRP code, technique code)."""

    index: int
    topic: str | None
    first_name: str
    last_name: str
    gender: str
    email: str
    kind: str
    territory: str
    text_language: str
    orcid: str
    languages: tuple[str, ...]
    expertise: str
    keywords: str
    offers: str
    seeks: str
    visibility: str
    consent_date: date | None
    categories: tuple[str, ...]
    sites: tuple[int, ...]
    techniques: tuple[str, ...]
    affiliations: tuple[AffiliationSpec, ...]


@cache
def organisation_rows() -> tuple[OrgRow, ...]:
    return tuple(OrgRow(**row) for row in read_rows("organisations.csv"))


@cache
def _org_by_short() -> dict[str, OrgRow]:
    return {row.short: row for row in organisation_rows()}


@cache
def _cso_siblings() -> dict[str, tuple[str, ...]]:
    """Active CSO code → the active codes under the same top-level category."""
    active = [row for row in read_rows("cso.csv") if row["active"] == "yes" and row["parent"]]
    return {row["code"]: tuple(r["code"] for r in active if r["parent"] == row["parent"]) for row in active}


@cache
def _technique_titles() -> dict[str, Phrase]:
    return {row["code"]: Phrase(row["title_en"], row["title_fr"]) for row in read_rows("techniques.csv")}


# ---------------------------------------------------------------------------- public API

def generate_people(count: int = DEFAULT_PEOPLE, seed: int = DEFAULT_SEED) -> list[PersonSpec]:
    """``count`` profiles with unique e-mail addresses and ORCID iDs, the same on every call."""
    emails: set[str] = set()
    orcids: set[str] = set()
    people = []
    for index in range(count):
        draft = _draft(index, seed)
        email = _unique_email(draft, emails)
        orcid = _unique_orcid(draft, seed, orcids) if draft.orcid else ""
        people.append(replace(draft, email=email, orcid=orcid))
    return people


def latent_topic(index: int, seed: int = DEFAULT_SEED) -> str | None:
    """Ground truth: the key of the topic person ``index`` was generated from.

    ``None`` for public-body staff and coordinators, who have no research topic. Two people
    of the same topic share sites and techniques, and when one offers a technique the other
    seeks they are a complementary pair a good matcher should rank high.
    """
    return _draft(index, seed).topic


def ground_truth(count: int = DEFAULT_PEOPLE, seed: int = DEFAULT_SEED) -> dict[str, str | None]:
    """E-mail address → latent topic, for the first ``count`` generated people."""
    return {person.email: person.topic for person in generate_people(count, seed)}


def territory_of(index: int) -> str:
    position = index % _BLOCK
    if position == _BLOCK - 1:
        return Territory.OTHER
    return Territory.AURA if position % 2 == 0 else Territory.QC


def orcid_from_digits(digits: str) -> str:
    """``"000000001234567"`` → ``"0000-0000-1234-567X"`` (15 digits + their check character)."""
    full = digits + orcid_check_character(digits)
    return "-".join(full[i:i + 4] for i in range(0, 16, 4))


def site_phrase(icrp_code: int, lang: str) -> str:
    return SITES[icrp_code].get(lang)


# ---------------------------------------------------------------------------- one profile

def _draft(index: int, seed: int) -> PersonSpec:
    rng = random.Random(f"passerelle-demo:{seed}:{index}")
    territory = territory_of(index)
    kind = _pick_kind(rng, territory)
    lang = _pick_text_language(rng, territory)
    first_name, gender, last_name = _pick_name(rng, territory)
    company = _pick_org(rng, territory, kind, ()) if kind == ActorKind.COMPANY else None
    topic = _pick_topic(rng, kind, company)
    techniques = _pick_techniques(rng, kind, topic, company)
    sites = _pick_sites(rng, kind, topic)
    categories = _pick_categories(rng, kind, topic)
    affiliations = _pick_affiliations(rng, territory, kind, techniques, lang, gender, company)
    position = affiliations[0].position if affiliations else ""
    context = _Context(rng, lang, kind, territory, topic, sites, techniques, categories, position,
                       _org_by_short()[affiliations[0].organisation] if affiliations else None)
    visibility, consent = _pick_visibility(rng)
    return PersonSpec(
        index=index, topic=topic.key if topic else None, first_name=first_name, last_name=last_name,
        gender=gender, email="", kind=kind, territory=territory, text_language=lang,
        orcid="x" if rng.random() < ORCID_RATE.get(kind, 0.0) else "",
        languages=_pick_languages(rng, territory, lang), expertise=_expertise(context),
        keywords=_keywords(context), offers="\n".join(_offers(context)), seeks="\n".join(_seeks(context)),
        visibility=visibility, consent_date=consent, categories=categories, sites=sites, techniques=techniques,
        affiliations=tuple(replace(a, organisation=_org_by_short()[a.organisation].name) for a in affiliations),
    )


def _weighted(rng: random.Random, weights: dict[str, int]) -> str:
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _pick_kind(rng: random.Random, territory: str) -> str:
    if territory == Territory.OTHER:
        return ActorKind.PUBLIC_BODY
    return _weighted(rng, KIND_WEIGHTS)


def _pick_text_language(rng: random.Random, territory: str) -> str:
    english_share = {Territory.AURA: 0.15, Territory.QC: 0.4}.get(territory, 0.0)
    return "en" if rng.random() < english_share else "fr"


def _pick_languages(rng: random.Random, territory: str, lang: str) -> tuple[str, ...]:
    english = lang == "en" or rng.random() < (0.95 if territory == Territory.QC else 0.8)
    spoken = ["fr"] + (["en"] if english else [])
    if rng.random() < 0.06:
        spoken.append(rng.choice(["es", "it", "de", "pt", "ar", "zh"]))
    return tuple(spoken)


def _pick_name(rng: random.Random, territory: str) -> tuple[str, str, str]:
    if territory == Territory.QC:
        first, gender = rng.choice(QUEBEC_FIRST_NAMES)
        return first, gender, rng.choice(QUEBEC_LAST_NAMES)
    first, gender = rng.choice(FRENCH_FIRST_NAMES)
    return first, gender, rng.choice(FRENCH_LAST_NAMES)


def _pick_topic(rng: random.Random, kind: str, company: str | None) -> Topic | None:
    if kind in (ActorKind.PUBLIC_BODY, ActorKind.COORDINATOR):
        return None
    topics = list(TOPICS)
    if company is not None:
        offered = set(COMPANIES[_org_by_short()[company].name].techniques)
        topics = [t for t in TOPICS if offered & set(t.techniques)] or topics
    return rng.choices(topics, weights=[t.weight for t in topics])[0]


def _pick_techniques(rng: random.Random, kind: str, topic: Topic | None, company: str | None) -> tuple[str, ...]:
    if topic is None:
        return ()
    if company is not None:
        offered = COMPANIES[_org_by_short()[company].name].techniques
        return tuple(t for t in offered if t in topic.techniques) or offered[:1]
    if kind in (ActorKind.PATIENT_PARTNER, ActorKind.ASSOCIATION):
        extra = ("supportive-care",) if kind == ActorKind.PATIENT_PARTNER and rng.random() < 0.3 else ()
        return ("patient-partnership",) + extra
    practised = [t for t in topic.techniques if t in KIND_TECHNIQUES[kind]] or list(topic.techniques)
    count = min(len(practised), rng.choices([1, 2, 3], weights=[35, 40, 25])[0])
    return tuple(rng.sample(practised, count))


def _pick_sites(rng: random.Random, kind: str, topic: Topic | None) -> tuple[int, ...]:
    if topic is None:
        return ()
    first = rng.choices(topic.sites, weights=[3] + [1] * (len(topic.sites) - 1))[0]
    others = [s for s in topic.sites if s != first]
    if others and kind != ActorKind.PATIENT_PARTNER and rng.random() < 0.35:
        return (first, rng.choice(others))
    return (first,)


def _pick_categories(rng: random.Random, kind: str, topic: Topic | None) -> tuple[str, ...]:
    if topic is None:
        return ()
    if kind in (ActorKind.PATIENT_PARTNER, ActorKind.ASSOCIATION):
        return ("6.1", "6.5") if rng.random() < 0.4 else ("6.1",)
    primary = rng.choice(topic.categories)
    siblings = [c for c in _cso_siblings()[primary] if c != primary]
    if siblings and rng.random() < 0.3:
        return (primary, rng.choice(siblings))
    return (primary,)


def _pick_visibility(rng: random.Random) -> tuple[str, date | None]:
    draw = rng.random()
    visibility = (Visibility.PUBLIC if draw < 0.80 else Visibility.MEMBERS if draw < 0.95
                  else Visibility.COORDINATORS)
    consent = date(2019, 1, 15) + timedelta(days=rng.randrange(2400))
    if visibility == Visibility.COORDINATORS and rng.random() < 0.5:
        return visibility, None  # kept for coordinators only until the person consents
    return visibility, consent


# ---------------------------------------------------------------------------- organisations

def _candidates(territory: str, kinds: tuple[str, ...], techniques: tuple[str, ...]) -> list[OrgRow]:
    rows = [r for r in organisation_rows() if r.territory == territory and r.kind in kinds]
    return [r for r in rows if r.short not in ORG_AFFINITY or ORG_AFFINITY[r.short] & set(techniques)]


_PRIMARY_KINDS: dict[str, tuple[str, ...]] = {
    ActorKind.RESEARCHER: (OrganisationKind.RESEARCH_CENTRE, OrganisationKind.UNIVERSITY,
                           OrganisationKind.CANCER_CENTRE),
    ActorKind.ENGINEER: (OrganisationKind.RESEARCH_CENTRE, OrganisationKind.UNIVERSITY,
                         OrganisationKind.CANCER_CENTRE),
    ActorKind.CLINICIAN: (OrganisationKind.HOSPITAL, OrganisationKind.CANCER_CENTRE),
    ActorKind.CLINICIAN_RESEARCHER: (OrganisationKind.HOSPITAL, OrganisationKind.CANCER_CENTRE),
    ActorKind.COMPANY: (OrganisationKind.COMPANY,),
    ActorKind.PATIENT_PARTNER: (OrganisationKind.PATIENT_ASSOCIATION,),
    ActorKind.ASSOCIATION: (OrganisationKind.PATIENT_ASSOCIATION,),
    ActorKind.PUBLIC_BODY: (OrganisationKind.PUBLIC_BODY, OrganisationKind.FUNDER),
}


def _pick_org(rng: random.Random, territory: str, kind: str, techniques: tuple[str, ...]) -> str | None:
    """The short name (acronym or name) of the person's main organisation."""
    if kind == ActorKind.COORDINATOR:
        return rng.choice(COORDINATOR_ORGS[territory])
    candidates = _candidates(territory, _PRIMARY_KINDS[kind], techniques)
    if kind == ActorKind.PUBLIC_BODY:
        candidates = [r for r in candidates if r.short not in COORDINATOR_ORGS.get(territory, ())]
    if kind == ActorKind.COMPANY:
        candidates = [r for r in candidates if r.name in COMPANIES]
    return rng.choice(candidates).short if candidates else None


def _pick_affiliations(rng: random.Random, territory: str, kind: str, techniques: tuple[str, ...], lang: str,
                       gender: str, company: str | None) -> tuple[AffiliationSpec, ...]:
    primary = company or _pick_org(rng, territory, kind, techniques)
    if primary is None:
        return ()
    affiliations = [AffiliationSpec(primary, _position(rng, kind, territory, lang, gender, techniques), True)]
    secondary = _secondary_org(rng, kind, _org_by_short()[primary], techniques)
    if secondary is not None:
        affiliations.append(AffiliationSpec(secondary.short, P.gendered(P.SECONDARY_POSITION.get(lang), gender),
                                            False))
    return tuple(affiliations)


def _secondary_org(rng: random.Random, kind: str, primary: OrgRow, techniques: tuple[str, ...]) -> OrgRow | None:
    if kind == ActorKind.CLINICIAN_RESEARCHER:
        centres = _candidates(primary.territory, (OrganisationKind.RESEARCH_CENTRE,), techniques)
        same_city = [r for r in centres if r.city == primary.city]
        pool = same_city or centres
        return rng.choice(pool) if pool else None
    if kind in (ActorKind.RESEARCHER, ActorKind.ENGINEER) and primary.parent_acronym and rng.random() < 0.6:
        return _org_by_short()[primary.parent_acronym]
    return None


def _position(rng: random.Random, kind: str, territory: str, lang: str, gender: str,
              techniques: tuple[str, ...]) -> str:
    if kind in CLINICAL_KINDS:
        specialty = _specialty(territory, lang, gender, techniques)
        if kind == ActorKind.CLINICIAN:
            return specialty
        prefix = P.gendered(P.CLINICIAN_RESEARCHER_PREFIX[territory].get(lang), gender)
        return f"{prefix}, {specialty[0].lower()}{specialty[1:]}"
    if lang == "en":
        return rng.choice(P.POSITIONS_EN[kind])
    by_territory = P.POSITIONS_FR[kind]
    return P.gendered(rng.choice(by_territory.get(territory) or by_territory["*"]), gender)


def _specialty(territory: str, lang: str, gender: str, techniques: tuple[str, ...]) -> str:
    chosen = P.MEDICAL_ONCOLOGIST
    for codes, french, quebec, english in P.SPECIALTIES:
        if codes & set(techniques):
            chosen = (french, quebec, english)
            break
    french, quebec, english = chosen
    if lang == "en":
        return english
    return P.gendered(quebec if quebec and territory == Territory.QC else french, gender)


# ---------------------------------------------------------------------------- texts

@dataclass(frozen=True)
class _Context:
    rng: random.Random
    lang: str
    kind: str
    territory: str
    topic: Topic | None
    sites: tuple[int, ...]
    techniques: tuple[str, ...]
    categories: tuple[str, ...]
    position: str
    organisation: OrgRow | None

    def site(self, position: int = 0) -> str:
        return site_phrase(self.sites[position], self.lang)

    def random_site(self) -> str:
        return site_phrase(self.rng.choice(self.sites), self.lang)

    def say(self, phrase: Phrase, **values: str) -> str:
        text = phrase.get(self.lang).format(**values)
        return contract(text) if self.lang == "fr" else text  # « de des tests » → « de tests »

    @property
    def product(self) -> str:
        return COMPANIES[self.organisation.name].product.get(self.lang)


def join_words(items: list[str], lang: str) -> str:
    """``["a", "b", "c"]`` → ``"a, b and c"`` (``"et"`` in French)."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + (" et " if lang == "fr" else " and ") + items[-1]


def _expertise(c: _Context) -> str:
    """Two to four sentences naming the person's sites, techniques and research category."""
    org = c.organisation.short if c.organisation else ""
    if c.topic is None:
        closing = P.BRIDGE_SENTENCE if c.kind == ActorKind.COORDINATOR else P.FUNDING_SENTENCE
        return " ".join([c.say(P.OPENINGS[c.kind], org=org), c.say(closing)])
    sites = join_words([site_phrase(s, c.lang) for s in c.sites], c.lang)
    opening = c.say(P.OPENINGS[c.kind], sites=sites, field=c.topic.field.get(c.lang), position=c.position,
                    org=c.organisation.name if c.kind == ActorKind.ASSOCIATION else org,
                    company=org, product=c.product if c.kind == ActorKind.COMPANY else "")
    sentences = [opening, c.say(TECHNIQUES[c.techniques[0]].sentence, site=c.site())]
    if c.kind == ActorKind.COMPANY:
        sentences.append(c.say(P.COMPANY_PARTNERS))
    elif len(c.techniques) > 1 and c.kind in SCIENTIFIC_KINDS:
        names = [TECHNIQUES[t].name.get(c.lang) for t in c.techniques[1:]]
        sentences.append(c.say(P.ALSO_USE, techniques=join_words(names, c.lang)))
    top_level = c.categories[0].split(".")[0]
    sentences.append(c.say(CATEGORY_SENTENCES[top_level], site=c.site(-1)))
    return " ".join(sentences)


def _institution(c: _Context) -> P.InstitutionTexts:
    """The texts of a profile without a research topic: a coordinator's or a public body's."""
    return P.COORDINATOR_TEXTS if c.kind == ActorKind.COORDINATOR else P.PUBLIC_BODY_TEXTS


def _keywords(c: _Context) -> str:
    if c.topic is None:
        return _institution(c).keywords.get(c.lang)
    words = [k.get(c.lang) for k in c.rng.sample(c.topic.keywords, c.rng.choice([3, 4]))]
    words.append(_technique_titles()[c.techniques[0]].get(c.lang).lower())
    return "; ".join(words)


def _offers(c: _Context) -> list[str]:
    if c.topic is None:
        offers = _institution(c).offers
        return [c.say(o) for o in (offers if len(offers) == 1 else offers[: c.rng.choice([1, 2])])]
    offers = [c.say(TECHNIQUES[t].offer, site=c.site()) for t in c.techniques[:2]]
    if c.kind == ActorKind.COMPANY:
        offers.insert(0, c.say(P.COMPANY_OFFER, product=c.product, site=c.site()))
    elif c.kind == ActorKind.ASSOCIATION:
        offers.append(c.say(P.ASSOCIATION_OFFER, site=c.site()))
    elif c.kind in CLINICAL_KINDS and c.rng.random() < 0.5:
        offers.append(c.say(P.CLINICAL_DATA_OFFER, site=c.site()))
    return offers


def _seeks(c: _Context) -> list[str]:
    if c.topic is None:
        return [c.say(_institution(c).seek)]
    if c.kind == ActorKind.COMPANY:
        return [c.say(s, product=c.product, site=c.site()) for s in P.COMPANY_SEEKS]
    if c.kind in (ActorKind.PATIENT_PARTNER, ActorKind.ASSOCIATION):
        seeks = [c.say(TECHNIQUES["patient-partnership"].seek, site=c.site())]
        return seeks + ([c.say(P.PATIENT_SEEK)] if c.rng.random() < 0.4 else [])
    missing = [t for t in c.topic.techniques if t not in c.techniques and t != "patient-partnership"]
    chosen = c.rng.sample(missing, min(len(missing), c.rng.choice([1, 2])))
    seeks = [c.say(TECHNIQUES[t].seek, site=c.random_site()) for t in chosen]
    if "patient-partnership" in c.topic.techniques and "patient-partnership" not in c.techniques:
        seeks.append(c.say(P.PATIENT_PARTNER_SEEK, site=c.site()))
    if c.kind in (ActorKind.RESEARCHER, ActorKind.ENGINEER) and c.rng.random() < 0.3:
        seeks.append(c.say(P.CLINICAL_VALIDATION_SEEK, site=c.site()))
    if c.territory in P.EXCHANGE_SEEK and c.rng.random() < 0.25:
        seeks.append(c.say(P.EXCHANGE_SEEK[c.territory]))
    return seeks


# ---------------------------------------------------------------------------- identifiers

def _unique_email(draft: PersonSpec, taken: set[str]) -> str:
    base = f"{_slug(draft.first_name)}.{_slug(draft.last_name)}"
    candidate, number = base, 1
    while candidate in taken:
        number += 1
        candidate = f"{base}{number}"
    taken.add(candidate)
    return f"{candidate}@{EMAIL_DOMAIN}"


def _slug(text: str) -> str:
    return _SLUG.sub("-", fold(text)).strip("-")


def _unique_orcid(draft: PersonSpec, seed: int, taken: set[str]) -> str:
    attempt = 0
    while True:
        rng = random.Random(f"passerelle-demo-orcid:{seed}:{draft.index}:{attempt}")
        orcid = orcid_from_digits("00000000" + "".join(str(rng.randrange(10)) for _ in range(7)))
        if orcid not in taken:
            taken.add(orcid)
            return orcid
        attempt += 1
