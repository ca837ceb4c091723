"""Fixtures of the projects tests: files go to a temporary folder, never to the shared var/."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _private_files_in_tmp(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.MEDIA_ROOT = tmp_path / "media"
