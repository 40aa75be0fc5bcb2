from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models

from clients.models import AssignmentQuerySet, AssignmentStatus, ClientAssignment

from .programs import Program

__all__ = ["AssignmentStatus", "ProgramAssignment", "ProgramAssignmentQuerySet"]


class ProgramAssignmentQuerySet(AssignmentQuerySet):
    pass


class ProgramAssignment(ClientAssignment):
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
    objects = ProgramAssignmentQuerySet.as_manager()

    class Meta(ClientAssignment.Meta):
        indexes = [models.Index(fields=["client", "status"], name="progassign_client_status")]
        constraints = ClientAssignment.assignment_constraints("progassign", "program")

    def __str__(self) -> str:
        return f"{self.program} → {self.client} from {self.start_date}"

    def clean(self) -> None:
        super().clean()
        if self.program_id and self.client_id and self.program.client_id != self.client_id:
            raise ValidationError({"program": "Assign the client's own copy of the program."})
        source = self.source_program
        if source is not None and self.client_id and source.trainer_id != self.client.trainer_id:
            raise ValidationError({"source_program": "That program belongs to another trainer."})
