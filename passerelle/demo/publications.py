"""Fictional publications of the demo's researchers and clinicians (``manage.py seed_demo``).

Each scientist of the demo directory signs a few works written from their latent topic (the
same themes, sites and techniques as their profile: ``people.ground_truth``), between 2018 and
2026, in fictional journals, with DOIs under the documentation prefix 10.5555. About a third of
the works are co-signed with people of the same topic, a share of them across the two territories
(Auvergne-Rhône-Alpes ↔ Québec); a few links are hidden by their person. Deterministic: the same
seed always gives the same works; idempotent: nothing is added when the demo works exist.
"""
from __future__ import annotations

import random
from dataclasses import dataclass

from django.db import transaction

from passerelle.core.enums import Territory
from passerelle.directory.models import Person
from passerelle.publications.enums import LinkOrigin, Source, WorkType
from passerelle.publications.matching import touch_people
from passerelle.publications.models import Authorship, PersonPublication, Publication
from passerelle.publications.normalise import title_key

from .expertise import SITES, TECHNIQUES, TOPICS_BY_KEY, Topic
from .people import DEFAULT_SEED, EMAIL_DOMAIN, SCIENTIFIC_KINDS, ground_truth

DOI_PREFIX = "10.5555/passerelle-demo."
FIRST_YEAR, LAST_YEAR = 2018, 2026
COSIGNED_SHARE = 0.35  # works with a co-author among the directory's people
ACROSS_SHARE = 0.45  # of those, with one from the other territory
HIDDEN_SHARE = 0.03
VENUES = (
    "Journal of Translational Oncology Partnerships", "Annales francophones de cancérologie",
    "Transatlantic Cancer Research Letters", "Oncology Methods and Data", "Revue de recherche clinique en oncologie",
    "Cancer Imaging and Biomarkers Reports", "Frontiers of Fictional Oncology",
)
TITLES = (
    "{Keyword} in {site}: {technique} in a {place} cohort",
    "{Technique} reveals {keyword} in {site}",
    "Towards {keyword}: lessons from {technique} in {site}",
    "{Keyword} and {keyword2} in {site}: a prospective study",
    "A {place} multicentre study of {keyword} in {site}",
)
ABSTRACT = (
    "Background: {keyword} remains a challenge in {site}. Methods: we used {technique} on {n} patients "
    "followed in {place} centres. Results: {keyword2} was associated with outcome. {sentence} "
    "Conclusion: these findings support {keyword} as a target for joint studies."
)
COUNTRY = {Territory.AURA: "FR", Territory.QC: "CA"}
PLACE = {Territory.AURA: "French", Territory.QC: "Québec"}


@dataclass
class PublicationsReport:
    works: int = 0
    cosigned_across: int = 0
    hidden_links: int = 0
    skipped: bool = False


@dataclass
class _Author:
    pk: int
    name: str
    orcid: str
    territory: str
    topic: Topic


def seed_publications(people: int, seed: int = DEFAULT_SEED) -> PublicationsReport:
    """Works for the first ``people`` generated demo people (those in the database)."""
    if Publication.objects.filter(doi__startswith=DOI_PREFIX).exists():
        return PublicationsReport(skipped=True)
    topics = ground_truth(people, seed)
    authors = [
        _Author(pk, f"{first} {last}", orcid, territory, TOPICS_BY_KEY[topics[email]])
        for pk, email, first, last, orcid, territory in Person.objects.filter(
            email__endswith="@" + EMAIL_DOMAIN, kind__in=SCIENTIFIC_KINDS).order_by("pk").values_list(
            "pk", "email", "first_name", "last_name", "orcid", "territory")
        if topics.get(email) in TOPICS_BY_KEY
    ]
    by_topic: dict[str, list[_Author]] = {}
    for author in authors:
        by_topic.setdefault(author.topic.key, []).append(author)
    rng = random.Random(f"publications-{seed}")
    works: list[tuple[Publication, list[_Author]]] = []
    for author in authors:
        for _ in range(rng.randint(1, 4)):
            team = [author, *_coauthors(rng, author, by_topic[author.topic.key])]
            works.append((_work(rng, author, len(works) + 1), team))
    return _store(rng, works)


def _coauthors(rng: random.Random, author: _Author, same_topic: list[_Author]) -> list[_Author]:
    if rng.random() >= COSIGNED_SHARE:
        return []
    across = rng.random() < ACROSS_SHARE
    pool = [a for a in same_topic if a.pk != author.pk and (a.territory != author.territory) == across]
    return rng.sample(pool, min(len(pool), rng.randint(1, 2)))


def _work(rng: random.Random, author: _Author, number: int) -> Publication:
    topic = author.topic
    keyword, keyword2 = (k.en for k in rng.sample(topic.keywords, 2))
    technique = TECHNIQUES[rng.choice(topic.techniques)]
    words = {"keyword": keyword, "Keyword": keyword[:1].upper() + keyword[1:], "keyword2": keyword2,
             "site": SITES[rng.choice(topic.sites)].en, "technique": technique.name.en,
             "Technique": technique.name.en[:1].upper() + technique.name.en[1:],
             "place": PLACE.get(author.territory, "international"), "n": rng.randint(40, 900)}
    words["sentence"] = technique.sentence.en.format(site=words["site"])
    title = rng.choice(TITLES).format(**words)
    year = rng.randint(FIRST_YEAR, LAST_YEAR)
    return Publication(
        title=title, abstract=ABSTRACT.format(**words), year=year, venue=rng.choice(VENUES),
        work_type=WorkType.REVIEW if rng.random() < 0.1 else WorkType.ARTICLE,
        doi=f"{DOI_PREFIX}{year}.{number:05d}", title_key=title_key(title),
        sources=[Source.ORCID, Source.OPENALEX],
    )


@transaction.atomic
def _store(rng: random.Random, works: list[tuple[Publication, list[_Author]]]) -> PublicationsReport:
    saved = Publication.objects.bulk_create([work for work, _ in works])
    report = PublicationsReport(works=len(saved))
    authorships, links = [], []
    for (_, team), work in zip(works, saved, strict=True):
        report.cosigned_across += len({a.territory for a in team} & set(COUNTRY)) == 2
        for position, author in enumerate(team, start=1):
            authorships.append(Authorship(publication=work, position=position, name=author.name, orcid=author.orcid,
                                          country=COUNTRY.get(author.territory, ""), person_id=author.pk))
            hidden = rng.random() < HIDDEN_SHARE
            report.hidden_links += hidden
            links.append(PersonPublication(person_id=author.pk, publication=work, hidden=hidden,
                                           origin=LinkOrigin.HARVEST))
    Authorship.objects.bulk_create(authorships)
    PersonPublication.objects.bulk_create(links)
    touch_people({link.person_id for link in links})
    return report
