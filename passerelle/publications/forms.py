"""Forms of the publication pages: they parse and validate, the services write."""
from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from passerelle.core.identifiers import normalize_orcid
from passerelle.directory.models import Person

from . import normalise, reference_files
from .profile_selectors import people_with_identifiers

_IDHAL = re.compile(r"^[a-z0-9]+(?:[-.][a-z0-9]+)*$")
_IDHAL_PAGES = re.compile(r"^(?:https?://)?(?:cv\.hal\.science|cv\.archives-ouvertes\.fr)/", re.IGNORECASE)


def normalize_idhal(value: str) -> str:
    """``Jean-Dupont`` or its CV page ``https://cv.hal.science/jean-dupont`` → ``jean-dupont``."""
    raw = _IDHAL_PAGES.sub("", (value or "").strip()).strip("/").lower()
    if not _IDHAL.match(raw):
        raise ValidationError(_("%(value)s is not an idHAL: letters, digits and hyphens, e.g. jean-dupont."),
                              code="idhal_format", params={"value": value})
    return raw


class IdentifiersForm(forms.Form):
    # Longer than the stored iD: the resolver URL (https://orcid.org/...) is accepted and stored bare.
    orcid = forms.CharField(label=_("ORCID iD"), required=False, max_length=60,
                            help_text=_("e.g. 0000-0002-1825-0097 or https://orcid.org/0000-0002-1825-0097"))
    idhal = forms.CharField(label=_("idHAL"), required=False, max_length=100,
                            help_text=_("Your identifier in HAL, the French open archive (e.g. jean-dupont)."))

    def __init__(self, *args: Any, person: Person, **kwargs: Any) -> None:
        kwargs.setdefault("initial", {"orcid": person.orcid, "idhal": person.idhal})
        super().__init__(*args, **kwargs)
        self.person = person

    def _unique(self, name: str, normaliser: Callable[[str], str], taken: str) -> str:
        value = self.cleaned_data.get(name, "").strip()
        value = normaliser(value) if value else ""
        if value and Person.objects.filter(**{name: value}).exclude(pk=self.person.pk).exists():
            raise ValidationError(taken)
        return value

    def clean_orcid(self) -> str:
        return self._unique("orcid", normalize_orcid, _("Another profile already has this ORCID iD."))

    def clean_idhal(self) -> str:
        return self._unique("idhal", normalize_idhal, _("Another profile already has this idHAL."))


class DoiForm(forms.Form):
    doi = forms.CharField(label=_("DOI"), max_length=300,
                          help_text=_("e.g. 10.1038/s41586-020-2649-2 or https://doi.org/10.1038/s41586-020-2649-2"))

    def clean_doi(self) -> str:
        doi = normalise.normalise_doi(self.cleaned_data["doi"])
        if not doi:
            raise ValidationError(_("This is not a DOI: a DOI starts with 10. followed by a slash, "
                                    "e.g. 10.1038/s41586-020-2649-2."))
        return doi


class ReferenceFileForm(forms.Form):
    file = forms.FileField(label=_("Reference file"),
                           widget=forms.ClearableFileInput(attrs={"accept": ",".join(reference_files.EXTENSIONS)}))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = gettext(
            "BibTeX (.bib), RIS (.ris) or CSL-JSON (.json), as your reference manager (Zotero, EndNote, Mendeley…) "
            "exports them; at most %(size)s MB.") % {"size": f"{reference_files.MAX_FILE_BYTES / (1024 * 1024):g}"}

    def clean_file(self) -> reference_files.ReadResult:
        try:
            return reference_files.read_upload(self.cleaned_data["file"])
        except reference_files.ReferenceFileError as error:
            raise ValidationError(error.messages) from None


class HarvestManyForm(forms.Form):
    EVERYONE, CHOSEN = "everyone", "chosen"
    scope = forms.ChoiceField(
        label=_("Whose publications"), widget=forms.RadioSelect, initial=EVERYONE,
        choices=[(EVERYONE, _("Everyone with an ORCID iD or an idHAL")), (CHOSEN, _("The people chosen below"))],
    )
    people = forms.ModelMultipleChoiceField(
        people_with_identifiers(), required=False, label=_("People"),
        help_text=_("Only profiles with an ORCID iD or an idHAL are listed."),
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if data.get("scope") == self.CHOSEN and not data.get("people"):
            self.add_error("people", _("Choose at least one person, or import everyone's publications."))
        return data

    def person_ids(self) -> list[int]:
        if self.cleaned_data["scope"] == self.EVERYONE:
            return list(people_with_identifiers().values_list("pk", flat=True))
        return [person.pk for person in self.cleaned_data["people"]]
