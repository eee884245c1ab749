"""What an import can fill, and how each cell is read: names, codes or labels in both languages."""
from __future__ import annotations

import datetime
import functools
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db.models import TextChoices
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from passerelle.core.enums import ActorKind, OrganisationKind, Territory, Visibility
from passerelle.core.identifiers import normalize_orcid, normalize_ror
from passerelle.core.text import fold


@dataclass(frozen=True)
class TargetField:
    name: str
    label: object
    required: bool = False
    synonyms: tuple[str, ...] = ()


PEOPLE_FIELDS = [
    TargetField("first_name", _("First name"), True, ("first name", "firstname", "given name", "prenom", "prénom")),
    TargetField("last_name", _("Last name"), True, ("last name", "lastname", "surname", "family name", "nom")),
    TargetField("email", _("E-mail address"), False, ("email", "e-mail", "mail", "courriel", "adresse e-mail")),
    TargetField("kind", _("Kind of actor"), True, ("kind", "kind of actor", "type", "type d'acteur", "profil")),
    TargetField("territory", _("Territory"), True, ("territory", "territoire", "region", "région")),
    TargetField("orcid", _("ORCID iD"), False, ("orcid", "orcid id", "orcid id")),
    TargetField("organisation", _("Organisations (separated by ;)"), False,
                ("organisation", "organization", "organisations", "institution", "établissement", "etablissement",
                 "affiliation")),
    TargetField("position", _("Position"), False, ("position", "poste", "fonction", "title", "titre")),
    TargetField("languages", _("Languages (codes, separated by ;)"), False, ("languages", "langues", "language")),
    TargetField("expertise", _("Expertise"), False, ("expertise", "expertise text", "domaines d'expertise")),
    TargetField("keywords", _("Keywords"), False, ("keywords", "mots-clés", "mots cles", "mots-cles")),
    TargetField("categories", _("CSO categories (codes, optional :percentage)"), False,
                ("categories", "cso", "catégories", "categories cso")),
    TargetField("sites", _("Cancer sites (ICRP codes or names)"), False,
                ("sites", "cancer sites", "localisations", "sites de cancer", "organes")),
    TargetField("techniques", _("Techniques (codes or names)"), False,
                ("techniques", "platforms", "plateformes", "techniques et plateformes")),
    TargetField("offers", _("Offers (separated by |)"), False, ("offers", "offer", "offre", "propose")),
    TargetField("seeks", _("Seeks (separated by |)"), False, ("seeks", "seek", "recherche", "cherche")),
    TargetField("visibility", _("Visibility"), False, ("visibility", "visibilité", "visibilite")),
    TargetField("consent_date", _("Consent date (YYYY-MM-DD)"), False,
                ("consent date", "consent", "consentement", "date de consentement")),
]

ORGANISATION_FIELDS = [
    TargetField("name", _("Name"), True, ("name", "nom", "organisation", "organization")),
    TargetField("acronym", _("Acronym"), False, ("acronym", "acronyme", "sigle")),
    TargetField("kind", _("Kind"), True, ("kind", "type")),
    TargetField("territory", _("Territory"), True, ("territory", "territoire", "region", "région")),
    TargetField("city", _("City"), False, ("city", "ville")),
    TargetField("website", _("Website"), False, ("website", "site web", "url", "site")),
    TargetField("ror_id", _("ROR id"), False, ("ror", "ror id", "ror_id")),
    TargetField("parent", _("Parent organisation"), False,
                ("parent", "parent organisation", "parent_acronym", "organisation parente", "tutelle")),
]


def fields_for(kind: str) -> list[TargetField]:
    return PEOPLE_FIELDS if kind == "people" else ORGANISATION_FIELDS


def guess_mapping(kind: str, headers: list[str]) -> dict[str, int]:
    """Map each target field to the first column whose header names it (English or French)."""
    folded = [fold(h).strip().replace("_", " ") for h in headers]
    mapping: dict[str, int] = {}
    for target in fields_for(kind):
        names = {fold(target.name.replace("_", " "))} | {fold(s) for s in target.synonyms}
        for index, header in enumerate(folded):
            if header in names and index not in mapping.values():
                mapping[target.name] = index
                break
    return mapping


@functools.cache
def _choice_lookup(choices: type[TextChoices]) -> dict[str, str]:
    """Folded value and labels (English and French) → value; built once per process (an import of
    20,000 rows would otherwise switch languages 120,000 times)."""
    lookup: dict[str, str] = {}
    for value, label in choices.choices:
        lookup[fold(value)] = value
        for language in ("en", "fr"):
            with translation.override(language):
                lookup[fold(str(label))] = value
    return lookup


def parse_choice(choices: type[TextChoices], raw: str, field_label: object) -> str:
    value = _choice_lookup(choices).get(fold(raw).strip())
    if value is None:
        allowed = ", ".join(str(v) for v in choices.values)
        raise ValidationError(
            _("unknown %(field)s “%(value)s” (expected one of: %(allowed)s)"),
            params={"field": str(field_label), "value": raw, "allowed": allowed},
        )
    return value


def parse_territory(raw: str) -> str:
    return parse_choice(Territory, raw, _("territory"))


def parse_actor_kind(raw: str) -> str:
    return parse_choice(ActorKind, raw, _("kind of actor"))


def parse_organisation_kind(raw: str) -> str:
    return parse_choice(OrganisationKind, raw, _("kind"))


def parse_visibility(raw: str) -> str:
    return parse_choice(Visibility, raw, _("visibility"))


def parse_date(raw: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(raw.strip()[:10])
    except ValueError:
        raise ValidationError(_("“%(value)s” is not a date (YYYY-MM-DD)"), params={"value": raw}) from None


def parse_email(raw: str) -> str:
    value = raw.strip().lower()
    validate_email(value)
    return value


def parse_url(raw: str) -> str:
    value = raw.strip()
    if value and "://" not in value:
        value = "https://" + value
    URLValidator()(value)
    return value


def split_list(raw: str, separators: str = ";,") -> list[str]:
    text = raw
    for sep in separators[1:]:
        text = text.replace(sep, separators[0])
    return [item.strip() for item in text.split(separators[0]) if item.strip()]


__all__ = [
    "TargetField", "fields_for", "guess_mapping", "parse_territory", "parse_actor_kind",
    "parse_organisation_kind", "parse_visibility", "parse_date", "parse_email", "parse_url", "split_list",
    "normalize_orcid", "normalize_ror",
]
