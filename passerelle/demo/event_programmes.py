"""Day plans and talk titles of the demo programmes (bilingual)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import time

from passerelle.events.enums import EventKind, ItemKind


@dataclass(frozen=True)
class Slot:
    start: time
    end: time
    kind: str
    title_fr: str
    title_en: str
    room: str = "Auditorium"


def _t(hour: int, minute: int = 0) -> time:
    return time(hour, minute)


def meeting_day(index: int, days: int) -> list[Slot]:
    first, last = index == 0, index == days - 1
    slots = [
        Slot(_t(9), _t(9, 45), ItemKind.SESSION, "Ouverture officielle" if first else "Accueil",
             "Official opening" if first else "Welcome"),
        Slot(_t(9, 45), _t(10, 45), ItemKind.TALK, "Conférence", "Keynote"),
        Slot(_t(11), _t(12, 30), ItemKind.PANEL, "Table ronde", "Panel"),
        Slot(_t(12, 30), _t(14), ItemKind.MEAL, "Déjeuner de réseautage", "Networking lunch", "Salle des Pas perdus"),
        Slot(_t(14), _t(16), ItemKind.VISIT, "Visite", "Visit"),
        Slot(_t(16, 15), _t(17, 30), ItemKind.SESSION,
             "Clôture et perspectives" if last else "Rendez-vous bilatéraux",
             "Closing and next steps" if last else "One-to-one meetings", "Salle B2B" if not last else "Auditorium"),
    ]
    return slots


def touring_day(index: int, days: int) -> list[Slot]:
    return [
        Slot(_t(9), _t(11, 30), ItemKind.VISIT, "Visite", "Visit"),
        Slot(_t(12), _t(13, 30), ItemKind.MEAL, "Déjeuner avec les équipes d'accueil", "Lunch with the host teams",
             "Restaurant"),
        Slot(_t(14), _t(16, 30), ItemKind.VISIT, "Visite", "Visit"),
        Slot(_t(16, 45), _t(17, 30), ItemKind.SESSION, "Bilan de la journée", "Wrap-up of the day", "Salle de réunion"),
    ]


def webinar_day(index: int, days: int) -> list[Slot]:
    return [
        Slot(_t(15), _t(15, 15), ItemKind.SESSION, "Introduction", "Introduction", "Visioconférence"),
        Slot(_t(15, 15), _t(16, 15), ItemKind.TALK, "Présentation", "Presentation", "Visioconférence"),
        Slot(_t(16, 15), _t(17, 15), ItemKind.PANEL, "Questions et témoignages", "Questions and testimonies",
             "Visioconférence"),
    ]


def workshop_day(index: int, days: int) -> list[Slot]:
    return [
        Slot(_t(9), _t(9, 30), ItemKind.SESSION, "Accueil", "Welcome", "Salle 1"),
        Slot(_t(9, 30), _t(10, 30), ItemKind.TALK, "Conférence", "Keynote", "Salle 1"),
        Slot(_t(10, 45), _t(12, 15), ItemKind.PANEL, "Atelier", "Workshop", "Salle 1"),
        Slot(_t(12, 15), _t(13, 30), ItemKind.MEAL, "Déjeuner", "Lunch", "Cafétéria"),
        Slot(_t(13, 30), _t(15), ItemKind.PANEL, "Atelier", "Workshop", "Salle 2"),
        Slot(_t(15, 15), _t(16, 30), ItemKind.SESSION, "Restitution", "Report back", "Salle 1"),
    ]


DAY_PLANS: dict[str, Callable[[int, int], list[Slot]]] = {
    EventKind.ANNUAL_MEETING: meeting_day,
    EventKind.MISSION: touring_day,
    EventKind.INCOMING_DELEGATION: touring_day,
    EventKind.RESEARCHERS_TOUR: touring_day,
    EventKind.SITE_VISIT: touring_day,
    EventKind.WORKSHOP: workshop_day,
    EventKind.WEBINAR: webinar_day,
}

TALKS: tuple[tuple[str, str], ...] = (
    ("radiomique et IA pour les glioblastomes", "radiomics and AI for glioblastoma"),
    ("immunothérapies cellulaires CAR-T", "CAR-T cell immunotherapies"),
    ("biopsies liquides et ADN tumoral circulant", "liquid biopsies and circulating tumour DNA"),
    ("hadronthérapie : bilan et perspectives", "hadrontherapy: results and prospects"),
    ("cohortes et épidémiologie des cancers", "cancer cohorts and epidemiology"),
    ("organoïdes tumoraux et médecine de précision", "tumour organoids and precision medicine"),
    ("cancers pédiatriques : réseaux France–Québec", "paediatric cancers: France–Québec networks"),
    ("patients partenaires dans la recherche", "patient partners in research"),
    ("essais cliniques de phase précoce", "early-phase clinical trials"),
    ("microenvironnement tumoral", "the tumour microenvironment"),
    ("valorisation et création d'entreprises", "valorisation and company creation"),
    ("financements Samuel-De Champlain", "Samuel-De Champlain funding"),
    ("imagerie TEP et théranostique", "PET imaging and theranostics"),
    ("génomique des cancers du sein", "breast cancer genomics"),
    ("données de santé et IA responsable", "health data and responsible AI"),
    ("cancer du poumon : dépistage", "lung cancer screening"),
    ("résistance aux traitements ciblés", "resistance to targeted therapies"),
    ("plateformes de séquençage", "sequencing platforms"),
)
