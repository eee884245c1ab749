"""Find partners for an idea: tags recognised in the summary, both territories mixed, useless input refused."""
from __future__ import annotations

import pytest
from django.urls import reverse

from passerelle.core.enums import Territory
from passerelle.suggestions.forms import IdeaForm
from passerelle.suggestions.selectors import suggest_for_idea
from tests.factories import MemberFactory, OrganisationFactory, PersonFactory

pytestmark = pytest.mark.django_db

CTDNA_IDEA = (
    "Nous souhaitons évaluer l'ADN tumoral circulant par biopsie liquide pour détecter précocement la "
    "rechute chez des patients atteints d'un cancer colorectal métastatique traités par chimiothérapie. "
    "Le suivi digital des patients sera assuré par une application."
)


@pytest.fixture
def liquid_biopsy_people(db):
    return make_liquid_biopsy_people()


def make_liquid_biopsy_people() -> dict:
    """Liquid biopsy in breast and lung cancer (France), a « digitale » person, ctDNA in colorectal cancer (Québec)."""
    aura = OrganisationFactory(name="Institut de Lyon", territory=Territory.AURA)
    quebec = OrganisationFactory(name="Institut de Montréal", territory=Territory.QC)
    return {
        "Sein": PersonFactory(
            last_name="Sein", territory=Territory.AURA, organisation=aura, sites=[7], techniques=["liquid-biopsy"],
            expertise="Biopsie liquide et ADN tumoral circulant chez les patientes atteintes d'un cancer du sein "
                      "métastatique ; détection précoce de la rechute sous chimiothérapie.",
            keywords="biopsie liquide; ADN tumoral circulant; cancer du sein"),
        "Poumon": PersonFactory(
            last_name="Poumon", territory=Territory.AURA, organisation=aura, sites=[28],
            techniques=["liquid-biopsy"],
            expertise="Biopsie liquide dans le cancer du poumon : ADN tumoral circulant pour suivre les patients "
                      "traités, détection de la rechute.",
            keywords="biopsie liquide; ADN circulant; poumon"),
        "Digitale": PersonFactory(
            last_name="Digitale", territory=Territory.AURA, organisation=aura, techniques=["medical-devices"],
            expertise="Santé digitale : application de suivi digital des patients, objets connectés.",
            keywords="digital; digitale; application"),
        "Colorectal": PersonFactory(
            last_name="Colorectal", territory=Territory.QC, organisation=quebec, sites=[64],
            techniques=["liquid-biopsy"],
            expertise="Circulating tumour DNA in metastatic colorectal cancer: early detection of relapse.",
            keywords="ctDNA; colorectal cancer; liquid biopsy"),
    }


def post_idea(client, **data):
    client.force_login(MemberFactory())
    return client.post(reverse("suggestions:idea"), {"territory": "", **data})


def test_the_colorectal_ctdna_researcher_comes_first_without_ticking_anything(client, liquid_biopsy_people):
    response = post_idea(client, text=CTDNA_IDEA)
    assert response.status_code == 200
    people = [s.person.last_name for s in response.context["results"].people]
    assert people[0] == "Colorectal", people
    assert people.index("Digitale") > people.index("Sein")


def test_the_recognised_tags_are_offered_as_ticked_chips(client, liquid_biopsy_people):
    response = post_idea(client, text=CTDNA_IDEA)
    form = response.context["form"]
    keys = [key for key, _label in form.fields["tags"].choices]
    assert {"site:64", "technique:liquid-biopsy", "category:1.4"} <= set(keys)
    # Sites and techniques come ticked; a research category is only offered.
    assert set(form["tags"].value()) == {k for k in keys if not k.startswith("category:")}
    html = response.content.decode()
    assert 'name="tags" value="site:64" id="id_tags_1" checked' in html
    assert 'name="tags" value="category:1.4" id="id_tags_2">' in html
    assert "ADN tumoral circulant" in html  # the words that named the tag


def test_an_unticked_tag_stays_unticked_and_is_not_applied(client, liquid_biopsy_people):
    form = IdeaForm({"text": CTDNA_IDEA, "offered": "site:64,technique:liquid-biopsy",
                     "tags": ["technique:liquid-biopsy"]})
    assert form.is_valid(), form.errors
    idea = form.idea()
    assert 64 not in idea["sites"] and "liquid-biopsy" in idea["techniques"]
    assert "site:64" not in form.reviewed_data().getlist("tags") if hasattr(form.reviewed_data(), "getlist") \
        else "site:64" not in form.reviewed_data()["tags"]


def test_a_tag_recognised_after_an_edit_comes_ticked(client, liquid_biopsy_people):
    form = IdeaForm({"text": CTDNA_IDEA + " Imagerie IRM.", "offered": "site:64", "tags": ["site:64"]})
    assert form.is_valid(), form.errors
    assert "mri" in form.idea()["techniques"]


def test_both_territories_mix_both(db):
    aura = OrganisationFactory(territory=Territory.AURA)
    quebec = OrganisationFactory(territory=Territory.QC)
    for i in range(8):  # Québec profiles that say more about the idea than anyone in France
        PersonFactory(last_name=f"Quebec{i}", territory=Territory.QC, organisation=quebec, sites=[64],
                      expertise="Colorectal cancer ctDNA liquid biopsy, colorectal cancer relapse, ctDNA.")
    for i in range(3):
        PersonFactory(last_name=f"Aura{i}", territory=Territory.AURA, organisation=aura, sites=[64],
                      expertise="Liquid biopsy in colorectal cancer patients: ctDNA and imaging follow-up.")
    found = suggest_for_idea(viewer=MemberFactory(), text="ctDNA liquid biopsy in colorectal cancer", k=6)
    sides = [s.person.territory for s in found.people]
    assert sides[0] == Territory.QC
    assert sides.count(Territory.AURA) == 3 and sides[:2].count(Territory.AURA) == 1, sides
    only_qc = suggest_for_idea(viewer=MemberFactory(), text="ctDNA liquid biopsy in colorectal cancer", k=6,
                               territories=[Territory.QC])
    assert {s.person.territory for s in only_qc.people} == {Territory.QC}


def test_balancing_interleaves_the_cluster_and_never_promotes_weak_matches():
    from passerelle.matching import Suggestion as EngineSuggestion
    from passerelle.suggestions.selectors import balanced_by_territory

    def fake(prefix, scores):
        return [EngineSuggestion(f"{prefix}{i}", score, {}, []) for i, score in enumerate(scores)]

    found = {"QC": fake("q", [0.9, 0.8, 0.7, 0.6]), "AURA": fake("a", [0.6, 0.5, 0.1]),
             "OTHER": fake("o", [0.85, 0.05])}
    merged = balanced_by_territory(lambda sides: found[next(iter(sides))], k=10)
    assert [s.id for s in merged] == ["q0", "o0", "a0", "q1", "a1", "q2", "q3", "a2", "o1"]


@pytest.mark.parametrize("text", [
    "😀🎉🔬🧬" * 10,
    "le la les de des et ou pour avec dans nous vous sur une un par",
    "the and of with from that this which there their about",
])
def test_a_summary_without_subject_words_is_refused_with_a_message_naming_the_field(client, db, text):
    response = post_idea(client, text=text)
    assert response.context["results"] is None
    errors = response.context["form"].errors["text"]
    assert errors and all(e.startswith("Project summary:") for e in errors), errors
    assert "Project summary:" in response.content.decode()
