from django.urls import path

from . import views

app_name = "csv_import"
urlpatterns = [
    path("", views.upload_csv, name="upload"),
    path("<uuid:job_id>/", views.job_status, name="status"),
]
