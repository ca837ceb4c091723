from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("", views.ReportsView.as_view(), name="list"),
    path("progress/", views.progress, name="progress"),
    path("<int:pk>/download/", views.download, name="download"),
]
