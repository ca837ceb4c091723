"""Load demo data for Sevastopol; safe to run again (nothing is duplicated)."""

import logging

from django.core.management.base import BaseCommand
from django.db import transaction

from council import demo as council_demo
from events import demo as events_demo
from projects import demo as projects_demo
from volunteers import demo as volunteers_demo

# Each app's demo module, in layer order: later ones link to what earlier ones created.
DEMO_MODULES = [
    ("volunteers", volunteers_demo),
    ("projects", projects_demo),
    ("events", events_demo),
    ("council", council_demo),
]


class Command(BaseCommand):
    help = "Load idempotent demo data: volunteers, organisations, projects, events and the council."

    def handle(self, *args: object, **options: object) -> None:
        # The services log every write; a demo load of hundreds of rows need not.
        logging.disable(logging.INFO)
        for label, module in DEMO_MODULES:
            with transaction.atomic():
                counts = module.seed()
            summary = ", ".join(f"{key}={value}" for key, value in counts.items())
            self.stdout.write(f"  {label}: {summary}")
        self.stdout.write(self.style.SUCCESS("demo data is in place"))
