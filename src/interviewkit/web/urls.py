from django.contrib import admin
from django.urls import path

from .library import views

urlpatterns = [
    path("", views.home, name="home"),
    path("questions/", views.question_list, name="question_list"),
    path("categories/<slug:category_id>/", views.question_list, name="category"),
    path("search/", views.search, name="search"),
    path("q/<slug:question_id>/", views.question_detail, name="question"),
    path("admin/", admin.site.urls),
]
