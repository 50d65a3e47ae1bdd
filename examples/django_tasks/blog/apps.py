from django.apps import AppConfig


class BlogConfig(AppConfig):
    name = "blog"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Importing the module connects its @receiver functions. dispatch_uid keeps a second
        # copy of them out if the module is ever imported under another name.
        from . import signals  # noqa: F401
