"""Refresh the Russian catalogues from the source (needs GNU gettext); then translate what is new."""

from django.core.management import call_command
from django.core.management.base import BaseCommand

# Never scanned: installed packages, runtime files, tests (their strings are not shown to anyone).
IGNORED = [".venv/*", "var/*", "tests/*", "scripts/*", "node_modules/*", "build/*"]


class Command(BaseCommand):
    help = "Run makemessages for Russian over the project, one catalogue per app plus locale/ for the rest."

    def handle(self, *args: object, **options: object) -> None:
        call_command("makemessages", locale=["ru"], no_location=True, ignore_patterns=IGNORED, verbosity=0)
