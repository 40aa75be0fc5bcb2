from __future__ import annotations

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings

from portability.services.exports import data_export_build, data_export_fail

logger = logging.getLogger(__name__)


@shared_task(
    acks_late=True,
    reject_on_worker_lost=True,
    soft_time_limit=settings.EXPORT_TASK_SOFT_TIME_LIMIT,
    time_limit=settings.EXPORT_TASK_TIME_LIMIT,
)
def build_data_export(export_id: int) -> None:
    """Build one export. Exactly once by the row's state: a redelivered task (its worker
    died) finds the row still pending and builds it; a built one is left alone. A build
    that breaks or runs out of time marks the export failed, for the trainer to ask again."""
    try:
        data_export_build(export_id=export_id)
    except SoftTimeLimitExceeded:
        logger.warning("Export %s ran out of time", export_id)
        data_export_fail(export_id=export_id, error="The export took too long. Try again later.")
    except Exception:
        logger.exception("Export %s failed", export_id)
        data_export_fail(export_id=export_id)
