"""Personal data held by the directory (``passerelle/core/personal_data.py``): the profile and what
hangs from it, exported and anonymised by the privacy app's directory part (``privacy/parts.py``)."""
from passerelle.core.personal_data import Erasure, declare

from .models import Affiliation, AuditEntry, ImportBatch, Person, PersonCategory, PersonSite

declare(Person, person=("user",), erasure=Erasure.APP_PART)
declare(Affiliation, person=("person",), erasure=Erasure.APP_PART)
declare(PersonCategory, person=("person",), erasure=Erasure.APP_PART)
declare(PersonSite, person=("person",), erasure=Erasure.APP_PART)
# The history of a profile is found by the object it describes; ``actor`` is who made the change.
declare(AuditEntry, person=(), erasure=Erasure.APP_PART)
# Stored import files: the rows that describe the person are blanked; ``created_by`` is a coordinator.
declare(ImportBatch, person=(), erasure=Erasure.APP_PART)
