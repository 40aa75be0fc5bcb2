"""The deployment files agree with each other and with `make serve`: no container engine
runs here, so what can be checked is checked — the compose file parses and runs the
image with the same commands as the Dockerfile and scripts/serve."""

from __future__ import annotations

import json
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
SERVE = (ROOT / "scripts" / "serve").read_text()
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def compose() -> dict:
    return yaml.safe_load((ROOT / "compose.yaml").read_text())


def test_compose_has_the_whole_stack():
    services = compose()["services"]

    assert {"web", "worker", "beat", "postgres", "redis", "migrate"} <= set(services)
    for name in ("web", "worker", "beat", "migrate"):
        assert services[name]["image"] == "fitnesspr:latest"
        assert services[name]["environment"]["DATABASE_URL"].startswith("postgres://")
        assert services[name]["environment"]["REDIS_URL"].startswith("redis://")
    assert services["web"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )


def test_the_web_command_is_the_dockerfiles_and_make_serves():
    web = compose()["services"]["web"]["command"]
    cmd = json.loads(re.search(r"^CMD (\[.*\])$", DOCKERFILE, re.MULTILINE).group(1))

    assert web == cmd == ["gunicorn", "--config", "gunicorn.conf.py"]
    assert "gunicorn --config gunicorn.conf.py" in SERVE


def test_the_worker_and_beat_commands_are_make_serves():
    services = compose()["services"]

    assert services["worker"]["command"][:4] == ["celery", "-A", "fitnesspr", "worker"]
    assert services["beat"]["command"][:4] == ["celery", "-A", "fitnesspr", "beat"]
    assert "celery -A fitnesspr worker" in SERVE
    assert "celery -A fitnesspr beat" in SERVE


def test_the_image_runs_production_settings_from_the_lock_file():
    assert "DJANGO_SETTINGS_MODULE=fitnesspr.settings.production" in DOCKERFILE
    assert "uv sync --frozen --no-dev" in DOCKERFILE
    assert "collectstatic --noinput" in DOCKERFILE
    assert "USER fitnesspr" in DOCKERFILE


def test_uploads_live_on_volumes_every_service_shares():
    """Public and private uploads outlive the containers and are the same files for the
    web process and the worker (local-disk mode)."""
    services = compose()["services"]
    env = dict(re.findall(r"^\s+(MEDIA_ROOT|PRIVATE_MEDIA_ROOT)=(\S+)", DOCKERFILE, re.MULTILINE))

    for name in ("web", "worker"):
        mounts = {volume.split(":")[1] for volume in services[name]["volumes"]}
        assert {env["MEDIA_ROOT"], env["PRIVATE_MEDIA_ROOT"]} <= mounts
    assert {"media", "private-media"} <= set(compose()["volumes"])
