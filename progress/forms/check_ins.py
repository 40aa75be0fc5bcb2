"""The weekly check-in form and the reply box of a thread."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import forms
from django.core.exceptions import ValidationError

from clients.models import Client
from fitnesspr.actor import Actor
from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from fitnesspr.units import weight_unit
from progress.forms.body import PHOTO_ACCEPT, UnitsMixin, number_field
from progress.models import SCORES, CheckIn, Reply, WorkoutLog
from progress.models.check_ins import MAX_TEXT
from progress.services.check_ins import (
    CheckInAnswers,
    check_in_submit,
    reply_add,
    thread_mark_read,
)
from progress.services.photos import Upload

PHOTO_POSES = ("front", "side", "back")


class CheckInForm(UnitsMixin, forms.Form):
    weight = number_field("Weight")
    comment = forms.CharField(
        label="Anything to tell your trainer?",
        required=False,
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args: Any, unit_system: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.unit_system = unit_system
        self.fields["weight"].label = f"This morning's weight ({weight_unit(unit_system)})"
        comment = self.fields.pop("comment")
        for name, (label, low, high) in SCORES.items():
            self.fields[name] = forms.TypedChoiceField(
                label=label,
                choices=[(n, str(n)) for n in range(1, 6)],
                coerce=int,
                widget=forms.RadioSelect,
                help_text=f"1 = {low}, 5 = {high}",
                error_messages={"required": f"Rate {label.lower()} from 1 to 5."},
            )
        self.fields["comment"] = comment
        for pose in PHOTO_POSES:
            self.fields[f"photo_{pose}"] = forms.FileField(
                label=f"{pose.capitalize()} photo",
                required=False,
                widget=forms.ClearableFileInput(attrs={"accept": PHOTO_ACCEPT}),
            )

    def clean_weight(self) -> Decimal | None:
        return self.to_kg(self.cleaned_data.get("weight"))

    def answers(self) -> CheckInAnswers:
        data = self.cleaned_data
        return CheckInAnswers(
            energy=data["energy"],
            sleep=data["sleep"],
            stress=data["stress"],
            hunger=data["hunger"],
            adherence=data["adherence"],
            weight_kg=data.get("weight"),
            comment=data.get("comment", ""),
        )

    def uploads(self) -> list[tuple[str, Upload]]:
        return [
            (pose, upload)
            for pose in PHOTO_POSES
            if (upload := self.cleaned_data.get(f"photo_{pose}"))
        ]

    def submit(self, *, client: Client) -> CheckIn | None:
        """Send the check-in with its photos; a refusal lands on the form (a photo's on
        its own field) and gives None."""
        try:
            return check_in_submit(client=client, uploads=self.uploads(), **self.answers())
        except (ValidationError, ConflictError) as exc:
            add_service_error(self, exc, renames={"weight_kg": "weight"})
            return None

    @property
    def score_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in SCORES]

    @property
    def photo_fields(self) -> list[forms.BoundField]:
        return [self[f"photo_{pose}"] for pose in PHOTO_POSES]


class ReplyForm(forms.Form):
    body = forms.CharField(
        label="Your reply",
        max_length=MAX_TEXT,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Write a reply first."},
    )

    def send(
        self,
        *,
        actor: Actor,
        check_in: CheckIn | None = None,
        workout_log: WorkoutLog | None = None,
    ) -> Reply | None:
        try:
            return reply_add(
                actor=actor,
                body=self.cleaned_data["body"],
                check_in=check_in,
                workout_log=workout_log,
            )
        except ValidationError as exc:
            add_service_error(self, exc, default_field="body")
            return None

    def handle(
        self,
        method: str,
        *,
        actor: Actor,
        check_in: CheckIn | None = None,
        workout_log: WorkoutLog | None = None,
    ) -> Reply | None:
        """A thread page's request: a POST sends the reply (None when refused: the
        errors are on the form). Opening the page writes nothing: the page marks the
        other side's messages read with its own POST (`read_receipt`)."""
        if method == "POST":
            if not self.is_valid():
                return None
            return self.send(actor=actor, check_in=check_in, workout_log=workout_log)
        return None


#: the field of the POST a thread page sends once shown (htmx, `read=1`)
READ_FIELD = "read"


def read_receipt(
    method: str,
    data: Any,
    *,
    actor: Actor,
    check_in: CheckIn | None = None,
    workout_log: WorkoutLog | None = None,
) -> bool:
    """Was this request the thread page's read receipt? If so the other side's messages
    are marked read (what the unread counts go by). A GET never writes, so the page
    sends this POST when the thread is shown."""
    if method != "POST" or READ_FIELD not in data:
        return False
    thread_mark_read(actor=actor, check_in=check_in, workout_log=workout_log)
    return True
