"""Publications for the reports tests, built row by row: ``work(2021, alice, chloe, hidden=[chloe])``
makes a work of 2021 on Alice's and Chloé's profiles, hidden on Chloé's."""
from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from itertools import count

from passerelle.directory.models import Person
from passerelle.publications.models import Authorship, PersonPublication, Publication

_numbers = count(1)


def work(year: int | None, *authors: Person, hidden: Iterable[Person] = (), doi: str | None = None,
         published: date | None = None, title: str = "") -> Publication:
    """A work signed (in this order) by ``authors``, each with a link to it; a DOI unless ``doi=""``."""
    n = next(_numbers)
    publication = Publication.objects.create(
        title=title or f"Shared cohort study {n}", year=year, publication_date=published,
        venue="Journal of Joint Oncology", doi=f"10.5555/jjo.{n}" if doi is None else doi,
        title_key=f"shared cohort study {n}", sources=["orcid"])
    hidden_ids = {person.pk for person in hidden}
    for position, author in enumerate(authors, start=1):
        Authorship.objects.create(publication=publication, position=position, name=author.full_name,
                                  person=author)
        PersonPublication.objects.create(person=author, publication=publication, hidden=author.pk in hidden_ids)
    return publication
