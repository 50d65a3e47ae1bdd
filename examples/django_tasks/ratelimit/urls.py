from django.urls import path

from . import views

urlpatterns = [
    path("search/", views.search),
    path("quote/", views.QuoteView.as_view()),
    path("send-code/", views.send_code),
]
