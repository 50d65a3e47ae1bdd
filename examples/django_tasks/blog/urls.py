from django.urls import path
from rest_framework.routers import DefaultRouter

from . import views

app_name = "blog"

router = DefaultRouter()
router.register("api/posts", views.PostViewSet, basename="api-post")

urlpatterns = [
    *router.urls,
    path("<slug:slug>/", views.post_detail, name="post-detail"),
]
