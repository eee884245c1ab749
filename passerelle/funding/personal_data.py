"""Personal data held by funding (``passerelle/core/personal_data.py``): a person's reviews and
declared conflicts are exported and kept on erasure (the figures and the decisions rest on them)."""
from passerelle.core.personal_data import declare, not_personal

from .models import (
    Application,
    ApplicationDocument,
    ApplicationStatusChange,
    Call,
    ConflictOfInterest,
    ReviewAssignment,
)

ORDER = 33

not_personal(Call, "names the coordinator who created the call")
not_personal(Application, "names the accounts that created, submitted and decided an application")
not_personal(ApplicationDocument, "names the account that uploaded a document")
not_personal(ApplicationStatusChange, "names the account that moved an application's status (its history)")
declare(ReviewAssignment, person=("reviewer",), order=ORDER)
declare(ConflictOfInterest, person=("reviewer", "person"), order=ORDER)
