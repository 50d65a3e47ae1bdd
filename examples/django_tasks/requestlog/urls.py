from django.urls import path

from . import views

urlpatterns = [
    path("ping/", views.ping),
    path("async-ping/", views.async_ping),
    path("boom/", views.boom),
]
