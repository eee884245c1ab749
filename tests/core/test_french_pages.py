"""Every page, as each role, reads as French: contracted articles and French spacing.

The pages of the permission matrix that answer 200 are rendered in French with its factory data;
their *visible* text (no tags, scripts, styles, form fields) must hold no « de le », « de les »,
« de des », « à le », « à les » (except before an infinitive: « de les publier »), no ordinary
space before « : ; ? ! », no colon without a space (times like 10:30 and addresses aside), and
non-breaking spaces inside « ».
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from passerelle.core.french import contract, typography, typography_html
from tests.access import ROLES, sign_in
from tests.core import test_permission_matrix as matrix

objects = matrix.objects  # the matrix's fixture: one object of every kind, owned by "owner"

BAD_ARTICLES = re.compile(r"\b(?:de le|de les|de des|à le|à les) (?!\w*(?:er|ir|re|oir)\b)", re.IGNORECASE)
# An ordinary space before « : ; ? ! », a colon without a space, guillemets without non-breaking spaces.
BAD_SPACING = re.compile(r" [:;?!](?=\s|$)|(?:[^\u00a0\u202f]|^):(?=\s|$)|«(?!\u00a0)|(?<!\u00a0)»")
SKIPPED = {"script", "style", "textarea", "pre", "code", "template", "option"}


class VisibleText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in SKIPPED:
            self.skipping += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return "".join(parser.parts)


def problems(text: str) -> list[str]:
    found = []
    for pattern in (BAD_ARTICLES, BAD_SPACING):
        found += [text[max(0, m.start() - 30):m.end() + 10] for m in pattern.finditer(text)]
    return found


@pytest.mark.parametrize("role", ROLES)
def test_every_page_reads_as_french(client, objects, role):
    sign_in(client, role, objects["owner"])
    report = {}
    for name, statuses in sorted(matrix.EXPECTED.items()):
        if statuses[ROLES.index(role)] != 200:
            continue
        response = client.get(matrix.url_for(name, objects), HTTP_ACCEPT_LANGUAGE="fr")
        if response.status_code != 200 or not response.get("Content-Type", "").startswith("text/html"):
            continue
        if found := problems(visible_text(response.content.decode())):
            report[name] = found[:5]
    assert report == {}


def test_the_scanner_catches_what_it_looks_for():
    assert len(problems("Visite de les laboratoires. Étape 1: voir")) == 2
    assert problems("Note : ok") and problems("« ok »") and problems("Vraiment ?") and problems("Note: ok")
    assert not problems("Really?")  # « ? » without a space: as its (often English-writing) author wrote it
    assert not problems("Choisissez de les écarter. Rendez-vous à 10:30, https://orcid.org, "
                        "Note\u00a0: «\u00a0ok\u00a0»")


def test_the_fixes_pass_the_scanner():
    assert not problems(typography(contract("Validation de des tests : à le plateau « CRCL » ?")))
    page = "<p>Note : <b>x</b> ?</p><p><strong>Durée</strong>: 2 ans</p><script>a ? b : c</script>"
    assert not problems(visible_text(typography_html(page)))
