from django.urls import path

from . import views

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("candidates/new/", views.candidate_create, name="candidate_create"),
    path("candidates/<int:pk>/", views.candidate_detail, name="candidate"),
    path("candidates/<int:pk>/report/", views.candidate_report, name="candidate_report"),
    path("candidates/<int:pk>/report.pdf", views.candidate_report_pdf, name="candidate_report_pdf"),
    path("<int:pk>/", views.interview_detail, name="interview"),
    path("<int:pk>/conduct/", views.interview_conduct, name="interview_conduct"),
    path("<int:pk>/scorecard/", views.scorecard_edit, name="scorecard_edit"),
    path("<int:pk>/items/<int:item_pk>/alternatives/", views.plan_item_alternatives, name="plan_item_alternatives"),
    path("<int:pk>/items/<int:item_pk>/swap/", views.plan_item_swap, name="plan_item_swap"),
    path("<int:pk>/items/<int:item_pk>/notes/", views.plan_item_notes, name="plan_item_notes"),
    path("scorecards/<int:pk>/", views.scorecard_detail, name="scorecard"),
    path("scorecards/<int:pk>/reopen/", views.scorecard_reopen, name="scorecard_reopen"),
]
