"""Every text people write has a length limit, checked by the model so that every way in refuses."""
from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from passerelle.core.text_limits import DEFAULT_TEXT_LIMIT
from passerelle.directory import services
from passerelle.jobs.models import Job
from tests.factories import MemberFactory, PersonFactory
from tests.projects.factories import OpportunityFactory

pytestmark = pytest.mark.django_db


def test_a_two_megabyte_expertise_is_refused_by_the_service():
    person = PersonFactory()
    with pytest.raises(ValidationError) as refused:
        services.person_update(actor=None, person=person, data={"expertise": "radiomique " * 200_000})
    assert "expertise" in refused.value.message_dict


def test_the_profile_form_names_the_field_too_long(client):
    member = MemberFactory()
    person = PersonFactory(user=member, email=member.email)
    client.force_login(member)
    form = client.get(reverse("directory:person_edit", args=[person.pk])).context["form"]
    assert form.fields["expertise"].widget.attrs["maxlength"] == 5000
    data = {k: v for k, v in form.initial.items() if v is not None and not hasattr(v, "pk")}
    data.update(expertise="x" * 5001, keywords="k" * 5000)
    response = client.post(reverse("directory:person_edit", args=[person.pk]), data)
    assert response.status_code == 200
    assert set(response.context["form"].errors) >= {"expertise", "keywords"}


def test_every_multi_line_field_has_a_limit():
    opportunity = OpportunityFactory.build(title="Idée", description="d" * (DEFAULT_TEXT_LIMIT + 1))
    with pytest.raises(ValidationError) as refused:
        opportunity.full_clean(exclude=["owner", "created_by"])
    assert list(refused.value.message_dict) == ["description"]


def test_texts_the_system_writes_have_no_limit():
    job = Job(handler="tests.jobs.handlers.count_to", title="Counting", error="trace\n" * 10_000)
    job.full_clean(exclude=["created_by"])
