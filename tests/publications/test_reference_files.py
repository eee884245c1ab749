"""Reading BibTeX, RIS and CSL-JSON files into work records: what is kept, what is set aside and why,
and files refused whole."""
from __future__ import annotations

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from passerelle.publications import latex, reference_files
from passerelle.publications.enums import Source, WorkType
from passerelle.publications.models import Authorship, Publication
from passerelle.publications.reference_files import ReferenceFileError, read_text, read_upload

BIBTEX = r"""
@string{lo = "Lancet Oncology"}
@article{dupont2021,
  title = {Radiomics of {MRI} in gliomas: une \'etude},
  author = {Dupont, Jean and M{\"u}ller, Anna and van der Berg, J.-P. and {Cancer Research and Care Group}},
  journal = lo,
  year = {2021}, month = mar,
  doi = {https://doi.org/10.1000/ABC.123},
  pmid = {34567890},
  abstract = {We study
  gliomas.}
}
@inproceedings{conf, title = {A talk}, booktitle = {ASCO}, year = 2019}
@misc{preprint, title = {Early results}, eprint = {2101.00001}, archiveprefix = {arXiv}, year = {2024}}
@article{notitle, author = {Nobody, A.}, year = {2020}}
@article{dupont2021, title = {Same key again}}
@article{broken, title = {An unclosed brace, year = {2018}
"""

RIS = """Exported by a reference manager
TY  - JOUR
AU  - Tremblay, Marie
AU  - Dupont, Jean
TI  - Liquid biopsy in colorectal cancer
T2  - Nature Medicine
PY  - 2022///
DA  - 2022/03/04/
DO  - 10.1038/S41591-022-0001-X
DB  - PubMed
AN  - 35012345
AB  - An abstract.
ER  -

TY  - CHAP
TI  -
PY  - 2020
ER  -

TY  - UNPB
T1  - A preprint without an end
"""


def csl(*items) -> str:
    return json.dumps(list(items))


def test_bibtex_entries_are_read_with_latex_accents_macros_and_authors():
    result = read_text(BIBTEX, ".bib")

    first = result.records[0]
    assert first.source == Source.FILE
    assert first.title == "Radiomics of MRI in gliomas: une étude"
    assert [a.name for a in first.authors] == ["Jean Dupont", "Anna Müller", "J.-P. van der Berg",
                                               "Cancer Research and Care Group"]
    assert (first.venue, first.year, first.publication_date) == ("Lancet Oncology", 2021, "")
    assert (first.doi, first.pmid, first.work_type) == ("10.1000/abc.123", "34567890", WorkType.ARTICLE)
    assert first.abstract == "We study gliomas."
    assert [(r.title, r.work_type) for r in result.records[1:]] == [
        ("A talk", WorkType.CONFERENCE), ("Early results", WorkType.PREPRINT)]


@pytest.mark.parametrize("value, text", [
    (r"\c{c}a va \`a Montr\'{e}al", "ça va à Montréal"),
    (r"{\v S}koda, Stra\ss e, {\o}rsted, \'{\i}", "Škoda, Straße, ørsted, í"),
    (r"$\beta$-catenin and NF-$\kappa$B", "β-catenin and NF-κB"),
    (r"\emph{In vivo} 10--20 \& 50\% of \textbf{cases} with \LaTeX{}", "In vivo 10–20 & 50% of cases with LaTeX"),
    ("{" * 1000 + "$~" * 1000 + "}" * 1000, ""),
])
def test_latex_in_bibtex_becomes_plain_text(value, text):
    assert latex.to_text(value) == text


def test_bibtex_references_set_aside_say_where_and_why():
    rejected = read_text(BIBTEX, ".bib").rejected

    reasons = {(r.label[:20], r.reason) for r in rejected}
    assert ("notitle", "It has no title.") in reasons
    assert ("dupont2021", "Another reference of the file has the same key.") in reasons
    broken = [r for r in rejected if "broken" in r.label]
    assert broken and "not well-formed BibTeX" in broken[0].reason and broken[0].position.startswith("line ")


def test_ris_references_are_read_one_by_one():
    result = read_text(RIS, ".ris")

    [record] = result.records
    assert record.title == "Liquid biopsy in colorectal cancer"
    assert [a.name for a in record.authors] == ["Marie Tremblay", "Jean Dupont"]
    assert (record.venue, record.year, record.publication_date) == ("Nature Medicine", 2022, "2022-03-04")
    assert (record.doi, record.pmid) == ("10.1038/s41591-022-0001-x", "35012345")
    assert [(r.position, r.reason) for r in result.rejected] == [
        ("line 15", "It has no title."), ("line 20", "It does not end with an ER line.")]


def test_a_ris_accession_number_is_a_pmid_only_when_it_comes_from_pubmed():
    text = "TY  - JOUR\nTI  - A work\nAN  - 35012345\nDB  - Web of Science\nER  - \n"

    assert read_text(text, ".ris").records[0].pmid == ""


