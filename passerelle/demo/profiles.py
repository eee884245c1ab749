"""What each kind of actor says about themselves: positions, opening sentences, offers, seeks.

French positions come as ``(feminine, masculine)`` pairs; Québec French has its own titles
("Professeure agrégée", "Radio-oncologue"). Templates use the ``Phrase`` pairs of
``expertise.py`` and the same placeholders: ``{sites}``, ``{site}``, ``{field}``, ``{org}``,
``{product}``, ``{company}``, ``{position}``.
"""
from __future__ import annotations

from dataclasses import dataclass

from passerelle.core.enums import ActorKind

from .expertise import Phrase

Gendered = tuple[str, str]

POSITIONS_FR: dict[str, dict[str, tuple[Gendered, ...]]] = {
    ActorKind.RESEARCHER: {
        "AURA": (("Directrice de recherche", "Directeur de recherche"), ("Chargée de recherche", "Chargé de recherche"),
                 ("Maîtresse de conférences", "Maître de conférences"),
                 ("Professeure des universités", "Professeur des universités"),
                 ("Chercheuse postdoctorale", "Chercheur postdoctoral")),
        "QC": (("Professeure titulaire", "Professeur titulaire"), ("Professeure agrégée", "Professeur agrégé"),
               ("Professeure adjointe", "Professeur adjoint"), ("Chercheuse", "Chercheur"),
               ("Stagiaire postdoctorale", "Stagiaire postdoctoral")),
    },
    ActorKind.ENGINEER: {
        "AURA": (("Ingénieure de recherche", "Ingénieur de recherche"),
                 ("Responsable de plateforme", "Responsable de plateforme"),
                 ("Bio-informaticienne", "Bio-informaticien")),
        "QC": (("Professionnelle de recherche", "Professionnel de recherche"),
               ("Responsable de plateforme", "Responsable de plateforme"),
               ("Bio-informaticienne", "Bio-informaticien")),
    },
    ActorKind.COMPANY: {
        "*": (("Directrice scientifique", "Directeur scientifique"),
              ("Responsable des partenariats", "Responsable des partenariats"),
              ("Cheffe de projet R&D", "Chef de projet R&D")),
    },
    ActorKind.PATIENT_PARTNER: {"*": (("Patiente partenaire", "Patient partenaire"),)},
    ActorKind.ASSOCIATION: {
        "*": (("Chargée de mission recherche", "Chargé de mission recherche"), ("Présidente", "Président"),
              ("Bénévole", "Bénévole")),
    },
    ActorKind.PUBLIC_BODY: {
        "*": (("Chargée de coopération internationale", "Chargé de coopération internationale"),
              ("Conseillère scientifique", "Conseiller scientifique")),
    },
    ActorKind.COORDINATOR: {
        "AURA": (("Coordinatrice des relations internationales", "Coordinateur des relations internationales"),
                 ("Cheffe de projet Québec", "Chef de projet Québec")),
        "QC": (("Coordinatrice des relations internationales", "Coordinateur des relations internationales"),
               ("Chargée de projets France", "Chargé de projets France")),
    },
}

POSITIONS_EN: dict[str, tuple[str, ...]] = {
    ActorKind.RESEARCHER: ("Full Professor", "Associate Professor", "Assistant Professor", "Research Scientist",
                           "Postdoctoral Fellow"),
    ActorKind.ENGINEER: ("Research Engineer", "Platform Manager", "Bioinformatician"),
    ActorKind.COMPANY: ("Chief Scientific Officer", "Business Development Manager", "R&D Project Lead"),
    ActorKind.PATIENT_PARTNER: ("Patient Partner",),
    ActorKind.ASSOCIATION: ("Research Programme Officer", "Chair", "Volunteer"),
    ActorKind.PUBLIC_BODY: ("International Cooperation Officer", "Scientific Advisor"),
    ActorKind.COORDINATOR: ("International Coordinator", "France–Québec Project Manager"),
}

