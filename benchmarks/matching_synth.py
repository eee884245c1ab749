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


# -- expertise set: reviewers with several publications, papers graded by their expertise ------------
#
# Words are pseudo-words (so neither the stemmer's rules nor the glossary were written for them)
# in four layers with realistic overlap: function words and a Zipf-distributed general scientific
# vocabulary shared by everyone, a field vocabulary shared by the subtopics of a field, and each
# subtopic's own words and two-word phrases made of field words (a phrase is specific where its
# words are not, like "liquid biopsy"). A third of subtopic words have a synonym, and each author
# prefers one spelling. Expertise grows with the number of one's publications on the paper's
# subtopic (saturating) plus partial credit for the rest of its field; self-reports are noisy.

GENERAL_SCIENCE = (
    "study results analysis method approach data model significant novel effect role patients using based "
    "associated increased evaluation performance potential level levels response outcome outcomes set "
    "factors observed compared present propose proposed improve improved framework design important "
    "specific multiple new different high low large small first recent current research evidence "
    "findings suggest showed demonstrate investigated identified related including provides process "
    "system systems function structure changes conditions time rate range total group groups sample"
).split()
FUNCTION_WORDS = "the of in and to a with for was were by on is that from as we this these are an be at or".split()


@dataclass
class ExpertiseSet:
    """Reviewer and paper documents (one JSON-like dict each) and the graded judgments
    ``(reviewer id, paper id, grade 0–4)``."""

    documents: list[dict]
    judgments: list[tuple[str, str, int]]


def _pseudo_words(rng: random.Random, count: int, taken: set[str]) -> list[str]:
    onsets, vowels, codas = "bdfgklmnprstvz", "aeiou", ["", "n", "r", "l", "x", "th", "m"]
    words: list[str] = []
    while len(words) < count:
        word = "".join(rng.choice(onsets) + rng.choice(vowels) for _ in range(rng.randint(2, 4))) + rng.choice(codas)
        if word not in taken:
            taken.add(word)
            words.append(word)
    return words


def _zipf_pick(rng: random.Random, words: list[str]) -> str:
    return rng.choices(words, weights=[1.0 / (r + 1) for r in range(len(words))])[0]


def expertise_set(reviewers: int = 150, fields: int = 8, subtopics: int = 6, seed: int = 0) -> ExpertiseSet:
    """A graded reviewer ↔ paper expertise set; deterministic for a given seed."""
    rng = random.Random(seed)
    nprng = np.random.default_rng(seed)
    taken: set[str] = set()
    field_words = [_pseudo_words(rng, 60, taken) for _ in range(fields)]
    n_topics = fields * subtopics
    field_of = [k // subtopics for k in range(n_topics)]
    own_words = [_pseudo_words(rng, 24, taken) for _ in range(n_topics)]
    # a subtopic also uses a few words of its sibling subtopics (fields overlap inside)
    topic_words = [own_words[k] + [w for j in range(field_of[k] * subtopics, (field_of[k] + 1) * subtopics)
                                   if j != k for w in rng.sample(own_words[j], 3)] for k in range(n_topics)]
    synonyms = {w: _pseudo_words(rng, 1, taken)[0] for words in topic_words for w in words if rng.random() < 0.33}
    phrases = [[tuple(rng.sample(field_words[field_of[k]], 2)) for _ in range(5)] for k in range(n_topics)]

    def inflect(word: str) -> str:  # writers inflect: "-s", "-ing", "-ed" on a share of content words
        r = rng.random()
        return word if r < 0.7 else word + ("s" if r < 0.8 else "ing" if r < 0.9 else "ed")

    def paper(mixture: dict[int, float], style: float) -> str:
        words: list[str] = []
        topics, shares = list(mixture), list(mixture.values())
        for _ in range(rng.randint(40, 200)):
            k = rng.choices(topics, weights=shares)[0]
            r = rng.random()
            if r < 0.09:
                w = _zipf_pick(rng, topic_words[k])
                words.append(inflect(synonyms[w] if w in synonyms and rng.random() < style else w))
            elif r < 0.12:
                words.extend(rng.choice(phrases[k]))
            elif r < 0.28:
                words.append(inflect(_zipf_pick(rng, field_words[field_of[k]])))
            elif r < 0.58:
                words.append(_zipf_pick(rng, GENERAL_SCIENCE))
            else:
                words.append(rng.choice(FUNCTION_WORDS))
        return " ".join(words).capitalize() + "."

    def mixture_of(primary: int) -> dict[int, float]:
        if rng.random() < 0.4:
            return {primary: 1.0}
        sibling = field_of[primary] * subtopics + rng.randrange(subtopics)
        other = rng.randrange(n_topics) if rng.random() < 0.5 else sibling
        share = rng.uniform(0.6, 0.9)
        return {primary: share, other: 1.0 - share} if other != primary else {primary: 1.0}

    documents: list[dict] = []
    judgments: list[tuple[str, str, int]] = []
    papers_made = 0
    for r in range(reviewers):
        home = rng.randrange(fields)
        count = rng.choice([1, 2, 2, 3, 3, 4])
        own = [home * subtopics + rng.randrange(subtopics) if rng.random() < 0.7 else rng.randrange(n_topics)
               for _ in range(count)]
        weights = nprng.dirichlet(np.ones(len(own)))
        style = rng.random()
        published = np.zeros(n_topics)
        texts = []
        for _ in range(rng.choice([3, 4, 5, 6, 8, 10, 12, 15, 20])):
            primary = own[int(nprng.choice(len(own), p=weights))]
            mixture = mixture_of(primary)
            for k, share in mixture.items():
                published[k] += share
            texts.append(paper(mixture, style))
        documents.append({"id": f"reviewer{r}", "texts": texts})
        by_field = np.bincount(field_of, weights=published, minlength=fields)
        for _ in range(rng.randint(8, 12)):
            draw = rng.random()
            if draw < 0.3:
                primary = own[rng.randrange(len(own))]
            elif draw < 0.85:
                primary = home * subtopics + rng.randrange(subtopics)
            else:
                primary = rng.randrange(n_topics)
            mixture = mixture_of(primary)
            expertise = sum(share * ((1 - np.exp(-published[k] / 2.0))
                                     + 0.35 * (1 - np.exp(-(by_field[field_of[k]] - published[k]) / 4.0)))
                            for k, share in mixture.items())
            grade = int(np.digitize(expertise + nprng.normal(0, 0.15), [0.15, 0.35, 0.55, 0.75]))
            paper_id = f"paper{papers_made}"
            papers_made += 1
            documents.append({"id": paper_id, "texts": [paper(mixture, rng.random())]})
            judgments.append((f"reviewer{r}", paper_id, grade))
    return ExpertiseSet(documents, judgments)
