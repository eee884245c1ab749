"""Steps every browser journey shares: the test users' password and signing in through the form."""
from __future__ import annotations

PASSWORD = "correct horse battery"


def sign_in(page, email: str) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


def signed_in(browser, live_server, email: str, *, timeout: int = 15_000, **context_options):
    """A page of a new browser context (its own cookies), signed in as ``email``."""
    context = browser.new_context(locale="fr-FR", base_url=live_server.url, **context_options)
    page = context.new_page()
    page.set_default_timeout(timeout)
    sign_in(page, email)
    return page
