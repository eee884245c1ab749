from django.urls import path

from .views import applications, calls, review

app_name = "funding"
urlpatterns = [
    path("", calls.call_list, name="calls"),
    path("programmes/", calls.programme_list, name="programmes"),
    path("programmes/new/", calls.programme_edit, name="programme_create"),
    path("programmes/<slug:slug>/", calls.programme_detail, name="programme"),
    path("programmes/<slug:slug>/edit/", calls.programme_edit, name="programme_edit"),
    path("calls/new/", calls.call_edit, name="call_create"),
    path("calls/<slug:slug>/", calls.call_detail, name="call"),
    path("calls/<slug:slug>/edit/", calls.call_edit, name="call_edit"),
    path("calls/<slug:slug>/apply/", applications.apply, name="apply"),
    path("calls/<slug:slug>/applications/", applications.call_applications, name="call_applications"),
    path("applications/", applications.application_list, name="applications"),
    path("applications/<int:pk>/", applications.application_detail, name="application"),
    path("applications/<int:pk>/edit/", applications.application_edit, name="application_edit"),
    path("applications/<int:pk>/documents/", applications.application_documents, name="application_documents"),
    path("applications/<int:pk>/documents/<int:document>/", applications.document_download, name="document"),
    path("applications/<int:pk>/documents/<int:document>/delete/", applications.document_delete,
         name="document_delete"),
    path("applications/<int:pk>/submit/", applications.application_submit, name="application_submit"),
    path("applications/<int:pk>/eligibility/", applications.application_eligibility,
         name="application_eligibility"),
    path("applications/<int:pk>/status/", applications.application_status, name="application_status"),
    path("applications/<int:pk>/reviewers/", review.application_reviewers, name="application_reviewers"),
    path("applications/<int:pk>/conflicts/", review.application_conflicts, name="application_conflicts"),
    path("applications/<int:pk>/decision/", applications.application_decision, name="application_decision"),
    path("reviews/", review.review_list, name="reviews"),
    path("reviews/<int:pk>/", review.review_detail, name="review"),
    path("reviews/<int:pk>/conflict/", review.review_conflict, name="review_conflict"),
]
