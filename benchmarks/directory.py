"""Benchmark of the directory search on PostgreSQL: search page and API against a plain page read.

Loads ``--people`` generated profiles (default 50,000; the demo generator, bulk path) into the
database of ``BENCH_DATABASE_URL`` (created and migrated when missing; the data is reused when
it is already there at that size), then times, in the same process and with Django's test
client as an anonymous visitor:

* the directory page filtered by a full-text query and a territory
  (``/directory/people/?q=…&territory=QC``), over several realistic queries,
* the same search through the API (``/api/people?q=…&territory=QC``),
* a plain primary-key page read (``/directory/people/<pk>/``),
* for reference, the same directory page without a query (what listing alone costs),

and prints the median and 95th percentile of each, and the ratios search/plain (aim: the
search page within 3× the plain read). It also checks with EXPLAIN that the planner uses the
GIN index of the search documents (migration ``directory.0002``) for every query.

Last, the import preview of ``--import-rows`` new people (default 20,000): a coordinator's
preview page (every row validated, likely duplicates looked up in the loaded directory), timed
against reading the same CSV file alone (the baseline), and printed as that ratio.

    .venv/bin/python benchmarks/directory.py [--people N] [--repeat N] [--import-rows N] [--quick]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/passerelle_bench"
DEFAULT_PEOPLE = 50_000
DEFAULT_IMPORT_ROWS = 20_000
GIN_INDEX = "directory_person_search_vector_gin"
TARGET_RATIO = 3.0
PLANNER_SIZE = 10_000  # from this size on, every query must use the GIN index
# What people type in the search box: site and technique words, in French and English.
QUERIES = (
    "radiomique", "glioblastoma", "cancer du sein", "immunotherapy lung", "organoïdes", "biopsie liquide",
    "CAR-T lymphome", "proteomics", "essais cliniques prostate", "sarcome", "patient partner", "nanoparticules",
)


@dataclass(frozen=True)
class Options:
    people: int
    repeat: int
    database_url: str
    import_rows: int = DEFAULT_IMPORT_ROWS


def parse_options(argv: list[str]) -> Options:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--people", type=int, default=None,
                        help="profiles to load (default 50,000; other sizes use passerelle_bench_<N>)")
    parser.add_argument("--repeat", type=int, default=None, help="rounds over the queries (default 10)")
    parser.add_argument("--import-rows", type=int, default=None,
                        help="rows of the import preview (default 20,000; 0 leaves it out)")
    parser.add_argument("--quick", action="store_true", help="small smoke run: 2,000 people, 2 rounds, 2,000 rows")
    args = parser.parse_args(argv)
    quick = args.quick or os.environ.get("BENCH_QUICK") == "1"
    people = args.people if args.people is not None else (2000 if quick else DEFAULT_PEOPLE)
    return Options(
        people=people,
        repeat=args.repeat if args.repeat is not None else (2 if quick else 10),
        database_url=os.environ.get("BENCH_DATABASE_URL") or default_database_url(people),
        import_rows=args.import_rows if args.import_rows is not None else (2000 if quick else DEFAULT_IMPORT_ROWS),
    )


def default_database_url(people: int) -> str:
    """One database per size, so that a quick run does not wipe the 50,000 people of a full one."""
    return DEFAULT_URL if people == DEFAULT_PEOPLE else f"{DEFAULT_URL}_{people}"


# ---------------------------------------------------------------------------- database

def ensure_database(url: str) -> None:
    """Create the benchmark database when the server does not have it yet."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    params = {"host": config["HOST"] or None, "port": config["PORT"] or None, "user": config["USER"] or None,
              "password": config["PASSWORD"] or None, "dbname": "postgres", "autocommit": True}
    with psycopg.connect(**{k: v for k, v in params.items() if v is not None}) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone()
        if not exists:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
            print(f"created database {config['NAME']}")


def setup_django(url: str) -> None:
    os.environ["DATABASE_URL"] = url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passerelle.settings")
    import django
    from django.conf import settings

    django.setup()
    settings.DEBUG = False  # no query log, no template debug: time what production runs
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)


def load_people(count: int) -> None:
    """Make the directory hold exactly the first ``count`` generated profiles (reused when it does)."""
    from django.db import connection

    from passerelle.demo.directory import demo_people_by_territory, seed_directory
    from passerelle.demo.people import DEFAULT_SEED

    present = sum(demo_people_by_territory().values())
    if present == count:
        print(f"reusing the {present:,} people already loaded")
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE directory_person")
        return
    if present > count:
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE directory_person, directory_auditentry CASCADE")
    started = time.perf_counter()
    report = seed_directory(count, DEFAULT_SEED, with_accounts=False)
    with connection.cursor() as cursor:
        # What autovacuum does soon after a bulk load: statistics, and the visibility map that lets
        # counts use index-only scans.
        cursor.execute("VACUUM ANALYZE")
    print(f"loaded {report.people_created:,} people in {time.perf_counter() - started:.1f} s "
          f"({', '.join(f'{k} {v:,}' for k, v in report.people_by_territory.items())})")


# ---------------------------------------------------------------------------- plans

def search_queryset(query: str) -> Any:
    from django.contrib.auth.models import AnonymousUser

    from passerelle.directory import selectors

    filters = selectors.PeopleFilters(q=query, territory="QC")
    return selectors.person_list(user=AnonymousUser(), filters=filters)


def check_plans() -> bool:
    """EXPLAIN the page query and the count of every benchmark query; True when all use the GIN index."""
    all_used = True
    for query in QUERIES:
        queryset = search_queryset(query)
        page_plan = queryset[:25].explain()
        count_plan = queryset.values("pk").explain()
        used = GIN_INDEX in page_plan and GIN_INDEX in count_plan
        all_used &= used
        print(f"  {query!r:28} {queryset.count():6,} matches  GIN index {'used' if used else 'NOT USED'}")
        if not used:
            print("    " + page_plan.replace("\n", "\n    "))
    return all_used


