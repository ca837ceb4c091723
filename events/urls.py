from django.urls import path

from events import views
from events.feeds import NewEventsAtomFeed, NewEventsFeed

app_name = "events"

urlpatterns = [
    path("", views.EventListView.as_view(), name="list"),
    path("month/", views.month_view, name="month-current"),
    path("month/<int:year>/<int:month>/", views.month_view, name="month"),
    path("week/", views.week_view, name="week-current"),
    path("week/<int:year>/<int:week>/", views.week_view, name="week"),
    path("<int:pk>/", views.event_detail, name="detail"),
    path("<int:pk>/event.ics", views.event_ics, name="event-ics"),
    path("feed.ics", views.feed_ics, name="feed-ics"),
    path("feed.rss", NewEventsFeed(), name="feed-rss"),
    path("feed.atom", NewEventsAtomFeed(), name="feed-atom"),
    path("submit/", views.SubmitView.as_view(), name="submit"),
    path("submit/done/", views.submit_done, name="submit-done"),
]
