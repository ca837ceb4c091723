from django.db import migrations

from volunteers.initial_consent import ensure_initial_consent_text


def create_text(apps, schema_editor):
    ensure_initial_consent_text(apps.get_model("volunteers", "ConsentText"))


class Migration(migrations.Migration):
    dependencies = [("volunteers", "0001_initial")]

    operations = [migrations.RunPython(create_text, migrations.RunPython.noop)]
