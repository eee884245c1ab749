from django.urls import path

from .views import events, ideas, people

app_name = "suggestions"
urlpatterns = [
    path("", people.my_suggestions, name="mine"),
    path("people/<int:pk>/", people.person_suggestions, name="person"),
    path("people/<int:pk>/save/<int:partner>/", people.save_opportunity, name="save"),
    path("idea/", ideas.idea, name="idea"),
    path("events/<slug:slug>/", events.event_suggestions, name="event"),
]
