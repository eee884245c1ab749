"""Demo of the funding side: the France–Québec Samuel-De Champlain programme and a few regional and
national ones, their calls (past ones closed, one Samuel-De Champlain call open now, one upcoming),
reviewers, and the demo's joint projects applying through the whole workflow — eligibility
checked by the rules, reviews scored, funded or declined — with the dates set back to when it
happened. Deterministic and idempotent (keyed by slugs; applications only when there are none).
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from passerelle.core.enums import Territory, TimeZone
from passerelle.directory import services as directory_services
from passerelle.directory.models import Organisation, Person
from passerelle.funding import review, services
from passerelle.funding.conflicts import conflicts_between
from passerelle.funding.enums import ApplicationStatus, CallStatus, RuleKind
from passerelle.funding.models import (
    Application,
    ApplicationDocument,
    ApplicationStatusChange,
    Call,
    CallRule,
    Programme,
    ReviewAssignment,
    ReviewCriterion,
)
from passerelle.projects.models import Project

PARIS, MONTREAL = ZoneInfo(TimeZone.PARIS), ZoneInfo(TimeZone.MONTREAL)
REVIEWER_ACCOUNT = "evaluation@passerelle.demo"

PROGRAMMES = (
    ("samuel-de-champlain", "Programme Samuel-De Champlain", "Samuel-De Champlain programme", "SDC",
     ("CPCFQ", "MRIF"), ["AURA", "QC"],
     "Programme franco-québécois de coopération scientifique : il finance les échanges de chercheurs et "
     "d'étudiants des projets conjoints, la partie française en euros, la partie québécoise en dollars canadiens.",
     "France–Québec scientific cooperation programme funding exchanges of researchers and students in joint "
     "projects: the French side in euros, the Québec side in Canadian dollars."),
    ("pack-ambition-international", "Pack Ambition International", "Pack Ambition International", "PAI",
     ("Région AURA",), ["AURA"],
     "Soutien régional aux projets de recherche internationaux portés par un laboratoire d'Auvergne-Rhône-Alpes.",
     "Regional support for international research projects led by an Auvergne-Rhône-Alpes laboratory."),
    ("frqs-collaborations-internationales", "FRQS – Collaborations internationales",
     "FRQS – International collaborations", "FRQS-CI", ("FRQS",), ["QC"],
     "Soutien du Fonds de recherche du Québec – Santé aux collaborations de chercheurs québécois avec l'étranger.",
     "Support of the Fonds de recherche du Québec – Santé for Québec researchers' collaborations abroad."),
    ("inca-recherche-internationale", "INCa – Projets de recherche internationaux",
     "INCa – International research projects", "INCa-PRI", ("INCa",), ["AURA", "OTHER"],
     "Appel national de l'Institut national du cancer ouvert aux consortiums internationaux.",
     "National call of the French National Cancer Institute open to international consortia."),
)
ACADEMIC = ["university", "hospital", "cancer_centre", "research_centre"]
CRITERIA = (("Excellence scientifique", "Scientific excellence", 2),
            ("Complémentarité franco-québécoise", "France–Québec complementarity", 2),
            ("Faisabilité et formation de jeunes chercheurs",
             "Feasibility and training of early-career researchers", 1))


def _sdc_rules(eur: int, cad: int) -> dict:
    return {RuleKind.LEADS_PER_TERRITORY: {"territories": ["AURA", "QC"]},
            RuleKind.ORGANISATION_KINDS: {"kinds": ACADEMIC},
            RuleKind.MAX_AMOUNT: {"amounts": {"EUR": str(eur), "CAD": str(cad)}},
            RuleKind.MAX_DURATION: {"months": 24},
            RuleKind.REQUIRED_DOCUMENTS: {"kinds": ["proposal", "budget"]}}


@dataclass(frozen=True)
class CallSpec:
    slug: str
    programme: str
    title_fr: str
    title_en: str
    opens: datetime
    closes: datetime
    rules: dict


def call_specs(now: datetime) -> list[CallSpec]:
    """Past calls on their real-looking dates; the open and upcoming ones placed around ``now``."""
    specs = [CallSpec(f"samuel-de-champlain-{year}", "samuel-de-champlain",
                      f"Appel Samuel-De Champlain {year}–{year + 1}", f"Samuel-De Champlain call {year}–{year + 1}",
                      datetime(year - 1, 12, 1, 9, tzinfo=PARIS),
                      datetime(year, month, day, 17, tzinfo=PARIS), _sdc_rules(15000, 22000))
             for year, month, day in ((2019, 3, 15), (2021, 5, 14), (2023, 3, 17), (2025, 3, 14))]
    opening = now.astimezone(MONTREAL).replace(hour=9, minute=0, second=0, microsecond=0) - timedelta(days=30)
    specs += [
        CallSpec("pack-ambition-international-2024", "pack-ambition-international",
                 "Pack Ambition International 2024", "Pack Ambition International 2024",
                 datetime(2023, 11, 6, 9, tzinfo=PARIS), datetime(2024, 2, 15, 12, tzinfo=PARIS),
                 {RuleKind.LEADS_PER_TERRITORY: {"territories": ["AURA"]},
                  RuleKind.MAX_AMOUNT: {"amounts": {"EUR": "50000"}}, RuleKind.MAX_DURATION: {"months": 36},
                  RuleKind.REQUIRED_DOCUMENTS: {"kinds": ["proposal", "budget", "letter"]}}),
        CallSpec("frqs-collaborations-internationales-2025", "frqs-collaborations-internationales",
                 "FRQS – Collaborations internationales 2025", "FRQS – International collaborations 2025",
                 datetime(2024, 9, 3, 9, tzinfo=MONTREAL), datetime(2024, 11, 20, 16, tzinfo=MONTREAL),
                 {RuleKind.LEADS_PER_TERRITORY: {"territories": ["QC"]},
                  RuleKind.MAX_AMOUNT: {"amounts": {"CAD": "40000"}},
                  RuleKind.REQUIRED_DOCUMENTS: {"kinds": ["proposal", "cv"]}}),
        CallSpec(f"samuel-de-champlain-{now.year + 1}", "samuel-de-champlain",
                 f"Appel Samuel-De Champlain {now.year + 1}–{now.year + 2}",
                 f"Samuel-De Champlain call {now.year + 1}–{now.year + 2}", opening,
                 (opening + timedelta(days=90)).replace(hour=17), _sdc_rules(15000, 22000)),
        CallSpec(f"inca-recherche-internationale-{now.year + 1}", "inca-recherche-internationale",
                 f"INCa – Projets de recherche internationaux {now.year + 1}",
                 f"INCa – International research projects {now.year + 1}",
                 (now + timedelta(days=45)).astimezone(PARIS).replace(hour=9, minute=0, second=0, microsecond=0),
                 (now + timedelta(days=150)).astimezone(PARIS).replace(hour=12, minute=0, second=0, microsecond=0),
                 {RuleKind.ORGANISATION_KINDS: {"kinds": ACADEMIC}, RuleKind.MAX_AMOUNT: {"amounts": {"EUR": "300000"}},
                  RuleKind.MAX_DURATION: {"months": 48}}),
    ]
    return specs


def seed_programmes() -> dict[str, Programme]:
    by_acronym = {o.acronym or o.name: o for o in Organisation.objects.all()}
    programmes = {}
    for slug, name_fr, name_en, acronym, funders, territories, text_fr, text_en in PROGRAMMES:
        programme, created = Programme.objects.get_or_create(slug=slug, defaults={
            "name_fr": name_fr, "name_en": name_en, "acronym": acronym, "territories": territories,
            "description_fr": text_fr, "description_en": text_en})
        if created:
            programme.funders.set([by_acronym[a] for a in funders if a in by_acronym])
        programmes[slug] = programme
    return programmes


def seed_calls(programmes: dict[str, Programme], now: datetime) -> list[Call]:
    calls = []
    for spec in call_specs(now):
        call, created = Call.objects.get_or_create(slug=spec.slug, defaults={
            "programme": programmes[spec.programme], "title_fr": spec.title_fr, "title_en": spec.title_en,
            "opens_at": spec.opens, "closes_at": spec.closes, "status": CallStatus.PUBLISHED,
            "time_zone": str(spec.closes.tzinfo),
            "description_fr": programmes[spec.programme].description_fr,
            "description_en": programmes[spec.programme].description_en})
        if created:
            for kind, params in spec.rules.items():
                CallRule.objects.create(call=call, kind=kind, params=params)
            for position, (fr, en, weight) in enumerate(CRITERIA):
                ReviewCriterion.objects.create(call=call, label_fr=fr, label_en=en, weight=weight, max_score=5,
                                               position=position)
        calls.append(call)
    return calls


def seed_reviewers() -> list[Person]:
    """Four experts with an account (one per territory and one from elsewhere, plus a second from
    Québec); the first signs in with ``REVIEWER_ACCOUNT`` and the demo password."""
    from passerelle.demo.directory import DEMO_PASSWORD

    chosen = []
    for territory in (Territory.OTHER, Territory.AURA, Territory.QC, Territory.QC):
        person = (Person.objects.filter(territory=territory, user__isnull=True).exclude(expertise="")
                  .exclude(pk__in=[p.pk for p in chosen]).exclude(project_roles__isnull=False)
                  .order_by("last_name", "pk").first())
        if person is not None:
            chosen.append(person)
    users = get_user_model().objects
    for index, person in enumerate(chosen):
        email = REVIEWER_ACCOUNT if index == 0 else person.email
        user = users.filter(email=email).first() or users.create_user(
            email, DEMO_PASSWORD if index == 0 else None, first_name=person.first_name, last_name=person.last_name)
        if index:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        directory_services.person_link_user(person=person, user=user)
    return chosen


def _documents(application: Application, project: Project) -> None:
    for kind, name, text in (("proposal", "projet.txt", project.summary_fr or project.title_fr),
                             ("budget", "budget.txt", "Missions : 6 allers-retours Lyon–Québec ; séjours doctorants.")):
        ApplicationDocument.objects.create(application=application, kind=kind,
                                           file=ContentFile(text.encode("utf-8"), name=name))


def _at(moment: datetime, days: int) -> datetime:
    return (moment + timedelta(days=days)).astimezone(UTC)


def run_application(project: Project, call: Call, reviewers: list[Person], coordinator: Any,
                    rng: random.Random) -> Application:
    """One application through the whole workflow, as the pages would do it, then dated."""
    opens = max(call.opens_at, project.created_at) + timedelta(days=7)
    amounts = {"EUR": str(rng.randrange(8000, 15001, 500)), "CAD": str(rng.randrange(12000, 22001, 500))}
    application = services.application_create(actor=project.created_by or coordinator, call=call, project=project,
                                              duration_months=24, amounts=amounts, now=opens)
    _documents(application, project)
    services.application_submit(actor=coordinator, application=application, now=call.closes_at - timedelta(days=2))
    application = services.application_check_eligibility(actor=coordinator, application=application)
    if application.status == ApplicationStatus.ELIGIBLE:
        free = [r for r in reviewers if not conflicts_between(r, application)][:2]
        for reviewer in free:
            assignment = review.assign_reviewer(actor=coordinator, application=application, reviewer=reviewer)
            scores = {c.pk: rng.randint(2, 5) for c in call.criteria.all()}
            review.submit_review(actor=reviewer.user, assignment=assignment, scores=scores,
                                 comments="Projet complémentaire, calendrier réaliste.")
            ReviewAssignment.objects.filter(pk=assignment.pk).update(
                assigned_at=_at(call.closes_at, 20), submitted_at=_at(call.closes_at, 45))
        application.refresh_from_db()
    return application


def decide(applications: list[Application], coordinator: Any) -> None:
    """The better half of each call's reviewed applications is funded (90 % of what was asked)."""
    from passerelle.funding.selectors import call_ranking

    by_call: dict[int, list[Application]] = {}
    for application in applications:
        by_call.setdefault(application.call_id, []).append(application)
    for call_applications in by_call.values():
        ranking = [r for r in call_ranking(call_applications[0].call) if r.application.status == "under_review"]
        for position, row in enumerate(ranking):
            application = row.application
            if position < max(1, (len(ranking) + 1) // 2):
                granted = {line.currency: (line.requested * Decimal("0.9")).quantize(Decimal("1"))
                           for line in application.amounts.all()}
                services.application_decide(actor=coordinator, application=application, decision="funded",
                                            granted=granted, note="Financé par le comité mixte.")
            else:
                services.application_decide(actor=coordinator, application=application, decision="declined",
                                            note="Non retenu cette année ; encouragé à redéposer.")


def backdate(application: Application) -> None:
    """History rows and dates as they happened around the call's deadline."""
    application.refresh_from_db()
    deadline = application.call.closes_at
    offsets = {"draft": -40, "submitted": -2, "eligible": 7, "ineligible": 7, "under_review": 20,
               "funded": 90, "declined": 90}
    for change in application.status_changes.all():
        ApplicationStatusChange.objects.filter(pk=change.pk).update(at=_at(deadline, offsets[change.to_status]))
    Application.objects.filter(pk=application.pk).update(
        created_at=_at(deadline, -40), eligibility_checked_at=_at(deadline, 7),
        decided_at=_at(deadline, 90) if application.decided_at else None)


@dataclass
class FundingDemoReport:
    programmes: int = 0
    calls: int = 0
    applications: int = 0
    funded: int = 0


@transaction.atomic
def seed_funding(projects: list[Project], coordinator: Any, now: datetime | None = None) -> FundingDemoReport:
    now = now or timezone.now()
    programmes = seed_programmes()
    calls = seed_calls(programmes, now)
    report = FundingDemoReport(programmes=len(programmes), calls=len(calls))
    if Application.objects.exists():
        return report
    reviewers = seed_reviewers()
    sdc = sorted((c for c in calls if c.programme.slug == "samuel-de-champlain" and c.closes_at < now),
                 key=lambda c: c.closes_at)
    done = []
    for project in sorted((p for p in projects if p.status != "draft"), key=lambda p: p.created_at):
        call = next((c for c in sdc if c.closes_at > project.created_at + timedelta(days=30)), None)
        if call is not None:
            done.append(run_application(project, call, reviewers, coordinator, random.Random(project.title_fr)))
    decide(done, coordinator)
    for application in done:
        backdate(application)
    report.applications = len(done)
    report.funded = Application.objects.filter(status=ApplicationStatus.FUNDED).count()
    return report
