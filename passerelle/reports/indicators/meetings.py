"""Indicators of bilateral meetings: requests, meetings held, cross-border meetings, the useful-rate
from the participants' feedback and the no-show rate.

A meeting is *held* when it is scheduled (not cancelled), its slot has passed and nobody reported
in their feedback that it did not take place. On a theme (category, site): meetings where one of
the people declares it in their profile. With a territory: meetings with someone from it.
"""
from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelle.directory.models import Person, PersonCategory, PersonSite
from passerelle.meetings.enums import MeetingStatus
from passerelle.meetings.models import Meeting, MeetingAttendee, MeetingFeedback, MeetingRequest, RequestInvitee

from .base import Indicator, ReportFilters, Series, Unit, count_series, indicator_group, ratio_series


def people_on_theme(filters: ReportFilters) -> QuerySet[Person]:
    """People whose profile holds the chosen category (or a sub-category) and site."""
    people = Person.objects.all()
    if filters.category:
        people = people.filter(pk__in=PersonCategory.objects.filter(filters.category_q("category__code"))
                               .values("person_id"))
    if filters.site:
        people = people.filter(pk__in=PersonSite.objects.filter(site__icrp_code=filters.site).values("person_id"))
    return people


def with_attendee(meetings: QuerySet[Meeting], people: QuerySet[Person]) -> QuerySet[Meeting]:
    return meetings.filter(pk__in=MeetingAttendee.objects.filter(active=True, person__in=people)
                           .values("meeting_id"))


def past_meetings(filters: ReportFilters) -> QuerySet[Meeting]:
    """Scheduled meetings whose slot has passed, in the period, of the event, on the theme."""
    meetings = Meeting.objects.filter(filters.period("slot__start"), status=MeetingStatus.SCHEDULED,
                                      slot__start__lte=timezone.now())
    if filters.event:
        meetings = meetings.filter(session__event_id=filters.event)
    if filters.category or filters.site:
        meetings = with_attendee(meetings, people_on_theme(filters))
    return meetings


def held_meetings(filters: ReportFilters) -> QuerySet[Meeting]:
    """Past meetings nobody reported as not having taken place (territory not applied)."""
    return past_meetings(filters).exclude(
        pk__in=MeetingFeedback.objects.filter(took_place=False).values("meeting_id"))


def in_territory(meetings: QuerySet[Meeting], territory: str) -> QuerySet[Meeting]:
    return with_attendee(meetings, Person.objects.filter(territory=territory)) if territory else meetings


def meeting_requests(filters: ReportFilters) -> Series:
    requests = MeetingRequest.objects.filter(filters.period("created_at"))
    if filters.event:
        requests = requests.filter(session__event_id=filters.event)
    if filters.category or filters.site:
        people = people_on_theme(filters)
        requests = requests.filter(Q(requester__in=people) | Q(
            pk__in=RequestInvitee.objects.filter(person__in=people).values("request_id")))
    if filters.territory:
        requests = requests.filter(Q(requester__territory=filters.territory) | Q(
            pk__in=RequestInvitee.objects.filter(person__territory=filters.territory).values("request_id")))
    return count_series(requests, "created_at")


def meetings_held(filters: ReportFilters) -> Series:
    return count_series(in_territory(held_meetings(filters), filters.territory), "slot__start")


def cross_border_meetings(filters: ReportFilters) -> Series:
    meetings = in_territory(in_territory(held_meetings(filters), "AURA"), "QC")
    return count_series(in_territory(meetings, filters.territory), "slot__start")


def useful_rate(filters: ReportFilters) -> Series:
    answers = MeetingFeedback.objects.filter(meeting__in=held_meetings(filters), useful__isnull=False)
    if filters.territory:
        answers = answers.filter(person__territory=filters.territory)
    return ratio_series(count_series(answers.filter(useful=True), "meeting__slot__start"),
                        count_series(answers, "meeting__slot__start"))


def no_show_rate(filters: ReportFilters) -> Series:
    reported = in_territory(past_meetings(filters), filters.territory).filter(
        pk__in=MeetingFeedback.objects.values("meeting_id"))
    missed = reported.filter(pk__in=MeetingFeedback.objects.filter(took_place=False).values("meeting_id"))
    return ratio_series(count_series(missed, "slot__start"), count_series(reported, "slot__start"))


INDICATORS = indicator_group("meetings", [
    Indicator("meeting_requests", meeting_requests, label=_("Meeting requests"), definition=_(
        "Requests for a bilateral meeting sent in the year, whatever their answer. "
        "With a territory: sent by or to someone from it.")),
    Indicator("meetings_held", meetings_held, public=True, label=_("Meetings held"), definition=_(
        "Scheduled meetings whose time has passed, unless a "
        "participant reported that it did not take place. "
        "With a territory: with someone from it.")),
    Indicator("cross_border_meetings", cross_border_meetings, public=True,
              label=_("Cross-border meetings held"), definition=_(
        "Meetings held with people from both Auvergne-Rhône-Alpes and Québec at the table.")),
    Indicator("useful_rate", useful_rate, unit=Unit.RATE, public=True, label=_("Meetings found useful"), definition=_(
        "Share of the feedback answers on meetings held that say the "
        "meeting was useful (answers without an opinion left out). "
        "With a territory: answers of people from it.")),
    Indicator("no_show_rate", no_show_rate, unit=Unit.RATE, label=_("Meetings that did not take place"), definition=_(
        "Share of the past meetings with feedback where a participant "
        "reported that the meeting did not take place (a no-show).")),
])
