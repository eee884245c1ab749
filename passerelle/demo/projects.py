"""Demo of what grew from the cooperation: ~30 opportunities born at the past events (pairs of
people of the two territories who registered to the same event and share a cancer site), a dozen
of them turned into joint projects, the cluster's support services and a few requests.

Deterministic (``random.Random`` seeded by event slugs) and idempotent: nothing is created when
opportunities already exist. Writes go through the services, then dates are set back to when
things happened, so that histories and timelines read like the real story.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, time, timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.db import transaction

from passerelle.core.enums import Territory
from passerelle.directory.models import Person
from passerelle.events.enums import EventKind, RegistrationStatus
from passerelle.events.models import Event
from passerelle.projects import services, support
from passerelle.projects.enums import OriginKind, ProjectStatus, ServiceKind, ServiceRequestStatus
from passerelle.projects.models import (
    Opportunity,
    OpportunityStatusChange,
    Project,
    ProjectStatusChange,
    ServiceRequest,
    SupportService,
)

# (event slug, number of opportunities born there); projects come from the older ones.
OPPORTUNITIES_PER_EVENT = (
    ("mission-imagerie-quebec-2018", 2), ("entretiens-jacques-cartier-2018", 3),
    ("delegation-immuno-oncologie-lyon-2019", 1), ("tournee-chercheurs-lyon-grenoble-2019", 1),
    ("entretiens-jacques-cartier-2019", 3), ("entretiens-jacques-cartier-2020", 2),
    ("entretiens-jacques-cartier-2021", 2), ("visite-sherbrooke-2022", 1), ("atelier-radiomique-ia-2022", 2),
    ("entretiens-jacques-cartier-2022", 2), ("mission-immunotherapie-montreal-2023", 1),
    ("entretiens-jacques-cartier-2023", 2), ("entretiens-jacques-cartier-2024", 2),
    ("atelier-patients-partenaires-2025", 1), ("entretiens-jacques-cartier-2025", 2),
    ("entretiens-jacques-cartier-2026", 2),
)
PROJECTS = 12
DROP_REASONS = (
    "Pas de financement identifié pour la partie clinique ; à reprendre plus tard.",
    "Le partenaire québécois a changé d'institution et de thématique.",
    "Chevauchement avec un consortium européen déjà en place.",
    "Cohortes trop différentes pour une analyse commune.",
)
NEXT_STEPS = (
    "Visioconférence pour comparer les protocoles", "Échange de données pilotes", "Rédiger une lettre d'intention",
    "Visite de laboratoire lors de la prochaine mission", "Identifier un appel à projets adapté",
)
SERVICES = (
    (ServiceKind.PROJECT_ENGINEERING, "ingenierie-de-projet", "Ingénierie de projet", "Project engineering",
     "Montage des dossiers de financement, budget, calendrier, relecture avant dépôt.",
     "Building funding applications: budget, timeline, review before submission."),
    (ServiceKind.PARTNER_SEARCH, "recherche-de-partenaires", "Recherche de partenaires", "Partner search",
     "Identification de partenaires académiques, cliniques ou industriels au Québec et en Auvergne-Rhône-Alpes.",
     "Finding academic, clinical or industrial partners in Québec and Auvergne-Rhône-Alpes."),
    (ServiceKind.FUNDING_WATCH, "veille-financements", "Veille sur les financements", "Funding watch",
     "Alerte sur les appels adaptés à votre projet : Samuel-De Champlain, Région, INCa, FRQS…",
     "Alerts on calls that suit your project: Samuel-De Champlain, the Region, INCa, FRQS…"),
    (ServiceKind.VALORISATION, "valorisation-transfert", "Valorisation et transfert de technologie",
     "Valorisation and technology transfer",
     "Propriété intellectuelle, accords de consortium, mise en relation avec les industriels.",
     "Intellectual property, consortium agreements, introductions to companies."),
    (ServiceKind.EVENT_SUPPORT, "appui-evenements", "Appui à l'organisation d'événements", "Event support",
     "Ateliers, visites de délégations, journées scientifiques : logistique et programme.",
     "Workshops, delegation visits, scientific days: logistics and programme."),
    (ServiceKind.TRAINING, "accompagnement-international", "Accompagnement à l'international",
     "International mentoring",
     "Mobilité des chercheurs et des étudiants entre Lyon, Grenoble, Clermont et le Québec.",
     "Mobility of researchers and students between Lyon, Grenoble, Clermont and Québec."),
)


@dataclass
class ProjectsDemoReport:
    opportunities: int = 0
    projects: int = 0
    services: int = 0
    requests: int = 0
    skipped: bool = False
    created_projects: list[Project] = field(default_factory=list)


def at_noon(day: Any, days: int = 0) -> datetime:
    """A plausible moment ``days`` after ``day`` (a date or datetime), at noon UTC."""
    day = day.date() if isinstance(day, datetime) else day
    return datetime.combine(day + timedelta(days=days), time(12), tzinfo=UTC)


# Short French names of techniques for titles ("CAR-T", not "CAR-T et thérapie cellulaire").
SHORT = {
    "genomics": "génomique", "single-cell": "omique unicellulaire", "proteomics": "protéomique",
    "epigenetics": "épigénétique", "bioinformatics": "bioinformatique", "ai-imaging": "IA en imagerie",
    "radiomics": "radiomique", "mri": "IRM", "pet": "TEP", "radiotherapy": "radiothérapie",
    "hadrontherapy": "protonthérapie", "surgery": "chirurgie", "immunotherapy": "immunothérapie",
    "car-t": "CAR-T", "oncolytic-viruses": "virus oncolytiques", "antibodies": "anticorps",
    "small-molecules": "chimie médicinale", "drug-delivery": "nanomédecine", "organoids": "organoïdes",
    "animal-models": "modèles animaux", "liquid-biopsy": "biopsie liquide", "pathology": "pathologie numérique",
    "biobank": "biobanques", "clinical-trials": "essais cliniques", "epidemiology": "épidémiologie",
    "health-economics": "économie de la santé", "social-sciences": "sciences sociales",
    "patient-partnership": "partenariat patient", "supportive-care": "soins de support",
    "medical-devices": "dispositifs médicaux",
}


def _label(technique: Any) -> str:
    if technique is None:
        return ""
    return SHORT.get(technique.code, technique.title_fr.split(" et ")[0].lower())


def _city(person: Person) -> str:
    return next((a.organisation.city for a in person.affiliations.all() if a.is_primary and a.organisation.city), "")


def pairs_at(event: Event, rng: random.Random, used: set[int], wanted: int) -> list[tuple[Person, Person, Any]]:
    """Pairs (AURA, Québec) of confirmed participants of ``event`` sharing a cancer site, not used yet."""
    people = list(Person.objects.filter(registrations__event=event,
                                        registrations__status=RegistrationStatus.CONFIRMED)
                  .prefetch_related("site_tags__site", "techniques", "affiliations__organisation").order_by("pk"))
    aura = [p for p in people if p.territory == Territory.AURA and p.pk not in used]
    quebec = [p for p in people if p.territory == Territory.QC and p.pk not in used]
    rng.shuffle(aura)
    found = []
    for a in aura:
        sites_a = {t.site_id: t.site for t in a.site_tags.all()}
        for q in quebec:
            shared = [sites_a[t.site_id] for t in q.site_tags.all() if t.site_id in sites_a]
            if q.pk not in used and shared:
                found.append((a, q, shared[0]))
                used.update({a.pk, q.pk})
                break
        if len(found) == wanted:
            break
    return found


def describe_pair(a: Person, q: Person, site: Any, event: Event) -> tuple[str, str]:
    tech_a = next(iter(a.techniques.all()), None)
    tech_q = next((t for t in q.techniques.all() if tech_a is None or t.pk != tech_a.pk), None)
    side_a = f"{_label(tech_a) or 'clinique'} ({_city(a) or 'Auvergne-Rhône-Alpes'})"
    side_q = f"{_label(tech_q) or 'cohortes'} ({_city(q) or 'Québec'})"
    title = f"{site.title_fr} : {side_a} et {side_q}"
    org_a = next((str(x.organisation) for x in a.affiliations.all() if x.is_primary), "")
    org_q = next((str(x.organisation) for x in q.affiliations.all() if x.is_primary), "")
    description = (f"{a.full_name} ({org_a}) et {q.full_name} ({org_q}) se sont rencontrés lors de "
                   f"« {event.title_fr} ». Complémentarité ({site.title_fr.lower()}) : "
                   f"{_label(tech_a) or 'clinique'} côté Auvergne-Rhône-Alpes, {_label(tech_q) or 'cohortes'} "
                   "côté Québec.")
    return title[:255], description


def _backdate_opportunity(opportunity: Opportunity, moments: list[datetime]) -> None:
    Opportunity.objects.filter(pk=opportunity.pk).update(created_at=moments[0])
    for change, moment in zip(opportunity.status_changes.order_by("pk"), moments, strict=False):
        OpportunityStatusChange.objects.filter(pk=change.pk).update(at=moment)


def seed_services(coordinator: Any) -> list[SupportService]:
    rows = []
    for position, (kind, slug, name_fr, name_en, text_fr, text_en) in enumerate(SERVICES):
        service, _created = SupportService.objects.get_or_create(slug=slug, defaults={
            "kind": kind, "name_fr": name_fr, "name_en": name_en, "description_fr": text_fr,
            "description_en": text_en, "contact": coordinator, "position": position})
        rows.append(service)
    return rows


def seed_opportunities_and_projects(coordinator: Any) -> ProjectsDemoReport:
    report = ProjectsDemoReport()
    if Opportunity.objects.exists():
        report.skipped = True
        return report
    used: set[int] = set()
    born: list[tuple[Opportunity, Event]] = []
    for slug, count in OPPORTUNITIES_PER_EVENT:
        event = Event.objects.filter(slug=slug).first()
        if event is None:
            continue
        rng = random.Random(slug)
        for a, q, site in pairs_at(event, rng, used, count):
            title, description = describe_pair(a, q, site, event)
            suggestion = rng.random() < 0.25
            opportunity = services.opportunity_create(
                actor=coordinator, title=title, description=description, people=[a, q], owner=coordinator,
                origin_kind=OriginKind.SUGGESTION if suggestion else OriginKind.EVENT, origin_event=event,
                origin_note="Rencontre B2B suggérée par Passerelle avant l'événement." if suggestion
                else "Rencontre lors des échanges de l'événement.",
                score=round(rng.uniform(0.35, 0.7), 3) if suggestion else None,
                reasons=[f"tous deux travaillent sur le {site.title_fr.lower()}"] if suggestion else (),
                sites=[site], categories=list(event.categories.all()[:1]),
                next_step=rng.choice(NEXT_STEPS), notify=False)
            born.append((opportunity, event))
    report.opportunities = len(born)
    report.created_projects = _grow(born, coordinator)
    report.projects = len(report.created_projects)
    return report


def _grow(born: list[tuple[Opportunity, Event]], coordinator: Any) -> list[Project]:
    """The oldest opportunities become projects; the others explore, wait or are dropped."""
    projects = []
    for index, (opportunity, event) in enumerate(born):
        rng = random.Random(f"grow-{opportunity.title}")
        start = event.end
        if index % 2 == 0 and len(projects) < PROJECTS and event.start.year <= 2024:
            services.opportunity_set_status(actor=coordinator, opportunity=opportunity, to_status="exploring")
            project = services.project_create_from_opportunity(actor=coordinator, opportunity=opportunity,
                                                               acronym=_acronym(opportunity, index))
            services.project_set_status(actor=coordinator, project=project, to_status=ProjectStatus.ACTIVE)
            created = at_noon(start, 75)
            project.start, project.end = (created + timedelta(days=60)).date(), (created + timedelta(days=790)).date()
            project.created_at = created
            project.save(update_fields=["start", "end", "created_at"])
            for change, moment in zip(project.status_changes.order_by("pk"), (created, at_noon(created, 45)),
                                      strict=False):
                ProjectStatusChange.objects.filter(pk=change.pk).update(at=moment)
            _backdate_opportunity(opportunity, [at_noon(start, 3), at_noon(start, 30), created])
            projects.append(project)
        elif index % 7 == 3:
            reason = DROP_REASONS[index % len(DROP_REASONS)]
            services.opportunity_set_status(actor=coordinator, opportunity=opportunity, to_status="exploring")
            services.opportunity_set_status(actor=coordinator, opportunity=opportunity, to_status="dropped",
                                            reason=reason)
            _backdate_opportunity(opportunity, [at_noon(start, 3), at_noon(start, 40), at_noon(start, 200)])
        elif rng.random() < 0.6:
            services.opportunity_set_status(actor=coordinator, opportunity=opportunity, to_status="exploring")
            _backdate_opportunity(opportunity, [at_noon(start, 3), at_noon(start, 25)])
        else:
            _backdate_opportunity(opportunity, [at_noon(start, 3)])
    return projects


GENERIC = {"cancer", "cancers", "tumour", "tumours", "tumor", "tumors", "of", "the", "and", "other", "nos"}


def _acronym(opportunity: Opportunity, index: int) -> str:
    """E.g. "LEUK-FQ07": the site's telling word, France–Québec, a number."""
    site = next(iter(opportunity.sites.all()), None)
    words = ["".join(c for c in w if c.isalpha()) for w in (site.title_en if site else "onco").split()]
    telling = [w for w in words if w and w.lower() not in GENERIC] or ["ONCO"]
    return f"{telling[-1][:4].upper()}-FQ{index + 1:02d}"


