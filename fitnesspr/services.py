from __future__ import annotations

from django.db import IntegrityError, transaction

from fitnesspr.errors import ConflictError
from fitnesspr.models import User

EMAIL_TAKEN = "An account with this email address already exists."


def email_is_taken(email: str, *, exclude_user: User | None = None) -> bool:
    qs = User.objects.filter(email__iexact=email.strip())
    if exclude_user is not None:
        qs = qs.exclude(pk=exclude_user.pk)
    return qs.exists()


def user_create(
    *, email: str, password: str | None, role: str, first_name: str = "", last_name: str = ""
) -> User:
    """Create a login; a taken email (any case) is a ConflictError, never a 500."""
    email = User.objects.normalize_email(email.strip()).lower()
    if email_is_taken(email):
        raise ConflictError(EMAIL_TAKEN, field="email")
    user = User(email=email, role=role, first_name=first_name, last_name=last_name)
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.full_clean(exclude=["password"])
    try:
        with transaction.atomic():
            user.save()
    except IntegrityError as exc:  # lost a race with a concurrent sign-up
        raise ConflictError(EMAIL_TAKEN, field="email") from exc
    return user
