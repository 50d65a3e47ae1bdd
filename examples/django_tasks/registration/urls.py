from django.urls import path

from . import views

app_name = "registration"
urlpatterns = [
    path("register/", views.RegisterView.as_view(), name="register"),
    path("verify/", views.VerifyEmailView.as_view(), name="verify-email"),
    path("resend/", views.ResendVerificationView.as_view(), name="resend-verification"),
]
