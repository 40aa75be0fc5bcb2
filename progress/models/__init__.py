from .body import (
    MEASUREMENT_RANGES,
    BodyMeasurement,
    ClientOwnedQuerySet,
    PhotoPose,
    ProgressPhoto,
    progress_photo_path,
)
from .reports import ProgressReport, ProgressReportQuerySet, ReportStatus, progress_report_path
from .strength import OneRepMax, OneRepMaxQuerySet
from .workouts import SetLog, SetLogQuerySet, WorkoutLog, WorkoutStatus

__all__ = [
    "MEASUREMENT_RANGES",
    "BodyMeasurement",
    "ClientOwnedQuerySet",
    "OneRepMax",
    "OneRepMaxQuerySet",
    "PhotoPose",
    "ProgressPhoto",
    "ProgressReport",
    "ProgressReportQuerySet",
    "ReportStatus",
    "SetLog",
    "SetLogQuerySet",
    "WorkoutLog",
    "WorkoutStatus",
    "progress_photo_path",
    "progress_report_path",
]