def seed_member_story(coordinator: Any) -> Project | None:
    """The demo members' own story: an opportunity being explored and a draft project (a lead on
    each side) ready to apply to the open Samuel-De Champlain call."""
    users = get_user_model().objects
    member = Person.objects.filter(user__email="member@passerelle.demo").first()
    member_qc = Person.objects.filter(user__email="membre.qc@passerelle.demo").first()
    event = Event.objects.filter(kind=EventKind.ANNUAL_MEETING, start__year=2026).first()
    if member is None or member_qc is None or Project.objects.filter(created_by__email=member.user.email).exists():
        return None
    opportunity = services.opportunity_create(
        actor=users.get(email="member@passerelle.demo"), people=[member, member_qc], origin_kind=OriginKind.EVENT,
        origin_event=event, title="Thérapie cellulaire et biobanques : suivi des patients traités par CAR-T",
        description="Croiser le suivi génomique des leucémies traitées par CAR-T (Lyon) avec la biobanque et les "
                    "outils bioinformatiques de l'INRS pour repérer tôt les rechutes.",
        next_step="Déposer une demande Samuel-De Champlain", notify=False)
    services.opportunity_set_status(actor=member.user, opportunity=opportunity, to_status="exploring")
    project = services.project_create_from_opportunity(
        actor=member.user, opportunity=opportunity, acronym="CART-BIO",
        title_en="Cell therapy and biobanks: following patients treated with CAR-T",
        summary_en="Genomic follow-up of leukaemias treated with CAR-T (Lyon) with the INRS biobank and "
                   "bioinformatics, to detect relapses early.")
    project.start, project.end = datetime(2027, 9, 1).date(), datetime(2029, 8, 31).date()
    project.save(update_fields=["start", "end"])
    return project


