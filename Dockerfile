# FitnessPr for self-hosters: one image for the web process, the Celery worker and beat
# (compose.yaml runs all three, with PostgreSQL and Redis). Configure it with the
# variables in README.md; SECRET_KEY, DATABASE_URL, REDIS_URL and ALLOWED_HOSTS at least.
FROM python:3.12-slim-bookworm

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    UV_PROJECT_ENVIRONMENT=/app/.venv \
    PATH="/app/.venv/bin:$PATH"

# WeasyPrint (PDF reports and invoices) needs Pango; pg_dump/pg_restore for scripts/backup.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libfontconfig1 fonts-dejavu-core \
        postgresql-client \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app
RUN pip install --no-cache-dir "uv==0.13.8"
COPY pyproject.toml uv.lock ./
RUN uv sync --frozen --no-dev --no-install-project
COPY . .
# Static files are hashed and compressed once, at build time; whitenoise serves them.
RUN DJANGO_SETTINGS_MODULE=fitnesspr.settings.base DEBUG=false \
    python manage.py collectstatic --noinput

RUN useradd --create-home --uid 10001 fitnesspr \
    && mkdir -p /app/media /app/private-media \
    && chown -R fitnesspr /app/media /app/private-media
USER fitnesspr

ENV DJANGO_SETTINGS_MODULE=fitnesspr.settings.production \
    MEDIA_ROOT=/app/media \
    PRIVATE_MEDIA_ROOT=/app/private-media \
    PORT=8000
EXPOSE 8000
# The web process; compose.yaml runs the same image as the worker and beat with
# `celery -A fitnesspr worker` and `celery -A fitnesspr beat` (as `make serve` does).
CMD ["gunicorn", "--config", "gunicorn.conf.py"]
