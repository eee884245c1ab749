"""Personal data held by publications (``passerelle/core/personal_data.py``): the works are public
facts and stay; the links from a person to them (their profile's list, the hidden flags, the
authorships matched to them and the harvest book-keeping) are exported and removed on erasure."""
from passerelle.core.personal_data import Erasure, declare

from .models import Authorship, HarvestState, PersonPublication

declare(PersonPublication, person=("person",), erasure=Erasure.DELETE, order=35)
declare(HarvestState, person=("person",), erasure=Erasure.DELETE, order=36)
declare(Authorship, person=("person",), erasure=Erasure.UNLINK, order=37)
