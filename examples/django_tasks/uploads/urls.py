from django.urls import path

from . import views

app_name = "uploads"
urlpatterns = [
    path("", views.create_upload, name="create"),
    path("<int:pk>/", views.upload_detail, name="detail"),
]
