"""Reasons for a suggestion, in English or French, written from the score's own components:
each reason names the component it comes from and that component's contribution to the
score, and only components that contributed are explained — nothing is invented.

Labels for codes (cancer sites, CSO categories, techniques, kinds) belong to the caller
(the Django app owns the taxonomies) and are passed as ``{"sites": {"6": "glioblastoma"}, ...}``;
a code without a label is shown as is.

    >>> ev = Evidence(shared_sites=("6",))
    >>> [r.text for r in explain({"sites": 0.15}, ev, labels={"sites": {"6": "glioblastoma"}})]
    ['both work on glioblastoma']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

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
        "text_plain": "closely related texts",
        "sites": "both work on {items}",
        "cso": "both work in {items}",
        "cso_related": "related research categories: {items}",
        "techniques": "both use {items}",
        "offers": "offers {phrase}, which you seek",
        "seeks": "seeks {phrase}, which you offer",
        "kind": "{a} and {b}",
        "technique_theirs": "their {technique} serves your work on {site}",
        "technique_yours": "your {technique} serves their work on {site}",
        "and": " and ",
    },
    "fr": {
        "text": "termes communs : {terms}",
        "text_plain": "textes très proches",
        "sites": "travaillent tous deux sur : {items}",
        "cso": "même catégorie de recherche : {items}",
        "cso_related": "catégories de recherche voisines : {items}",
        "techniques": "utilisent tous deux : {items}",
        "offers": "propose « {phrase} », que vous recherchez",
        "seeks": "recherche « {phrase} », que vous proposez",
        "kind": "{a} et {b}",
        "technique_theirs": "leur {technique} sert vos travaux sur : {site}",
        "technique_yours": "votre {technique} sert leurs travaux sur : {site}",
        "and": " et ",
    },
}


@dataclass(frozen=True)
class Reason:
    """One reason: which component it explains, that component's contribution, the words."""

    component: str
    contribution: float
    text: str

    def as_dict(self) -> dict[str, object]:
        return {"component": self.component, "contribution": round(self.contribution, 6), "text": self.text}


@dataclass(frozen=True)
class Evidence:
    """What a pair has in common, gathered by the engine for the components that scored.

    ``offer_match``: (phrase the candidate offers, phrase you seek); ``seek_match``: (phrase the
    candidate seeks, phrase you offer); ``technique_matches``: ((technique, site, "theirs"|"yours"), ...).
    """

    shared_terms: tuple[str, ...] = ()
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


def _reason_text(component: str, ev: Evidence, language: str, labels: Labels | None) -> str | None:
    t = _TEMPLATES[language]
    if component == "text":
        return t["text"].format(terms=", ".join(ev.shared_terms)) if ev.shared_terms else t["text_plain"]
    if component in ("sites", "techniques"):
        codes = ev.shared_sites if component == "sites" else ev.shared_techniques
        if not codes:
            return None
        return t[component].format(items=_join([_label(labels, component, c) for c in codes[:3]], language))
    if component == "cso":
        key, codes = ("cso", ev.shared_cso) if ev.shared_cso else ("cso_related", ev.related_cso)
        if not codes:
            return None
        return t[key].format(items=_join([_label(labels, "cso", c) for c in codes[:2]], language))
    if component == "offers_seeks":
        if ev.offer_match and ev.offer_strength >= ev.seek_strength:
            return t["offers"].format(phrase=ev.offer_match[0])
        if ev.seek_match:
            return t["seeks"].format(phrase=ev.seek_match[0])
        return None
    if component == "kind" and ev.kinds:
        names = _KIND_LABELS[language]
        a, b = ((labels or {}).get("kinds", {}).get(k, names[k]) for k in ev.kinds)
        return t["kind"].format(a=a, b=b)
    if component == "technique_site" and ev.technique_matches:
        technique, site, whose = ev.technique_matches[0]
        key = "technique_theirs" if whose == "theirs" else "technique_yours"
        return t[key].format(technique=_label(labels, "techniques", technique), site=_label(labels, "sites", site))
    return None


def explain(
    contributions: Mapping[str, float],
    evidence: Evidence,
    *,
    language: str = "en",
    labels: Labels | None = None,
    max_reasons: int = MAX_REASONS,
) -> list[Reason]:
    """The strongest reasons (at most ``max_reasons``), from the components that contributed.

    ``contributions`` maps component → weight × value (the score is their sum). A component
    is explained only when its contribution is positive and the evidence can name it.
    """
    if language not in _TEMPLATES:
        raise ValueError(f"language must be one of {sorted(_TEMPLATES)}, not {language!r}")
    ranked = sorted((c for c in contributions.items() if c[1] > 1e-9), key=lambda c: (-c[1], c[0]))
    reasons: list[Reason] = []
    for component, contribution in ranked:
        text = _reason_text(component, evidence, language, labels)
        if text:
            reasons.append(Reason(component, float(contribution), text))
        if len(reasons) == max_reasons:
            break
    return reasons
