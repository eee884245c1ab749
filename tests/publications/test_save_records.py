"""Merging records into stored works: identifiers, titles, preprints, authors, links, idempotency."""
from __future__ import annotations

import pytest

from passerelle.publications import services
from passerelle.publications.enums import LinkOrigin, Source, WorkType
from passerelle.publications.models import Authorship, PersonPublication, Publication
from passerelle.publications.records import AuthorRecord
from tests.factories import PersonFactory, UserFactory
from tests.publications.factories import work_record

pytestmark = pytest.mark.django_db
ORCID_A = "0000-0002-1825-0097"
ORCID_B = "0000-0001-5109-3700"


def save(person, *records, origin=LinkOrigin.HARVEST):
    return services.save_records(person=person, records=list(records), origin=origin)


def snapshot():
    return (
        list(Publication.objects.order_by("pk").values()),
        list(Authorship.objects.order_by("pk").values()),
        list(PersonPublication.objects.order_by("pk").values()),
    )


def test_same_doi_with_another_title_is_one_work_keeping_the_first_title():
    person = PersonFactory()
    save(person, work_record(title="Radiomics of glioma", doi="10.5555/x.1", source=Source.ORCID))
    report = save(person, work_record(title="Radiomics of gliomas: a cohort", doi="https://doi.org/10.5555/X.1",
                                      abstract="We study.", source=Source.OPENALEX))
    work = Publication.objects.get()
    assert (work.title, work.abstract, work.sources) == ("Radiomics of glioma", "We study.", ["orcid", "openalex"])
    assert (report.added, report.updated) == (0, 1)


def test_without_doi_title_and_year_merge_but_not_another_year():
    person = PersonFactory()
    save(person, work_record(title="Étude des cellules!", year=2020, doi=""))
    save(person, work_record(title="etude des  CELLULES", year=2020, hal_id="hal-01234567", source=Source.HAL))
    save(person, work_record(title="Etude des cellules", year=2023))
    assert Publication.objects.count() == 2
    assert Publication.objects.get(year=2020).hal_id == "hal-01234567"


def test_same_title_different_dois_stay_apart():
    person = PersonFactory()
    save(person, work_record(title="Editorial", doi="10.5555/ed.1"), work_record(title="Editorial", doi="10.5555/ed.2"))
    assert Publication.objects.count() == 2


def test_preprint_and_article_merge_and_the_article_wins():
    person = PersonFactory()
    save(person, work_record(title="Deep learning for mammography", year=2020, doi="10.1101/2020.01.01.123",
                             work_type=WorkType.PREPRINT, venue="bioRxiv"))
    save(person, work_record(title="Deep learning for mammography.", year=2021, doi="10.5555/mammo.7",
                             work_type=WorkType.ARTICLE, venue="Fictional Radiology"))
    work = Publication.objects.get()
    assert (work.doi, work.venue, work.year, work.work_type) == ("10.5555/mammo.7", "Fictional Radiology", 2021,
                                                                  WorkType.ARTICLE)
    # the preprint seen again afterwards merges into the article and changes nothing
    before = snapshot()
    save(person, work_record(title="Deep learning for mammography", year=2020, doi="10.1101/2020.01.01.123",
                             work_type=WorkType.PREPRINT, venue="bioRxiv"))
    assert Publication.objects.get().doi == "10.5555/mammo.7"
    assert snapshot()[0][0]["sources"] == before[0][0]["sources"]


def test_authors_are_matched_by_orcid_and_the_person_by_name_and_links_are_created():
    person = PersonFactory(first_name="Marie", last_name="Lefèvre", orcid="")
    colleague = PersonFactory(orcid=ORCID_B)
    stranger = PersonFactory(first_name="Jean", last_name="Martin", orcid="")
    report = save(person, work_record(authors=[
        AuthorRecord(name="M. Lefevre"), AuthorRecord(name="Somebody", orcid=f"https://orcid.org/{ORCID_B}"),
        AuthorRecord(name="Jean Martin"),
    ]))
    rows = list(Authorship.objects.order_by("position").values_list("person_id", flat=True))
    assert rows == [person.pk, colleague.pk, None]
    assert set(PersonPublication.objects.values_list("person_id", flat=True)) == {person.pk, colleague.pk}
    assert report.linked == 2 and not stranger.publication_links.exists()


def test_a_namesake_with_another_orcid_is_not_the_person():
    person = PersonFactory(first_name="Marie", last_name="Curie", orcid=ORCID_A)
    save(person, work_record(authors=[AuthorRecord(name="Marie Curie", orcid=ORCID_B)]))
    assert Authorship.objects.get().person is None


def test_running_twice_changes_nothing_and_hidden_stays():
    person = PersonFactory(orcid=ORCID_A)
    records = [work_record(title=f"Work {n}", doi=f"10.5555/w.{n}", authors=[AuthorRecord("Ann Bee", ORCID_A)])
               for n in range(5)]
    save(person, *records)
    link = PersonPublication.objects.first()
    services.set_hidden(person=person, publication=link.publication, hidden=True,
                        actor=UserFactory(role="coordinator"))
    before = snapshot()
    report = save(person, *records)
    assert snapshot() == before
    assert (report.added, report.updated, report.unchanged, report.linked) == (0, 0, 5, 0)
    assert PersonPublication.objects.get(pk=link.pk).hidden


def test_richer_author_list_replaces_a_poorer_one():
    person = PersonFactory()
    save(person, work_record(doi="10.5555/a.1", authors=["A One"]))
    save(person, work_record(doi="10.5555/a.1", authors=[AuthorRecord("A One", affiliation="Lyon", country="fr"),
                                                         "B Two"]))
    assert list(Authorship.objects.values_list("name", "country")) == [("A One", "FR"), ("B Two", "")]


def test_bad_records_are_skipped():
    person = PersonFactory()
    report = save(person, work_record(title="  "), work_record(title="Good", year=99999, doi="not a doi"))
    assert len(report.skipped) == 1
    work = Publication.objects.get()
    assert (work.year, work.doi) == (None, "")


def test_set_hidden_and_remove_link_check_the_actor():
    person = PersonFactory(user=UserFactory())
    save(person, work_record())
    work = Publication.objects.get()
    with pytest.raises(services.PermissionDenied):
        services.set_hidden(person=person, publication=work, hidden=True, actor=UserFactory())
    services.set_hidden(person=person, publication=work, hidden=True, actor=person.user)
    services.remove_link(person=person, publication=work, actor=person.user)
    assert not PersonPublication.objects.exists() and Publication.objects.exists()


def test_control_characters_and_huge_texts_are_cleaned():
    person = PersonFactory()
    save(person, work_record(title="Bad\x00 title\x1b" + "x" * 5000, abstract="Line\x00one\nline two",
                             authors=[AuthorRecord(name="A\x07 B", country="France")]))
    work = Publication.objects.get()
    assert "\x00" not in work.title and len(work.title) == 1000
    assert work.abstract == "Lineone\nline two"
    assert list(Authorship.objects.values_list("name", "country")) == [("A B", "")]
