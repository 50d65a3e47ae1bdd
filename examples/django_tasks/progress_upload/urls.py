from django.urls import path

from . import views

app_name = "progress_upload"
urlpatterns = [
    path("", views.start_upload, name="start"),
    path("<uuid:upload_id>/", views.upload_detail, name="detail"),
]