# Clinical specialty, chosen from the techniques a clinician uses (first match wins).
SPECIALTIES: tuple[tuple[frozenset[str], Gendered, Gendered | None, str], ...] = (
    # (techniques, French (f, m), Québec French override or None, English)
    (frozenset({"radiotherapy", "hadrontherapy"}), ("Radiothérapeute", "Radiothérapeute"),
     ("Radio-oncologue", "Radio-oncologue"), "Radiation oncologist"),
    (frozenset({"surgery"}), ("Chirurgienne oncologue", "Chirurgien oncologue"), None, "Surgical oncologist"),
    (frozenset({"pathology"}), ("Pathologiste", "Pathologiste"), None, "Pathologist"),
    (frozenset({"pet"}), ("Médecin nucléaire", "Médecin nucléaire"), None, "Nuclear medicine physician"),
    (frozenset({"mri", "ai-imaging", "radiomics"}), ("Radiologue", "Radiologue"), None, "Radiologist"),
    (frozenset({"car-t"}), ("Hématologue", "Hématologue"), ("Hémato-oncologue", "Hémato-oncologue"),
     "Haematologist"),
)
MEDICAL_ONCOLOGIST: tuple[Gendered, Gendered | None, str] = (
    ("Oncologue médicale", "Oncologue médical"), None, "Medical oncologist",
)
CLINICIAN_RESEARCHER_PREFIX: dict[str, Phrase] = {
    "AURA": Phrase("Clinician-scientist", "PU-PH"),
    "QC": Phrase("Clinician-scientist", "Clinicienne-chercheuse|Clinicien-chercheur"),
}
SECONDARY_POSITION = Phrase("Affiliated member", "Membre associée|Membre associé")

# Opening sentence of a profile, by kind.
OPENINGS: dict[str, Phrase] = {
    ActorKind.RESEARCHER: Phrase("My research focuses on {sites}, in the field of {field}.",
                                 "Mes travaux portent sur {sites}, dans le domaine {field}."),
    ActorKind.CLINICIAN: Phrase("{position}, my clinical practice centres on {sites}, in the field of {field}.",
                                "{position}, ma pratique clinique est centrée sur {sites}, dans le domaine "
                                "{field}."),
    ActorKind.CLINICIAN_RESEARCHER: Phrase("I combine patient care and research on {sites}, in the field of "
                                           "{field}.",
                                           "J'associe soins et recherche sur {sites}, dans le domaine {field}."),
    ActorKind.ENGINEER: Phrase("I run a technology platform for teams working on {sites}, in the field of {field}.",
                               "J'anime une plateforme technologique au service des équipes qui travaillent sur "
                               "{sites}, dans le domaine {field}."),
    ActorKind.COMPANY: Phrase("{company} develops {product} for {sites}.", "{company} développe {product} pour "
                                                                           "{sites}."),
    ActorKind.PATIENT_PARTNER: Phrase("As a patient partner ({org}), I bring my experience of the care pathway "
                                      "for {sites} to research teams.",
                                      "{position} ({org}), j'apporte aux équipes de recherche mon expérience du "
                                      "parcours de soins pour {sites}."),
    ActorKind.ASSOCIATION: Phrase("I work for {org}, a patient association that supports patients and research "
                                  "on {sites}.",
                                  "Je travaille pour l'association {org}, qui soutient les patients et la recherche "
                                  "sur {sites}."),
    ActorKind.PUBLIC_BODY: Phrase("I support France–Québec cooperation in cancer research ({org}).",
                                  "J'accompagne la coopération France–Québec en recherche sur le cancer ({org})."),
    ActorKind.COORDINATOR: Phrase("I coordinate international missions and the Entretiens Jacques Cartier "
                                  "({org}).",
                                  "Je coordonne les missions internationales et les Entretiens Jacques Cartier "
                                  "({org})."),
}
ALSO_USE = Phrase("I also use {techniques}.", "J'utilise également {techniques}.")
COMPANY_PARTNERS = Phrase("We are looking for clinical and academic partners in France and Québec.",
                          "Nous cherchons des partenaires cliniques et académiques en France et au Québec.")
