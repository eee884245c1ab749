"""Reasons for a suggestion, in English or French, written from the score's own components:
each reason names the component it comes from, that component's contribution to the score,
and the evidence from both profiles that makes it true (``Reason.evidence``). Only components
that contributed are explained, and only when their evidence passed the checks of
evidence.py (distinctive shared terms found in both profiles' texts, offer and seek phrases
similar enough, codes in both tag sets) — nothing is invented.

Labels for codes (cancer sites, CSO categories, techniques, kinds) belong to the caller
(the Django app owns the taxonomies) and are passed as ``{"sites": {"6": "glioblastoma"}, ...}``;
a code without a label is shown as is.

    >>> ev = Evidence(shared_sites=("6",))
    >>> [r.text for r in explain({"sites": 0.15}, ev, labels={"sites": {"6": "glioblastoma"}})]
    ['both work on glioblastoma']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

MAX_REASONS = 4
Labels = Mapping[str, Mapping[str, str]]

_KIND_LABELS = {
    "en": {"clinician": "a clinician", "researcher": "a researcher", "company": "a company",
           "patient": "a patient association"},
    "fr": {"clinician": "un clinicien", "researcher": "un chercheur", "company": "une entreprise",
           "patient": "une association de patients"},
}

_TEMPLATES = {
    "en": {
        "text": "shared terms: {terms}",
        "sites": "both work on {items}",
        "cso": "both work in {items}",
        "cso_related": "related research categories: {items}",
        "techniques": "both use {items}",
        "offers": "offers {phrase}, which you seek (\u201c{own}\u201d)",
        "seeks": "seeks {phrase}, which you offer (\u201c{own}\u201d)",
        "kind": "{a} and {b}",
        "technique_theirs": "their {technique} serves your work on {site}",
        "technique_yours": "your {technique} serves their work on {site}",
        "and": " and ",
    },
    "fr": {
        "text": "termes communs\u00a0: {terms}",
        "sites": "travaillent tous deux sur\u00a0: {items}",
        "cso": "même catégorie de recherche\u00a0: {items}",
        "cso_related": "catégories de recherche voisines\u00a0: {items}",
        "techniques": "utilisent tous deux\u00a0: {items}",
        "offers": "propose «\u00a0{phrase}\u00a0», que vous recherchez («\u00a0{own}\u00a0»)",
        "seeks": "recherche «\u00a0{phrase}\u00a0», que vous proposez («\u00a0{own}\u00a0»)",
        "kind": "{a} et {b}",
        "technique_theirs": "leur {technique} sert vos travaux sur\u00a0: {site}",
        "technique_yours": "votre {technique} sert leurs travaux sur\u00a0: {site}",
        "and": " et ",
    },
}


@dataclass(frozen=True)
class Reason:
    """One reason: which component it explains, that component's contribution, the words, and
    the evidence from both profiles (JSON-like; its keys per component are in docs/matching.md)."""

    component: str
    contribution: float
    text: str
    evidence: Mapping[str, Any] = field(default_factory=dict, hash=False)

    def as_dict(self) -> dict[str, object]:
        return {"component": self.component, "contribution": round(self.contribution, 6), "text": self.text,
                "evidence": dict(self.evidence)}


@dataclass(frozen=True)
class TermEvidence:
    """A distinctive term both profiles use: the analysed ``term`` ("biopsy liquid"), and for
    each side the words as written and the index of the text they are written in."""

    term: str
    query_form: str
    query_text: int
    candidate_form: str
    candidate_text: int

    def as_dict(self) -> dict[str, object]:
        return {"term": self.term, "query": {"form": self.query_form, "text": self.query_text},
                "candidate": {"form": self.candidate_form, "text": self.candidate_text}}


@dataclass(frozen=True)
class Evidence:
    """What a pair has in common, gathered by the engine for the components that scored.

    ``offer_match``: (phrase the candidate offers, phrase you seek); ``seek_match``: (phrase the
    candidate seeks, phrase you offer), each only when it passed the phrase check (similarity
    and a shared domain term); ``technique_matches``: ((technique, site, "theirs"|"yours"), ...).
    """

    shared_terms: tuple[TermEvidence, ...] = ()
    shared_sites: tuple[str, ...] = ()
    shared_cso: tuple[str, ...] = ()
    related_cso: tuple[str, ...] = ()
    shared_techniques: tuple[str, ...] = ()
    offer_match: tuple[str, str] | None = None
    offer_strength: float = 0.0
    seek_match: tuple[str, str] | None = None
    seek_strength: float = 0.0
    kinds: tuple[str, str] | None = None
    technique_matches: tuple[tuple[str, str, str], ...] = ()


def _label(labels: Labels | None, family: str, code: str) -> str:
    if labels and family in labels:
        return labels[family].get(code, code)
    return code


def _join(items: list[str], language: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + _TEMPLATES[language]["and"] + items[-1]


def _reason(
    component: str, value: float, ev: Evidence, language: str, labels: Labels | None
) -> tuple[str, dict[str, Any]] | None:
    """The words and the evidence of one component's reason, or None when the evidence is lacking."""
    t = _TEMPLATES[language]
    if component == "text":
        if ev.shared_terms:  # no terms that pass the checks: no text reason (a bare "similar" claims nothing)
            shown = ", ".join(term.query_form for term in ev.shared_terms)
            return t["text"].format(terms=shown), {"terms": [term.as_dict() for term in ev.shared_terms]}
        return None
    if component in ("sites", "techniques"):
        codes = ev.shared_sites if component == "sites" else ev.shared_techniques
        if not codes:
            return None
        items = _join([_label(labels, component, c) for c in codes[:3]], language)
        return t[component].format(items=items), {"codes": list(codes[:3])}
    if component == "cso":
        key, codes = ("cso", ev.shared_cso) if ev.shared_cso else ("cso_related", ev.related_cso)
        if not codes:
            return None
        items = _join([_label(labels, "cso", c) for c in codes[:2]], language)
        return t[key].format(items=items), {"codes": list(codes[:2]), "related": key == "cso_related"}
    if component == "offers_seeks":
        if ev.offer_match and (ev.offer_strength >= ev.seek_strength or not ev.seek_match):
            theirs, yours = ev.offer_match
            return t["offers"].format(phrase=theirs, own=yours), {
                "candidate_offers": theirs, "query_seeks": yours, "similarity": round(ev.offer_strength, 6)}
        if ev.seek_match:
            theirs, yours = ev.seek_match
            return t["seeks"].format(phrase=theirs, own=yours), {
                "candidate_seeks": theirs, "query_offers": yours, "similarity": round(ev.seek_strength, 6)}
        return None
    if component == "kind" and ev.kinds:
        names = _KIND_LABELS[language]
        a, b = ((labels or {}).get("kinds", {}).get(k, names[k]) for k in ev.kinds)
        return t["kind"].format(a=a, b=b), {"query_kind": ev.kinds[0], "candidate_kind": ev.kinds[1]}
    if component == "technique_site" and ev.technique_matches:
        technique, site, whose = ev.technique_matches[0]
        key = "technique_theirs" if whose == "theirs" else "technique_yours"
        text = t[key].format(technique=_label(labels, "techniques", technique), site=_label(labels, "sites", site))
        owner = "candidate" if whose == "theirs" else "query"
        return text, {"technique": technique, "technique_of": owner, "site": site,
                      "site_of": "query" if owner == "candidate" else "candidate"}
    return None


def explain(
    contributions: Mapping[str, float],
    evidence: Evidence,
    *,
    language: str = "en",
    labels: Labels | None = None,
    max_reasons: int = MAX_REASONS,
    values: Mapping[str, float] | None = None,
) -> list[Reason]:
    """The strongest reasons (at most ``max_reasons``), from the components that contributed.

    ``contributions`` maps component → weight × value (the score is their sum); ``values``, the
    unweighted values (default: the contributions). A component is explained only when its
    contribution is positive and its evidence passed the checks.
    """
    if language not in _TEMPLATES:
        raise ValueError(f"language must be one of {sorted(_TEMPLATES)}, not {language!r}")
    ranked = sorted((c for c in contributions.items() if c[1] > 1e-9), key=lambda c: (-c[1], c[0]))
    reasons: list[Reason] = []
    for component, contribution in ranked:
        value = (values or contributions).get(component, contribution)
        found = _reason(component, float(value), evidence, language, labels)
        if found:
            reasons.append(Reason(component, float(contribution), found[0], found[1]))
        if len(reasons) == max_reasons:
            break
    return reasons