# ---------------------------------------------------------------------------- timings

def timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def fetch(client: Any, url: str, params: dict[str, str] | None = None) -> Callable[[], None]:
    def run() -> None:
        response = client.get(url, params or {})
        assert response.status_code == 200, (url, params, response.status_code)
        response.content  # noqa: B018 - read the whole body, as a browser would

    return run


def measure(repeat: int) -> dict[str, list[float]]:
    """Interleave the three requests so that they see the same cache and machine state."""
    from django.test import Client

    from passerelle.core.enums import Territory, Visibility
    from passerelle.directory.models import Person

    client = Client()
    pks = list(Person.objects.filter(visibility=Visibility.PUBLIC, territory=Territory.QC)
               .order_by("?").values_list("pk", flat=True)[: max(len(QUERIES) * repeat, 1)])
    times: dict[str, list[float]] = {"search page": [], "search API": [], "plain page": [], "list, no q": []}
    for round_number in range(repeat + 1):  # round 0 warms up and is not kept
        for i, query in enumerate(QUERIES):
            params = {"q": query, "territory": "QC"}
            pk = pks[(round_number * len(QUERIES) + i) % len(pks)]
            samples = {
                "search page": timed(fetch(client, "/directory/people/", params)),
                "search API": timed(fetch(client, "/api/people", params)),
                "plain page": timed(fetch(client, f"/directory/people/{pk}/")),
                "list, no q": timed(fetch(client, "/directory/people/", {"territory": "QC"})),
            }
            if round_number:
                for name, seconds in samples.items():
                    times[name].append(seconds)
    return times


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def report(times: dict[str, list[float]]) -> bool:
    print(f"\n{'request':14} {'median':>10} {'p95':>10}   (n={len(times['plain page'])})")
    for name, values in times.items():
        print(f"{name:14} {statistics.median(values) * 1000:8.1f} ms {percentile(values, 0.95) * 1000:7.1f} ms")
    plain = statistics.median(times["plain page"])
    ok = True
    for name in ("search page", "search API", "list, no q"):
        ratio = statistics.median(times[name]) / plain
        p95_ratio = percentile(times[name], 0.95) / percentile(times["plain page"], 0.95)
        print(f"ratio {name} / plain page: median {ratio:.2f}×, p95 {p95_ratio:.2f}×")
        ok &= name != "search page" or ratio <= TARGET_RATIO
    print(f"aim: search page within {TARGET_RATIO:.0f}× the plain read — {'met' if ok else 'NOT met'}")
    return ok


# ---------------------------------------------------------------------------- import preview

def import_file(people: int, rows: int) -> bytes:
    """A CSV file of ``rows`` generated people who are not in the directory yet (the ones after the
    first ``people``), in the export's columns; long texts are left out to stay under the size cap."""
    import csv
    import io

    from passerelle.demo.people import DEFAULT_SEED, generate_people
    from passerelle.directory.exports import PEOPLE_HEADERS

    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(PEOPLE_HEADERS)
    for p in generate_people(people + rows, DEFAULT_SEED)[people:]:
        writer.writerow([
            p.first_name, p.last_name, p.email, p.kind, p.territory, p.orcid,
            "; ".join(a.organisation for a in p.affiliations), p.affiliations[0].position if p.affiliations else "",
            "; ".join(p.languages), "", "", "; ".join(p.categories), "; ".join(map(str, p.sites)),
            "; ".join(p.techniques), "", "", p.visibility, p.consent_date.isoformat() if p.consent_date else "",
        ])
    return buffer.getvalue().encode("utf-8")


def measure_import_preview(people: int, rows: int) -> None:
    """Time the preview page of a ``rows``-row import against reading its file alone."""
    from django.test import Client

    from passerelle.accounts.models import Role, User
    from passerelle.directory import import_fields, imports
    from passerelle.directory.models import ImportBatch

    content = import_file(people, rows)
    read = timed(lambda: imports.read_table("bench.csv", content))
    headers, table = imports.read_table("bench.csv", content)
    coordinator, _created = User.objects.get_or_create(email="bench-coordinator@passerelle.local",
                                                       defaults={"role": Role.COORDINATOR})
    batch = ImportBatch.objects.create(kind="people", filename="bench.csv", headers=headers, rows=table,
                                       mapping=import_fields.guess_mapping("people", headers),
                                       status=ImportBatch.Status.MAPPED, created_by=coordinator)
    client = Client()
    client.force_login(coordinator)
    try:
        preview = timed(fetch(client, batch.get_absolute_url()))
    finally:
        batch.delete()
    print(f"\nimport preview of {len(table):,} rows ({len(content) / 1e6:.1f} MB CSV) against {people:,} people:")
    print(f"  reading the file {read:.2f} s · preview page {preview:.2f} s · "
          f"ratio preview / read {preview / read:.1f}×")


def main(argv: list[str]) -> int:
    options = parse_options(argv)
    ensure_database(options.database_url)
    setup_django(options.database_url)
    print(f"directory benchmark: {options.people:,} people, {options.repeat} rounds of {len(QUERIES)} queries")
    load_people(options.people)
    print("query plans (QC, anonymous visitor):")
    index_used = check_plans()
    if not index_used and options.people < PLANNER_SIZE:
        print(f"  (below {PLANNER_SIZE:,} people a scan of the visible rows may rightly cost less than the index)")
        index_used = True
    met = report(measure(options.repeat))
    if options.import_rows:
        measure_import_preview(options.people, options.import_rows)
    return 0 if index_used and met else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
