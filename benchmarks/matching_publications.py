"""Matching quality on the demo directory, with and without publications, in the same run.

    .venv/bin/python benchmarks/matching_publications.py [--people N] [--quick]

Loads the demo directory (``--people`` generated profiles, default 600) and its fictional
publications into a fresh SQLite database in a temporary folder, then builds the people index
twice from the same rows: from the typed profiles only, and with each person's visible
publications as more texts (``passerelle.publications.matching``). Every demo scientist asks
for their 10 best partners (the other territory, never a colleague, co-authors not excluded so
that both runs rank the same candidates). Graded ground truth from the generator's latent
topics (``passerelle.demo.people.ground_truth``): 2 = same topic, 1 = another topic sharing a
cancer site or a technique, 0 = otherwise. Prints nDCG@10 and precision@10 (grade 2) for both.
The demo's works are written from the same topics as the profiles, so on real data the gain
is likely smaller: read the figures as how much publications can add, not a promise.
"""
from __future__ import annotations

import argparse
import contextlib
import math
import os
import sys
import tempfile
import time
from pathlib import Path
from unittest import mock

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

K = 10


def _grade(a, b) -> int:
    if a is None or b is None:
        return 0
    if a.key == b.key:
        return 2
    return int(bool(set(a.sites) & set(b.sites) or set(a.techniques) & set(b.techniques)))


def _ndcg(ranked: list[int], possible: list[int]) -> float:
    def dcg(grades: list[int]) -> float:
        return sum((2 ** g - 1) / math.log2(i + 2) for i, g in enumerate(grades[:K]))

    ideal = dcg(sorted(possible, reverse=True))
    return dcg(ranked) / ideal if ideal else 0.0


def evaluate(people: int, seed: int) -> dict[str, dict[str, float]]:
    from passerelle.demo.expertise import TOPICS_BY_KEY
    from passerelle.demo.people import SCIENTIFIC_KINDS, ground_truth
    from passerelle.directory import engine_documents
    from passerelle.directory.models import Person
    from passerelle.matching import TopOptions, build_index

    truth = ground_truth(people, seed)
    topic = {pk: TOPICS_BY_KEY.get(truth.get(email) or "") for pk, email in Person.objects.values_list("pk", "email")}
    scientists = set(Person.objects.filter(kind__in=SCIENTIFIC_KINDS).values_list("pk", flat=True))
    runs = {"typed profile only": mock.patch.multiple(engine_documents, _text_sources=[], _partner_sources=[]),
            "profile + publications": contextlib.nullcontext()}
    results = {}
    for name, patch in runs.items():
        with patch:
            facts = engine_documents.load_profile_facts()
        index = build_index([f.document() for f in facts])
        ndcg = precision = 0.0
        queries = [f for f in facts if f.pk in scientists and topic.get(f.pk)]
        for q in queries:
            allowed = [f.pk for f in facts if f.pk != q.pk and not set(f.organisations) & set(q.organisations)
                       and not (f.territory and q.territory and f.territory == q.territory)]
            colleagues = frozenset(engine_documents.person_doc_id(f.pk) for f in facts
                                   if f.pk != q.pk and set(f.organisations) & set(q.organisations))
            top = index.top(engine_documents.person_doc_id(q.pk), K, TopOptions(exclude=colleagues),
                            with_reasons=False)
            ranked = [_grade(topic[q.pk], topic.get(engine_documents.pk_of(s.id))) for s in top]
            ndcg += _ndcg(ranked, [_grade(topic[q.pk], topic.get(pk)) for pk in allowed])
            precision += sum(g == 2 for g in ranked) / K
        results[name] = {"nDCG@10": ndcg / len(queries), "p@10": precision / len(queries), "queries": len(queries)}
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--people", type=int, default=600)
    parser.add_argument("--seed", type=int, default=2018)
    parser.add_argument("--quick", action="store_true", help="a smaller directory (200 people)")
    args = parser.parse_args()
    people = 200 if args.quick else args.people
    with tempfile.TemporaryDirectory() as folder:
        os.environ["DATABASE_URL"] = f"sqlite:///{folder}/bench.sqlite3"
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "passerelle.settings")
        import django
        from django.core.management import call_command

        django.setup()
        from passerelle.demo.directory import seed_directory
        from passerelle.demo.publications import seed_publications

        started = time.perf_counter()
        call_command("migrate", verbosity=0)
        seed_directory(people, args.seed)
        works = seed_publications(people, args.seed)
        print(f"demo directory: {people} people, {works.works} works "
              f"({time.perf_counter() - started:.1f} s to load)")
        results = evaluate(people, args.seed)
    base = results["typed profile only"]
    for name, figures in results.items():
        print(f"{name:>24}: nDCG@10 {figures['nDCG@10']:.3f} (×{figures['nDCG@10'] / base['nDCG@10']:.2f}), "
              f"precision@10 {figures['p@10']:.3f} (×{figures['p@10'] / base['p@10']:.2f}) "
              f"over {figures['queries']} queries")


if __name__ == "__main__":
    main()
