"""scripts/backup and scripts/restore: a dump of the database restores into an empty
database with the data in it (PostgreSQL only; CI runs it)."""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

import psycopg
import pytest
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def _url(name: str) -> str:
    db = connection.settings_dict
    password = f":{db['PASSWORD']}" if db["PASSWORD"] else ""
    host = db["HOST"] or "127.0.0.1"
    return f"postgres://{db['USER']}{password}@{host}:{db['PORT'] or 5432}/{name}"


@pytest.fixture
def postgres(transactional_db: None) -> None:
    if connection.vendor != "postgresql":
        if os.environ.get("CI"):
            pytest.fail("CI must run the backup test on PostgreSQL")
        pytest.skip("needs PostgreSQL (DATABASE_URL)")


@pytest.fixture
def empty_database(postgres: None) -> str:
    name = f"fitnesspr_restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield name
    with psycopg.connect(_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def run(script: str, *args: str, database: str, media: Path, private: Path) -> str:
    env = {
        **os.environ,
        "DATABASE_URL": _url(database),
        "MEDIA_ROOT": str(media),
        "PRIVATE_MEDIA_ROOT": str(private),
    }
    env.pop("MEDIA_STORAGE", None)
    env.pop("AWS_STORAGE_BUCKET_NAME", None)
    result = subprocess.run(
        [str(ROOT / "scripts" / script), *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_a_backup_restores_into_an_empty_database(empty_database, tmp_path, trainer, client_):
    media = tmp_path / "media"
    (media / "progress").mkdir(parents=True)
    (media / "progress" / "photo.jpg").write_bytes(b"not really a jpeg")
    private = tmp_path / "private-media"
    (private / "progress").mkdir(parents=True)
    (private / "progress" / "front.jpg").write_bytes(b"a private photo")

    dump = run(
        "backup",
        str(tmp_path / "backups"),
        database=connection.settings_dict["NAME"],
        media=media,
        private=private,
    )
    archives = sorted((tmp_path / "backups").glob("fitnesspr-media-*.tar.gz"))
    private_archives = sorted((tmp_path / "backups").glob("fitnesspr-private-media-*.tar.gz"))
    restored_media = tmp_path / "restored-media"
    restored_private = tmp_path / "restored-private"
    run(
        "restore",
        dump,
        str(archives[0]),
        str(private_archives[0]),
        database=empty_database,
        media=restored_media,
        private=restored_private,
    )

    with psycopg.connect(_url(empty_database)) as restored:
        businesses = restored.execute("SELECT business_name FROM trainers_trainer").fetchall()
        emails = restored.execute(
            "SELECT u.email FROM clients_client c JOIN fitnesspr_user u ON u.id = c.user_id"
        ).fetchall()
        migrations = restored.execute("SELECT count(*) FROM django_migrations").fetchone()
    assert businesses == [("Alice Strength",)]
    assert emails == [("carol@example.com",)]
    assert migrations is not None
    assert migrations[0] > 10
    assert (restored_media / "progress" / "photo.jpg").read_bytes() == b"not really a jpeg"
    assert (restored_private / "progress" / "front.jpg").read_bytes() == b"a private photo"
