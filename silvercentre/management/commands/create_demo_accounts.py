"""Create the demo staff accounts (a coordinator and a council secretary) and print their logins."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction

from silvercentre.roles import COORDINATORS, SECRETARIES

DEMO_ACCOUNTS = [
    # username, password, e-mail, role, first name, last name
    ("coordinator", "serebro-koordinator-2026", "coordinator@example.org", COORDINATORS, "Ольга", "Смирнова"),
    ("secretary", "serebro-sekretar-2026", "secretary@example.org", SECRETARIES, "Ирина", "Новикова"),
]


class Command(BaseCommand):
    help = "Create or refresh the demo coordinator and secretary accounts (for the embedded demo only)."

    @transaction.atomic
    def handle(self, *args: object, **options: object) -> None:
        User = get_user_model()
        for username, password, email, role, first, last in DEMO_ACCOUNTS:
            user, created = User.objects.get_or_create(
                username=username,
                defaults={"email": email, "first_name": first, "last_name": last, "is_staff": True},
            )
            if created:
                user.set_password(password)
                user.save()
            user.groups.add(Group.objects.get(name=role))
            self.stdout.write(f"  {role}: login «{username}», password «{password}»")
