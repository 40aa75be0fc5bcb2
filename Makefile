# The two commands a newcomer needs: `make run` and `make test`.
SHELL := /bin/sh
PORT ?= 8000
# `PORT=9000 make run` and `make run PORT=9000` both reach manage.py: the printed links
# and SITE_URL (emails) follow it.
export PORT
VENV := .venv
PY := $(VENV)/bin/python
UV_VERSION := 0.13.8

.PHONY: run serve test install lint format typecheck imports pytest migrate demo worker beat clean bench

$(VENV)/.installed: pyproject.toml uv.lock
	@test -x $(PY) || "$$(scripts/find-python)" -m venv $(VENV)
	@$(PY) -m pip install --quiet --disable-pip-version-check "uv==$(UV_VERSION)"
	@$(VENV)/bin/uv sync --frozen --inexact --python $(PY)
	@touch $@

install: $(VENV)/.installed

migrate: install
	$(PY) manage.py migrate --noinput

demo: migrate
	$(PY) manage.py seed_demo

run: demo
	@echo "Serving on http://127.0.0.1:$(PORT)"
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

lint: install
	$(VENV)/bin/ruff format --check .
	$(VENV)/bin/ruff check .

format: install
	$(VENV)/bin/ruff format .
	$(VENV)/bin/ruff check --fix .

typecheck: install
	$(VENV)/bin/mypy .

imports: install
	$(VENV)/bin/lint-imports --no-cache

pytest: install
	$(PY) manage.py makemigrations --check --dry-run --settings=fitnesspr.settings.test
	$(VENV)/bin/pytest

test: lint typecheck imports pytest

# The production stack (gunicorn + Celery worker + beat) against DATABASE_URL/REDIS_URL.
serve: install
	scripts/serve

# Benchmark: the production stack under load, endpoint by endpoint, on the large dataset
# (wrk, or benchmarks/loadgen.py where wrk is missing; benchmarks/README.md).
# DATABASE_URL/REDIS_URL, else this machine's fitnesspr_bench and Redis db 5; BENCH_ARGS="--only API".
bench: install
	$(PY) benchmarks/run.py $(BENCH_ARGS)

# Both need REDIS_URL (and the same DATABASE_URL as the web process).
worker: install
	$(VENV)/bin/celery -A fitnesspr worker -l info

# Beat keeps when each job last ran in a file: var/ is git-ignored.
BEAT_SCHEDULE_FILE ?= var/celerybeat-schedule
beat: install
	@mkdir -p "$$(dirname $(BEAT_SCHEDULE_FILE))"
	$(VENV)/bin/celery -A fitnesspr beat -l info --schedule=$(BEAT_SCHEDULE_FILE)

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache var
