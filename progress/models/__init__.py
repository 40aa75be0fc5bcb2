from .attention import AttentionDismissal, DismissalQuerySet
from .body import (
    CIRCUMFERENCES,
    CUSTOM_RANGE,
    MEASUREMENT_RANGES,
    BodyMeasurement,
    ClientOwnedQuerySet,
    CustomMeasurement,
    PhotoPose,
    ProgressPhoto,
    progress_photo_path,
)
from .check_ins import SCORES, CheckIn, Reply
from .client_settings import ProgressSettings, Weekday, WeightGoal
from .reports import ProgressReport, ProgressReportQuerySet, ReportStatus, progress_report_path
from .strength import OneRepMax, OneRepMaxQuerySet
from .workouts import SetLog, SetLogQuerySet, WorkoutLog, WorkoutStatus

__all__ = [
    "CIRCUMFERENCES",
    "CUSTOM_RANGE",
    "MEASUREMENT_RANGES",
    "SCORES",
    "AttentionDismissal",
    "BodyMeasurement",
    "CheckIn",
    "ClientOwnedQuerySet",
    "CustomMeasurement",
    "DismissalQuerySet",
    "OneRepMax",
    "OneRepMaxQuerySet",
    "PhotoPose",
    "ProgressPhoto",
    "ProgressReport",
    "ProgressReportQuerySet",
    "ProgressSettings",
    "Reply",
    "ReportStatus",
    "SetLog",
    "SetLogQuerySet",
    "Weekday",
    "WeightGoal",
    "WorkoutLog",
    "WorkoutStatus",
    "progress_photo_path",
    "progress_report_path",
]
