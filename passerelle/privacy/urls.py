from django.urls import path

from .views import coordinators, members, public

app_name = "privacy"
urlpatterns = [
    path("", public.notice, name="notice"),
    path("me/", members.my_data, name="my_data"),
    path("me/data.json", members.my_data_json, name="my_data_json"),
    path("me/erase/", members.erasure_request, name="erasure_request"),
    path("me/erase/withdraw/", members.erasure_withdraw, name="erasure_withdraw"),
    path("erasures/", coordinators.erasure_list, name="erasures"),
    path("people/<int:pk>/", coordinators.person_privacy, name="person"),
    path("people/<int:pk>/data.json", coordinators.person_data_json, name="person_data_json"),
    path("people/<int:pk>/erase/", coordinators.person_erase, name="person_erase"),
    path("retention/", coordinators.retention, name="retention"),
    path("retention/<int:pk>/keep/", coordinators.retention_keep, name="retention_keep"),
]
