"""Personal data held by the privacy app itself (``passerelle/core/personal_data.py``), exported and
erased by its own part (``privacy/parts.py``)."""
from passerelle.core.personal_data import Erasure, declare

from .models import ConsentRecord, ErasureRequest, RetentionFlag

declare(ConsentRecord, person=("person",), erasure=Erasure.APP_PART)
declare(ErasureRequest, person=("person",), erasure=Erasure.APP_PART)
declare(RetentionFlag, person=("person",), erasure=Erasure.APP_PART)
