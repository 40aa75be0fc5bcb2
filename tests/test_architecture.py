"""The layering rules check themselves: import-linter keeps every contract on the real
tree, and breaks the right one when a forbidden import is added to a copy of it."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import get_type_hints

import pytest

from programs.models import DOSE_FIELDS
from programs.models.library import EXERCISE_FIELDS
from programs.services.builder import Dose
from programs.services.exercises import ExerciseChanges

ROOT = Path(__file__).resolve().parent.parent
APPS = [
    "fitnesspr",
    "trainers",
    "clients",
    "programs",
    "progress",
    "nutrition",
    "billing",
    "portability",
]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(tree: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=tree,
        capture_output=True,
        text=True,
        timeout=120,
        env={"PYTHONPATH": str(tree), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def copy_tree(to: Path) -> Path:
    skip = shutil.ignore_patterns("__pycache__", "*.json", "*.pyc")
    for app in APPS:
        shutil.copytree(ROOT / app, to / app, ignore=skip)
    shutil.copy(ROOT / "pyproject.toml", to / "pyproject.toml")
    return to


def test_the_tree_keeps_every_contract():
    result = lint_imports(ROOT)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "BROKEN" not in result.stdout


@pytest.mark.parametrize(
    ("module", "bad_import", "contract"),
    [
        ("fitnesspr/health.py", "import clients.models", "The core (fitnesspr) imports no"),
        ("trainers/models.py", "import progress.models", "Apps are layered"),
        ("progress/models/body.py", "import portability.models", "Apps are layered"),
        ("billing/services/__init__.py", "import portability.views", "portability pages"),
        ("programs/models/library.py", "import programs.views.builder", "Inside an app"),
        ("progress/views/home.py", "import programs.views.builder", "programs' pages"),
        ("programs/services/builder.py", "import stripe", "Only billing.stripe_gateway"),
    ],
)
def test_a_forbidden_import_breaks_its_contract(tmp_path, module, bad_import, contract):
    tree = copy_tree(tmp_path)
    target = tree / module
    target.write_text(target.read_text() + f"\n{bad_import}  # noqa\n")

    result = lint_imports(tree)

    assert result.returncode != 0
    broken = [line for line in result.stdout.splitlines() if " BROKEN" in line]
    assert len(broken) >= 1
    assert any(contract in line for line in broken), result.stdout


def test_typed_service_arguments_match_the_field_lists():
    assert set(get_type_hints(Dose)) == set(DOSE_FIELDS)
    assert set(get_type_hints(ExerciseChanges)) == set(EXERCISE_FIELDS)


def test_no_file_cites_a_document_outside_the_repository():
    """Every document a file names (README.md, SECURITY.md…) is in the repository: a
    newcomer with only the clone can follow every reference."""
    tracked = subprocess.run(
        ["git", "ls-files", "*.py", "*.md", "*.html", "*.toml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    documents = {Path(name).name for name in tracked if name.endswith(".md")}
    cited = re.compile(r"\b([A-Z][A-Z_]*\.md)\b")
    citing = sorted(
        f"{name}: {document}"
        for name in tracked
        if (ROOT / name).is_file()
        for document in set(cited.findall((ROOT / name).read_text(encoding="utf-8")))
        if document not in documents
    )
    assert citing == []
