"""Matching benchmark: quality against graded ground truth, and speed on 50,000 profiles.

    python benchmarks/matching.py [--quick]

Quality (synthetic corpus, benchmarks/matching_synth.py): gap-weighted pairwise ranking loss
(0 perfect, 0.5 random) over ~40 judged candidates per query, stratified by grade, and
precision@10 (grade ≥ 2) over the whole corpus, for (1) a plain TF-IDF cosine baseline
(scikit-learn TfidfVectorizer defaults on the concatenated texts), (2) the engine on texts
only, (3) the engine with tags; plus a publication → profile task (single-text queries).
Speed: each phase runs in its own process so that its peak RSS is its own; the brute-force
dense baseline (dense similarity rows, full sort) runs on a subsample and is extrapolated ×(n/m)².
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from matching_synth import Corpus, expertise_set, generate, papers  # noqa: E402

from passerelle.matching import TextModel, TopOptions, build_index  # noqa: E402
from passerelle.matching import text as analyser  # noqa: E402
from passerelle.matching.components import weighted_components  # noqa: E402
from passerelle.matching.evaluation import pairwise_errors, precision_at_k  # noqa: E402


def _judged(rng: random.Random, grades: np.ndarray, per_grade: int = 10) -> np.ndarray:
    chosen = []
    for g in range(4):
        members = list(np.flatnonzero(grades == g))
        chosen += rng.sample(members, min(per_grade, len(members)))
    return np.array(sorted(chosen), dtype=int)


def _baseline_matrix(texts: list[str]):
    return TfidfVectorizer().fit_transform(texts)


def profile_quality(n: int, queries: int, seed: int = 0) -> dict[str, dict[str, float]]:
    corpus = generate(n, seed)
    docs = corpus.documents
    ids = [d["id"] for d in docs]
    org = np.array([d["tags"]["organisation"] for d in docs])
    base = _baseline_matrix([" ".join(d["texts"]) for d in docs])
    full = build_index(docs)
    text_only = build_index([{"id": d["id"], "texts": d["texts"]} for d in docs])
    rng = random.Random(seed)
    results = {name: [0.0, 0.0, 0.0] for name in ("tfidf baseline", "engine, texts only", "engine, texts + tags")}
    for i in rng.sample(range(n), queries):
        allowed = np.flatnonzero((org != org[i]) & (np.arange(n) != i))
        grades = corpus.grades(i, allowed)
        judged = allowed[_judged(rng, grades)]
        judged_grades = corpus.grades(i, judged)
        all_grades = dict(zip(allowed.tolist(), grades.tolist(), strict=True))
        base_scores = (base[allowed] @ base[i].T).toarray().ravel()
        order = allowed[np.lexsort((allowed, -base_scores))][:10]
        rankings = {"tfidf baseline": (dict(zip(allowed.tolist(), base_scores, strict=True)), order)}
        for name, index in (("engine, texts only", text_only), ("engine, texts + tags", full)):
            scores = dict(zip(judged.tolist(), index.score_pairs([(ids[i], ids[j]) for j in judged]), strict=True))
            same_org = frozenset(ids[j] for j in np.flatnonzero(org == org[i]))  # untagged docs carry no org
            options = TopOptions(any_territory=True, exclude=same_org)
            top = [index.position[s.id] for s in index.top(ids[i], 10, options, with_reasons=False)]
            rankings[name] = (scores, top)
        for name, (scores, top) in rankings.items():
            e, t = pairwise_errors([scores[j] for j in judged], judged_grades)
            results[name][0] += e
            results[name][1] += t
            results[name][2] += precision_at_k([all_grades[j] for j in top], 10, 2)
    return {name: {"loss": e / t, "p@10": p / queries} for name, (e, t, p) in results.items()}


def paper_quality(n: int, queries: int, seed: int = 0) -> dict[str, dict[str, float]]:
    """Publications (one text, no tags) ranked against profiles: the expertise-matching set-up."""
    corpus: Corpus = generate(n, seed)
    query_docs, topic_of = papers(corpus, queries, seed + 1)
    profiles = [{"id": d["id"], "texts": d["texts"]} for d in corpus.documents]
    everything = profiles + query_docs
    base = _baseline_matrix([" ".join(d["texts"]) for d in everything])
    index = build_index(everything)
    rng = random.Random(seed)
    results = {name: [0.0, 0.0, 0.0] for name in ("tfidf baseline", "engine, texts only")}
    for q, doc in enumerate(query_docs):
        raw = corpus.theta @ corpus.topic_similarity[:, topic_of[q]]
        grades = np.digitize(raw, [0.15, 0.35, 0.6])
        judged = _judged(rng, grades)
        base_scores = (base[:n] @ base[n + q].T).toarray().ravel()
        engine_scores = np.array(index.score_pairs([(doc["id"], profiles[j]["id"]) for j in range(n)]))
        for name, scores in (("tfidf baseline", base_scores), ("engine, texts only", engine_scores)):
            e, t = pairwise_errors(scores[judged], grades[judged])
            top = np.lexsort((np.arange(n), -scores))[:10]
            results[name][0] += e
            results[name][1] += t
            results[name][2] += precision_at_k(grades[top], 10, 2)
    return {name: {"loss": e / t, "p@10": p / queries} for name, (e, t, p) in results.items()}


TEXT_VARIANTS: dict[str, TextModel | None] = {
    "previous engine (sublinear tf, ½ centroid + ½ top-3, bigrams 1, no -ing/-ed)": None,
    "sublinear tf, ½ centroid + ½ top-3": TextModel(tf="sublinear", centroid_share=0.5, bigram_weight=1.0,
                                                  general_weight=1.0),
    "BM25 tf, ½ centroid + ½ top-3": TextModel(centroid_share=0.5, bigram_weight=1.0, general_weight=1.0),
    "BM25 tf, centroid only": TextModel(centroid_share=1.0, bigram_weight=1.0, general_weight=1.0),
    "BM25 tf, best text only (max)": TextModel(top_weights=(1.0,), bigram_weight=1.0, general_weight=1.0),
    "BM25 tf, top-3 (1, ½, ¼)": TextModel(bigram_weight=1.0, general_weight=1.0),
    "BM25 tf, top-3 (1, ½, ¼), bigrams ½": TextModel(general_weight=1.0),
    "BM25 tf, top-3 (1, ½, ¼), bigrams ½, general words ×0.3 (default)": TextModel(),
}
PREVIOUS_MODEL = TextModel(tf="sublinear", centroid_share=0.5, bigram_weight=1.0, general_weight=1.0)


class _WithoutInflections:
    """The analyser as it was before -ing/-ed stripping (for the "previous engine" row only)."""

    def __enter__(self) -> None:
        self.saved = analyser._strip_inflection
        analyser._strip_inflection = lambda word: word
        analyser.stem.cache_clear()
        analyser._TERMS.clear()
        analyser._RAW_TERMS.clear()

    def __exit__(self, *exc: object) -> None:
        analyser._strip_inflection = self.saved
        analyser.stem.cache_clear()
        analyser._TERMS.clear()
        analyser._RAW_TERMS.clear()


def _loss_by_reviewer(scores: list[float], judgments: list[tuple[str, str, int]]) -> float:
    by_reviewer: dict[str, tuple[list[float], list[int]]] = {}
    for (reviewer, _, grade), score in zip(judgments, scores, strict=True):
        by_reviewer.setdefault(reviewer, ([], []))
        by_reviewer[reviewer][0].append(score)
        by_reviewer[reviewer][1].append(grade)
    errors = total = 0.0
    for s, g in by_reviewer.values():
        e, t = pairwise_errors(s, g)
        errors, total = errors + e, total + t
    return errors / total


def expertise_quality(seeds: list[int], reviewers: int) -> dict[str, list[float]]:
    """Loss of every text variant and of plain TF-IDF on generated expertise sets (one per seed):
    reviewers with several publications, papers graded 0–4 by the reviewer's expertise."""
    losses: dict[str, list[float]] = {"TF-IDF baseline (sklearn defaults, concatenated texts)": []}
    losses.update({name: [] for name in TEXT_VARIANTS})
    for seed in seeds:
        data = expertise_set(reviewers, seed=seed)
        pairs = [(r, p) for r, p, _ in data.judgments]
        position = {d["id"]: i for i, d in enumerate(data.documents)}
        base = _baseline_matrix([" ".join(d["texts"]) for d in data.documents])
        rows_a, rows_b = [position[a] for a, _ in pairs], [position[b] for _, b in pairs]
        base_scores = np.asarray(base[rows_a].multiply(base[rows_b]).sum(axis=1)).ravel().tolist()
        losses["TF-IDF baseline (sklearn defaults, concatenated texts)"].append(
            _loss_by_reviewer(base_scores, data.judgments))
        for name, model in TEXT_VARIANTS.items():
            if model is None:
                with _WithoutInflections():
                    scores = build_index(data.documents, text_model=PREVIOUS_MODEL).score_pairs(pairs)
            else:
                scores = build_index(data.documents, text_model=model).score_pairs(pairs)
            losses[name].append(_loss_by_reviewer(scores, data.judgments))
    return losses


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def phase_engine(n: int, k: int, workers: int = 1) -> dict[str, float]:
    docs = generate(n, 7).documents
    before = _peak_mb()
    t0 = time.perf_counter()
    index = build_index(docs)
    build = time.perf_counter() - t0
    cpu0 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    best = index.top_all(k, workers=workers)
    top_all = time.perf_counter() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the parent and the (joined) workers: what the run costs whatever the machine's load
    top_all_cpu = sum(b.ru_utime + b.ru_stime - a.ru_utime - a.ru_stime for a, b in zip(cpu0, cpu1, strict=True))
    rng = random.Random(3)
    sample = rng.sample(range(n), 40)
    latencies, recall, recall_one, exact_times = [], [], [], []
    for i in sample:
        t0 = time.perf_counter()
        one = index.top(docs[i]["id"], k)
        latencies.append(time.perf_counter() - t0)
        t0 = time.perf_counter()  # the exact baseline: every allowed pair scored with the full blend
        allowed = np.flatnonzero(index.eligibility.block_mask([index.documents[i]], [i], TopOptions(),
                                                              index.eligibility.static_mask(TopOptions()))[0])
        scores, _ = weighted_components(index.vectors, np.full(len(allowed), i), index.vectors, allowed,
                                        index.weights, index.text_model)
        exact = set(allowed[np.argsort(-scores)[:k]].tolist())
        exact_times.append(time.perf_counter() - t0)
        found = {index.position[s.id] for s in best[docs[i]["id"]]}
        recall.append(len(exact & found) / max(1, len(exact)))
        recall_one.append(len(exact & {index.position[s.id] for s in one}) / max(1, len(exact)))
    t0 = time.perf_counter()
    index.query({"id": "idea", "texts": [docs[0]["texts"][0]], "tags": {"territory": "QC"}}, k)
    query = time.perf_counter() - t0
    return {"n": n, "workers": workers, "build_s": build, "top_all_s": top_all, "top_all_cpu_s": top_all_cpu,
            "load_average": os.getloadavg()[0], "query_ms": 1000 * query,
            "top_one_ms_median": 1000 * float(np.median(latencies)), "top_one_ms_max": 1000 * max(latencies),
            "exact_one_ms_median": 1000 * float(np.median(exact_times)),
            "recall_vs_exact": float(np.mean(recall)), "recall_one_vs_exact": float(np.mean(recall_one)),
            "peak_rss_mb": _peak_mb(), "peak_rss_before_index_mb": before}


