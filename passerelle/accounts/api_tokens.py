"""API tokens: a member creates named tokens for their scripts, sees them listed, revokes them.

A token is ``psl_`` followed by 43 random URL-safe characters (256 bits, ``secrets``). Only its
SHA-256 hash is stored: a presented token is hashed and looked up by that hash, so nothing
compares secrets character by character, and a copy of the database gives no usable token.
Creations and revocations are logged (``passerelle.accounts.api_tokens``) with who did them.
"""
from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import ApiToken

logger = logging.getLogger(__name__)

TOKEN_START = "psl_"
PREFIX_LENGTH = 12  # "psl_" and the first 8 random characters: enough to tell tokens apart
MAX_ACTIVE_TOKENS = 10
LAST_USED_EVERY = timedelta(minutes=1)  # last_used_at is written at most this often


@dataclass(frozen=True)
class NewToken:
    token: ApiToken
    secret: str  # shown once to its owner, never stored


def hash_of(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def tokens_of(user: Any) -> QuerySet[ApiToken]:
    """A user's tokens, revoked ones included, newest first."""
    return ApiToken.objects.filter(user=user)


def active_tokens_of(user: Any) -> QuerySet[ApiToken]:
    now = timezone.now()
    return tokens_of(user).filter(revoked_at__isnull=True).exclude(expires_at__lte=now)


@transaction.atomic
def token_create(*, user: Any, name: str, expires_at: Any = None) -> NewToken:
    """A new token for ``user``; refused once they hold ``MAX_ACTIVE_TOKENS`` active ones."""
    get_user_model().objects.select_for_update().filter(pk=user.pk).first()  # one creation at a time per user
    if active_tokens_of(user).count() >= MAX_ACTIVE_TOKENS:
        raise ValidationError(
            _("You already have %(count)d active API tokens, the most allowed: revoke one you no longer use "
              "before creating another.") % {"count": MAX_ACTIVE_TOKENS})
    secret = TOKEN_START + secrets.token_urlsafe(32)
    token = ApiToken.objects.create(user=user, name=name.strip(), prefix=secret[:PREFIX_LENGTH],
                                    key_hash=hash_of(secret), expires_at=expires_at)
    logger.info("API token %s (%s) created by user %s", token.pk, token.prefix, user.pk)
    return NewToken(token=token, secret=secret)


@transaction.atomic
def token_revoke(*, token: ApiToken, actor: Any) -> ApiToken:
    """Revoke ``token`` (no effect on one already revoked); ``actor`` is kept as who revoked it."""
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.revoked_by = actor
        token.save(update_fields=["revoked_at", "revoked_by"])
        logger.info("API token %s (%s) of user %s revoked by user %s", token.pk, token.prefix, token.user_id,
                    getattr(actor, "pk", None))
    return token


def token_for_secret(secret: str) -> ApiToken | None:
    """The token whose hash matches ``secret`` (any state: the caller checks it), else None."""
    if not secret.startswith(TOKEN_START) or len(secret) > 200:
        return None
    digest = hash_of(secret)
    token = ApiToken.objects.select_related("user").filter(key_hash=digest).first()
    if token is None or not hmac.compare_digest(token.key_hash, digest):
        return None
    return token


def token_touch(token: ApiToken) -> None:
    """Note that ``token`` was used, at most once a minute (one UPDATE, no lock)."""
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USED_EVERY:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
