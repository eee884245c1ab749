"""Personal data held by accounts (``passerelle/core/personal_data.py``). The account itself is
exported and closed by the privacy app's accounts part (``privacy/parts.py``)."""
from passerelle.core.personal_data import Erasure, declare

from .models import ApiToken, Invitation

declare(Invitation, person=("person",), erasure=Erasure.APP_PART)
# API tokens: listed in the account part of the export (never their secret), deleted with the account.
declare(ApiToken, person=("user",), erasure=Erasure.APP_PART)
