"""The confirm-then-act page every destructive billing action uses: GET shows what will
happen, POST does it; a refusal (ConflictError, ValidationError) is shown on the same
page with nothing changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from fitnesspr.errors import ConflictError


def confirm_and_act(
    request: HttpRequest,
    *,
    template: str,
    context: dict[str, Any],
    act: Callable[[], str],
    then: str,
) -> HttpResponse:
    """`act()` on POST, which returns the success message; then go to the URL `then`."""
    error, status = "", 200
    if request.method == "POST":
        try:
            done = act()
        except ConflictError as exc:
            error, status = exc.message, 409
        except ValidationError as exc:
            error, status = " ".join(exc.messages), 400
        else:
            messages.success(request, done)
            return redirect(then)
    return render(request, template, {**context, "error": error}, status=status)
