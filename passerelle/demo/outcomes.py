"""Demo outcomes of the funded joint projects: papers, follow-on funding, exchanges, a patent, a
clinical trial, a company, and the Université de Sherbrooke opening its European office in Lyon.

Runs after the projects and funding demo (``seed_projects_demo``). Deterministic, idempotent
(nothing is created when outcomes exist), written through the services (validation, audit) by
the first coordinator; only dates in the past are used. DOIs use Crossref's test prefix 10.5555,
trial ids and patent numbers are fictional but well formed.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from django.db import transaction
from django.utils import timezone

from passerelle.core.enums import Territory
from passerelle.directory.models import Organisation
from passerelle.funding.enums import ApplicationStatus
from passerelle.projects.models import Project
from passerelle.reports import services
from passerelle.reports.enums import OutcomeKind
from passerelle.reports.indicators import ReportFilters
from passerelle.reports.indicators.base import report_tz
from passerelle.reports.indicators.funding import decided_applications
from passerelle.reports.models import Outcome

FUNDERS = [  # (name, acronym in the directory, territory, currency, amounts)
    ("Institut national du cancer", "INCa", Territory.AURA, "EUR", (80000, 150000, 240000)),
    ("Fonds de recherche du Québec – Santé", "FRQS", Territory.QC, "CAD", (60000, 90000, 120000)),
    ("Région Auvergne-Rhône-Alpes", "", Territory.AURA, "EUR", (40000, 75000)),
    ("Fondation ARC pour la recherche sur le cancer", "", Territory.AURA, "EUR", (30000, 50000)),
]
JOURNALS = ["Nature Communications", "Clinical Cancer Research", "Cancers", "JCO Precision Oncology",
            "Radiotherapy and Oncology", "Journal for ImmunoTherapy of Cancer"]


@dataclass
class ReportsDemoReport:
    outcomes: int = 0
    skipped: bool = False


def funded_projects() -> list[tuple[Project, date]]:
    """Each funded project once, with the day of its first funding decision, oldest first."""
    seen: dict[int, tuple[Project, date]] = {}
    funded = decided_applications(ReportFilters()).filter(status=ApplicationStatus.FUNDED)
    for application in funded.select_related("project").order_by("decided", "pk"):
        day = timezone.localtime(application.decided, report_tz()).date()
        seen.setdefault(application.project_id, (application.project, day))
    return list(seen.values())


def _organisation(acronym: str) -> Organisation | None:
    return Organisation.objects.filter(acronym=acronym).first() if acronym else None


def planned_outcomes(project: Project, funded_on: date, index: int, rng: random.Random) -> list[dict]:
    """What a funded project produced in the demo's story, as service arguments."""
    code = (project.acronym or f"p{project.pk}").lower()
    plans = [dict(kind=OutcomeKind.PUBLICATION, date=funded_on + timedelta(days=rng.randint(240, 520)),
                  title_fr=f"{project.title_fr} : premiers résultats",
                  title_en=f"{project.title_en or project.title_fr}: first results",
                  doi=f"10.5555/passerelle.{code}.{index + 1}",
                  description_fr=f"Article conjoint publié dans {rng.choice(JOURNALS)}.",
                  description_en=f"Joint paper published in {rng.choice(JOURNALS)}.")]
    if index % 3 == 0:
        name, acronym, territory, currency, amounts = FUNDERS[(index // 3) % len(FUNDERS)]
        funder = _organisation(acronym)
        plans.append(dict(kind=OutcomeKind.FOLLOW_ON_FUNDING, date=funded_on + timedelta(days=rng.randint(400, 700)),
                          title_fr=f"Financement de suite : {name}", title_en=f"Follow-on funding: {name}",
                          amount=Decimal(rng.choice(amounts)), currency=currency, territory=territory,
                          organisation=funder, organisation_name="" if funder else name))
    if index % 4 == 1:
        plans.append(dict(kind=OutcomeKind.EXCHANGE, date=funded_on + timedelta(days=rng.randint(150, 300)),
                          title_fr="Séjour d'une doctorante dans le laboratoire partenaire",
                          title_en="A PhD student's stay in the partner laboratory"))
    extra = {
        2: dict(kind=OutcomeKind.PATENT, patent_number=f"EP{4100000 + 137 * index}A1",
                title_fr="Brevet européen déposé en commun", title_en="European patent filed jointly"),
        3: dict(kind=OutcomeKind.CLINICAL_TRIAL, trial_id=f"NCT0{5400000 + 811 * index}",
                title_fr="Essai clinique de phase I/II bicentrique", title_en="Two-centre phase I/II clinical trial"),
        5: dict(kind=OutcomeKind.COMPANY, territory=Territory.QC, organisation_name=f"{code.upper()} Analytics inc.",
                title_fr="Création d'une jeune pousse à Montréal", title_en="A start-up created in Montréal"),
    }.get(index)
    if extra:
        plans.append({**extra, "date": funded_on + timedelta(days=rng.randint(500, 800))})
    return plans


def office_in_lyon(projects: list[tuple[Project, date]]) -> dict | None:
    """The Université de Sherbrooke opens its European office in Lyon: an outcome of the first funded
    project with a Sherbrooke partner (else of the first funded project)."""
    sherbrooke = _organisation("UdeS")
    if sherbrooke is None or not projects:
        return None
    sherbrooke_people = set(sherbrooke.people.values_list("pk", flat=True))
    chosen = next(((p, d) for p, d in projects
                   if p.partners.filter(person_id__in=sherbrooke_people).exists()
                   or p.partners.filter(organisation=sherbrooke).exists()), projects[0])
    project, funded_on = chosen
    return dict(project=project, kind=OutcomeKind.NEW_SITE, territory=Territory.AURA, organisation=sherbrooke,
                date=max(funded_on + timedelta(days=420), date(2023, 9, 14)),
                title_fr="L'Université de Sherbrooke ouvre son bureau européen à Lyon",
                title_en="Université de Sherbrooke opens its European office in Lyon",
                description_fr="Né des Entretiens Jacques Cartier et des missions croisées : un bureau à Lyon pour "
                               "suivre les projets conjoints et accueillir les chercheurs en mobilité.",
                description_en="Born of the Jacques Cartier meetings and the missions both ways: an office in Lyon "
                               "to follow the joint projects and host visiting researchers.",
                link="https://www.usherbrooke.ca/")


def seed_outcomes(coordinator: Any, today: date | None = None) -> ReportsDemoReport:
    if Outcome.objects.exists():
        return ReportsDemoReport(skipped=True)
    today = today or timezone.localdate()
    projects = funded_projects()
    wanted: list[dict] = []
    for index, (project, funded_on) in enumerate(projects):
        rng = random.Random(f"outcomes-{project.title_fr}")
        wanted += [{"project": project, **plan} for plan in planned_outcomes(project, funded_on, index, rng)]
    office = office_in_lyon(projects)
    if office:
        wanted.append(office)
    report = ReportsDemoReport()
    with transaction.atomic():
        for fields in wanted:
            if fields["date"] <= today:
                services.outcome_create(actor=coordinator, **fields)
                report.outcomes += 1
    return report
