"""Versions of read-mostly data, for cache keys. A cached piece of a page holds in its
key the versions of what it was built from, and every write bumps them: the next read
builds it afresh, and the old entries, never read again, expire.

A version is a random token, not a counter: one evicted from the cache comes back as a
value no old entry was stored under. A write bumps at once (so the rest of its own
transaction, and a test, reads the change) and again after its transaction commits: a
request that read the old rows in between stored them under the version in between,
which nobody reads any more.

The shared libraries (global exercises and foods, `fitnesspr.tenancy.LibraryQuerySet`)
have one version for their shared rows and one per trainer for that trainer's own.
Writes that send no signals (bulk loads, imports) bump for themselves; a database
restored from a backup empties the cache (scripts/restore)."""

from __future__ import annotations

import secrets

from django.core.cache import cache
from django.db import transaction

PREFIX = "version:"


def current(*names: str) -> str:
    """The versions of `names` as one string (one cache round trip)."""
    keys = [PREFIX + name for name in names]
    found = cache.get_many(keys)
    missing = {key: secrets.token_hex(6) for key in keys if key not in found}
    if missing:
        cache.set_many(missing, timeout=None)
        found |= missing
    return ".".join(found[key] for key in keys)


def bump(*names: str, using: str | None = None) -> None:
    def fresh() -> None:
        cache.set_many({PREFIX + name: secrets.token_hex(6) for name in names}, timeout=None)

    fresh()
    transaction.on_commit(fresh, using=using)


def _library_names(library: str, trainer_id: int) -> tuple[str, str]:
    return f"{library}:shared", f"{library}:trainer:{trainer_id}"


def library_version(library: str, *, trainer_id: int) -> str:
    """The version of `library` as one trainer sees it: the shared rows and their own.
    It names the trainer, so no trainer is ever served a piece built for another."""
    return f"{trainer_id}.{current(*_library_names(library, trainer_id))}"


def library_changed(library: str, *, trainer_id: int | None, using: str | None = None) -> None:
    """After a write to `library`: a shared row (trainer_id None) changes every trainer's
    view of it, a trainer's own row only theirs."""
    if trainer_id is None:
        bump(f"{library}:shared", using=using)
    else:
        bump(_library_names(library, trainer_id)[1], using=using)
