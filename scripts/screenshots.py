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
                page.goto("/accounts/login/")
                page.fill("input[name=username]", DEMO_ACCOUNT[0])
                page.fill("input[name=password]", DEMO_ACCOUNT[1])
                page.click("main button[type=submit]")
            response = page.goto(path)
            if response is None or response.status != 200:
                print(f"skipped {name}: {path} answered {response.status if response else 'nothing'}")
                continue
            page.screenshot(path=str(args.out / f"{name}.png"), full_page=False)
            print(f"saved {args.out / f'{name}.png'}")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
