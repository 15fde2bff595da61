"""The app's areas depend one way: the kernel below, features above.

An area may import its own modules and any area below it in LAYERS; never an
area above it, and never another area's views (an area talks upward through
consult.signals and consult.hooks instead). Templates follow the same order:
a template includes or imports only templates of its own area or below.
Like the drafts purity test, this reads the code, so a new upward import fails
here before anyone notices it in a review.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# Lowest first. "core" is the modules at the top of consult/ (extensions, config,
# i18n, errors, hooks, signals, permissions …); "app" is consult/__init__.py, the
# factory that wires every area together, above them all.
LAYERS = (
    "core",
    "audit",
    "accounts",
    "policies",
    "redline",
    "drafting",
    "comments",
    "moderation",
    "translating",
    "api",
    "demo",
    "backup",
    "app",
)
RANK = {area: rank for rank, area in enumerate(LAYERS)}
TEMPLATE_REFERENCE = re.compile(r"{%-?\s*(?:include|import|from|extends)\s+[\"']([^\"'/]+)/")


@dataclass(frozen=True)
class Violation:
    path: str
    line: int
    imported: str
    rule: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} imports {self.imported} ({self.rule})"


def area_of_module(module: str) -> str | None:
    """The area a dotted module name belongs to; None outside consult."""
    parts = module.split(".")
    if parts[0] != "consult":
        return None
    if len(parts) == 1:
        return "app"
    return parts[1] if parts[1] in RANK else "core"


def area_of_path(package_root: Path, path: Path) -> str:
    relative = path.relative_to(package_root).parts
    if len(relative) == 1:
        return "app" if relative[0] == "__init__.py" else "core"
    return relative[0]


def is_type_checking_block(node: ast.AST) -> bool:
    return isinstance(node, ast.If) and ast.unparse(node.test).endswith("TYPE_CHECKING")


def imported_modules(tree: ast.AST) -> list[tuple[int, str]]:
    """Every module an import names (`from consult import hooks` names consult.hooks);
    imports that only serve type checkers do not count."""
    found: list[tuple[int, str]] = []
    pending = [tree]
    while pending:
        node = pending.pop()
        if is_type_checking_block(node):
            continue
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
        pending.extend(ast.iter_child_nodes(node))
    return found


def import_violation(area: str, module: str) -> str | None:
    imported_area = area_of_module(module)
    if imported_area is None or imported_area == area:
        return None
    if RANK[imported_area] > RANK[area]:
        return f"{area} sits below {imported_area}"
    if area != "app" and any(part.endswith("views") for part in module.split(".")[2:]):
        return f"another area's views ({imported_area})"
    return None


def code_violations(package_root: Path) -> list[Violation]:
    violations = []
    for path in sorted(package_root.rglob("*.py")):
        area = area_of_path(package_root, path)
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for line, module in imported_modules(tree):
            rule = import_violation(area, module)
            if rule:
                violations.append(
                    Violation(str(path.relative_to(package_root)), line, module, rule)
                )
    return violations


def template_violations(package_root: Path) -> list[Violation]:
    violations = []
    for path in sorted(package_root.rglob("templates/**/*.html")):
        area = area_of_path(package_root, path)
        for line, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for folder in TEMPLATE_REFERENCE.findall(text):
                if RANK.get(folder, 0) > RANK[area]:
                    rule = f"{area} templates sit below {folder}"
                    where = str(path.relative_to(package_root))
                    violations.append(Violation(where, line, f"{folder}/…", rule))
    return violations


def test_every_area_of_consult_is_in_the_table() -> None:
    packages = {path.parent.name for path in (ROOT / "consult").glob("*/__init__.py")}
    assert packages <= set(LAYERS), f"add {sorted(packages - set(LAYERS))} to LAYERS"


def test_no_area_imports_an_area_above_it_or_another_areas_views() -> None:
    assert code_violations(ROOT / "consult") == []


def test_no_template_includes_a_template_of_an_area_above_it() -> None:
    assert template_violations(ROOT / "consult") == []


def test_the_kernel_and_lower_areas_import_no_feature() -> None:
    lower = ("policies", "accounts", "audit", "redline")
    features = ("comments", "translating", "drafting", "moderation", "api", "demo")
    for path in sorted((ROOT / "consult").rglob("*.py")):
        if area_of_path(ROOT / "consult", path) not in lower:
            continue
        for line, module in imported_modules(ast.parse(path.read_text(encoding="utf-8"))):
            assert area_of_module(module) not in features, f"{path}:{line} imports {module}"


def write(root: Path, relative: str, text: str) -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


@pytest.fixture
def fixture_tree(tmp_path: Path) -> Path:
    """A small consult/ tree that follows every rule."""
    root = tmp_path / "consult"
    write(root, "__init__.py", "from consult.comments import register\n")
    write(root, "hooks.py", "")
    write(root, "policies/__init__.py", "")
    write(root, "policies/services.py", "from consult import hooks\n")
    write(root, "comments/__init__.py", "")
    write(root, "comments/views.py", "from consult.policies.services import find_policy\n")
    write(root, "comments/templates/comments/page.html", '{% include "policies/_part.html" %}\n')
    write(root, "policies/templates/policies/_part.html", "")
    return root


def test_a_tree_that_follows_the_rules_passes(fixture_tree: Path) -> None:
    assert code_violations(fixture_tree) == []
    assert template_violations(fixture_tree) == []


@pytest.mark.parametrize(
    ("relative", "text", "rule"),
    [
        ("policies/bad.py", "from consult.comments.models import Comment\n", "below comments"),
        ("policies/lazy.py", "def f():\n    import consult.drafting.services\n", "below drafting"),
        ("comments/bad.py", "from consult.policies import views\n", "views"),
        ("moderation/bad.py", "from consult.comments.views import bp\n", "views"),
        ("audit/bad.py", "from consult.accounts.models import User\n", "below accounts"),
        ("hooks.py", "from consult.policies.models import Policy\n", "core sits below"),
    ],
)
def test_an_upward_import_fails(fixture_tree: Path, relative: str, text: str, rule: str) -> None:
    write(fixture_tree, relative, text)
    violations = code_violations(fixture_tree)
    assert len(violations) == 1 and rule in str(violations[0]), violations


def test_a_typing_only_import_does_not_count(fixture_tree: Path) -> None:
    typing_only = "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    import consult.api\n"
    write(fixture_tree, "policies/typed.py", typing_only)
    assert code_violations(fixture_tree) == []


def test_an_upward_include_fails(fixture_tree: Path) -> None:
    write(fixture_tree, "policies/templates/policies/page.html", '{% include "comments/x.html" %}')
    violations = template_violations(fixture_tree)
    assert len(violations) == 1 and "below comments" in str(violations[0])
