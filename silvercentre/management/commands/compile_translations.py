"""Compile every .po catalogue of the project to .mo, with or without GNU gettext installed."""

from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Compile the project's translation catalogues (pure Python; no msgfmt needed)."

    def handle(self, *args: object, **options: object) -> None:
        compiled = 0
        for locale_dir in catalogue_dirs():
            for po_path in sorted(Path(locale_dir).glob("*/LC_MESSAGES/*.po")):
                catalogue = polib.pofile(str(po_path))
                catalogue.save_as_mofile(str(po_path.with_suffix(".mo")))
                compiled += 1
                self.stdout.write(f"{po_path}: {catalogue.percent_translated()}% translated")
        self.stdout.write(self.style.SUCCESS(f"compiled {compiled} catalogue(s)"))


def catalogue_dirs() -> list[Path]:
    """Return the project's locale folders: LOCALE_PATHS and the locale/ of each of the project's apps."""
    base = Path(settings.BASE_DIR).resolve()
    dirs = [Path(p).resolve() for p in settings.LOCALE_PATHS]
    for config in apps.get_app_configs():
        app_dir = Path(config.path).resolve()
        if app_dir.parent == base and (app_dir / "locale").is_dir():
            dirs.append(app_dir / "locale")
    return dirs
