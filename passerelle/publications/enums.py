"""Kinds, sources and origins of publications."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class WorkType(models.TextChoices):
    ARTICLE = "article", _("Journal article")
    REVIEW = "review", _("Review")
    PREPRINT = "preprint", _("Preprint")
    CONFERENCE = "conference", _("Conference paper")
    BOOK_CHAPTER = "book_chapter", _("Book or chapter")
    OTHER = "other", _("Other")


class Source(models.TextChoices):
    """Where a work's record came from; a merged work lists every source that knew it."""

    ORCID = "orcid", "ORCID"
    OPENALEX = "openalex", "OpenAlex"
    HAL = "hal", "HAL"
    PUBMED = "pubmed", "PubMed"
    DOI = "doi", _("Added by DOI")
    FILE = "file", _("Reference file")


class LinkOrigin(models.TextChoices):
    """How a work came to be on a person's profile."""

    HARVEST = "harvest", _("Imported from the publication databases")
    DOI = "doi", _("Added by DOI")
    FILE = "file", _("Imported from a reference file")