def seed_service_requests(projects: list[Project], coordinator: Any) -> int:
    if ServiceRequest.objects.exists() or not projects:
        return 0
    member = get_user_model().objects.filter(email="member@passerelle.demo").first()
    by_slug = {s.slug: s for s in SupportService.objects.all()}
    plan = [
        ("ingenierie-de-projet", projects[0], "Relecture du budget avant le dépôt Samuel-De Champlain.",
         [ServiceRequestStatus.IN_PROGRESS, ServiceRequestStatus.COMPLETED], "Budget relu, dossier déposé."),
        ("valorisation-transfert", projects[min(1, len(projects) - 1)],
         "Un accord de consortium pour partager les images entre Lyon et Sherbrooke.",
         [ServiceRequestStatus.IN_PROGRESS, ServiceRequestStatus.COMPLETED], "Accord signé par les deux universités."),
        ("recherche-de-partenaires", projects[-1], "Trouver un industriel québécois pour l'analyse d'images.",
         [ServiceRequestStatus.IN_PROGRESS], "Trois entreprises contactées."),
        ("appui-evenements", None, "Organiser un atelier sur les biopsies liquides en marge des Entretiens.",
         [ServiceRequestStatus.DECLINED], "Le programme des Entretiens 2026 était déjà complet ; reporté à 2027."),
        ("veille-financements", None, "Quels appels pour une thèse en cotutelle Lyon–Montréal ?", [], ""),
    ]
    count = 0
    for slug, project, message, moves, note in plan:
        requester = member if project is None else (project.created_by or coordinator)
        request = support.service_request_create(actor=requester, service=by_slug[slug], message=message,
                                                 project=project)
        for move in moves:
            support.service_request_set_status(actor=coordinator, request=request, to_status=move,
                                               note=note if move == moves[-1] else "")
        count += 1
    return count


@transaction.atomic
def seed_projects(coordinator: Any) -> ProjectsDemoReport:
    services_rows = seed_services(coordinator)
    report = seed_opportunities_and_projects(coordinator)
    report.services = len(services_rows)
    story = seed_member_story(coordinator)
    if story is not None:
        report.created_projects.append(story)
    report.requests = seed_service_requests(report.created_projects, coordinator)
    return report
