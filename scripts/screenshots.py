"""Take the README's screenshots from a running demo (``make demo`` in another terminal).

    .venv/bin/python scripts/screenshots.py [--base-url http://127.0.0.1:8000] [--out docs/screenshots]

Signs in as the demo coordinator and saves one PNG per page of ``PAGES`` that answers 200
(pages of capabilities that are not installed are skipped with a message).
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

PAGES = [
    ("directory", "/directory/people/?q=glioblastome", False),
    ("event", "/events/entretiens-jacques-cartier-2026/", False),
    ("meetings", "/meetings/entretiens-jacques-cartier-2026/grid/", True),
    ("suggestions", "/suggestions/events/entretiens-jacques-cartier-2027/", True),
    ("projects", "/projects/", True),
    ("dashboard", "/reports/", True),
    ("network", "/reports/network/", True),
]
DEMO_ACCOUNT = ("coordinator@passerelle.demo", "passerelle-demo")
MEMBER_ACCOUNT = ("member@passerelle.demo", "passerelle-demo")
# The member's home page, on a laptop and on a phone (the phone's menu opened).
MEMBER_VIEWS = [("home", {"width": 1280, "height": 860}, False), ("home-phone", {"width": 390, "height": 844}, True)]
LAUNCH_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base-url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="docs/screenshots", type=Path)
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    chromium = shutil.which("chromium") or "/usr/bin/chromium"
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, headless=True, args=LAUNCH_ARGS)
        context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 860},
                                      base_url=args.base_url)
        page = context.new_page()
        for name, path, signed_in in PAGES:
            if signed_in and "sessionid" not in {c["name"] for c in context.cookies()}:
                sign_in(page, *DEMO_ACCOUNT)
            response = page.goto(path)
            if response is None or response.status != 200:
                print(f"skipped {name}: {path} answered {response.status if response else 'nothing'}")
                continue
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=False)
            print(f"saved {args.out / f'{name}.png'}")
        for name, viewport, open_menu in MEMBER_VIEWS:
            member = browser.new_context(locale="fr-FR", viewport=viewport, base_url=args.base_url)
            page = member.new_page()
            sign_in(page, *MEMBER_ACCOUNT)
            page.goto("/")
            if open_menu:
                page.click(".menu-button")
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=False)
            print(f"saved {args.out / f'{name}.png'}")
            member.close()
        browser.close()
    return 0


def sign_in(page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("main button[type=submit]")
    page.wait_for_load_state()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
