#!/usr/bin/env python
"""Django's command-line utility for the Silver Centre portal."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "silvercentre.settings")
    # A command run without production secrets is a developer's, so it gets development mode.
    # Serving processes (wsgi, asgi, the Celery worker and beat) never get this default: without
    # SECRET_KEY they refuse to start unless DEBUG is switched on explicitly.
    if not os.environ.get("SECRET_KEY"):
        os.environ.setdefault("DEBUG", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
