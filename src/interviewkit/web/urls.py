from django.contrib import admin
from django.urls import include, path

from .interviews import views as interview_views
from .library import views

urlpatterns = [
    path("", views.home, name="home"),
    path("questions/", views.question_list, name="question_list"),
    path("categories/<slug:category_id>/", views.question_list, name="category"),
    path("search/", views.search, name="search"),
    path("q/<slug:question_id>/", views.question_detail, name="question"),
    path("framework/", interview_views.framework_page, name="framework"),
    path("interviews/", include("interviewkit.web.interviews.urls")),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
]
