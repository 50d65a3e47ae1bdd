"""URLs of the code-quality examples: each reviewed module is mounted beside its original."""
from django.urls import include, path

app_name = "quality"
urlpatterns = [
    path("docs-before/", include("quality.security_before")),
    path("docs/", include("quality.security_after")),
    path("api-before/", include("quality.api_before")),
    path("api/v1/", include("quality.api_after")),
]
