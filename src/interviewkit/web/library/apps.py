from django.apps import AppConfig


class LibraryConfig(AppConfig):
    """The answer bank as the site shows it: categories, questions, search."""

    name = "interviewkit.web.library"
    label = "library"
    verbose_name = "Answer bank"
