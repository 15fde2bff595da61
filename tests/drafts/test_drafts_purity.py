"""drafts/ stays a pure library: no web framework, database or translation imports."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
from pathlib import Path

import drafts

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "drafts"
FORBIDDEN = ("flask", "flask_", "sqlalchemy", "babel")

# Runs in a fresh interpreter: this test process has the app's conftest loaded,
# which imports Flask and SQLAlchemy itself.
PROBE = """
import importlib, json, pkgutil, sys
import drafts
names = [m.name for m in pkgutil.walk_packages(drafts.__path__, "drafts.")]
for name in names:
    importlib.import_module(name)
forbidden = sorted(
    m for m in sys.modules
    if m.split(".")[0] in {"flask", "sqlalchemy", "babel"} or m.startswith("flask_")
)
assert not forbidden, forbidden
print(json.dumps(names))
"""


def test_importing_every_drafts_module_loads_no_forbidden_package() -> None:
    environment = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    imported = set(json.loads(result.stdout))
    expected = {f"drafts.{path.stem}" for path in PACKAGE.glob("*.py") if path.stem != "__init__"}
    assert expected <= imported


def _imported_roots(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


def test_no_module_even_mentions_a_forbidden_import() -> None:
    for path in PACKAGE.glob("*.py"):
        bad = {
            root for root in _imported_roots(path) if root == "babel" or root.startswith(FORBIDDEN)
        }
        assert not bad, f"{path.name} imports {sorted(bad)}"


def test_public_api_is_exported() -> None:
    for name in drafts.__all__:
        assert getattr(drafts, name) is not None
    assert {"parse_document", "align", "render_markdown", "normalise", "Clause", "Document"} <= set(
        drafts.__all__
    )
