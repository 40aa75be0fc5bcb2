from __future__ import annotations

from typing import TYPE_CHECKING, Self

from django.core.exceptions import ValidationError
from django.db import models

from fitnesspr.constraints import choices_check
from fitnesspr.tenancy import TrainerScopedQuerySet

from .programs import Program

if TYPE_CHECKING:
    pass


class AssignmentStatus(models.TextChoices):
    ACTIVE = "active", "Active"
    COMPLETED = "completed", "Completed"
    ENDED = "ended", "Ended early"
    REPLACED = "replaced", "Replaced"


class ProgramAssignmentQuerySet(TrainerScopedQuerySet):
    trainer_path = "client__trainer"
    client_path = "client"

    def active(self) -> Self:
        return self.filter(status=AssignmentStatus.ACTIVE)


class ProgramAssignment(models.Model):
    """A client following a program from a start date. `program` is the client's own copy;
    `source_program` is what the trainer assigned. One active assignment per client."""

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="program_assignments"
    )
    program = models.ForeignKey(Program, on_delete=models.CASCADE, related_name="assignments")
    source_program = models.ForeignKey(
        Program,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="source_assignments",
    )
    start_date = models.DateField()
    end_date = models.DateField(null=True, blank=True)
    status = models.CharField(
        max_length=10, choices=AssignmentStatus.choices, default=AssignmentStatus.ACTIVE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ProgramAssignmentQuerySet.as_manager()

    class Meta:
        ordering = ["-start_date", "-pk"]
        indexes = [models.Index(fields=["client", "status"], name="progassign_client_status")]
        constraints = [
            models.UniqueConstraint(
                fields=["client"],
                condition=models.Q(status="active"),
                name="progassign_one_active_per_client",
                violation_error_message="This client already has an active program.",
            ),
            models.CheckConstraint(
                condition=models.Q(end_date__isnull=True)
                | models.Q(end_date__gte=models.F("start_date")),
                name="progassign_end_after_start",
                violation_error_message="The end date can't be before the start date.",
            ),
            choices_check("status", AssignmentStatus.values, name="progassign_status_valid"),
        ]

    def __str__(self) -> str:
        return f"{self.program} → {self.client} from {self.start_date}"

    def clean(self) -> None:
        super().clean()
        if self.program_id and self.client_id and self.program.client_id != self.client_id:
            raise ValidationError({"program": "Assign the client's own copy of the program."})
        source = self.source_program
        if source is not None and self.client_id and source.trainer_id != self.client.trainer_id:
            raise ValidationError({"source_program": "That program belongs to another trainer."})
