from allauth.account.forms import LoginForm
from django.utils.translation import gettext_lazy as _


class StaffLoginForm(LoginForm):
    """allauth's sign-in form with a label that says what to type, not "Login"."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self.fields["login"].label = _("Username or e-mail")
        # The template offers its own "Forgot your password?" link below the form.
        self.fields["password"].help_text = ""
