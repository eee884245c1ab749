"""A small bilingual community for the suggestions tests: a glioblastoma clinician in
Auvergne-Rhône-Alpes and, in Québec, the radiomics company she needs, a glioma researcher,
an unrelated economist, plus profiles at every visibility level."""
from __future__ import annotations

from dataclasses import dataclass

from passerelle.core.enums import ActorKind, OrganisationKind, Territory, Visibility
from passerelle.directory.models import Organisation, Person
from tests.factories import MemberFactory, OrganisationFactory, PersonFactory


@dataclass
class Community:
    clinician: Person
    company: Person
    glioma_researcher: Person
    economist: Person
    colleague: Person
    hidden: Person
    members_only: Person
    home: Organisation
    owner: object


def quebec(name: str) -> Organisation:
    return OrganisationFactory(name=name, territory=Territory.QC)


def profile(name: str, kind: str, territory: str, visibility: str, organisation: Organisation, expertise: str,
            **more) -> Person:
    """A profile of the community: "First Last", who they are, where, who may see them, what they know;
    ``more`` as ``PersonFactory`` takes it (tags as codes, keywords, offers, seeks, user)."""
    first_name, last_name = name.split(" ", 1)
    return PersonFactory(first_name=first_name, last_name=last_name, kind=kind, territory=territory,
                         visibility=visibility, organisation=organisation, expertise=expertise, **more)


def community(clinician_visibility: str = Visibility.MEMBERS) -> Community:
    owner = MemberFactory(email="claire@example.org")
    home = OrganisationFactory(name="Centre Léon Bérard", kind=OrganisationKind.CANCER_CENTRE)
    quebec_org = OrganisationFactory(name="Imagia", kind=OrganisationKind.COMPANY, territory=Territory.QC,
                                     city="Montréal")
    clinician = profile(
        "Claire Roux", ActorKind.CLINICIAN, Territory.AURA, clinician_visibility, home,
        "Neuro-oncologie : prise en charge des patients atteints de glioblastome, suivi IRM des tumeurs cérébrales "
        "et essais cliniques de radiothérapie.", user=owner, keywords="glioblastome; IRM; radiothérapie", sites=[6],
        categories=["5.4"], techniques=["clinical-trials"],
        seeks="analyse radiomique des IRM de glioblastome\nplateforme d'intelligence artificielle en imagerie",
    )
    company = profile(
        "Marc Tremblay", ActorKind.COMPANY, Territory.QC, Visibility.PUBLIC, quebec_org,
        "Radiomics software: deep learning features extracted from MRI of brain tumours and glioblastoma to "
        "predict the response to radiotherapy.",
        keywords="radiomics; MRI; deep learning", sites=[6], categories=["4.1"], techniques=["radiomics"],
        offers="radiomics analysis of glioblastoma MRI\nAI imaging platform",
    )
    glioma_researcher = profile(
        "Julie Gagnon", ActorKind.RESEARCHER, Territory.QC, Visibility.MEMBERS, quebec("CHUM"),
        "Biology of glioma stem cells and glioblastoma resistance to radiotherapy.",
        keywords="glioblastoma; radioresistance", sites=[6], categories=["1.3"], techniques=["organoids"],
    )
    economist = profile(
        "Paul Lavoie", ActorKind.RESEARCHER, Territory.QC, Visibility.PUBLIC, quebec("HEC"),
        "Health economics of breast cancer screening programmes.", keywords="cost-effectiveness", sites=[7],
        categories=["6.4"], techniques=["health-economics"],
    )
    colleague = profile("Luc Martin", ActorKind.RESEARCHER, Territory.QC, Visibility.PUBLIC, home,
                        "Radiomics of glioblastoma MRI and brain tumour imaging.", sites=[6], techniques=["radiomics"])
    hidden = profile(
        "Hélène Cachée", ActorKind.COMPANY, Territory.QC, Visibility.COORDINATORS, quebec("Secret Lab"),
        "Radiomics of glioblastoma MRI, confidential brain tumour imaging biomarkers.",
        keywords="radiomics; glioblastoma; confidentialword", sites=[6], techniques=["radiomics"],
        offers="confidential radiomics pipeline for glioblastoma MRI",
    )
    members_only = profile("Anne Membre", ActorKind.CLINICIAN_RESEARCHER, Territory.QC, Visibility.MEMBERS,
                           quebec("CHU de Québec"),
                           "Patient-derived organoids of pancreatic cancer to choose chemotherapy.",
                           sites=[37], techniques=["organoids"])
    return Community(clinician, company, glioma_researcher, economist, colleague, hidden, members_only, home, owner)
