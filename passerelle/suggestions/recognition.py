"""Tags recognised in a pasted idea: cancer sites, techniques and CSO categories, with the words that named them.

The vocabulary is built once from the reference data shipped in ``core/data`` (taxonomy titles and
synonyms in both languages, plus ``recognition_synonyms.csv``); the reading itself is the pure
``passerelle.matching.recognition``. Tags are offered to the person as pre-ticked chips.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from django.utils.translation import gettext as _

from passerelle.core.models import CancerSite, CsoCategory, Technique
from passerelle.core.taxonomies import read_rows
from passerelle.matching.lexicon import ENGLISH_STOP_WORDS, FRENCH_STOP_WORDS
from passerelle.matching.recognition import Vocabulary
from passerelle.matching.text import fold

# "Not site-specific cancer": its synonyms (« fondamental », « pan-cancer ») say nothing of a site.
_SKIPPED_SITES = {"2"}
KINDS = ("site", "technique", "category")


def _entries() -> list[tuple[str, str, str]]:
    entries: list[tuple[str, str, str]] = []
    for row in read_rows("cancer_sites.csv"):
        if row["icrp_code"] in _SKIPPED_SITES:
            continue
        for phrase in [row["title_en"], row["title_fr"], *row["synonyms"].split(";")]:
            entries.append(("site", row["icrp_code"], phrase))
    for row in read_rows("techniques.csv"):
        entries += [("technique", row["code"], row["title_en"]), ("technique", row["code"], row["title_fr"])]
    for row in read_rows("recognition_synonyms.csv"):
        entries += [(row["kind"], row["code"], phrase) for phrase in row["phrases"].split(";")]
    return entries


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return Vocabulary.build(_entries())


@lru_cache(maxsize=1)
def _names_by_key() -> dict[str, dict[str, str]]:
    """Each concept's name in English and in French: taxonomy titles, or a category's first two phrases."""
    names: dict[str, dict[str, str]] = {}
    for row in read_rows("cancer_sites.csv"):
        names[f"site:{row['icrp_code']}"] = {"en": row["title_en"], "fr": row["title_fr"]}
    for row in read_rows("techniques.csv"):
        names[f"technique:{row['code']}"] = {"en": row["title_en"], "fr": row["title_fr"]}
    for row in read_rows("recognition_synonyms.csv"):
        if row["kind"] == "category":
            english, french = (row["phrases"].split(";") + [""])[:2]
            names[f"category:{row['code']}"] = {"en": english, "fr": french}
    return names


def summary_language(text: str) -> str:
    """"fr" or "en": the language whose common words the text uses more (French on a tie)."""
    words = fold(text).split()
    french = sum(w in FRENCH_STOP_WORDS for w in words)
    english = sum(w in ENGLISH_STOP_WORDS for w in words)
    return "en" if english > french else "fr"


def concept_text(keys: list[str], text: str) -> str:
    """The names of these concepts in the language the summary is *not* written in, one a line.

    A French summary about « cancer colorectal » then also says "Colon and Rectal Cancer" and
    meets the English profiles on the subject; the summary's own words are left as they are.
    """
    other = "en" if summary_language(text) == "fr" else "fr"
    table = _names_by_key()
    return "\n".join(table[key][other] for key in keys if key in table and table[key][other])


@dataclass(frozen=True)
class IdeaTag:
    """A recognised concept: ``key`` (``"site:64"``), its code, its title, and the words that named it."""

    key: str
    kind: str
    code: str
    title: str
    evidence: str

    @property
    def ticked_by_default(self) -> bool:
        """Sites and techniques are ticked at once; a research category is only offered.

        Categories are recognised from looser words (« métastatique », « chimiothérapie »): an idea
        that mentions metastatic patients is rarely a study of the biology of metastasis."""
        return self.kind != "category"

    @property
    def label(self) -> str:
        return _("%(title)s (“%(evidence)s”)") % {"title": self.title, "evidence": self.evidence}


def recognise_tags(text: str) -> list[IdeaTag]:
    """The tags of ``text`` that name an existing site, technique or active category, in order of mention."""
    found = vocabulary().recognise(text)
    codes = {kind: [r.code for r in found if r.kind == kind] for kind in KINDS}
    titles: dict[tuple[str, str], str] = {}
    for site in CancerSite.objects.filter(icrp_code__in=[int(c) for c in codes["site"] if c.isdigit()]):
        titles["site", str(site.icrp_code)] = site.title
    for technique in Technique.objects.filter(code__in=codes["technique"]):
        titles["technique", technique.code] = technique.title
    for category in CsoCategory.objects.filter(code__in=codes["category"], active=True):
        titles["category", category.code] = f"{category.code} {category.title}"
    return [IdeaTag(r.key, r.kind, r.code, titles[r.kind, r.code], r.evidence)
            for r in found if (r.kind, r.code) in titles]
