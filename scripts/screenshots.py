"""Screenshot pages of a running portal at phone and desktop widths: `screenshots.py BASE OUT PATH...`.

Uses Debian's Chromium through Playwright (no browser download). A path of the form `signup-errors`
submits the signup form with wrong input first, to see the messages as a person would.
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"]


def main() -> None:
    base, out, paths = sys.argv[1].rstrip("/"), Path(sys.argv[2]), sys.argv[3:]
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for width in (390, 1280):
            page = browser.new_page(viewport={"width": width, "height": 900})
            for path in paths:
                name = path.strip("/").replace("/", "_") or "home"
                if path == "signup-errors":
                    page.goto(base + "/volunteers/signup/")
                    page.fill("#id_last_name", "Иванова")
                    page.fill("#id_date_of_birth", "01.01.1990")
                    page.fill("#id_phone", "12-34")
                    page.click("button[type=submit].button-primary")
                elif path == "a11y":
                    page.goto(base + "/")
                    page.click(".a11y-switch button")
                else:
                    page.goto(base + path)
                page.screenshot(path=str(out / f"{name}-{width}.png"), full_page=True)
            page.close()
        browser.close()


if __name__ == "__main__":
    main()
