"""The client's reminder emails: what they choose in the portal, and the one-click
unsubscribe link every reminder carries (signed, so it needs no sign-in)."""

from __future__ import annotations

from datetime import datetime, time
from typing import TypedDict, Unpack

from django.core import signing
from django.core.exceptions import ValidationError
from django.db import transaction

from clients.models import Client, ReminderSettings
from fitnesspr.links import site_link

UNSUBSCRIBE_SALT = "clients.reminders.unsubscribe"


class ReminderChanges(TypedDict, total=False):
    """What `reminder_settings_update` may change; any subset."""

    workout_reminders: bool
    workout_reminder_time: time
    check_in_reminders: bool
    timezone: str


@transaction.atomic
def reminder_settings_update(
    *, client: Client, **changes: Unpack[ReminderChanges]
) -> ReminderSettings:
    """The client chooses their reminders (the row is made on the first choice)."""
    allowed = set(ReminderChanges.__annotations__)
    row, _ = ReminderSettings.objects.select_for_update().get_or_create(client=client)
    row.client = client
    for name, value in changes.items():
        if name not in allowed:
            raise ValidationError({name: "This field cannot be changed."})
        setattr(row, name, value)
    row.full_clean(exclude=["client"])
    row.save()
    return row


@transaction.atomic
def reminders_unsubscribe(*, client: Client, now: datetime) -> ReminderSettings:
    """Every reminder off, from an email's link. Doing it twice changes nothing more."""
    row, _ = ReminderSettings.objects.select_for_update().get_or_create(client=client)
    if row.workout_reminders or row.check_in_reminders or row.unsubscribed_at is None:
        row.workout_reminders = row.check_in_reminders = False
        row.unsubscribed_at = now
        row.save()
    return row


def unsubscribe_token_make(client: Client) -> str:
    return signing.dumps({"client": client.pk}, salt=UNSUBSCRIBE_SALT)


def unsubscribe_url(client: Client) -> str:
    """The link in every reminder email: turns the client's reminders off, no sign-in."""
    return site_link("clients:unsubscribe", unsubscribe_token_make(client))


def unsubscribe_client(token: str) -> Client | None:
    """The client a link's token names; None when the token was changed or the client
    is gone."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
        client_id = int(data["client"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return Client.objects.select_related("user", "trainer").filter(pk=client_id).first()
