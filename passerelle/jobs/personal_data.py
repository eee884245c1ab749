"""The jobs app holds no personal data (``passerelle/core/personal_data.py``)."""
from passerelle.core.personal_data import not_personal

from .models import Job

not_personal(Job, "names the account that started a background job, for its progress page")
