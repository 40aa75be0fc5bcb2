"""Browser tests: Playwright driving Debian's Chromium (never a downloaded browser).

Without Chromium they skip with a reason; in CI (CI=true) a missing browser is a failure,
because .ci/run installs it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH") or shutil.which("chromium") or "/usr/bin/chromium"
ARTIFACTS = Path(
    os.environ.get("TEST_ARTIFACTS", Path(__file__).resolve().parents[2] / "test-artifacts")
)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # In CI the tests run regardless, so a missing browser fails them loudly.
    if Path(CHROMIUM).exists() or os.environ.get("CI"):
        return
    reason = f"Chromium not found at {CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)"
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.skip(reason=reason))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def screenshots(request: pytest.FixtureRequest) -> Path:
    """A folder for this test's step-by-step screenshots; its path is printed."""
    folder = ARTIFACTS / "screenshots" / request.node.name
    folder.mkdir(parents=True, exist_ok=True)
    print(f"\nScreenshots: {folder}")
    return folder


@pytest.fixture(autouse=True)
def _close_what_the_test_left_open(browser: Any) -> Any:
    """A window a test leaves open keeps the keyboard focus from the next test's pages
    (nothing there could be focused): close every context after each test."""
    yield
    for context in list(browser.contexts):
        context.close()
