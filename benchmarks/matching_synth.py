"""Synthetic researchers for the matching benchmark, with graded ground truth.

Each researcher has a latent mixture of 1–3 topics; a topic is a (cancer site, technique)
pair with its English and French words plus a few language-neutral jargon words (gene or
assay names). Publications are drawn from the topics, in English or French, padded with
general scientific words and function words. Tags are a noisy view of the topics (values
dropped, some wrong ones added, a third of profiles untagged). Some profiles seek a
technique they lack and some offer their own.

Ground truth, graded 0–3, comes only from the latent variables: the topic overlap
``θ_a·S·θ_b`` (S = 1 for the same topic, ½ for the same site or the same technique) plus a
complementarity bonus when one side's sought technique is the other's own. Caveat: the
French words are real translations, and the engine's glossary covers some of them (it was
written for cancer research in general, not for this generator); figures on real text may differ.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

# (site code, [(english, french), ...])
SITES = [
    ("6", [("glioblastoma", "glioblastome"), ("brain", "cerveau"), ("glioma", "gliome")]),
    ("7", [("breast", "sein"), ("mammary", "mammaire"), ("HER2", "HER2")]),
    ("28", [("lung", "poumon"), ("NSCLC", "CBNPC"), ("pulmonary", "pulmonaire")]),
    ("23", [("liver", "foie"), ("hepatocellular", "hépatocellulaire"), ("cirrhosis", "cirrhose")]),
    ("64", [("colorectal", "colorectal"), ("colon", "côlon"), ("rectum", "rectum")]),
    ("37", [("pancreatic", "pancréatique"), ("pancreas", "pancréas"), ("PDAC", "PDAC")]),
    ("42", [("prostate", "prostate"), ("androgen", "androgène"), ("PSA", "PSA")]),
    ("27", [("leukemia", "leucémie"), ("myeloid", "myéloïde"), ("marrow", "moelle")]),
    ("29", [("melanoma", "mélanome"), ("skin", "peau"), ("BRAF", "BRAF")]),
    ("21", [("head and neck", "tête et cou"), ("oral", "buccal"), ("HPV", "HPV")]),
    ("66", [("ovarian", "ovarien"), ("ovary", "ovaire"), ("BRCA1", "BRCA1")]),
    ("105", [("sarcoma", "sarcome"), ("soft tissue", "tissus mous"), ("rhabdomyosarcoma", "rhabdomyosarcome")]),
]
TECHNIQUES = [
    ("radiomics", [("radiomics", "radiomique"), ("MRI", "IRM"), ("texture features", "caractéristiques de texture")]),
    ("immunotherapy", [("immunotherapy", "immunothérapie"), ("checkpoint", "point de contrôle"),
                       ("T cells", "lymphocytes T")]),
    ("organoids", [("organoids", "organoïdes"), ("three-dimensional culture", "culture tridimensionnelle"),
                   ("patient-derived", "dérivés de patients")]),
    ("genomics", [("sequencing", "séquençage"), ("mutations", "mutations"), ("genome", "génome")]),
    ("radiotherapy", [("radiotherapy", "radiothérapie"), ("irradiation", "irradiation"), ("dose", "dose")]),
    ("liquid-biopsy", [("circulating tumour DNA", "ADN tumoral circulant"), ("liquid biopsy", "biopsie liquide"),
                       ("plasma", "plasma")]),
    ("epidemiology", [("cohort", "cohorte"), ("incidence", "incidence"), ("risk factors", "facteurs de risque")]),
    ("car-t", [("CAR-T", "CAR-T"), ("cell therapy", "thérapie cellulaire"), ("engineered", "modifiés")]),
    ("pathology", [("histopathology", "histopathologie"), ("whole-slide images", "lames numérisées"),
                   ("deep learning", "apprentissage profond")]),
    ("supportive-care", [("quality of life", "qualité de vie"), ("fatigue", "fatigue"),
                         ("survivorship", "après-cancer")]),
]
CSO_OF_TECHNIQUE = {"radiomics": "4.1", "immunotherapy": "5.3", "organoids": "1.4", "genomics": "1.3",
                    "radiotherapy": "5.1", "liquid-biopsy": "4.2", "epidemiology": "2.1", "car-t": "5.3",
                    "pathology": "4.3", "supportive-care": "6.1"}
BACKGROUND = [
    ("study", "étude"), ("patients", "patients"), ("results", "résultats"), ("analysis", "analyse"),
    ("model", "modèle"), ("cells", "cellules"), ("treatment", "traitement"), ("data", "données"),
    ("response", "réponse"), ("clinical", "clinique"), ("method", "méthode"), ("cancer", "cancer"),
    ("tumour", "tumeur"), ("survival", "survie"), ("expression", "expression"), ("significant", "significatif"),
    ("approach", "approche"), ("novel", "nouveau"), ("outcomes", "résultats cliniques"), ("role", "rôle"),
    ("mechanisms", "mécanismes"), ("evaluation", "évaluation"), ("prognosis", "pronostic"),
    ("therapy", "thérapie"), ("disease", "maladie"), ("samples", "échantillons"), ("levels", "niveaux"),
    ("increased", "augmenté"), ("associated", "associé"), ("identified", "identifié"),
]
_ZIPF = [1.0 / (rank + 1) for rank in range(len(BACKGROUND))]
FUNCTION = {"en": "the of in and to a with for was were by on is that from as we".split(),
            "fr": "le la les de des du et dans pour avec par une un est que sur nous au".split()}
KINDS = ["clinician"] * 7 + ["researcher"] * 9 + ["company"] * 3 + ["patient"]
OFFER_TEMPLATE = {"en": "{} expertise and platform", "fr": "expertise et plateforme en {}"}
SEEK_TEMPLATE = {"en": "looking for {} collaboration", "fr": "recherche une collaboration en {}"}


@dataclass
class Corpus:
    """Generated documents (JSON-like dicts), latent topic mixtures and relevance grades."""

    documents: list[dict]
    theta: np.ndarray  # (n × topics)
    seeks: np.ndarray  # technique index sought, -1 for none
    topic_similarity: np.ndarray

    def grades(self, i: int, others: np.ndarray) -> np.ndarray:
        """Relevance grades 0–3 of documents ``others`` for document ``i``."""
        raw = self.theta[others] @ self.topic_similarity @ self.theta[i]
        own_techniques = (self.theta[:, :, None] * _technique_of_topic_onehot(self.theta.shape[1])).sum(1) > 0.2
        bonus = np.zeros(len(others))
        if self.seeks[i] >= 0:
            bonus += 0.35 * own_techniques[others, self.seeks[i]]
        seeks = self.seeks[others]
        has = seeks >= 0
        bonus[has] += 0.35 * own_techniques[i, seeks[has]]
        raw = raw + np.minimum(bonus, 0.35)
        return np.digitize(raw, [0.15, 0.35, 0.6])


def _topics() -> list[tuple[int, int]]:
    return [(s, t) for s in range(len(SITES)) for t in range(len(TECHNIQUES))]


def _technique_of_topic_onehot(n_topics: int) -> np.ndarray:
    onehot = np.zeros((n_topics, len(TECHNIQUES)))
    for k, (_, t) in enumerate(_topics()):
        onehot[k, t] = 1.0
    return onehot


def _topic_similarity() -> np.ndarray:
    topics = _topics()
    sim = np.zeros((len(topics), len(topics)))
    for a, (sa, ta) in enumerate(topics):
        for b, (sb, tb) in enumerate(topics):
            sim[a, b] = 1.0 if (sa, ta) == (sb, tb) else (0.5 if sa == sb or ta == tb else 0.0)
    return sim


def _jargon_table(per_topic: int = 4) -> dict[int, list[str]]:
    """Language-neutral words (gene or assay names) of each topic, the same in every corpus."""
    rng = random.Random(12345)
    upper, lower = "ABCDEFGHKMNPRST", "bcdfghjklmnprstvz"
    def word() -> str:
        return rng.choice(upper) + rng.choice(upper) + str(rng.randint(1, 99)) + rng.choice(lower)

    return {k: [word() for _ in range(per_topic)] for k in range(len(_topics()))}


def _publication(rng: random.Random, topic: tuple[int, int], jargon: list[str], language: str, length: int) -> str:
    col = 0 if language == "en" else 1
    site_words = [w[col] for w in SITES[topic[0]][1]]
    technique_words = [w[col] for w in TECHNIQUES[topic[1]][1]]
    words = []
    for _ in range(length):
        r = rng.random()
        if r < 0.22:
            words.append(rng.choice(site_words))
        elif r < 0.44:
            words.append(rng.choice(technique_words))
        elif r < 0.52:
            words.append(rng.choice(jargon))
        elif r < 0.75:
            words.append(rng.choices(BACKGROUND, weights=_ZIPF)[0][col])
        else:
            words.append(rng.choice(FUNCTION[language]))
    return " ".join(words).capitalize() + "."


def generate(n: int, seed: int = 0, tagged_share: float = 0.67) -> Corpus:
    """``n`` synthetic profiles; deterministic for a given seed."""
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    topics = _topics()
    jargon = _jargon_table()
    theta = np.zeros((n, len(topics)))
    seeks = np.full(n, -1)
    documents = []
    orgs = {"AURA": [f"aura-{i}" for i in range(max(2, n // 25))], "QC": [f"qc-{i}" for i in range(max(2, n // 25))]}
    for i in range(n):
        chosen = rng.sample(range(len(topics)), rng.choice([1, 1, 2, 2, 3]))
        theta[i, chosen] = nprng.dirichlet(np.ones(len(chosen)) * 2)
        territory = rng.choice(["AURA", "QC"])
        language = "fr" if rng.random() < (0.35 if territory == "AURA" else 0.5) else "en"
        texts = []
        for _ in range(rng.choice([1, 2, 2, 3, 4])):
            topic = topics[int(nprng.choice(len(topics), p=theta[i]))]
            lang = language if rng.random() < 0.8 else ("en" if language == "fr" else "fr")
            texts.append(_publication(rng, topic, jargon[topics.index(topic)], lang, rng.randint(25, 90)))
        tags: dict = {"territory": territory, "organisation": rng.choice(orgs[territory]), "kind": rng.choice(KINDS)}
        own_techniques = sorted({topics[k][1] for k in chosen})
        if rng.random() < tagged_share:
            sites = {SITES[topics[k][0]][0] for k in chosen if rng.random() < 0.75}
            techniques = {TECHNIQUES[topics[k][1]][0] for k in chosen if rng.random() < 0.75}
            if rng.random() < 0.15:
                sites.add(rng.choice(SITES)[0])
            tags["sites"] = sorted(sites)
            tags["techniques"] = sorted(techniques)
            tags["cso"] = sorted({CSO_OF_TECHNIQUE[TECHNIQUES[topics[k][1]][0]] for k in chosen if rng.random() < 0.6})
            col = 0 if language == "en" else 1
            if rng.random() < 0.4:
                t = rng.choice(own_techniques)
                tags["offers"] = [OFFER_TEMPLATE[language].format(TECHNIQUES[t][1][0][col])]
            if rng.random() < 0.35:
                t = rng.choice([t for t in range(len(TECHNIQUES)) if t not in own_techniques])
                seeks[i] = t
                tags["seeks"] = [SEEK_TEMPLATE[language].format(TECHNIQUES[t][1][0][col])]
        documents.append({"id": f"p{i}", "texts": texts, "tags": tags})
    return Corpus(documents, theta, seeks, _topic_similarity())


def papers(corpus: Corpus, count: int, seed: int = 1) -> tuple[list[dict], np.ndarray]:
    """Single-publication query documents (one topic each) and their topic indices."""
    rng = random.Random(seed)
    topics = _topics()
    jargon = _jargon_table()
    docs, topic_of = [], np.zeros(count, dtype=int)
    for q in range(count):
        k = rng.randrange(len(topics))
        topic_of[q] = k
        language = rng.choice(["en", "en", "fr"])
        text = _publication(rng, topics[k], jargon[k], language, rng.randint(40, 120))
        docs.append({"id": f"paper{q}", "texts": [text]})
    return docs, topic_of
