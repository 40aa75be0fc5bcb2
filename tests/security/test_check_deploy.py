"""`manage.py check --deploy` with production settings and strong values reports nothing
but the warnings SECURITY.md explains."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
STRONG_KEY = "k3Jx9-vQ2mZ8pL7wR4tY6uI1oP0aS5dF3gH8jK2lZ9xC7vB4nM6qW1eR5tY"
EXPLAINED = {"security.W021"}


def test_check_deploy_reports_only_what_security_md_explains():
    keep = {"PATH", "HOME", "LANG", "VIRTUAL_ENV"}
    environment = {k: v for k, v in os.environ.items() if k in keep}
    environment.update(
        DJANGO_SETTINGS_MODULE="fitnesspr.settings.production",
        DEBUG="false",
        SECRET_KEY=STRONG_KEY,
        ALLOWED_HOSTS="app.example.com",
        EMAIL_URL="smtp+tls://mailer:password@smtp.example.com:587",
        REDIS_URL="redis://127.0.0.1:6379/0",  # production refuses to start without it
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "CRITICAL"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    reported = set(re.findall(r"\(([a-z_]+\.[EW]\d{3})\)", result.stdout + result.stderr))
    assert reported == EXPLAINED
    security_md = (ROOT / "SECURITY.md").read_text()
    for check_id in reported:
        assert check_id in security_md
