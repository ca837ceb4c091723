from allauth.account.adapter import DefaultAccountAdapter
from django.http import HttpRequest


class StaffOnlyAccountAdapter(DefaultAccountAdapter):
    """Accounts are for staff and are created by an administrator, never by self-registration."""

    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return False
