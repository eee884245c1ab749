"""What grew from the hand-built world of ``world.py``: meetings, opportunities, projects,
applications and outcomes. The tests count their figures by hand from this page.

    meetings at E1 (10 Oct 2019, Lyon time)        feedback
      M1 14:00 alice–chloe  (from R1)              alice useful, chloe useful
      M2 14:00 bruno–denis  (from R2)              bruno not useful, denis no opinion
      M3 14:20 farid–alice  (from R3)              farid: did not take place (no-show)
      M7 14:20 chloe–denis  (from R9)              none
      M4 14:40 chloe–farid  (from R5) cancelled
    meetings at E2 (5 Mar 2020)
      M5 15:00 denis–alice  (from R6)              alice useful
    meeting at E6 (2030, not yet held)
      M6 alice–denis        (from R8, sent 1 Jun 2021)
    requests without a meeting: R4 emma→bruno (declined, 2019), R7 chloe→farid (pending, 20 Feb 2020)

    opportunities  O1 from meeting M1 at E1 (5 Nov 2019; alice, chloe; CSO 5.3)
                   O2 from a suggestion (15 Jan 2020; bruno, denis) · O3 by hand (1 Feb 2021; emma)
    projects       P1 from O1, active, starts 1 Jan 2020, names E1; alice (lead, AURA, CLB), chloe (lead, QC, CRCHUM)
                   P2 from O2, completed, no start, recorded 10 Jun 2020; bruno (AURA), denis (QC)
                   P3 draft; farid
    applications   A1 P1→C1 submitted 1 Feb 2020, funded 15 Jun 2020: EUR 30,000→25,000, CAD 45,000→40,000
                   A2 P2→C1 submitted 3 Feb 2020, declined 15 Jun 2020: EUR 20,000
                   A3 P2→C2 submitted 1 Feb 2021, funded 2 Jun 2021: CAD 50,000→50,000
                   A4 P1→C2 draft: EUR 99,999
    outcomes       X1 P1 publication 10 Mar 2021 (no territory) · X4 P2 exchange 1 Sep 2021 (no territory)
                   X2 P1 UdeS opens its European office in Lyon, 1 Sep 2022 (AURA)
                   X3 P2 follow-on funding CAD 120,000, FRQS, 15 Jan 2022 (QC)
                   X5 P1 follow-on funding EUR 50,000, Fondation ARC, 1 Feb 2023 (AURA)
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal

from passerelle.core.enums import Territory
from passerelle.core.models import CsoCategory
from passerelle.directory.models import PersonCategory
from passerelle.funding.enums import ApplicationStatus, CallStatus
from passerelle.funding.models import Application, ApplicationAmount, Call, Programme
from passerelle.meetings.enums import Answer, MeetingStatus, RequestStatus
from passerelle.meetings.models.meeting import Meeting, MeetingAttendee, MeetingFeedback
from passerelle.meetings.models.request import MeetingRequest, RequestInvitee
from passerelle.meetings.models.session import B2BSession, MeetingTable, SessionWindow, Slot
from passerelle.projects.enums import OpportunityStatus, OriginKind, PartnerRole, ProjectStatus
from passerelle.projects.models import Opportunity, Project, ProjectPartner
from passerelle.reports.enums import OutcomeKind
from passerelle.reports.models import Outcome

from .world import World, paris


@dataclass
class Pipeline:
    meetings: dict
    opportunities: dict
    projects: dict
    applications: dict
    outcomes: dict


class Grid:
    """A meeting session of one event with slots made on demand."""

    def __init__(self, event):
        self.session = B2BSession.objects.create(event=event)
        self.window = SessionWindow.objects.create(session=self.session, start=event.start,
                                                   end=event.start + timedelta(hours=12))
        self.tables = [MeetingTable.objects.create(session=self.session, name=f"Table {n}", position=n)
                       for n in (1, 2)]
        self.slots: dict[datetime, Slot] = {}

    def slot(self, start: datetime) -> Slot:
        if start not in self.slots:
            self.slots[start] = Slot.objects.create(session=self.session, window=self.window, start=start,
                                                    end=start + timedelta(minutes=20))
        return self.slots[start]

    def request(self, sender, invitee, sent: datetime, status: str = RequestStatus.ACCEPTED) -> MeetingRequest:
        request = MeetingRequest.objects.create(session=self.session, requester=sender, status=status,
                                                created_at=sent)
        answer = {RequestStatus.ACCEPTED: Answer.ACCEPTED, RequestStatus.DECLINED: Answer.DECLINED}.get(
            status, Answer.PENDING)
        RequestInvitee.objects.create(request=request, person=invitee, answer=answer)
        return request

    def meeting(self, request, start: datetime, table: int = 0, status: str = MeetingStatus.SCHEDULED) -> Meeting:
        slot = self.slot(start)
        meeting = Meeting.objects.create(session=self.session, request=request, slot=slot,
                                         table=self.tables[table], status=status)
        active = status == MeetingStatus.SCHEDULED
        for person in [request.requester, *request.invitees.all()]:
            MeetingAttendee.objects.create(meeting=meeting, person=person, slot=slot, active=active)
        return meeting


def feedback(meeting, person, *, useful=None, took_place=True) -> None:
    MeetingFeedback.objects.create(meeting=meeting, person=person, useful=useful, took_place=took_place)


def partner(project, person, role=PartnerRole.PARTNER) -> None:
    ProjectPartner.objects.create(project=project, person=person, role=role, territory=person.territory,
                                  organisation=person.organisations.first())


def application(project, call, *, submitted, decided=None, status, amounts) -> Application:
    found = Application.objects.create(project=project, call=call, status=status, submitted_at=submitted,
                                       decided_at=decided)
    for currency, requested, granted in amounts:
        ApplicationAmount.objects.create(application=found, currency=currency, requested=Decimal(requested),
                                         granted=None if granted is None else Decimal(granted))
    return found


def build_pipeline(world: World) -> Pipeline:
    p, e = world.people, world.events
    PersonCategory.objects.create(person=p["alice"], category=CsoCategory.objects.get(code="5.3"))

    ejc = Grid(e["E1"])
    at = {"14:00": paris(2019, 10, 10, 14), "14:20": paris(2019, 10, 10, 14) + timedelta(minutes=20),
          "14:40": paris(2019, 10, 10, 14) + timedelta(minutes=40)}
    sent = paris(2019, 9, 20)
    m1 = ejc.meeting(ejc.request(p["alice"], p["chloe"], sent), at["14:00"], 0)
    m2 = ejc.meeting(ejc.request(p["bruno"], p["denis"], sent), at["14:00"], 1)
    m3 = ejc.meeting(ejc.request(p["farid"], p["alice"], sent), at["14:20"], 0)
    m7 = ejc.meeting(ejc.request(p["chloe"], p["denis"], sent), at["14:20"], 1)
    ejc.request(p["emma"], p["bruno"], sent, RequestStatus.DECLINED)
    m4 = ejc.meeting(ejc.request(p["chloe"], p["farid"], sent, RequestStatus.CANCELLED), at["14:40"], 0,
                     MeetingStatus.CANCELLED)
    feedback(m1, p["alice"], useful=True)
    feedback(m1, p["chloe"], useful=True)
    feedback(m2, p["bruno"], useful=False)
    feedback(m2, p["denis"], useful=None)
    feedback(m3, p["farid"], took_place=False)

    mission = Grid(e["E2"])
    m5 = mission.meeting(mission.request(p["denis"], p["alice"], paris(2020, 2, 10)), paris(2020, 3, 5, 15))
    mission.request(p["chloe"], p["farid"], paris(2020, 2, 20), RequestStatus.PENDING)
    feedback(m5, p["alice"], useful=True)

    future = Grid(e["E6"])
    m6 = future.meeting(future.request(p["alice"], p["denis"], paris(2021, 6, 1)), paris(2030, 5, 1, 15))

    o1 = Opportunity.objects.create(title="Radiomics", origin_kind=OriginKind.MEETING, origin_meeting=m1,
                                    origin_event=e["E1"], created_at=paris(2019, 11, 5),
                                    status=OpportunityStatus.PROJECT)
    o1.people.set([p["alice"], p["chloe"]])
    o1.categories.set(CsoCategory.objects.filter(code="5.3"))
    o2 = Opportunity.objects.create(title="Immunotherapy", origin_kind=OriginKind.SUGGESTION, match_score=0.82,
                                    match_reasons=["Both work on immunotherapy of breast cancer"],
                                    created_at=paris(2020, 1, 15), status=OpportunityStatus.PROJECT)
    o2.people.set([p["bruno"], p["denis"]])
    o3 = Opportunity.objects.create(title="Patient partners", created_at=paris(2021, 2, 1),
                                    status=OpportunityStatus.DROPPED)
    o3.people.set([p["emma"]])

    p1 = Project.objects.create(acronym="RADIO-QC", title_fr="Radiomique", title_en="Radiomics", opportunity=o1,
                                status=ProjectStatus.ACTIVE, start=date(2020, 1, 1), created_at=paris(2019, 12, 1))
    p1.events.set([e["E1"]])
    p1.categories.set(CsoCategory.objects.filter(code="5.3"))
    partner(p1, p["alice"], PartnerRole.LEAD)
    partner(p1, p["chloe"], PartnerRole.LEAD)
    p2 = Project.objects.create(acronym="IMMUNO", title_fr="Immunothérapie", opportunity=o2,
                                status=ProjectStatus.COMPLETED, created_at=paris(2020, 6, 10))
    partner(p2, p["bruno"], PartnerRole.LEAD)
    partner(p2, p["denis"], PartnerRole.LEAD)
    p3 = Project.objects.create(title_fr="Brouillon", status=ProjectStatus.DRAFT, created_at=paris(2021, 1, 5))
    partner(p3, p["farid"], PartnerRole.LEAD)

    sdc = Programme.objects.create(slug="sdc", name_fr="Programme Samuel-De Champlain")
    c1 = Call.objects.create(programme=sdc, slug="sdc-2020", title_fr="Appel 2020", opens_at=paris(2019, 11, 1),
                             closes_at=paris(2020, 2, 15), status=CallStatus.PUBLISHED)
    c2 = Call.objects.create(programme=sdc, slug="sdc-2021", title_fr="Appel 2021", opens_at=paris(2020, 11, 1),
                             closes_at=paris(2021, 2, 15), status=CallStatus.PUBLISHED)
    funded, declined = ApplicationStatus.FUNDED, ApplicationStatus.DECLINED
    a1 = application(p1, c1, submitted=paris(2020, 2, 1), decided=paris(2020, 6, 15, 14), status=funded,
                     amounts=[("EUR", 30000, 25000), ("CAD", 45000, 40000)])
    a2 = application(p2, c1, submitted=paris(2020, 2, 3), decided=paris(2020, 6, 15, 14), status=declined,
                     amounts=[("EUR", 20000, None)])
    a3 = application(p2, c2, submitted=paris(2021, 2, 1), decided=paris(2021, 6, 2, 14), status=funded,
                     amounts=[("CAD", 50000, 50000)])
    a4 = application(p1, c2, submitted=None, status=ApplicationStatus.DRAFT, amounts=[("EUR", 99999, None)])

    def outcome(project, kind, title, day, **fields) -> Outcome:
        return Outcome.objects.create(project=project, kind=kind, title_fr=title, date=day, **fields)

    outcomes = {
        "X1": outcome(p1, OutcomeKind.PUBLICATION, "Radiomics of glioblastoma", date(2021, 3, 10),
                      doi="10.1000/xyz123"),
        "X2": outcome(p1, OutcomeKind.NEW_SITE, "L'Université de Sherbrooke ouvre son bureau européen à Lyon",
                      date(2022, 9, 1), territory=Territory.AURA, organisation=world.orgs["UdeS"]),
        "X3": outcome(p2, OutcomeKind.FOLLOW_ON_FUNDING, "Subvention FRQS", date(2022, 1, 15),
                      territory=Territory.QC, amount=Decimal(120000), currency="CAD",
                      organisation_name="Fonds de recherche du Québec – Santé"),
        "X4": outcome(p2, OutcomeKind.EXCHANGE, "Séjour de doctorant à Sherbrooke", date(2021, 9, 1)),
        "X5": outcome(p1, OutcomeKind.FOLLOW_ON_FUNDING, "Subvention Fondation ARC", date(2023, 2, 1),
                      territory=Territory.AURA, amount=Decimal(50000), currency="EUR",
                      organisation_name="Fondation ARC"),
    }
    return Pipeline(
        meetings={"M1": m1, "M2": m2, "M3": m3, "M4": m4, "M5": m5, "M6": m6, "M7": m7},
        opportunities={"O1": o1, "O2": o2, "O3": o3},
        projects={"P1": p1, "P2": p2, "P3": p3},
        applications={"A1": a1, "A2": a2, "A3": a3, "A4": a4},
        outcomes=outcomes,
    )
