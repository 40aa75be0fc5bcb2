from .assignments import AssignmentStatus, ProgramAssignment, ProgramAssignmentQuerySet
from .library import (
    BodyRegion,
    Equipment,
    Exercise,
    ExerciseCategory,
    ExerciseQuerySet,
    MuscleGroup,
)
from .programs import (
    RPE_STEPS,
    PrescribedExercise,
    PrescribedExerciseQuerySet,
    Program,
    ProgramDay,
    ProgramDayQuerySet,
    ProgramGoal,
    ProgramQuerySet,
    validate_rpe_step,
    validate_tempo,
)

__all__ = [
    "RPE_STEPS",
    "AssignmentStatus",
    "BodyRegion",
    "Equipment",
    "Exercise",
    "ExerciseCategory",
    "ExerciseQuerySet",
    "MuscleGroup",
    "PrescribedExercise",
    "PrescribedExerciseQuerySet",
    "Program",
    "ProgramAssignment",
    "ProgramAssignmentQuerySet",
    "ProgramDay",
    "ProgramDayQuerySet",
    "ProgramGoal",
    "ProgramQuerySet",
    "validate_rpe_step",
    "validate_tempo",
]
