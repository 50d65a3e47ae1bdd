from django.apps import AppConfig


class ApiCacheConfig(AppConfig):
    name = "api_cache"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401  (connects the invalidation receivers)
