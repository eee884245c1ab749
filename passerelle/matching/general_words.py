"""General-language words of French and English research writing, which never make a
"shared term": verbs (améliorer, utiliser, develop), adverbs (également, notably), adjectives
(nouveau, novel, haut) and the nouns of any research project (projet, étude, objectif,
approach, analysis, model, data). They are words everyone uses whatever their expertise, so
a reason that names them claims nothing. Words that start domain phrases are left out on
purpose ("système immunitaire", "targeted therapy", "quality of life", "side effects", "cell
line", "growth factor").

Words are written in their usual spelling; :data:`GENERAL_TERMS` holds the analyser's terms
of all of them (folded, stemmed, French glossary applied), which is what the evidence
compares with.

    >>> is_general_term(terms("améliorer")[0]), is_general_term(terms("glioblastome")[0])
    (True, False)
"""

from __future__ import annotations

from functools import lru_cache

from .text import fold, terms

FRENCH_GENERAL_WORDS = """
 améliorer amélioration améliore améliorons amélioré également utilise utiliser utilisé utilisée utilisation
 utilisons portent porte porter portant objectif objectifs but buts cherchons chercher cherche cherchent
 monter montage projet projets haut haute hauts hautes grade grades nouveau nouvelle nouveaux nouvelles
 étude études analyse analyses analyser développement développer développé développons approche approches
 méthode méthodes méthodologie résultat résultats donnée données travail travaux travailler travaillons
 équipe équipes collaboration collaborations collaborer partenaire partenaires partenariat
 expertise expert experts compétence compétences domaine domaines plateforme plateformes outil outils
 programme programmes thématique thématiques problématique enjeu enjeux contexte cadre niveau niveaux
 mise place mettre permettre permet permettent permettant permettra besoin besoins souhaitons souhaite
 proposer propose proposons proposé offre offrons offrir apport apporter rechercher recherchons recherche
 chercheur chercheurs laboratoire laboratoires unité centre centres institut université universités
 important importante importants importantes grand grande grands grandes petit petite petits petites
 premier première premiers derniers dernière plusieurs différents différentes différent différente
 nombreux nombreuses meilleur meilleure meilleurs actuel actuelle actuels actuellement récemment récent
 récente récents particulier particulière notamment ainsi afin environ toujours souvent parfois déjà
 aujourd hui enfin alors donc cependant néanmoins toutefois également surtout aussi très bien mieux
 faire fait faits réaliser réalisé réalisation mener mené menée conduire conduit étudier étudié
 évaluer évalué évaluation identifier identifié identification caractériser caractérisation
 comprendre compréhension décrire décrit montrer montré démontrer démontré obtenir obtenu obtenus
 observer observé observation mesurer mesure mesures comparer comparaison comparé associer associé
 associée associés associées lié liée liés liées relatif relative relation relations rôle rôles
 impact impacts processus mécanisme mécanismes question questions
 capacité capacités moyen moyens ressource ressources financement financements appel appels
 européen européenne international internationale national nationale régional régionale français
 française canadien canadienne québécois québécoise ensemble groupe groupes partie parties
 base bases type types forme formes niveau cours années année an ans mois
 jour jours temps période fois nombre taux partir suite lors long longue court courte
 général générale global globale principal principale principaux spécifique spécifiques potentiel
 potentielle potentiels possible possibles nécessaire nécessaires capable essentiel essentielle clé
 innovant innovante innovants innovation innovations nouveauté original originale pertinent
 pertinente quantité valeur valeurs intérêt intéressant intéressante visant vise viser
 concernant concerne porter sujet sujets thème thèmes aspect aspects élément éléments
 intégrer intégration intégré accès accéder partager partage échange échanges diffusion
 valorisation soutien soutenir appui aide aider suivre rendre rendu présenter présenté présentation
 patient patients patiente patientes malade malades maladie maladies traitement traitements
""".split()

ENGLISH_GENERAL_WORDS = """
 improve improved improves improving improvement also use used uses using usage utilise utilize
 objective objectives aim aims goal goals seek seeking seeks look looking find finding findings
 build building set setting up high higher low lower new novel study studies studied analysis
 analyses analyse analyze analyzed development develop developed developing approach approaches
 method methods methodology result results data work works working team teams collaboration
 collaborations collaborate partner partners partnership expertise expert experts skill
 skills field fields platform platforms tool tools program programme project projects framework
 context level levels need needs want wish propose proposed proposes offer offers offering provide
 provides provided providing research researcher researchers laboratory lab labs unit centre center
 institute university important large small great first last several various different many
 best better current currently recent recently particular notably thus however therefore moreover
 furthermore although indeed especially very well make made perform performed performing conduct
 conducted evaluate evaluated evaluation identify identified identification characterize
 characterise characterization understand understanding describe described show shown showed
 demonstrate demonstrated obtain obtained observe observed observation measure measured measures
 compare compared comparison associate associated related relation relationship role roles
 impact impacts process processes mechanism mechanisms question questions
 capacity resource resources funding call european international national regional french canadian
 group groups part type types form base based year years month time period number
 rate general global main major specific potential possible necessary essential key innovative
 innovation original relevant value interest interesting aimed aiming
 concerning topic topics theme aspect element integrate integration access share sharing exchange
 support supporting help following present presented presentation model models modelling
 modeling significant significantly increase increased decrease decreased level associated
 including include includes included investigate investigated investigation assess assessed
 assessment explore explored design designed based role using total overall able ability
 available widely commonly often usually generally recently approach way ways case cases example
 examples issue issues challenge challenges opportunity opportunities strategy strategies
""".split()

GENERAL_WORDS: frozenset[str] = frozenset(fold(w) for w in FRENCH_GENERAL_WORDS + ENGLISH_GENERAL_WORDS)


@lru_cache(maxsize=1)
def general_terms() -> frozenset[str]:
    """The analyser's terms of every general word (what shared terms are compared with)."""
    found: set[str] = set()
    for word in GENERAL_WORDS:
        found.update(terms(word))
    return frozenset(found)


def is_general_term(term: str) -> bool:
    """Whether an analysed term (a unigram, or a bigram "a b") contains a general word."""
    general = general_terms()
    return any(part in general for part in term.split(" "))
