"""Privacy journeys in a real browser (with the strict CSP in force): a member downloads their
data and asks to be erased; a coordinator erases them after confirming. No page breaks the
Content-Security-Policy."""
from __future__ import annotations

import json

import pytest

from passerelle.core.enums import Visibility
from passerelle.directory.models import Person
from passerelle.privacy.enums import ErasureStatus
from passerelle.privacy.models import ErasureRequest
from tests.browser.journeys import sign_in
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory

pytestmark = pytest.mark.browser


def sign_out(page) -> None:
    page.click("header details.personal > summary")  # the personal menu holds the sign-out button
    page.click("header form button[type=submit].link")
    page.wait_for_load_state()


def test_member_downloads_their_data_asks_erasure_and_a_coordinator_erases(page, transactional_db):
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text)
            if "Content Security Policy" in message.text else None)
    member = MemberFactory(email="ada@example.org")
    person = PersonFactory(user=member, first_name="Ada", last_name="Lovelace", email="ada@example.org",
                           visibility=Visibility.MEMBERS)
    CoordinatorFactory(email="coord@example.org")

    sign_in(page, "ada@example.org")
    page.goto("/")
    page.click("footer a[href='/privacy/']")
    assert page.locator("h1").inner_text().startswith("Confidentialité")
    page.goto(f"/directory/people/{person.pk}/")
    page.click(".privacy-links a")
    assert "Lovelace" in page.content()
    with page.expect_download() as download:
        page.click("a[href='/privacy/me/data.json']")
    data = json.loads(open(download.value.path(), encoding="utf-8").read())
    assert data["directory"]["profile"]["last_name"] == "Lovelace"

    page.click("a[href='/privacy/me/erase/']")
    page.fill("textarea[name=reason]", "Je quitte la recherche")
    page.check("input[name=confirm]")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert ErasureRequest.objects.get().status == ErasureStatus.PENDING
    sign_out(page)

    sign_in(page, "coord@example.org")
    page.goto("/privacy/erasures/")
    page.click(f"a[href='/privacy/people/{person.pk}/erase/']")
    page.click("main form button[type=submit]")  # without the box: refused
    page.wait_for_load_state()
    assert Person.objects.get(pk=person.pk).last_name == "Lovelace"
    page.check("input[name=confirm]")
    page.click("main form button[type=submit]")
    page.wait_for_load_state()

    assert page.url.endswith("/privacy/erasures/")
    assert Person.objects.get(pk=person.pk).last_name == f"#{person.pk}"
    assert ErasureRequest.objects.get().status == ErasureStatus.DONE
    assert violations == []
