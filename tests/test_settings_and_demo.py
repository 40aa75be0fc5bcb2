import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from clients.models import Client
from clients.services import client_pin_login
from fitnesspr.models import User
from programs.models import PrescribedExercise
from progress.models import SetLog

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "k3Jx9-vQ2mZ8pL7wR4tY6uI1oP0aS5dF3gH8jK2lZ9xC7vB4nM6qW1eR5tY"


SHARED_STATE = """
import json, django
from django.conf import settings
django.setup()
print(json.dumps({
    "cache": settings.CACHES["default"]["BACKEND"],
    "sessions": settings.SESSION_ENGINE,
    "apps": settings.INSTALLED_APPS,
    "eager": settings.CELERY_TASK_ALWAYS_EAGER,
    "static": settings.STORAGES["staticfiles"]["BACKEND"],
}))
"""


def _boot_production(
    *, code: str = "import django; django.setup()", **env: str
) -> subprocess.CompletedProcess[str]:
    unset = {"DEBUG", "SECRET_KEY", "JWT_SIGNING_KEY", "REDIS_URL"}
    environment = {k: v for k, v in os.environ.items() if k not in unset}
    environment.update(
        DJANGO_SETTINGS_MODULE="fitnesspr.settings.production",
        REDIS_URL="redis://127.0.0.1:6379/6",
    )
    environment.update(env)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize(
    ("env", "complaint"),
    [
        ({"DEBUG": "true", "SECRET_KEY": STRONG_KEY}, "DEBUG"),
        ({"DEBUG": "false"}, "SECRET_KEY"),
        ({"DEBUG": "false", "SECRET_KEY": "short-key"}, "SECRET_KEY"),
        ({"DEBUG": "false", "SECRET_KEY": "a" * 60}, "SECRET_KEY"),
        ({"DEBUG": "false", "SECRET_KEY": STRONG_KEY, "JWT_SIGNING_KEY": "changeme"}, "JWT"),
        ({"DEBUG": "false", "SECRET_KEY": STRONG_KEY, "JWT_SIGNING_KEY": "x" * 64}, "JWT"),
        ({"DEBUG": "false", "SECRET_KEY": STRONG_KEY, "REDIS_URL": ""}, "REDIS_URL"),
    ],
)
def test_production_refuses_unsafe_settings(env, complaint):
    result = _boot_production(**env)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert complaint in result.stderr


def test_production_starts_with_safe_settings():
    result = _boot_production(DEBUG="false", SECRET_KEY=STRONG_KEY)
    assert result.returncode == 0, result.stderr


def test_production_keeps_shared_state_in_postgresql_or_redis():
    """Sessions and the JWT blacklist in the database (sessions read through Redis);
    throttles, per-IP limits and the cache in Redis; tasks on the broker — never one
    process's memory."""
    result = _boot_production(code=SHARED_STATE, DEBUG="false", SECRET_KEY=STRONG_KEY)
    assert result.returncode == 0, result.stderr
    state = json.loads(result.stdout)

    assert state["cache"] == "fitnesspr.cache.RedisCache"  # Django's, one client per server
    assert state["sessions"] == "django.contrib.sessions.backends.cached_db"
    assert "rest_framework_simplejwt.token_blacklist" in state["apps"]
    assert state["eager"] is False
    # and static files hashed and compressed, served by whitenoise
    assert state["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


@pytest.mark.django_db
def test_seed_demo_is_idempotent_and_prints_working_logins(capsys):
    call_command("seed_demo")
    call_command("seed_demo")
    out = capsys.readouterr().out.split("Demo data ready")[-1]
    assert User.objects.filter(role="trainer").count() == 1
    assert Client.objects.count() >= 3

    labelled = [line.split() for line in out.splitlines()]
    values = [words[1] for words in labelled if words[:1] in (["email"], ["password"], ["PIN"])]
    trainer_email, trainer_password, client_email, pin, staff_email, staff_password = values
    assert User.objects.get(email=trainer_email).check_password(trainer_password)
    assert client_pin_login(email=client_email, pin=pin) is not None
    # a program to look at, assigned, with a week of workouts logged by the first client
    anna = Client.objects.get(user__email=client_email)
    assert anna.program_assignments.filter(status="active").exists()
    assert anna.workout_logs.filter(status="completed").count() == 3
    assert Client.objects.filter(program_assignments__status="active").count() == 2
    # core and carry work is timed, and logged as time
    timed = PrescribedExercise.objects.filter(day__program__client=anna, day__week=1)
    doses = {(p.exercise.name, p.sets, p.reps_min, p.duration_seconds) for p in timed}
    assert {("Front Plank", 3, None, 30), ("Farmer's Carry", 3, None, 40)} <= doses
    plank_sets = SetLog.objects.filter(workout_log__client=anna, exercise__name="Front Plank")
    assert set(plank_sets.values_list("duration_seconds", "reps")) == {(30, None)}
    staff = User.objects.get(email=staff_email)
    assert staff.is_superuser
    assert staff.check_password(staff_password)
