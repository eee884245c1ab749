"""Harvests through the real readers and the fake APIs (fixtures in the APIs' shapes)."""
from __future__ import annotations

from datetime import timedelta

import httpx
import pytest

from passerelle.jobs.models import Job, JobStatus
from passerelle.jobs.periodic import PERIODIC
from passerelle.publications import jobs, services
from passerelle.publications.enums import Source, WorkType
from passerelle.publications.http import PublicationClient
from passerelle.publications.models import Authorship, HarvestState, PersonPublication, Publication
from tests.factories import CoordinatorFactory, PersonFactory
from tests.publications import fake_apis

pytestmark = pytest.mark.django_db
CAMILLE, LOUIS = "0000-0002-1825-0097", "0000-0001-5109-3700"


def fake_client(handler=None):
    """The fake APIs, with ``handler`` answering first when it returns a response."""
    served = fake_apis.mock_transport()

    def handle(request):
        answer = handler(request) if handler else None
        return answer if answer is not None else served.handle_request(request)

    return PublicationClient(contact="contact@passerelle.test", transport=httpx.MockTransport(handle),
                             sleep=lambda seconds: None)


@pytest.fixture
def camille():
    return PersonFactory(first_name="Camille", last_name="Rousseau", orcid=CAMILLE, idhal="camille-rousseau")


@pytest.fixture
def louis():
    return PersonFactory(first_name="Louis", last_name="Tremblay", orcid=LOUIS)


def by_source(report):
    return {result.source: result for result in report.results}


def test_a_harvest_merges_the_four_sources(camille, louis):
    report = services.harvest_person(person=camille, client=fake_client())
    results = by_source(report)
    assert report.ok
    assert (results["orcid"].seen, results["orcid"].skipped) == (3, 2)  # an empty group, a bulk error
    assert (results["openalex"].seen, results["openalex"].skipped) == (3, 1)  # a work without title
    assert (results["hal"].seen, results["hal"].skipped) == (2, 1)
    assert results["pubmed"].seen == 1
    assert Publication.objects.count() == 4
    hcc = Publication.objects.get(doi="10.5555/fict.hcc.2021")
    assert (hcc.pmid, hcc.openalex_id, hcc.title) == ("31000001", "W4000000001",
                                                       "Spatial transcriptomics of hepatocellular carcinoma margins")
    assert hcc.abstract == "We map the transcriptome at the invasive margin of fictional liver tumours."
    assert hcc.sources == [Source.ORCID, Source.OPENALEX, Source.PUBMED]
    assert list(hcc.authorships.values_list("name", "country", "person_id")) == [
        ("Camille Rousseau", "FR", camille.pk), ("Louis Tremblay", "CA", louis.pk)]
    # same DOI, another title: one work, the first title kept
    crc = Publication.objects.get(doi="10.5555/fict.crc.2019")
    assert crc.title == "Liquid biopsy in colorectal cancer" and crc.abstract == "Circulating DNA tracks relapse."
    # HAL's preprint merged into the published article, which wins
    melanoma = Publication.objects.get(hal_id="hal-03999001")
    assert (melanoma.doi, melanoma.year, melanoma.work_type) == ("10.5555/fict.melanoma.2023", 2023, WorkType.ARTICLE)
    # a HAL deposit without DOI
    assert Publication.objects.get(hal_id="hal-02999999").year == 2020
    assert set(louis.publication_links.values_list("publication__doi", flat=True)) == {"10.5555/fict.hcc.2021"}
    assert camille.publication_links.count() == 4
    assert HarvestState.objects.filter(person=camille, last_error="").count() == 4


def snapshot():
    return [list(model.objects.order_by("pk").values()) for model in (Publication, Authorship, PersonPublication)]


def test_harvesting_twice_changes_nothing_and_hidden_works_stay_hidden(camille, louis):
    services.harvest_person(person=camille, client=fake_client())
    link = camille.publication_links.get(publication__hal_id="hal-02999999")
    services.set_hidden(person=camille, publication=link.publication, hidden=True, actor=CoordinatorFactory())
    HarvestState.objects.update(last_success_at=None)  # a full refresh, not only what changed
    before = snapshot()
    report = services.harvest_person(person=camille, client=fake_client())
    assert snapshot() == before
    assert sum(r.added + r.updated for r in report.results) == 0
    assert PersonPublication.objects.get(pk=link.pk).hidden


def test_a_refresh_asks_only_what_changed(camille):
    services.harvest_person(person=camille, client=fake_client())
    asked = []

    def spy(request):
        asked.append(request.url)

    services.harvest_person(person=camille, client=fake_client(spy))
    orcid = [url for url in asked if url.host == "fake-apis.test" and "/orcid/" in url.path]
    assert [url.path for url in orcid] == [f"/orcid/{CAMILLE}/works"]  # no details: nothing changed
    openalex = next(url for url in asked if "/openalex/" in url.path)
    assert "from_updated_date:" in openalex.params["filter"]
    hal = next(url for url in asked if "/hal/" in url.path)
    assert any(value.startswith("modifiedDate_tdate:[") for value in hal.params.get_list("fq"))
    assert not [url for url in asked if "/pubmed/" in url.path]  # every PMID already read


