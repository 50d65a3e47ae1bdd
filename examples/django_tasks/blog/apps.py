from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing the module connects its @receiver functions; dispatch_uid
        # keeps them from being connected twice if ready() runs again.
        from . import signals  # noqa: F401