def phase_dense(n: int, k: int) -> dict[str, float]:
    docs = generate(n, 7).documents
    t0 = time.perf_counter()
    matrix = _baseline_matrix([" ".join(d["texts"]) for d in docs]).astype(np.float32)
    for start in range(0, n, 1000):
        sims = (matrix[start : start + 1000] @ matrix.T).toarray()
        sims[np.arange(sims.shape[0]), np.arange(start, start + sims.shape[0])] = -np.inf
        np.argsort(-sims, axis=1)[:, :k]
    return {"n": n, "top_all_s": time.perf_counter() - t0, "peak_rss_mb": _peak_mb()}


def _run_phase(phase: str, n: int, k: int, workers: int = 1) -> dict[str, float]:
    out = subprocess.run([sys.executable, __file__, "--phase", phase, "--n", str(n), "--k", str(k),
                          "--workers", str(workers)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="smaller corpora (about a minute)")
    parser.add_argument("--phase", choices=("engine", "dense"), help=argparse.SUPPRESS)
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--k", type=int, default=20)
    parser.add_argument("--workers", type=int, default=os.cpu_count() or 1,
                        help="processes for the engine's top-all (default: every core)")
    args = parser.parse_args()
    if args.phase == "engine":
        print(json.dumps(phase_engine(args.n, args.k, args.workers)))
        return
    if args.phase:
        print(json.dumps(phase_dense(args.n, args.k)))
        return
    n_quality, queries = (1500, 80) if args.quick else (3000, 200)
    n_speed, n_dense = (10_000, 5_000) if args.quick else (args.n, 10_000)
    seeds = [10, 11] if args.quick else [10, 11, 12, 13, 14]
    reviewers = 100 if args.quick else 150
    print(f"== expertise: {len(seeds)} generated sets of {reviewers} reviewers with 3–20 publications, "
          f"~10 papers each graded 0–4 (seeds {seeds[0]}–{seeds[-1]}, not those the defaults were chosen on)")
    for name, values in expertise_quality(seeds, reviewers).items():
        print(f"   {name:76s} loss {np.mean(values):.3f}  ({' '.join(f'{v:.3f}' for v in values)})")
    print(f"== quality: {n_quality} synthetic profiles, {queries} queries (loss: 0 perfect, 0.5 random)")
    for title, table in (("profile → profile", profile_quality(n_quality, queries)),
                         ("publication → profile, texts only", paper_quality(n_quality, queries))):
        print(f"-- {title}")
        for name, row in table.items():
            print(f"   {name:24s} ranking loss {row['loss']:.3f}   precision@10 {row['p@10']:.3f}")
    print(f"== speed: top-{args.k} for every profile")
    engine = _run_phase("engine", n_speed, args.k, args.workers)
    dense = _run_phase("dense", n_dense, args.k)
    factor = (n_speed / n_dense) ** 2
    print(f"   engine  n={n_speed}: build {engine['build_s']:.1f} s, "
          f"top-all {engine['top_all_s']:.1f} s ({engine['workers']} processes; "
          f"{engine['top_all_cpu_s']:.0f} s of CPU; "
          f"load average {engine['load_average']:.1f}), "
          f"one person {engine['top_one_ms_median']:.0f} ms median / {engine['top_one_ms_max']:.0f} ms max "
          f"(with reasons), ad-hoc query {engine['query_ms']:.0f} ms, recall@{args.k} vs exact "
          f"{engine['recall_vs_exact']:.3f} (all) / {engine['recall_one_vs_exact']:.3f} (one person), "
          f"peak RSS {engine['peak_rss_mb']:.0f} MB "
          f"({engine['peak_rss_before_index_mb']:.0f} MB before indexing)")
    exact_all = engine["exact_one_ms_median"] * n_speed / 1000 / max(1, engine["workers"])
    print(f"   exact baseline n={n_speed} (every allowed pair scored with the full blend): one person "
          f"{engine['exact_one_ms_median']:.0f} ms median (no reasons), all ~{exact_all:.0f} s extrapolated "
          f"on {engine['workers']} processes")
    print(f"   dense brute force n={n_dense}: {dense['top_all_s']:.1f} s, peak RSS {dense['peak_rss_mb']:.0f} MB; "
          f"extrapolated to n={n_speed}: ~{dense['top_all_s'] * factor:.0f} s")


if __name__ == "__main__":
    main()