def test_a_source_down_keeps_the_others_and_is_reported(camille):
    def openalex_down(request):
        return httpx.Response(503) if "/openalex/" in request.url.path else None

    report = services.harvest_person(person=camille, client=fake_client(openalex_down))
    results = by_source(report)
    assert not report.ok and "503" in results["openalex"].error
    assert results["orcid"].added == 3 and not results["orcid"].error
    state = HarvestState.objects.get(person=camille, source=Source.OPENALEX)
    assert state.last_success_at is None and "503" in state.last_error
    assert Publication.objects.filter(openalex_id="").count() == 4


def test_a_timeout_is_retried(camille):
    failures = []

    def slow_once(request):
        if "/hal/" in request.url.path and not failures:
            failures.append(request)
            raise httpx.ReadTimeout("slow")
        return None

    report = services.harvest_person(person=camille, client=fake_client(slow_once))
    assert report.ok and by_source(report)["hal"].seen == 2


def test_a_profile_with_500_works_is_read_page_by_page():
    person = PersonFactory(orcid=LOUIS)
    cursors = []

    def pages(request):
        if "/openalex/works" not in request.url.path:
            return None
        cursor = request.url.params["cursor"]
        cursors.append(cursor)
        start = {"*": 0, "p2": 200, "p3": 400}[cursor]
        results = [{"id": f"https://openalex.org/W{9000 + n}", "title": f"Fictional cohort study {n}",
                    "publication_year": 2020, "type": "article"} for n in range(start, min(start + 200, 500))]
        following = {"*": "p2", "p2": "p3", "p3": None}[cursor]
        return httpx.Response(200, json={"meta": {"count": 500, "next_cursor": following}, "results": results})

    report = services.harvest_person(person=person, client=fake_client(pages))
    assert cursors == ["*", "p2", "p3"]
    assert by_source(report)["openalex"].added == 500
    assert person.publication_links.count() == 500


def test_add_by_doi_reads_openalex_and_pubmed(camille):
    work = services.add_by_doi(person=camille, doi="https://doi.org/10.5555/FICT.HCC.2021", client=fake_client())
    assert (work.pmid, work.openalex_id) == ("31000001", "W4000000001")
    assert set(work.sources) == {Source.DOI, Source.OPENALEX, Source.PUBMED}
    assert camille.publication_links.get().origin == "doi"
    with pytest.raises(services.PublicationNotFound):
        services.add_by_doi(person=camille, doi="10.5555/unknown", client=fake_client())
    with pytest.raises(services.PublicationNotFound):
        services.add_by_doi(person=camille, doi="not a doi", client=fake_client())


def test_the_job_harvests_with_progress_through_a_local_server(camille, louis, fake_publication_apis):
    job = services.start_harvest(user=CoordinatorFactory(), person_ids=[camille.pk, louis.pk])
    job.refresh_from_db()
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert (job.done, job.total) == (2, 2)
    assert job.result["people"] == 2 and job.result["added"] == 4 and job.result["errors"] == []


def test_a_member_pressing_twice_gets_the_pending_job(camille):
    pending = Job.objects.create(handler=services.HARVEST_HANDLER, title="x", status=JobStatus.QUEUED,
                                 target_type="directory.person", target_id=str(camille.pk))
    assert services.start_harvest(user=None, person_ids=[camille.pk]).pk == pending.pk


def test_the_scheduled_refresh_takes_the_people_not_harvested_lately(camille, settings):
    settings.PUBLICATIONS_REFRESH_DAYS = 7
    fresh = PersonFactory(orcid=LOUIS)
    PersonFactory(orcid="", idhal="")  # nothing to ask
    PersonFactory(orcid="0000-0003-1415-9269")  # never imported: the first import is someone's decision
    hal_only = PersonFactory(orcid="", idhal="someone-else")
    HarvestState.objects.create(person=fresh, source=Source.ORCID, last_attempt_at=camille.created_at)
    long_ago = camille.created_at - timedelta(days=30)
    for person in (camille, hal_only):
        HarvestState.objects.create(person=person, source=Source.HAL, last_attempt_at=long_ago)
    assert services.people_due() == [camille.pk, hal_only.pk]
    assert any(p.handler == "passerelle.publications.jobs.refresh_due" for p in PERIODIC)
    seen = []
    result = jobs.refresh_due(Job(params={}), lambda done, total, message: seen.append((done, total)))
    assert seen[-1] == (2, 2) and result["people"] == 2
