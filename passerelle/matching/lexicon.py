"""Word lists for the matching analyser: French and English stop words and a small
French → English glossary of cancer-research words that are not cognates.

All entries are accent-folded and lower-case, because the analyser folds before it looks
words up. The glossary maps a folded French word onto the English word it translates, so
that "imagerie du sein" and "breast imaging" share terms; cognates ("tumeur", "génomique")
are handled by the stemmer's suffix rules instead and are not listed here.

    >>> "sein" in FR_EN_GLOSSARY and "the" in STOP_WORDS
    True
"""

from __future__ import annotations

ENGLISH_STOP_WORDS = frozenset(
    """
    a about above after again against all almost also although always am among an and another any
    are around as at be because been before being below between both but by can cannot could did
    do does doing done down during each either else etc even ever every few for from further had
    has have having he her here hers herself him himself his how however i if in into is it its
    itself just least less like made make many may me might more most much must my myself near
    neither no nor not now of off often on once one only onto or other others otherwise our ours
    ourselves out over own per perhaps quite rather really same several shall she should since so
    some such than that the their theirs them themselves then there therefore these they this those
    though through thus to together too toward towards under until up upon us very via was we well
    were what whatever when where whereas whether which while who whom whose why will with within
    without would yet you your yours yourself yourselves
    """.split()
)

FRENCH_STOP_WORDS = frozenset(
    """
    a afin ai aie aient ainsi alors apres au aucun aucune aupres auquel aussi autant autre autres aux
    auxquelles auxquels avaient avais avait avant avec avez aviez avions avoir avons ayant bien car ce
    ceci cela celle celles celui cependant ces cet cette ceux chaque chez ci comme comment dans de
    dela depuis des desquelles desquels deux devant doit donc dont du duquel durant elle elles en
    encore entre est et etaient etais etait etant ete etre eu eux fait faire fois font hors ici il ils
    je jusqu jusque la laquelle le lequel les lesquelles lesquels leur leurs lors lorsque lui ma mais
    me meme memes mes moi moins mon ne ni nos notre nous on ont or ou par parce parmi pas peu peut
    peuvent plus plusieurs pour pourquoi pourrait pres puis qu quand que quel quelle quelles quels qui
    quoi sa sans se selon ses seulement si sien son sont sous soit sur ta tandis te tel telle telles
    tels tes toi ton tous tout toute toutes tres tu un une unes uns vers via voici voila vos votre
    vous y
    """.split()
)

STOP_WORDS = ENGLISH_STOP_WORDS | FRENCH_STOP_WORDS

# Folded French word → English word (before stemming). Only frequent, unambiguous
# research words that no suffix rule can align; kept short on purpose.
FR_EN_GLOSSARY: dict[str, str] = {
    "sein": "breast", "seins": "breast", "poumon": "lung", "poumons": "lung", "foie": "liver",
    "cerveau": "brain", "cerebral": "brain", "cerebrale": "brain", "cerebrales": "brain",
    "rein": "kidney", "reins": "kidney", "peau": "skin", "sang": "blood", "sanguin": "blood",
    "sanguine": "blood", "osseux": "bone", "osseuse": "bone", "estomac": "stomach",
    "vessie": "bladder", "ovaire": "ovary", "ovaires": "ovary",
    "col": "cervix", "gorge": "throat", "enfant": "child", "enfants": "child", "pediatrique": "paediatric",
    "pediatriques": "paediatric", "souris": "mouse", "traitement": "treatment",
    "traitements": "treatment", "essai": "trial", "essais": "trial", "imagerie": "imaging",
    "chirurgie": "surgery", "chirurgical": "surgical", "chirurgicale": "surgical",
    "chimiotherapie": "chemotherapy", "chimiotherapies": "chemotherapy", "sequencage": "sequencing",
    "apprentissage": "learning", "profond": "deep", "profonde": "deep", "donnees": "data",
    "reseau": "network", "reseaux": "network", "cellule": "cell", "cellules": "cell",
    "souche": "stem", "souches": "stem", "depistage": "screening",
    "survie": "survival", "risque": "risk", "risques": "risk", "prise": "care", "soins": "care",
    "soin": "care", "qualite": "quality", "vie": "life", "fin": "end", "recherche": "research",
    "chercheur": "researcher", "chercheurs": "researcher", "medecin": "physician",
    "medecins": "physician", "malade": "patient", "malades": "patient", "maladie": "disease",
    "maladies": "disease", "resultats": "results", "resultat": "result", "etude": "study",
    "etudes": "study", "analyse": "analysis", "analyses": "analysis", "modele": "model",
    "modeles": "model", "biopsie": "biopsy", "liquide": "liquid", "anticorps": "antibody",
    "vaccin": "vaccine", "vaccins": "vaccine", "rayonnement": "radiation", "rayonnements": "radiation",
    "doses": "dose", "cible": "target", "cibles": "target", "ciblee": "targeted",
    "ciblees": "targeted", "effets": "effect", "effet": "effect",
    "indesirables": "adverse", "indesirable": "adverse", "sante": "health", "economie": "economics",
    "cout": "cost", "couts": "cost", "femme": "woman", "femmes": "woman", "homme": "man",
    "hommes": "man", "ainee": "elderly", "personnes": "people",
    "suivi": "follow", "recidive": "recurrence", "recidives": "recurrence", "rechute": "relapse",
    "guerison": "cure", "douleur": "pain", "nouveau": "new", "nouvelle": "new",
    "nouveaux": "new", "nouvelles": "new", "precoce": "early", "precoces": "early",
    "tardif": "late", "tardive": "late", "outil": "tool", "outils": "tool", "plateforme": "platform",
    "plateformes": "platform", "biobanque": "biobank", "biobanques": "biobank", "echantillon": "sample",
    "echantillons": "sample", "medicament": "drug", "medicaments": "drug",
    "lignee": "line", "lignees": "line", "greffe": "transplant", "moelle": "marrow",
    "lymphome": "lymphoma", "leucemie": "leukemia", "leucemies": "leukemia",
    "myelome": "myeloma", "hepatocarcinome": "hepatocellular", "mesotheliome": "mesothelioma",
    "intestin": "intestine",
    "voies": "tract", "digestif": "digestive", "digestive": "digestive", "tete": "head", "cou": "neck",
    "oncolytique": "oncolytic", "oncolytiques": "oncolytic",
    "radiotherapie": "radiotherapy", "protontherapie": "protontherapy",
    "hadrontherapie": "hadrontherapy", "immunotherapie": "immunotherapy",
    "reponse": "response", "reponses": "response", "temoin": "control", "ensemble": "set",
    "automatique": "machine",
    "artificielle": "artificial", "numerique": "digital", "numeriques": "digital",
    "patientes": "patient", "partenariat": "partnership", "irm": "mri", "tep": "pet", "adn": "dna",
    "arn": "rna", "ia": "ai", "cbnpc": "nsclc", "chc": "hcc",
    "circulant": "circulating", "circulants": "circulating", "circulante": "circulating",
    "circulantes": "circulating", "tumoral": "tumour", "tumorale": "tumour", "tumoraux": "tumour",
    "tumorales": "tumour", "residuel": "residual", "residuelle": "residual", "residuelles": "residual",
    "residuels": "residual",
}
