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


def community(clinician_visibility: str = Visibility.MEMBERS) -> Community:
    owner = MemberFactory(email="claire@example.org")
    home = OrganisationFactory(name="Centre Léon Bérard", kind=OrganisationKind.CANCER_CENTRE)
    quebec_org = OrganisationFactory(name="Imagia", kind=OrganisationKind.COMPANY, territory=Territory.QC,
                                     city="Montréal")
    clinician = PersonFactory(
        first_name="Claire", last_name="Roux", user=owner, visibility=clinician_visibility, organisation=home,
        kind=ActorKind.CLINICIAN, territory=Territory.AURA,
        expertise="Neuro-oncologie : prise en charge des patients atteints de glioblastome, suivi IRM des "
                  "tumeurs cérébrales et essais cliniques de radiothérapie.",
        keywords="glioblastome; IRM; radiothérapie", sites=[6], categories=["5.4"], techniques=["clinical-trials"],
        seeks="analyse radiomique des IRM de glioblastome\nplateforme d'intelligence artificielle en imagerie",
    )
    company = PersonFactory(
        first_name="Marc", last_name="Tremblay", organisation=quebec_org, kind=ActorKind.COMPANY,
        territory=Territory.QC, visibility=Visibility.PUBLIC,
        expertise="Radiomics software: deep learning features extracted from MRI of brain tumours and "
                  "glioblastoma to predict the response to radiotherapy.",
        keywords="radiomics; MRI; deep learning", sites=[6], categories=["4.1"], techniques=["radiomics"],
        offers="radiomics analysis of glioblastoma MRI\nAI imaging platform",
    )
    glioma_researcher = PersonFactory(
        first_name="Julie", last_name="Gagnon", organisation=OrganisationFactory(name="CHUM", territory=Territory.QC),
        kind=ActorKind.RESEARCHER, territory=Territory.QC, visibility=Visibility.MEMBERS,
        expertise="Biology of glioma stem cells and glioblastoma resistance to radiotherapy.",
        keywords="glioblastoma; radioresistance", sites=[6], categories=["1.3"], techniques=["organoids"],
    )
    economist = PersonFactory(
        first_name="Paul", last_name="Lavoie", organisation=OrganisationFactory(name="HEC", territory=Territory.QC),
        kind=ActorKind.RESEARCHER, territory=Territory.QC, visibility=Visibility.PUBLIC,
        expertise="Health economics of breast cancer screening programmes.", keywords="cost-effectiveness",
        sites=[7], categories=["6.4"], techniques=["health-economics"],
    )
    colleague = PersonFactory(
        first_name="Luc", last_name="Martin", organisation=home, kind=ActorKind.RESEARCHER, territory=Territory.QC,
        visibility=Visibility.PUBLIC, expertise="Radiomics of glioblastoma MRI and brain tumour imaging.",
        sites=[6], techniques=["radiomics"],
    )
    hidden = PersonFactory(
        first_name="Hélène", last_name="Cachée", kind=ActorKind.COMPANY, territory=Territory.QC,
        visibility=Visibility.COORDINATORS, organisation=OrganisationFactory(name="Secret Lab", territory=Territory.QC),
        expertise="Radiomics of glioblastoma MRI, confidential brain tumour imaging biomarkers.",
        keywords="radiomics; glioblastoma; confidentialword", sites=[6], techniques=["radiomics"],
        offers="confidential radiomics pipeline for glioblastoma MRI",
    )
    members_only = PersonFactory(
        first_name="Anne", last_name="Membre", kind=ActorKind.CLINICIAN_RESEARCHER, territory=Territory.QC,
        visibility=Visibility.MEMBERS, organisation=OrganisationFactory(name="CHU de Québec", territory=Territory.QC),
        expertise="Patient-derived organoids of pancreatic cancer to choose chemotherapy.",
        sites=[37], techniques=["organoids"],
    )
    return Community(clinician, company, glioma_researcher, economist, colleague, hidden, members_only, home, owner)
