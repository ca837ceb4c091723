"""The calendar's vocabularies: categories (with the patriotic flag), formats and target audiences."""

from django.db import migrations

from events.initial_vocabularies import ensure_vocabularies


def create(apps, schema_editor):
    ensure_vocabularies(
        apps.get_model("events", "Category"),
        apps.get_model("events", "EventFormat"),
        apps.get_model("events", "Audience"),
    )


class Migration(migrations.Migration):
    dependencies = [("events", "0001_initial")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
