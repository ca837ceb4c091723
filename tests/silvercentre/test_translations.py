"""The Russian catalogue is complete and in step with the source."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest

from silvercentre.management.commands.compile_translations import catalogue_dirs

ROOT = Path(__file__).resolve().parents[2]
PLACEHOLDER = re.compile(r"%\((\w+)\)[sd]")


def _catalogues(base: Path) -> dict[str, polib.POFile]:
    found = {}
    for locale_dir in catalogue_dirs():
        for path in Path(locale_dir).glob("ru/LC_MESSAGES/django.po"):
            rel = path.relative_to(ROOT)
            found[str(rel)] = polib.pofile(str(base / rel))
    return found


def test_every_russian_entry_is_translated_and_none_is_fuzzy():
    catalogues = _catalogues(ROOT)
    assert "locale/ru/LC_MESSAGES/django.po" in catalogues
    assert "volunteers/locale/ru/LC_MESSAGES/django.po" in catalogues
    for name, po in catalogues.items():
        assert po.untranslated_entries() == [], name
        assert po.fuzzy_entries() == [], name
        for entry in po.translated_entries():
            # Every named placeholder of the source is kept in each translation.
            wanted = set(PLACEHOLDER.findall(entry.msgid))
            translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
            for text in translations:
                assert wanted <= set(PLACEHOLDER.findall(text)), (name, entry.msgid)


@pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext is not installed")
def test_catalogues_contain_every_string_of_the_source(tmp_path):
    copy = tmp_path / "src"
    shutil.copytree(
        ROOT, copy, ignore=shutil.ignore_patterns(".venv", "var", ".git", "__pycache__", "*.mo", ".*_cache")
    )
    env = {**os.environ, "DEBUG": "1", "DJANGO_SETTINGS_MODULE": "silvercentre.settings"}
    env.pop("DATABASE_URL", None)
    subprocess.run(
        [sys.executable, "manage.py", "make_catalogues"],
        cwd=copy,
        env=env,
        check=True,
        timeout=300,
        capture_output=True,
    )
    fresh = _catalogues(copy)
    committed = _catalogues(ROOT)
    assert set(fresh) == set(committed)
    for name, po in fresh.items():
        wanted = {(e.msgctxt, e.msgid) for e in po if not e.obsolete}
        have = {(e.msgctxt, e.msgid) for e in committed[name] if not e.obsolete}
        assert wanted - have == set(), f"{name}: run `make messages` and translate the new strings"
