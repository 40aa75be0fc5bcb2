from django.http import HttpRequest, HttpResponseRedirect
from django.shortcuts import redirect
from django.views.decorators.http import require_GET


@require_GET
def home(request: HttpRequest) -> HttpResponseRedirect:
    """Send each visitor where they belong: trainers to the dashboard, clients to the
    portal, staff to the admin, everyone else to the sign-in page."""
    user = request.user
    if user.is_authenticated:
        if user.role == "client":  # type: ignore[union-attr]
            return redirect("portal:home")
        if user.role == "staff" or user.is_staff:  # type: ignore[union-attr]
            return redirect("admin:index")
        return redirect("trainers:home")
    if request.session.get("portal_client_id"):
        return redirect("portal:home")
    return redirect("accounts:login")
