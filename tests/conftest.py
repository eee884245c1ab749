"""Shared fixtures: users of each role, a console-free mail outbox, the test settings."""
from __future__ import annotations

import pytest

from passerelle.core.enums import Visibility
from tests.access import sign_in
from tests.factories import CoordinatorFactory, MemberFactory, PersonFactory


@pytest.fixture(autouse=True, scope="session")
def _memory_cache():
    """Tests without database access use the cache too: each process's memory for the whole session
    (the settings' choice of backend has its own tests in tests/core/test_settings.py)."""
    from django.test import override_settings

    with override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}):
        yield


@pytest.fixture(autouse=True)
def _test_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend", "QUEUES": ["default"]}}
    settings.STORAGES = {
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    # Tests call the API far faster than any budget: throttling is tested on its own (tests/core/test_api_*.py).
    settings.API_RATE_ANON = settings.API_RATE_USER = None


@pytest.fixture(autouse=True)
def _empty_cache():
    """Each test starts with an empty cache: kept reads of an earlier test's rolled-back rows must
    not answer (core/read_cache.py)."""
    from django.core.cache import cache

    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def coordinator(db):
    return CoordinatorFactory()


@pytest.fixture
def member(db):
    return MemberFactory()


@pytest.fixture
def coordinator_client(client, coordinator):
    client.force_login(coordinator)
    return client


@pytest.fixture
def member_client(client, member):
    client.force_login(member)
    return client


@pytest.fixture
def profiles(db):
    """One profile at each visibility level, plus a members-only profile owned by its member."""
    owner = MemberFactory()
    return {
        "public": PersonFactory(last_name="Publique", visibility=Visibility.PUBLIC),
        "members": PersonFactory(last_name="Membres", visibility=Visibility.MEMBERS),
        "coordinators": PersonFactory(last_name="Coordination", visibility=Visibility.COORDINATORS),
        "own": PersonFactory(last_name="Proprietaire", visibility=Visibility.COORDINATORS, user=owner),
        "owner": owner,
    }


@pytest.fixture
def role_client(client, db):
    """``role_client(role)`` → a client signed in as a new user of that role (or anonymous);
    ``role_client("owner", user)`` signs ``user`` in."""
    return lambda role, user=None: sign_in(client, role, user)


@pytest.fixture
def english(client):
    """Messages checked in English (the French catalogue has them too): ``usefixtures("english")``."""
    from django.utils import translation

    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """``with committed(): ...`` runs what waits for the commit (the e-mails) at the block's end."""
    return lambda: django_capture_on_commit_callbacks(execute=True)
