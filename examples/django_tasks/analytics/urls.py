from django.urls import path

from . import views

app_name = "analytics"
urlpatterns = [
    path("events/", views.ingest, name="ingest"),
    path("snapshot/", views.snapshot_view, name="snapshot"),
    path("stream/", views.stream, name="stream"),
]
