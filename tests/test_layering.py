"""Apps form layers: an app imports only from the layers below it, never sideways or up (DESIGN.md)."""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# app -> apps it must never import
FORBIDDEN = {
    "volunteers": {"projects", "events", "council", "reports"},
    "projects": {"events", "council", "reports"},
    "events": {"council", "reports"},
    "council": {"events", "reports"},
    "reports": set(),
}


def _imported_top_level_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _string_model_references(path: Path) -> set[str]:
    """App labels named in lazy references such as ForeignKey("council.Resolution")."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    labels = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            parts = node.value.split(".")
            if len(parts) == 2 and parts[0] in FORBIDDEN and parts[1][:1].isupper():
                labels.add(parts[0])
    return labels


@pytest.mark.parametrize("app", sorted(FORBIDDEN))
def test_app_never_imports_upwards_or_sideways(app):
    offenders = []
    for path in sorted((ROOT / app).rglob("*.py")):
        if "migrations" in path.parts:
            continue
        bad = (_imported_top_level_modules(path) | _string_model_references(path)) & FORBIDDEN[app]
        if bad:
            offenders.append(f"{path.relative_to(ROOT)} imports {sorted(bad)}")
    assert offenders == []
