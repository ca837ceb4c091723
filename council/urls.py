from django.urls import path

from council import views

app_name = "council"

urlpatterns = [
    path("", views.council_index, name="index"),
    path("resolutions/", views.ResolutionListView.as_view(), name="resolutions"),
    path("resolutions/<int:pk>/", views.resolution_detail, name="resolution"),
    path("resolutions/<int:pk>/pdf/", views.resolution_pdf, name="resolution-pdf"),
]
