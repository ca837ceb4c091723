from django.urls import path

from volunteers import views

app_name = "volunteers"

urlpatterns = [
    path("signup/", views.SignupView.as_view(), name="signup"),
    path("signup/done/", views.signup_done, name="signup-done"),
]
