"""A stand-in for ORCID, OpenAlex, HAL and PubMed, serving the hand-written fixtures of
``tests/publications/fixtures/<source>/`` by path and query, in the APIs' shapes.

- unit tests: ``mock_transport()`` (an ``httpx.MockTransport``) with ``FAKE_URLS``;
- browser tests: the ``fake_publication_apis`` fixture starts a local server in a thread, points
  the ``PUBLICATIONS_*_URL`` settings to it and yields the base URLs;
- by hand: ``python -m tests.publications.fake_apis --port 8765`` (then set the four
  ``PUBLICATIONS_*_URL`` variables it prints).
"""
from __future__ import annotations

import argparse
import json
import re
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlsplit
from xml.etree import ElementTree as StdElementTree

import httpx
import pytest
from defusedxml import ElementTree

FIXTURES = Path(__file__).parent / "fixtures"
FAKE_ORIGIN = "http://fake-apis.test"
SOURCES = ("orcid", "openalex", "hal", "pubmed")
Answer = tuple[int, str, bytes]


def base_urls(origin: str) -> dict[str, str]:
    return {source: f"{origin}/{source}" for source in SOURCES}


FAKE_URLS = base_urls(FAKE_ORIGIN)


def _json(data: object, status: int = 200) -> Answer:
    return status, "application/json", json.dumps(data).encode()


NOT_FOUND = (404, "application/json", b'{"error": "not found"}')


def _load(path: Path) -> dict | None:
    return json.loads(path.read_text()) if path.exists() else None


def _orcid(parts: list[str]) -> Answer:
    if len(parts) == 2 and parts[1] == "works":
        data = _load(FIXTURES / "orcid" / f"{parts[0]}_works.json")
        return _json(data) if data else NOT_FOUND
    if len(parts) == 3 and parts[1] == "works":
        data = _load(FIXTURES / "orcid" / f"{parts[0]}_details.json") or {"bulk": []}
        codes = set(parts[2].split(","))
        return _json({"bulk": [item for item in data["bulk"]
                               if "error" in item or str(item["work"]["put-code"]) in codes]})
    return NOT_FOUND


def _openalex_works() -> Iterator[dict]:
    for path in sorted((FIXTURES / "openalex").glob("works_*.json")):
        yield from json.loads(path.read_text())["results"]


def _openalex(parts: list[str], query: dict[str, list[str]]) -> Answer:
    if parts == ["works"]:
        found = re.search(r"author\.orcid:([0-9X-]+)", query.get("filter", [""])[0])
        data = _load(FIXTURES / "openalex" / f"works_{found.group(1) if found else ''}.json")
        if data is None or query.get("cursor", ["*"])[0] != "*":
            return _json({"meta": {"count": 0, "next_cursor": None}, "results": []})
        return _json(data)
    if len(parts) >= 2 and parts[0] == "works" and parts[1].startswith("doi:"):
        doi = "/".join(parts[1:])[4:].lower()  # the DOI's own slash splits the path
        work = next((w for w in _openalex_works() if (w.get("doi") or "").lower().endswith(doi)), None)
        return _json(work) if work else NOT_FOUND
    return NOT_FOUND


def _hal(query: dict[str, list[str]]) -> Answer:
    filters = " ".join(query.get("fq", []))
    found = re.search(r'auth(IdHal_s|ORCIDIdExt_s):"([^"]+)"', filters)
    data = _load(FIXTURES / "hal" / f"{found.group(2)}.json") if found else None
    if data is None or query.get("cursorMark", ["*"])[0] != "*":
        cursor = query.get("cursorMark", ["*"])[0]
        return _json({"response": {"numFound": 0, "start": 0, "docs": []}, "nextCursorMark": cursor})
    return _json(data)


def _pubmed(parts: list[str], query: dict[str, list[str]]) -> Answer:
    root = ElementTree.parse(FIXTURES / "pubmed" / "efetch.xml").getroot()
    if parts == ["efetch.fcgi"]:
        ids = set(query.get("id", [""])[0].split(","))
        answer = StdElementTree.Element("PubmedArticleSet")
        answer.extend(a for a in root.findall("PubmedArticle") if a.findtext("MedlineCitation/PMID") in ids)
        return 200, "text/xml", StdElementTree.tostring(answer, encoding="utf-8", xml_declaration=True)
    if parts == ["esearch.fcgi"]:
        doi = query.get("term", [""])[0].removesuffix("[doi]").lower()
        ids = [a.findtext("MedlineCitation/PMID") for a in root.findall("PubmedArticle")
               if any((i.text or "").lower() == doi for i in a.findall("PubmedData/ArticleIdList/ArticleId"))]
        return _json({"esearchresult": {"count": str(len(ids)), "idlist": ids}})
    return NOT_FOUND


def answer(path: str, query: dict[str, list[str]]) -> Answer:
    """The fake APIs' answer to a GET of ``path`` (starting with the source's name)."""
    source, *parts = [unquote(part) for part in path.strip("/").split("/") if part]
    if source == "orcid":
        return _orcid(parts)
    if source == "openalex":
        return _openalex(parts, query)
    if source == "hal":
        return _hal(query)
    if source == "pubmed":
        return _pubmed(parts, query)
    return NOT_FOUND


def mock_transport() -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        status, content_type, body = answer(request.url.path, parse_qs(request.url.query.decode()))
        return httpx.Response(status, content=body, headers={"Content-Type": content_type})

    return httpx.MockTransport(handle)


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the http.server name
        url = urlsplit(self.path)
        status, content_type, body = answer(url.path, parse_qs(url.query))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - quiet
        return


def start_server(port: int = 0) -> tuple[ThreadingHTTPServer, dict[str, str]]:
    server = ThreadingHTTPServer(("127.0.0.1", port), _Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, base_urls(f"http://127.0.0.1:{server.server_address[1]}")


@pytest.fixture
def fake_publication_apis(settings) -> Iterator[dict[str, str]]:
    """The fake APIs on a local port, with the ``PUBLICATIONS_*_URL`` settings pointing to them."""
    server, urls = start_server()
    for source, url in urls.items():
        setattr(settings, f"PUBLICATIONS_{source.upper()}_URL", url)
    try:
        yield urls
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8765)
    server, urls = start_server(parser.parse_args().port)
    for source, url in urls.items():
        print(f"PUBLICATIONS_{source.upper()}_URL={url}", flush=True)
    try:
        threading.Event().wait()
    except KeyboardInterrupt:
        server.shutdown()


if __name__ == "__main__":
    main()
