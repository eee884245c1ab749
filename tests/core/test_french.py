"""French from pieces: contractions, plurals and spacing in helpers, e-mails, reports and demo data."""
from __future__ import annotations

import pytest
from django.core import mail
from django.utils import translation
from hypothesis import given
from hypothesis import strategies as st

from passerelle.core.french import NBSP, contract, in_active_language, typography, typography_html


@pytest.mark.parametrize(("assembled", "french"), [
    ("une validation clinique de des anticorps", "une validation clinique d'anticorps"),
    ("le suivi de le patient", "le suivi du patient"),
    ("la visite de les laboratoires", "la visite des laboratoires"),
    ("l'accès à le plateau et à les cohortes", "l'accès au plateau et aux cohortes"),
    ("À les équipes", "Aux équipes"),
    ("le rôle de un partenaire", "le rôle d'un partenaire"),
    ("choisissez de les écarter ou de le déplacer", "choisissez de les écarter ou de le déplacer"),
])
def test_contractions(assembled, french):
    assert contract(contract(assembled)) == french


def test_spacing_before_high_signs_and_inside_guillemets():
    assert typography("Durée : 2 ans ; vraiment ? oui !") == f"Durée{NBSP}: 2 ans{NBSP}; vraiment{NBSP}? oui{NBSP}!"
    assert typography("Durée: 2 ans. Really? Yes!") == f"Durée{NBSP}: 2 ans. Really? Yes!"
    assert typography("« Centre Léon Bérard »") == f"«{NBSP}Centre Léon Bérard{NBSP}»"
    assert typography("à 10:30, https://orcid.org/0000 et &amp; ok") == "à 10:30, https://orcid.org/0000 et &amp; ok"


def test_html_is_changed_in_its_text_only():
    html = ('<p title="a : b">Note : <a href="/x?a=1&amp;b=2">lien</a> ?</p>'
            '<script>a ? b : c;</script><textarea>x : y</textarea>')
    assert typography_html(html) == (f'<p title="a : b">Note{NBSP}: <a href="/x?a=1&amp;b=2">lien</a>{NBSP}?</p>'
                                     '<script>a ? b : c;</script><textarea>x : y</textarea>')


@given(st.text(alphabet="ab :;?!«»<>/p&;1", max_size=60))
def test_spacing_is_stable(text):
    assert typography(typography(text)) == typography(text)
    assert typography_html(typography_html(text)) == typography_html(text)


def test_only_french_is_respaced():
    with translation.override("en"):
        assert in_active_language("Note : ok") == "Note : ok"
    with translation.override("fr"):
        assert in_active_language("Note : ok") == f"Note{NBSP}: ok"


def test_a_french_registration_email_is_spaced(db, django_capture_on_commit_callbacks):
    from passerelle.events.services import registration_register
    from tests.events.factories import EventFactory
    from tests.factories import PersonFactory

    event = EventFactory(title_fr="Entretiens Jacques Cartier", title_en="Jacques Cartier Meetings")
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        registration_register(actor=None, event=event, person=PersonFactory(email="ada@example.org"),
                              role="delegate", consent_to_list=True, by_coordinator=False)
    message = mail.outbox[0]
    assert " :" not in message.subject and " :" not in message.body


def test_network_counts_agree_in_number():
    from passerelle.reports.network import link_count

    with translation.override("en"):
        assert (link_count("project", 1), link_count("project", 3)) == ("1 joint project", "3 joint projects")
        assert link_count("meeting", 1) == "1 meeting held"


def test_demo_profiles_contract_their_articles():
    from passerelle.demo.people import _Context

    assert contract("une validation clinique de des tests de diagnostic") == \
        "une validation clinique de tests de diagnostic"
    assert hasattr(_Context, "say")
