from django.conf import settings
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _
from django.views.generic import RedirectView

from silvercentre import views

admin.site.site_header = _("Silver Centre: administration")
admin.site.site_title = _("Silver Centre")
admin.site.index_title = _("Registry and council")

urlpatterns = [
    path("", views.home, name="home"),
    path("privacy/", views.privacy, name="privacy"),
    path("privacy/v<int:version>/", views.privacy, name="privacy-version"),
    path("healthz/", views.healthz, name="healthz"),
    path("a11y/", views.a11y_toggle, name="a11y-toggle"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("volunteers/", include("volunteers.urls")),
    path("projects/", include("projects.urls")),
    path("reports/", include("reports.urls")),
    path("events/", include("events.urls")),
    path("council/", include("council.urls")),
    # Staff sign in through allauth; the admin's own login page forwards there, keeping ?next=.
    path("admin/login/", RedirectView.as_view(pattern_name="account_login", query_string=True)),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
]

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)
