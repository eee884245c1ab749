"""Complementarity tables: which kinds of actor complete each other, and which techniques a
cancer site especially needs. Both are small, generic and documented in docs/matching.md;
they add a bonus to the score, never a penalty.

    >>> kind_affinity("clinician", "company"), kind_affinity("researcher", "researcher")
    (1.0, 0.0)
    >>> technique_site_matches(["radiomics"], ["6"])
    [('radiomics', '6')]
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

KINDS = ("clinician", "researcher", "company", "patient")

_KIND_ALIASES = {
    "clinician": "clinician", "physician": "clinician", "doctor": "clinician", "surgeon": "clinician",
    "oncologist": "clinician", "hospital": "clinician", "cancer_centre": "clinician",
    "cancer_center": "clinician", "clinique": "clinician", "clinicien": "clinician",
    "researcher": "researcher", "scientist": "researcher", "academic": "researcher",
    "university": "researcher", "research_centre": "researcher", "research_center": "researcher",
    "chercheur": "researcher", "company": "company", "industry": "company", "industrial": "company",
    "startup": "company", "start-up": "company", "firm": "company", "entreprise": "company",
    "patient": "patient", "patient_association": "patient", "patient-association": "patient",
    "association": "patient", "patient_partner": "patient",
}

# Symmetric affinities between kinds; the same kind scores 0 (that is overlap, not complement).
_KIND_AFFINITY = {
    frozenset(("clinician", "company")): 1.0,
    frozenset(("clinician", "researcher")): 0.8,
    frozenset(("researcher", "company")): 0.8,
    frozenset(("clinician", "patient")): 0.5,
    frozenset(("researcher", "patient")): 0.5,
    frozenset(("company", "patient")): 0.3,
}

# Cancer site groups: ICRP cancer-type codes and common slugs that fall in each group.
SITE_GROUPS: dict[str, tuple[str, ...]] = {
    "brain": ("6", "33", "brain", "brain-tumor", "brain-tumour", "glioma", "glioblastoma", "cns"),
    "breast": ("7", "breast"),
    "lung": ("28", "43", "lung", "mesothelioma", "nsclc"),
    "liver": ("23", "14", "liver", "hcc", "bile-duct", "gallbladder"),
    "colorectal": ("64", "colorectal", "colon", "rectal", "crc"),
    "pancreas": ("37", "pancreas", "pancreatic"),
    "prostate": ("42", "prostate"),
    "head-neck": ("21", "26", "31", "36", "61", "63", "head-neck", "head-and-neck", "hnscc"),
    "kidney": ("25", "kidney", "renal"),
    "bladder": ("3", "bladder"),
    "melanoma": ("29", "melanoma"),
    "eye": ("13", "45", "eye", "uveal", "retinoblastoma"),
    "blood": ("27", "35", "30", "24", "67", "104", "leukemia", "leukaemia", "lymphoma", "myeloma", "blood"),
    "sarcoma": ("4", "105", "sarcoma", "bone", "osteosarcoma"),
    "gynaecological": ("9", "11", "66", "17", "57", "101", "ovary", "ovarian", "cervical", "endometrial"),
    "upper-gi": ("12", "15", "50", "51", "stomach", "gastric", "esophageal", "oesophageal"),
}
_GROUP_OF_SITE = {alias: group for group, aliases in SITE_GROUPS.items() for alias in aliases}

_IMAGING_SITES = ("brain", "breast", "lung", "liver", "prostate", "head-neck", "kidney", "pancreas")
# Technique code → site groups where that technique answers a recognised need.
TECHNIQUE_NEEDS: dict[str, tuple[str, ...]] = {
    "radiomics": _IMAGING_SITES,
    "ai-imaging": _IMAGING_SITES,
    "mri": _IMAGING_SITES,
    "pet": ("lung", "blood", "prostate", "head-neck"),
    "pathology": ("breast", "prostate", "colorectal", "blood"),
    "radiotherapy": ("brain", "head-neck", "lung", "prostate", "breast", "gynaecological"),
    "hadrontherapy": ("brain", "head-neck", "eye", "sarcoma"),
    "car-t": ("blood",),
    "immunotherapy": ("melanoma", "lung", "kidney", "bladder", "head-neck"),
    "oncolytic-viruses": ("brain", "melanoma"),
    "organoids": ("colorectal", "pancreas", "liver", "upper-gi", "breast", "prostate"),
    "liquid-biopsy": ("lung", "colorectal", "breast", "prostate"),
    "drug-delivery": ("brain", "pancreas"),
}
SITE_GROUP_NAMES = tuple(SITE_GROUPS)
TECHNIQUE_NAMES = tuple(TECHNIQUE_NEEDS)


def kind_code(kind: str) -> str:
    """The canonical kind of actor for ``kind`` ("hospital" → "clinician"), or "" if unknown."""
    return _KIND_ALIASES.get(kind.strip().lower().replace(" ", "_"), "")


def kind_affinity(a: str, b: str) -> float:
    """How well two kinds of actor complete each other, in [0, 1]; symmetric."""
    ka, kb = kind_code(a), kind_code(b)
    if not ka or not kb or ka == kb:
        return 0.0
    return _KIND_AFFINITY.get(frozenset((ka, kb)), 0.0)


def kind_affinity_matrix() -> np.ndarray:
    """``KINDS`` × ``KINDS`` symmetric matrix of :func:`kind_affinity`."""
    return np.array([[kind_affinity(a, b) for b in KINDS] for a in KINDS], dtype=np.float64)


def site_group(site: str) -> str:
    """The site group of a site code or slug, or "" when it is in none."""
    return _GROUP_OF_SITE.get(site.strip().lower(), "")


def technique_need_matrix() -> np.ndarray:
    """``TECHNIQUE_NAMES`` × ``SITE_GROUP_NAMES`` 0/1 matrix of :data:`TECHNIQUE_NEEDS`."""
    need = np.zeros((len(TECHNIQUE_NAMES), len(SITE_GROUP_NAMES)))
    for t, technique in enumerate(TECHNIQUE_NAMES):
        for group in TECHNIQUE_NEEDS[technique]:
            need[t, SITE_GROUP_NAMES.index(group)] = 1.0
    return need


def technique_site_matches(techniques: Iterable[str], sites: Iterable[str]) -> list[tuple[str, str]]:
    """Pairs (technique, site) where one side's technique serves the other side's site."""
    sites = list(sites)
    return [
        (technique, site)
        for technique in techniques
        for site in sites
        if site_group(site) in TECHNIQUE_NEEDS.get(technique.lower(), ())
    ]
