from django.apps import AppConfig


class InterviewsConfig(AppConfig):
    """Interviewers: candidates, planned interviews, scorecards and panel decisions."""

    name = "interviewkit.web.interviews"
    label = "interviews"
    verbose_name = "Interviews"
