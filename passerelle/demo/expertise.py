"""Vocabulary of the demo expertise texts, in English and French.

Every phrase comes as a ``Phrase(en, fr)`` pair. Templates take a ``{site}`` placeholder;
French site phrases carry their article ("le cancer du sein") and French templates only put
them after prepositions that do not contract with it (pour, sur, dans, contre), so that
sentences stay grammatical whatever the site.

The *topics* are the latent research themes of the generator: each one ties cancer sites,
techniques and ICRP CSO codes together, so that a generated profile is coherent and two
profiles of the same topic on either side of the Atlantic are the complementary pairs
a matching evaluation should find.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import NamedTuple


class Phrase(NamedTuple):
    en: str
    fr: str

    def get(self, lang: str) -> str:
        return self.fr if lang == "fr" else self.en


# ICRP cancer site code → how texts name it ("for {site}", "pour {site}").
SITES: dict[int, Phrase] = {
    6: Phrase("glioblastoma", "le glioblastome"),
    7: Phrase("breast cancer", "le cancer du sein"),
    28: Phrase("lung cancer", "le cancer du poumon"),
    64: Phrase("colorectal cancer", "le cancer colorectal"),
    51: Phrase("stomach cancer", "le cancer de l'estomac"),
    12: Phrase("oesophageal cancer", "le cancer de l'œsophage"),
    27: Phrase("leukaemia", "la leucémie"),
    35: Phrase("non-Hodgkin lymphoma", "le lymphome non hodgkinien"),
    30: Phrase("multiple myeloma", "le myélome multiple"),
    37: Phrase("pancreatic cancer", "le cancer du pancréas"),
    23: Phrase("liver cancer", "le cancer du foie"),
    42: Phrase("prostate cancer", "le cancer de la prostate"),
    3: Phrase("bladder cancer", "le cancer de la vessie"),
    25: Phrase("kidney cancer", "le cancer du rein"),
    21: Phrase("head and neck cancer", "les cancers de la tête et du cou"),
    36: Phrase("oral cavity cancer", "le cancer de la cavité buccale"),
    26: Phrase("laryngeal cancer", "le cancer du larynx"),
    29: Phrase("melanoma", "le mélanome"),
    49: Phrase("non-melanoma skin cancer", "le cancer de la peau"),
    66: Phrase("ovarian cancer", "le cancer de l'ovaire"),
    11: Phrase("endometrial cancer", "le cancer de l'endomètre"),
    9: Phrase("cervical cancer", "le cancer du col de l'utérus"),
    105: Phrase("soft-tissue sarcoma", "le sarcome des tissus mous"),
    4: Phrase("osteosarcoma", "l'ostéosarcome"),
    32: Phrase("neuroblastoma", "le neuroblastome"),
}


@dataclass(frozen=True)
class TechniqueWords:
    """How texts speak of one technique: its name, what one does, offers and seeks with it."""

    name: Phrase
    sentence: Phrase
    offer: Phrase
    seek: Phrase


def _t(name: tuple[str, str], sentence: tuple[str, str], offer: tuple[str, str],
       seek: tuple[str, str]) -> TechniqueWords:
    return TechniqueWords(Phrase(*name), Phrase(*sentence), Phrase(*offer), Phrase(*seek))


TECHNIQUES: dict[str, TechniqueWords] = {
    "genomics": _t(
        ("genomics and sequencing", "la génomique et le séquençage"),
        ("We sequence tumour and germline DNA to map the driver alterations of {site}.",
         "Nous séquençons l'ADN tumoral et constitutionnel pour cartographier les altérations motrices "
         "dans {site}."),
        ("whole-exome and targeted sequencing of {site} samples",
         "séquençage d'exomes et de panels ciblés pour {site}"),
        ("access to sequenced cohorts of {site}", "accès à des cohortes séquencées pour {site}"),
    ),
    "single-cell": _t(
        ("single-cell omics", "les omiques sur cellule unique"),
        ("We profile tumours cell by cell with single-cell RNA sequencing to chart the microenvironment "
         "of {site}.",
         "Nous analysons les tumeurs cellule par cellule (séquençage ARN sur cellule unique) pour "
         "cartographier le microenvironnement dans {site}."),
        ("single-cell RNA-seq and spatial transcriptomics of {site}",
         "séquençage ARN sur cellule unique et transcriptomique spatiale pour {site}"),
        ("partners in single-cell analysis of {site}", "partenaires en analyse sur cellule unique pour {site}"),
    ),
    "proteomics": _t(
        ("proteomics and metabolomics", "la protéomique et la métabolomique"),
        ("We use mass-spectrometry proteomics and metabolomics to follow tumour metabolism in {site}.",
         "Nous utilisons la protéomique par spectrométrie de masse et la métabolomique pour suivre le "
         "métabolisme tumoral dans {site}."),
        ("mass-spectrometry proteomics and metabolomics for {site} studies",
         "protéomique et métabolomique par spectrométrie de masse pour {site}"),
        ("a proteomics platform to validate biomarkers of {site}",
         "une plateforme de protéomique pour valider des biomarqueurs pour {site}"),
    ),
    "epigenetics": _t(
        ("epigenetics", "l'épigénétique"),
        ("We study DNA methylation and chromatin remodelling as drivers of {site}.",
         "Nous étudions la méthylation de l'ADN et le remodelage de la chromatine, moteurs épigénétiques "
         "dans {site}."),
        ("DNA methylation profiling and epigenetic drug testing for {site}",
         "profils de méthylation de l'ADN et tests de molécules épigénétiques pour {site}"),
        ("collaborators in epigenetics of {site}", "collaborateurs en épigénétique pour {site}"),
    ),
    "bioinformatics": _t(
        ("bioinformatics and biostatistics", "la bio-informatique et la biostatistique"),
        ("We build bioinformatics pipelines and statistical models that integrate multi-omics data on {site}.",
         "Nous développons des chaînes de traitement bio-informatiques et des modèles statistiques qui "
         "intègrent des données multi-omiques sur {site}."),
        ("bioinformatics and biostatistics support for {site} projects",
         "appui en bio-informatique et biostatistique pour {site}"),
        ("bioinformatics skills to analyse omics data on {site}",
         "compétences en bio-informatique pour analyser des données omiques sur {site}"),
    ),
    "ai-imaging": _t(
        ("AI and medical image analysis", "l'IA et l'analyse d'images médicales"),
        ("We train deep-learning models that segment and classify medical images of {site}.",
         "Nous entraînons des modèles d'apprentissage profond (IA) qui segmentent et classent les images "
         "médicales pour {site}."),
        ("AI image analysis and deep-learning models for {site}",
         "analyse d'images par IA et modèles d'apprentissage profond pour {site}"),
        ("partners in AI image analysis for {site}", "partenaires en analyse d'images par IA pour {site}"),
    ),
    "radiomics": _t(
        ("radiomics", "la radiomique"),
        ("We extract radiomics signatures from routine CT and MRI to predict treatment response in {site}.",
         "Nous extrayons des signatures de radiomique de l'imagerie de routine (scanner, IRM) pour prédire "
         "la réponse au traitement dans {site}."),
        ("radiomics analysis of MRI cohorts in {site}", "analyse de radiomique sur des cohortes IRM pour {site}"),
        ("partners in radiomics for {site}", "partenaires en radiomique pour {site}"),
    ),
    "mri": _t(
        ("MRI and functional imaging", "l'IRM et l'imagerie fonctionnelle"),
        ("We develop advanced MRI sequences and functional imaging biomarkers for {site}.",
         "Nous développons des séquences d'IRM avancées et des biomarqueurs d'imagerie fonctionnelle "
         "pour {site}."),
        ("access to a research MRI platform and imaging cohorts of {site}",
         "accès à une plateforme d'IRM de recherche et à des cohortes d'imagerie pour {site}"),
        ("MRI data of patients treated for {site}", "des données d'IRM de patients traités pour {site}"),
    ),
    "pet": _t(
        ("nuclear medicine and PET", "la médecine nucléaire et la TEP"),
        ("We design PET tracers and theranostic approaches for {site}.",
         "Nous concevons des traceurs TEP et des approches théranostiques pour {site}."),
        ("PET imaging and radiotracer development for {site}",
         "imagerie TEP et développement de radiotraceurs pour {site}"),
        ("a nuclear medicine team to test new PET tracers in {site}",
         "une équipe de médecine nucléaire pour tester de nouveaux traceurs TEP dans {site}"),
    ),
    "radiotherapy": _t(
        ("radiotherapy and radiobiology", "la radiothérapie et la radiobiologie"),
        ("We study the radiobiology of tumour response and run radiotherapy trials in {site}.",
         "Nous étudions la radiobiologie de la réponse tumorale et menons des essais de radiothérapie "
         "dans {site}."),
        ("radiotherapy planning expertise and radiobiology models for {site}",
         "expertise en planification de radiothérapie et modèles de radiobiologie pour {site}"),
        ("radiotherapy partners for a joint trial in {site}",
         "partenaires en radiothérapie pour un essai commun dans {site}"),
    ),
    "hadrontherapy": _t(
        ("proton and hadron therapy", "la protonthérapie et l'hadronthérapie"),
        ("We evaluate proton therapy and carbon ions to spare healthy tissue in {site}.",
         "Nous évaluons la protonthérapie et les ions carbone pour épargner les tissus sains dans {site}."),
        ("proton therapy expertise and beam time for {site} studies",
         "expertise en protonthérapie et temps de faisceau pour {site}"),
        ("partners in hadron therapy for {site}", "partenaires en hadronthérapie pour {site}"),
    ),
    "surgery": _t(
        ("surgical oncology", "la chirurgie oncologique"),
        ("We improve surgical resection and perioperative care in {site}.",
         "Nous améliorons la résection chirurgicale et la prise en charge périopératoire dans {site}."),
        ("surgical samples and expertise in oncological surgery for {site}",
         "échantillons opératoires et expertise en chirurgie oncologique pour {site}"),
        ("intraoperative imaging tools for surgery in {site}",
         "des outils d'imagerie peropératoire pour la chirurgie dans {site}"),
    ),
    "immunotherapy": _t(
        ("immunotherapy", "l'immunothérapie"),
        ("We study resistance to immune checkpoint inhibitors and new immunotherapy combinations in {site}.",
         "Nous étudions la résistance aux inhibiteurs de points de contrôle immunitaire et de nouvelles "
         "combinaisons d'immunothérapie dans {site}."),
        ("immune monitoring of patients receiving immunotherapy for {site}",
         "suivi immunologique de patients traités par immunothérapie pour {site}"),
        ("partners in immunotherapy for {site}", "partenaires en immunothérapie pour {site}"),
    ),
    "car-t": _t(
        ("CAR-T and cell therapy", "les CAR-T et la thérapie cellulaire"),
        ("We engineer CAR-T cells and other cell therapies against {site}.",
         "Nous concevons des cellules CAR-T et d'autres thérapies cellulaires contre {site}."),
        ("GMP cell therapy manufacturing and CAR-T expertise for {site}",
         "production de thérapie cellulaire en conditions BPF et expertise CAR-T pour {site}"),
        ("clinical sites for a CAR-T trial in {site}", "des centres cliniques pour un essai CAR-T dans {site}"),
    ),
    "oncolytic-viruses": _t(
        ("oncolytic viruses", "les virus oncolytiques"),
        ("We design oncolytic viruses that kill tumour cells and awaken antitumour immunity in {site}.",
         "Nous concevons des virus oncolytiques qui détruisent les cellules tumorales et réveillent "
         "l'immunité antitumorale dans {site}."),
        ("oncolytic virus constructs and preclinical testing for {site}",
         "constructions de virus oncolytiques et tests précliniques pour {site}"),
        ("partners to combine oncolytic viruses with immunotherapy in {site}",
         "partenaires pour associer virus oncolytiques et immunothérapie dans {site}"),
    ),
    "antibodies": _t(
        ("antibodies and ADCs", "les anticorps et les conjugués anticorps-médicament"),
        ("We develop therapeutic antibodies and antibody-drug conjugates against {site}.",
         "Nous développons des anticorps thérapeutiques et des conjugués anticorps-médicament contre {site}."),
        ("therapeutic antibody and ADC candidates for {site}",
         "candidats anticorps et conjugués anticorps-médicament pour {site}"),
        ("patient samples to validate antibody targets in {site}",
         "des échantillons de patients pour valider des cibles d'anticorps dans {site}"),
    ),
    "small-molecules": _t(
        ("medicinal chemistry and small molecules", "la chimie médicinale et les petites molécules"),
        ("We design small-molecule inhibitors and test them on models of {site}.",
         "Nous concevons des petites molécules inhibitrices et les testons sur des modèles pour {site}."),
        ("medicinal chemistry and compound screening for {site}",
         "chimie médicinale et criblage de molécules pour {site}"),
        ("biological models to test new small molecules against {site}",
         "des modèles biologiques pour tester de nouvelles petites molécules contre {site}"),
    ),
    "drug-delivery": _t(
        ("nanomedicine and drug delivery", "la nanomédecine et la vectorisation"),
        ("We formulate nanoparticles that deliver drugs selectively in {site}.",
         "Nous formulons des nanoparticules qui vectorisent les médicaments de façon sélective dans {site}."),
        ("nanoparticle formulation and drug-delivery platforms for {site}",
         "formulation de nanoparticules et plateformes de vectorisation pour {site}"),
        ("preclinical models to test nanomedicines in {site}",
         "des modèles précliniques pour tester des nanomédicaments dans {site}"),
    ),
    "organoids": _t(
        ("organoids and 3D models", "les organoïdes et les modèles 3D"),
        ("We derive patient organoids and 3D models to predict drug response in {site}.",
         "Nous dérivons des organoïdes de patients et des modèles 3D pour prédire la réponse aux "
         "médicaments dans {site}."),
        ("patient-derived organoids and drug screening for {site}",
         "organoïdes dérivés de patients et criblage de médicaments pour {site}"),
        ("fresh tumour samples to derive organoids of {site}",
         "des échantillons tumoraux frais pour dériver des organoïdes pour {site}"),
    ),
    "animal-models": _t(
        ("animal models", "les modèles animaux"),
        ("We build genetically engineered and patient-derived mouse models of {site}.",
         "Nous construisons des modèles animaux (souris génétiquement modifiées et PDX) pour {site}."),
        ("genetically engineered and PDX mouse models of {site}",
         "modèles murins génétiquement modifiés et PDX pour {site}"),
        ("in vivo animal models to validate targets in {site}",
         "des modèles animaux in vivo pour valider des cibles dans {site}"),
    ),
    "liquid-biopsy": _t(
        ("liquid biopsy", "la biopsie liquide"),
        ("We detect circulating tumour DNA in blood (liquid biopsy) to follow minimal residual disease "
         "in {site}.",
         "Nous détectons l'ADN tumoral circulant dans le sang (biopsie liquide) pour suivre la maladie "
         "résiduelle dans {site}."),
        ("circulating tumour DNA assays for {site}", "tests d'ADN tumoral circulant pour {site}"),
        ("plasma cohorts to validate liquid biopsy in {site}",
         "des cohortes de plasma pour valider la biopsie liquide dans {site}"),
    ),
    "pathology": _t(
        ("digital pathology", "la pathologie numérique"),
        ("We digitise slides and quantify the tumour microenvironment with digital pathology in {site}.",
         "Nous numérisons des lames et quantifions le microenvironnement tumoral par pathologie numérique "
         "dans {site}."),
        ("digital pathology and whole-slide image collections of {site}",
         "pathologie numérique et collections de lames numérisées pour {site}"),
        ("AI partners to analyse digitised pathology slides of {site}",
         "des partenaires en IA pour analyser des lames de pathologie numérisées pour {site}"),
    ),
    "biobank": _t(
        ("biobanks and cohorts", "les biobanques et les cohortes"),
        ("We run a biobank and a clinical cohort with annotated samples of {site}.",
         "Nous gérons une biobanque et une cohorte clinique d'échantillons annotés pour {site}."),
        ("annotated biobank samples and cohort data on {site}",
         "échantillons de biobanque annotés et données de cohorte pour {site}"),
        ("research projects that can use our biobank on {site}",
         "des projets de recherche pour valoriser notre biobanque sur {site}"),
    ),
    "clinical-trials": _t(
        ("clinical trials", "les essais cliniques"),
        ("We design and run early-phase clinical trials in {site}.",
         "Nous concevons et menons des essais cliniques de phase précoce dans {site}."),
        ("a clinical trial network recruiting patients with {site}",
         "un réseau d'essais cliniques qui recrute des patients pour {site}"),
        ("innovative treatments to test in clinical trials in {site}",
         "des traitements innovants à évaluer en essai clinique dans {site}"),
    ),
    "epidemiology": _t(
        ("epidemiology", "l'épidémiologie"),
        ("We study environmental and occupational risk factors of {site} in large epidemiology cohorts.",
         "Nous étudions en épidémiologie les facteurs de risque environnementaux et professionnels sur de "
         "grandes cohortes pour {site}."),
        ("epidemiological cohorts and exposure data on {site}",
         "cohortes épidémiologiques et données d'exposition pour {site}"),
        ("partners to compare risk factors of {site} across countries",
         "des partenaires pour comparer entre pays les facteurs de risque pour {site}"),
    ),
    "health-economics": _t(
        ("health economics", "l'économie de la santé"),
        ("We assess the costs and value of cancer care pathways in {site} (health economics).",
         "Nous évaluons en économie de la santé les coûts et la valeur des parcours de soins dans {site}."),
        ("health-economic evaluation of care pathways in {site}",
         "évaluation médico-économique des parcours de soins dans {site}"),
        ("clinical teams to evaluate the cost-effectiveness of innovations in {site}",
         "des équipes cliniques pour évaluer le rapport coût-efficacité d'innovations dans {site}"),
    ),
    "social-sciences": _t(
        ("humanities and social sciences", "les sciences humaines et sociales"),
        ("We study patients' experience and social inequalities in access to care in {site}.",
         "Nous étudions l'expérience des patients et les inégalités sociales d'accès aux soins dans {site}."),
        ("qualitative studies and social-science methods for {site} research",
         "études qualitatives et méthodes des sciences sociales pour {site}"),
        ("clinical partners to study patients' pathways in {site}",
         "des partenaires cliniques pour étudier les parcours des patients dans {site}"),
    ),
    "patient-partnership": _t(
        ("patient partnership", "le partenariat patient"),
        ("We involve patient partners from study design to results in research on {site}.",
         "Nous impliquons des patients partenaires de la conception des études aux résultats dans la "
         "recherche sur {site}."),
        ("patient-partner involvement in research projects on {site}",
         "implication de patients partenaires dans les projets de recherche sur {site}"),
        ("research teams that include patients from study design in {site}",
         "des équipes de recherche qui associent les patients dès la conception des études sur {site}"),
    ),
    "supportive-care": _t(
        ("supportive care", "les soins de support"),
        ("We evaluate supportive care, physical activity and quality of life after treatment for {site}.",
         "Nous évaluons les soins de support, l'activité physique et la qualité de vie après traitement "
         "pour {site}."),
        ("supportive care programmes and quality-of-life measures for {site}",
         "programmes de soins de support et mesures de qualité de vie pour {site}"),
        ("partners to test supportive care interventions in {site}",
         "des partenaires pour tester des interventions de soins de support dans {site}"),
    ),
    "medical-devices": _t(
        ("medical devices and sensors", "les dispositifs médicaux et les capteurs"),
        ("We develop medical devices and sensors to monitor patients treated for {site}.",
         "Nous développons des dispositifs médicaux et des capteurs pour suivre les patients traités "
         "pour {site}."),
        ("prototype medical devices and sensors for {site} care",
         "prototypes de dispositifs médicaux et de capteurs pour {site}"),
        ("clinical validation of a medical device in {site}",
         "une validation clinique d'un dispositif médical dans {site}"),
    ),
}

# Top-level ICRP CSO code → a sentence naming the category in words.
CATEGORY_SENTENCES: dict[str, Phrase] = {
    "1": Phrase("The work belongs to cancer biology: initiation, progression and metastasis of {site}.",
                "Ces travaux relèvent de la biologie du cancer : initiation, progression et métastases "
                "dans {site}."),
    "2": Phrase("The work belongs to cancer etiology: the causes and risk factors of {site}.",
                "Ces travaux relèvent de l'étiologie : causes et facteurs de risque pour {site}."),
    "3": Phrase("The aim is prevention: lowering the risk of {site} in the population.",
                "L'objectif est la prévention : réduire le risque dans la population pour {site}."),
    "4": Phrase("The goal is earlier detection, better diagnosis and prognosis for patients with {site}.",
                "L'objectif : un dépistage plus précoce, un meilleur diagnostic et un pronostic plus fiable "
                "pour {site}."),
    "5": Phrase("The aim is better treatment for patients with {site}.",
                "L'objectif est d'améliorer le traitement pour {site}."),
    "6": Phrase("The work serves cancer control and survivorship: outcomes and quality of life of people "
                "living with {site}.",
                "Ces travaux servent la lutte contre le cancer et la survie : devenir et qualité de vie des "
                "personnes touchées par {site}."),
}


@dataclass(frozen=True)
class Topic:
    """A latent research theme: what generated profiles of that theme are about."""

    key: str
    field: Phrase  # "in the field of …" / "dans le domaine …" (French carries its "de")
    sites: tuple[int, ...]
    techniques: tuple[str, ...]
    categories: tuple[str, ...]
    keywords: tuple[Phrase, ...]
    weight: int = 2


def _kw(*pairs: tuple[str, str]) -> tuple[Phrase, ...]:
    return tuple(Phrase(*pair) for pair in pairs)


TOPICS: tuple[Topic, ...] = (
    Topic("neuro-oncology-imaging", Phrase("neuro-oncology imaging", "de l'imagerie en neuro-oncologie"),
          (6,), ("ai-imaging", "radiomics", "mri", "radiotherapy", "clinical-trials", "pet"), ("4.1", "4.3", "5.2"),
          _kw(("neuro-oncology", "neuro-oncologie"), ("glioma", "gliome"), ("deep learning", "apprentissage profond"),
              ("treatment response", "réponse au traitement"), ("imaging biomarkers", "biomarqueurs d'imagerie"))),
    Topic("breast-biomarkers", Phrase("breast cancer biomarkers", "des biomarqueurs du cancer du sein"),
          (7,), ("liquid-biopsy", "genomics", "bioinformatics", "clinical-trials", "biobank", "pathology"),
          ("4.1", "4.3", "5.4"),
          _kw(("circulating tumour DNA", "ADN tumoral circulant"), ("minimal residual disease", "maladie résiduelle"),
              ("triple-negative", "triple négatif"), ("biomarkers", "biomarqueurs"),
              ("precision oncology", "oncologie de précision")), weight=3),
    Topic("thoracic-immuno-oncology", Phrase("thoracic immuno-oncology", "de l'immuno-oncologie thoracique"),
          (28,), ("immunotherapy", "single-cell", "antibodies", "clinical-trials", "pathology", "liquid-biopsy"),
          ("5.3", "5.4", "1.4"),
          _kw(("immune checkpoints", "points de contrôle immunitaire"), ("NSCLC", "CBNPC"),
              ("tumour microenvironment", "microenvironnement tumoral"), ("resistance", "résistance"),
              ("PD-1", "PD-1")), weight=3),
    Topic("digestive-precision", Phrase("digestive oncology and functional precision medicine",
                                        "de l'oncologie digestive et de la médecine de précision fonctionnelle"),
          (64, 51), ("organoids", "genomics", "small-molecules", "bioinformatics", "clinical-trials"),
          ("5.3", "1.3", "4.1"),
          _kw(("organoids", "organoïdes"), ("drug screening", "criblage de médicaments"), ("KRAS", "KRAS"),
              ("microsatellite instability", "instabilité microsatellitaire"),
              ("precision medicine", "médecine de précision"))),
    Topic("haematology-cell-therapy", Phrase("haemato-oncology and cell therapy",
                                             "de l'hémato-oncologie et de la thérapie cellulaire"),
          (27, 35, 30), ("car-t", "immunotherapy", "single-cell", "clinical-trials", "genomics"), ("5.3", "5.4"),
          _kw(("CAR-T", "CAR-T"), ("lymphoma", "lymphome"), ("acute myeloid leukaemia", "leucémie aiguë myéloïde"),
              ("cell therapy", "thérapie cellulaire"), ("relapse", "rechute")), weight=3),
    Topic("hpb-nanomedicine", Phrase("hepato-pancreato-biliary oncology", "de l'oncologie hépato-bilio-pancréatique"),
          (37, 23), ("drug-delivery", "animal-models", "surgery", "medical-devices", "small-molecules"),
          ("5.1", "5.3", "1.4"),
          _kw(("pancreatic adenocarcinoma", "adénocarcinome pancréatique"), ("nanoparticles", "nanoparticules"),
              ("tumour stroma", "stroma tumoral"), ("drug delivery", "vectorisation"),
              ("chemoresistance", "chimiorésistance"))),
    Topic("uro-oncology-radiation", Phrase("uro-oncology and radiation oncology",
                                           "de l'uro-oncologie et de la radiothérapie"),
          (42, 3, 25), ("radiotherapy", "pet", "mri", "hadrontherapy", "clinical-trials", "ai-imaging"),
          ("5.2", "5.1", "4.3"),
          _kw(("PSMA", "PSMA"), ("theranostics", "théranostique"), ("hypofractionation", "hypofractionnement"),
              ("urothelial carcinoma", "carcinome urothélial"), ("active surveillance", "surveillance active"))),
    Topic("head-neck", Phrase("head and neck oncology", "de la cancérologie de la tête et du cou"),
          (21, 36, 26), ("hadrontherapy", "radiotherapy", "surgery", "supportive-care", "immunotherapy"),
          ("5.2", "5.5", "6.1"),
          _kw(("HPV", "HPV"), ("radiation toxicity", "toxicité radio-induite"),
              ("organ preservation", "préservation d'organe"), ("swallowing", "déglutition"),
              ("quality of life", "qualité de vie"))),
    Topic("skin-virotherapy", Phrase("skin oncology and virotherapy", "de l'oncodermatologie et de la virothérapie"),
          (29, 49), ("oncolytic-viruses", "immunotherapy", "animal-models", "single-cell", "antibodies"),
          ("5.3", "5.5", "1.4"),
          _kw(("virotherapy", "virothérapie"), ("uveal melanoma", "mélanome uvéal"),
              ("antitumour immunity", "immunité antitumorale"), ("BRAF", "BRAF"),
              ("combination therapy", "association thérapeutique"))),
    Topic("gynaecological-oncology", Phrase("gynaecological oncology", "de l'oncologie gynécologique"),
          (66, 11, 9), ("epigenetics", "genomics", "antibodies", "surgery", "clinical-trials", "bioinformatics"),
          ("1.3", "5.3", "4.1"),
          _kw(("DNA methylation", "méthylation de l'ADN"), ("PARP inhibitors", "inhibiteurs de PARP"),
              ("BRCA", "BRCA"), ("chemoresistance", "chimiorésistance"), ("HPV", "HPV"))),
    Topic("paediatric-oncology", Phrase("paediatric and young adult oncology",
                                        "de l'oncologie pédiatrique et des jeunes adultes"),
          (105, 4, 32), ("genomics", "organoids", "biobank", "clinical-trials", "animal-models"),
          ("1.3", "5.4", "6.1"),
          _kw(("paediatric oncology", "oncopédiatrie"), ("sarcoma", "sarcome"), ("Ewing", "Ewing"),
              ("rare cancers", "cancers rares"), ("adolescents and young adults", "adolescents et jeunes adultes"))),
    Topic("environmental-epidemiology", Phrase("environmental cancer epidemiology",
                                               "de l'épidémiologie environnementale des cancers"),
          (28, 3, 23), ("epidemiology", "biobank", "bioinformatics", "genomics"), ("2.1", "2.3", "6.2"),
          _kw(("exposome", "exposome"), ("occupational exposure", "exposition professionnelle"),
              ("air pollution", "pollution de l'air"), ("mutational signatures", "signatures mutationnelles"),
              ("cohorts", "cohortes"))),
    Topic("survivorship", Phrase("survivorship and supportive care", "de l'après-cancer et des soins de support"),
          (7, 64, 42), ("supportive-care", "social-sciences", "patient-partnership", "health-economics",
                        "medical-devices"), ("6.1", "6.5", "6.4"),
          _kw(("quality of life", "qualité de vie"), ("physical activity", "activité physique"),
              ("return to work", "retour à l'emploi"), ("care pathways", "parcours de soins"),
              ("survivorship", "après-cancer")), weight=3),
    Topic("computational-pathology", Phrase("computational pathology", "de la pathologie computationnelle"),
          (7, 42, 64), ("pathology", "ai-imaging", "bioinformatics", "biobank"), ("4.1", "4.2"),
          _kw(("whole-slide imaging", "lames numérisées"), ("deep learning", "apprentissage profond"),
              ("tumour grading", "grade tumoral"), ("biomarkers", "biomarqueurs"),
              ("spatial analysis", "analyse spatiale"))),
    Topic("liver-metabolism", Phrase("liver cancer and tumour metabolism",
                                     "du cancer du foie et du métabolisme tumoral"),
          (23, 25), ("proteomics", "animal-models", "small-molecules", "pet", "clinical-trials"), ("1.4", "5.3", "4.1"),
          _kw(("hepatocellular carcinoma", "carcinome hépatocellulaire"), ("metabolism", "métabolisme"),
              ("fatty liver disease", "stéatose hépatique"), ("kinase inhibitors", "inhibiteurs de kinases"),
              ("metabolomics", "métabolomique"))),
    Topic("prevention-screening", Phrase("cancer prevention and screening",
                                         "de la prévention et du dépistage des cancers"),
          (9, 36, 64), ("epidemiology", "social-sciences", "health-economics", "liquid-biopsy"),
          ("3.4", "3.1", "4.3", "6.3"),
          _kw(("HPV vaccination", "vaccination HPV"), ("screening", "dépistage"),
              ("health inequalities", "inégalités de santé"), ("self-sampling", "autoprélèvement"),
              ("prevention", "prévention"))),
    Topic("upper-digestive", Phrase("upper digestive oncology", "de l'oncologie digestive haute"),
          (12, 51), ("surgery", "clinical-trials", "genomics", "ai-imaging", "supportive-care"), ("5.1", "5.5", "4.3"),
          _kw(("perioperative chemotherapy", "chimiothérapie périopératoire"), ("endoscopy", "endoscopie"),
              ("HER2", "HER2"), ("gastric cancer", "cancer gastrique"), ("oesophagectomy", "œsophagectomie")),
          weight=1),
)

TOPICS_BY_KEY: dict[str, Topic] = {topic.key: topic for topic in TOPICS}


@dataclass(frozen=True)
class CompanyProfile:
    """What a real company of the CSV does, in words general enough to stay true."""

    techniques: tuple[str, ...]
    product: Phrase


COMPANIES: dict[str, CompanyProfile] = {
    "bioMérieux": CompanyProfile(("liquid-biopsy", "genomics"),
                                 Phrase("in vitro diagnostic assays", "des tests de diagnostic in vitro")),
    "genOway": CompanyProfile(("animal-models",),
                              Phrase("genetically engineered rodent models", "des modèles rongeurs génétiquement "
                                                                            "modifiés")),
    "Netris Pharma": CompanyProfile(("antibodies",),
                                    Phrase("a therapeutic antibody against netrin-1",
                                           "un anticorps thérapeutique dirigé contre la nétrine-1")),
    "Adocia": CompanyProfile(("drug-delivery",),
                             Phrase("polymer-based drug-delivery formulations",
                                    "des formulations de vectorisation à base de polymères")),
    "Repare Therapeutics": CompanyProfile(("small-molecules", "genomics"),
                                          Phrase("precision-oncology small molecules based on synthetic lethality",
                                                 "des petites molécules d'oncologie de précision fondées sur la "
                                                 "létalité synthétique")),
    "Alethia Biotherapeutics": CompanyProfile(("antibodies",),
                                              Phrase("therapeutic antibodies against new tumour targets",
                                                     "des anticorps thérapeutiques contre de nouvelles cibles "
                                                     "tumorales")),
}
