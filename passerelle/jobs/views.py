"""The progress page of a job (refreshes itself while the job runs) and its JSON status."""
from __future__ import annotations

from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from passerelle.core.pagination import LONG_PAGE_SIZE, paginate
from passerelle.core.permissions import coordinator_required, member_required
from passerelle.jobs.models import Job
from passerelle.jobs.selectors import job_visible_to


def _job_for(request: HttpRequest, pk) -> Job:
    job = get_object_or_404(Job.objects.select_related("created_by"), pk=pk)
    if not job_visible_to(job, request.user):
        raise Http404
    return job


@member_required
def job_detail(request: HttpRequest, pk) -> HttpResponse:
    job = _job_for(request, pk)
    return render(request, "jobs/job_detail.html", {"job": job, "refresh": not job.is_finished})


@member_required
def job_status(request: HttpRequest, pk) -> JsonResponse:
    job = _job_for(request, pk)
    return JsonResponse(
        {
            "id": str(job.pk),
            "title": job.title,
            "status": job.status,
            "done": job.done,
            "total": job.total,
            "percent": job.percent,
            "message": job.message,
            "error": job.error,
            "stalled": job.is_stalled,
            "continue_url": job.continue_url,
        }
    )


@coordinator_required
def job_list(request: HttpRequest) -> HttpResponse:
    jobs = Job.objects.select_related("created_by").order_by("-created_at")
    status = request.GET.get("status", "")
    if status:
        jobs = jobs.filter(status=status)
    page = paginate(request, jobs, LONG_PAGE_SIZE)
    page_query = urlencode({"status": status}) if status else ""
    return render(request, "jobs/job_list.html", {"page": page, "status": status, "page_query": page_query})
