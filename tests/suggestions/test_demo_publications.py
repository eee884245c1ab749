"""The demo's publications: coherent with the profiles, co-signed across the territories, a few hidden."""
from __future__ import annotations

import pytest

from passerelle.core.enums import Territory
from passerelle.demo.directory import seed_directory
from passerelle.demo.publications import DOI_PREFIX, FIRST_YEAR, LAST_YEAR, seed_publications
from passerelle.publications.models import Authorship, PersonPublication, Publication
from passerelle.publications.selectors import coauthor_pairs

pytestmark = pytest.mark.django_db
SMALL = 82


def test_the_demo_seeds_publications_once_deterministically():
    seed_directory(SMALL, 7)
    report = seed_publications(SMALL, 7)
    works = Publication.objects.all()
    assert report.works == works.count() > SMALL // 2
    assert all(w.doi.startswith(DOI_PREFIX) and FIRST_YEAR <= w.year <= LAST_YEAR and w.abstract for w in works)
    assert report.hidden_links == PersonPublication.objects.filter(hidden=True).count() > 0
    across = [w for w in works if {a.person.territory for a in w.authorships.select_related("person")}
              >= {Territory.AURA, Territory.QC}]
    assert len(across) == report.cosigned_across > 0
    assert Authorship.objects.count() == PersonPublication.objects.count()
    assert coauthor_pairs()
    titles = sorted(works.values_list("title", flat=True))
    assert seed_publications(SMALL, 7).skipped
    Publication.objects.all().delete()
    seed_publications(SMALL, 7)
    assert sorted(Publication.objects.values_list("title", flat=True)) == titles