def test_csl_json_items_with_dates_orcid_and_affiliations():
    result = read_text(csl(
        {"id": "a", "type": "article-journal", "title": "Tumour immunology", "container-title": "Cell",
         "issued": {"date-parts": [[2023, 5, 17]]}, "DOI": "10.1016/J.CELL.2023.01.001", "PMID": "37000001",
         "author": [{"given": "Marie", "family": "Tremblay", "ORCID": "https://orcid.org/0000-0002-1825-0097",
                     "affiliation": [{"name": "Université de Sherbrooke"}]},
                    {"literal": "The Consortium"}, {"family": ""}, "not an author"]},
        {"id": "b", "type": "article", "title": ["A preprint"], "issued": {"date-parts": [["2024"]]}},
        {"id": "c", "title": ""},
        ["not", "an", "item"],
    ), ".json")

    first, second = result.records
    assert (first.title, first.venue, first.year, first.publication_date) == (
        "Tumour immunology", "Cell", 2023, "2023-05-17")
    assert [(a.name, a.orcid, a.affiliation) for a in first.authors] == [
        ("Marie Tremblay", "0000-0002-1825-0097", "Université de Sherbrooke"), ("The Consortium", "", "")]
    assert (second.title, second.year, second.work_type) == ("A preprint", 2024, WorkType.PREPRINT)
    assert [(r.position, r.label) for r in result.rejected] == [("reference 3", "c"), ("reference 4", "")]


def test_one_csl_json_object_is_one_reference():
    assert read_text(json.dumps({"title": "Alone", "type": "book"}), ".json").records[0].work_type == \
        WorkType.BOOK_CHAPTER


@pytest.mark.parametrize("text, message", [
    ("{not json", "not valid JSON"),
    ('"a string"', "does not hold a list"),
    ("[" * 100_000 + "]" * 100_000, "not valid JSON"),
    ("[]", "No reference was found"),
])
def test_json_files_that_are_not_csl_are_refused_whole(text, message):
    with pytest.raises(ReferenceFileError) as error:
        read_text(text, ".json")
    assert message in " ".join(error.value.messages)


def test_a_file_without_any_reference_is_refused_whole():
    with pytest.raises(ReferenceFileError, match="No reference was found"):
        read_text("Just some notes.\nNothing else.\n", ".ris")
    with pytest.raises(ReferenceFileError, match="No reference was found"):
        read_text("% only a comment\n", ".bib")


def test_control_characters_are_removed_and_huge_fields_cut_to_the_column():
    title_limit = Publication._meta.get_field("title").max_length
    name_limit = Authorship._meta.get_field("name").max_length
    text = csl({"title": "Bad\x00title\x1b[31m with\u2028breaks\n" + "x" * 5000, "container-title": "V" * 900,
                "abstract": "A" * 50_000, "author": [{"literal": "N" * 1000}], "DOI": "10.1/\x07x"})

    [record] = read_text(text, ".json").records

    assert record.title.startswith("Bad title [31m with breaks x") and len(record.title) == title_limit
    assert record.title.endswith("…")
    assert len(record.venue) == Publication._meta.get_field("venue").max_length
    assert len(record.abstract) <= 10_000
    assert len(record.authors[0].name) == name_limit
    assert all(ord(c) >= 32 for c in record.title + record.abstract + record.venue)


def test_years_and_dates_that_make_no_sense_are_left_out():
    text = csl({"title": "A", "issued": {"date-parts": [[20211, 2, 30]]}},
               {"title": "B", "issued": {"date-parts": [[2021, 2, 31]]}},
               {"title": "C", "issued": "2020"})

    years = [(r.year, r.publication_date) for r in read_text(text, ".json").records]

    assert years == [(None, ""), (2021, ""), (None, "")]


def test_authors_are_capped():
    text = csl({"title": "Big science", "author": [{"literal": f"Author {n}"} for n in range(3000)]})

    assert len(read_text(text, ".json").records[0].authors) == reference_files.MAX_AUTHORS


def test_too_many_references_refuse_the_file(monkeypatch):
    monkeypatch.setattr(reference_files, "MAX_ENTRIES", 3)
    with pytest.raises(ReferenceFileError, match="more than 3 references"):
        read_text(csl(*({"title": f"T{n}"} for n in range(4))), ".json")


# --- the uploaded file ---------------------------------------------------------------------------

def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="application/octet-stream")


@pytest.mark.parametrize("name, content, message", [
    ("refs.bib", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a BIB file"),
    ("refs.ris", b"<html><script>alert(1)</script></html>", "web page markup"),
    ("refs.pdf", b"%PDF-1.7", "Only these kinds of file"),
    ("refs", b"TY  - JOUR", "Only these kinds of file"),
    ("refs.json", b'[{"title": "x"}' + b" " * 3000 + b"\x00]", "binary data"),  # past the first bytes
])
def test_uploads_of_the_wrong_kind_are_refused(name, content, message):
    with pytest.raises(ReferenceFileError) as error:
        read_upload(upload(name, content))
    assert message in " ".join(error.value.messages)


def test_a_file_over_the_size_limit_is_refused_before_reading(monkeypatch):
    monkeypatch.setattr(reference_files, "MAX_FILE_BYTES", 100)
    with pytest.raises(ReferenceFileError, match="too large"):
        read_upload(upload("refs.ris", b"TY  - JOUR\nTI  - x\nER  - \n" * 10))


def test_utf8_with_its_mark_and_windows_1252_are_read():
    bom = read_upload(upload("refs.ris", "\ufeffTY  - JOUR\nTI  - Étude\nER  - \n".encode()))
    windows = read_upload(upload("refs.ris", "TY  - JOUR\nTI  - Étude\nER  - \n".encode("cp1252")))

    assert bom.records[0].title == windows.records[0].title == "Étude"