FUNDING_SENTENCE = Phrase("I follow funding programmes such as Samuel-De Champlain and help teams build joint "
                          "projects.",
                          "Je suis les programmes de financement comme Samuel-De Champlain et j'aide les équipes "
                          "à monter des projets communs.")
BRIDGE_SENTENCE = Phrase("I connect researchers, clinicians and companies of Auvergne-Rhône-Alpes and Québec.",
                         "Je mets en relation chercheurs, cliniciens et entreprises d'Auvergne-Rhône-Alpes et "
                         "du Québec.")

# Offers and seeks that do not come from a technique.
CLINICAL_DATA_OFFER = Phrase("access to patient cohorts and clinical data for {site}",
                             "accès à des cohortes de patients et à des données cliniques pour {site}")
CLINICAL_VALIDATION_SEEK = Phrase("clinical partners to validate our findings in {site}",
                                  "des partenaires cliniques pour valider nos résultats dans {site}")
EXCHANGE_SEEK: dict[str, Phrase] = {
    "AURA": Phrase("student and postdoc exchanges with Québec", "des échanges d'étudiants et de postdocs avec le "
                                                                "Québec"),
    "QC": Phrase("student and postdoc exchanges with France", "des échanges d'étudiants et de postdocs avec la "
                                                              "France"),
}
COMPANY_OFFER = Phrase("{product} for {site}", "{product} pour {site}")
COMPANY_SEEKS = (
    Phrase("clinical validation of {product} in {site}", "une validation clinique de {product} dans {site}"),
    Phrase("academic partners for a proof-of-concept project", "des partenaires académiques pour un projet de "
                                                               "preuve de concept"),
)
ASSOCIATION_OFFER = Phrase("relays to patients and the public for studies on {site}",
                           "des relais vers les patients et le public pour les études sur {site}")
PATIENT_SEEK = Phrase("training in research methods for patient partners",
                      "une formation aux méthodes de recherche pour les patients partenaires")
PATIENT_PARTNER_SEEK = Phrase("patient partners to co-design studies on {site}",
                              "des patients partenaires pour co-construire les études sur {site}")


@dataclass(frozen=True)
class InstitutionTexts:
    """The keywords, offers (one, or one or two drawn in order) and need of a profile that has no
    research topic."""

    keywords: Phrase
    offers: tuple[Phrase, ...]
    seek: Phrase


PUBLIC_BODY_TEXTS = InstitutionTexts(
    keywords=Phrase("France–Québec cooperation; research funding; mobility",
                    "coopération France–Québec; financement de la recherche; mobilité"),
    offers=(
        Phrase("support for France–Québec mobility (Samuel-De Champlain programme)",
               "un appui à la mobilité France–Québec (programme Samuel-De Champlain)"),
        Phrase("help in finding partners on the other side of the Atlantic",
               "une aide pour trouver des partenaires de l'autre côté de l'Atlantique"),
    ),
    seek=Phrase("teams ready to build a joint France–Québec project",
                "des équipes prêtes à monter un projet commun France–Québec"),
)
COORDINATOR_TEXTS = InstitutionTexts(
    keywords=Phrase("international missions; bilateral meetings; Entretiens Jacques Cartier",
                    "missions internationales; rencontres bilatérales; Entretiens Jacques Cartier"),
    offers=(Phrase("organisation of missions and bilateral meetings (Entretiens Jacques Cartier)",
                   "l'organisation de missions et de rencontres bilatérales (Entretiens Jacques Cartier)"),),
    seek=Phrase("researchers and companies interested in the next mission",
                "des chercheurs et des entreprises intéressés par la prochaine mission"),
)


def gendered(pair: str | Gendered, gender: str) -> str:
    """The feminine or masculine form of a ``(f, m)`` pair or of an ``"f|m"`` string."""
    forms = tuple(pair.split("|")) if isinstance(pair, str) else pair
    if len(forms) == 1:
        return forms[0]
    return forms[0] if gender == "f" else forms[1]
