"""The authorization matrix: every API operation and every page, and what each of five
roles gets from it (tests/security/test_authorization_matrix.py runs it).

Columns, in order: (a) the owner trainer A, (b) another trainer B, (c) A's client A1,
(d) B's client B1, (e) anonymous. An outcome is a status code, or a path = a redirect
there. Ids in paths are tenant A's objects (`tests/security/world.py` names them).

A new endpoint or page is ONE line here: `api(METHOD, "/api/v1/<path>/", PROFILE,
id="<world key>")` or `page(METHOD, "<app>:<url name>", PROFILE, pk="<world key>")`.
"""

from __future__ import annotations

from tests.security.doors import Door, api, page

SIGN_IN = "/accounts/login/"
PORTAL_SIGN_IN = "/portal/login/"

# ---- the API: nobody signed in is a 401; a row of another tenant is a 404 (never a 403
# that confirms it exists); a role the endpoint is not for is a 403 before any lookup.


def trainer_only(owner: int = 200) -> tuple:
    """A trainer's own row that clients never reach through this endpoint."""
    return (owner, 404, 403, 403, 401)


def shared(owner: int = 200, client: int = 200) -> tuple:
    """A row the trainer and their client both reach (a workout log, an invoice)."""
    return (owner, 404, client, 404, 401)


def client_writes(client: int = 200) -> tuple:
    """A change only the client makes (their diary, their workout): trainers get 403."""
    return (403, 403, client, 404, 401)


def for_trainers(status: int = 200) -> tuple:
    """No row in the path: every trainer acts on their own (a list, a create, `me`)."""
    return (status, status, 403, 403, 401)


def for_clients(status: int = 200) -> tuple:
    """No row in the path, for clients only (today's workout, a new check-in)."""
    return (403, 403, status, status, 401)


def names_a_client(*, client: int = 403) -> tuple:
    """A create whose body names A's client: the owner creates, another trainer (or
    another client) is told the client is not theirs (400) and nothing is written."""
    return (201, 400, client, 403 if client == 403 else 400, 401)


def by_role(*, trainers: int, clients: int) -> tuple:
    """No row in the path; each signed-in user acts on their own."""
    return (trainers, trainers, clients, clients, 401)


def public(status: int | str) -> tuple:
    """Anyone gets the same answer (sign-in endpoints answer 400 to an empty body)."""
    return (status,) * 5


# ---- pages: nobody signed in is sent to the sign-in page; a trainer on the portal or a
# client on the dashboard gets the 403 page; another tenant's row is a 404.


def dashboard(owner: int | str = 200) -> tuple:
    """A dashboard page about one of the trainer's rows (a str: a redirect there)."""
    return (owner, 404, 403, 403, SIGN_IN)


def dashboard_page(status: int | str = 200) -> tuple:
    """A dashboard page with no row in its path: each trainer sees their own."""
    return (status, status, 403, 403, SIGN_IN)


def portal(client: int | str = 200) -> tuple:
    """A portal page about one of the client's rows."""
    return (403, 403, client, 404, PORTAL_SIGN_IN)


def portal_page(status: int | str = 200) -> tuple:
    """A portal page with no row in its path: each client sees their own."""
    return (403, 403, status, status, PORTAL_SIGN_IN)


def signed_in(status: int = 200) -> tuple:
    """Any signed-in user (changing one's own password)."""
    return (status, status, status, status, SIGN_IN)


API: list[Door] = [
    api("POST", "/api/v1/auth/login/", public(400)),
    api("POST", "/api/v1/auth/logout/", public(400)),
    api("GET", "/api/v1/auth/me/", by_role(trainers=200, clients=200)),
    api("POST", "/api/v1/auth/pin-login/", public(400)),
    api("POST", "/api/v1/auth/refresh/", public(400)),
    api("POST", "/api/v1/auth/register/", public(400)),
    api("GET", "/api/v1/clients/", for_trainers(), shows="client"),
    api("POST", "/api/v1/clients/", for_trainers(400)),
    # a multipart upload: the JSON body every role sends is refused (415) once past the role
    api("POST", "/api/v1/clients/import/", for_trainers(415)),
    api("DELETE", "/api/v1/clients/{id}/", trainer_only(409), id="client"),
    api("GET", "/api/v1/clients/{id}/", trainer_only(), id="client"),
    api("PATCH", "/api/v1/clients/{id}/", trainer_only(), id="client"),
    api("PUT", "/api/v1/clients/{id}/", trainer_only(400), id="client"),
    api("POST", "/api/v1/clients/{id}/reset-pin/", trainer_only(), id="client"),
    # the client reads and changes their own reminders; their trainer only reads them
    api("GET", "/api/v1/clients/{id}/reminders/", shared(), id="client"),
    api("PATCH", "/api/v1/clients/{id}/reminders/", (403, 404, 200, 404, 401), id="client"),
    api("GET", "/api/v1/exercises/", by_role(trainers=200, clients=200), shows="exercise"),
    api("POST", "/api/v1/exercises/", for_trainers(400)),
    api("GET", "/api/v1/exercises/equipment/", by_role(trainers=200, clients=200)),
    api("GET", "/api/v1/exercises/muscle-groups/", by_role(trainers=200, clients=200)),
    api("DELETE", "/api/v1/exercises/{id}/", trainer_only(409), id="exercise"),
    api("GET", "/api/v1/exercises/{id}/", shared(), id="exercise"),
    api("PATCH", "/api/v1/exercises/{id}/", trainer_only(), id="exercise"),
    api("PUT", "/api/v1/exercises/{id}/", trainer_only(400), id="exercise"),
    # a trainer's export holds every client's data: the trainer's alone
    api("POST", "/api/v1/exports/", for_trainers(202)),
    api("GET", "/api/v1/exports/{id}/", trainer_only(), id="export"),
    api("GET", "/api/v1/exports/{id}/file/", trainer_only(), id="export"),
    api("POST", "/api/v1/imports/", for_trainers(415)),
    api("GET", "/api/v1/meals/assignments/", for_trainers(), shows="meal_assignment"),
    api("GET", "/api/v1/meals/assignments/{id}/", trainer_only(), id="meal_assignment"),
    api("POST", "/api/v1/meals/assignments/{id}/end/", trainer_only(), id="meal_assignment"),
    api("GET", "/api/v1/meals/compliance/", for_trainers(400)),
    api("GET", "/api/v1/meals/diary/", by_role(trainers=200, clients=200), shows="diary_entry"),
    api("POST", "/api/v1/meals/diary/", for_clients(400), body={"food": "@food", "grams": "50"}),
    api("GET", "/api/v1/meals/diary/today/", by_role(trainers=400, clients=200)),
    api("DELETE", "/api/v1/meals/diary/{id}/", client_writes(204), id="diary_entry"),
    api("GET", "/api/v1/meals/diary/{id}/", shared(), id="diary_entry"),
    api("PATCH", "/api/v1/meals/diary/{id}/", client_writes(), id="diary_entry"),
    api("PUT", "/api/v1/meals/diary/{id}/", client_writes(400), id="diary_entry"),
    api("GET", "/api/v1/meals/foods/", by_role(trainers=200, clients=200), shows="food"),
    api("POST", "/api/v1/meals/foods/", for_trainers(400)),
    api("DELETE", "/api/v1/meals/foods/{id}/", trainer_only(409), id="food"),
    api("GET", "/api/v1/meals/foods/{id}/", shared(), id="food"),
    api("PATCH", "/api/v1/meals/foods/{id}/", trainer_only(), id="food"),
    api("PUT", "/api/v1/meals/foods/{id}/", trainer_only(400), id="food"),
    api("GET", "/api/v1/meals/plans/", for_trainers(), shows="meal_plan"),
    api("POST", "/api/v1/meals/plans/", for_trainers(400)),
    api("DELETE", "/api/v1/meals/plans/{id}/", trainer_only(204), id="meal_plan"),
    api("GET", "/api/v1/meals/plans/{id}/", trainer_only(), id="meal_plan"),
    api("PATCH", "/api/v1/meals/plans/{id}/", trainer_only(), id="meal_plan"),
    api("PUT", "/api/v1/meals/plans/{id}/", trainer_only(400), id="meal_plan"),
    api("POST", "/api/v1/meals/plans/{id}/assign/", trainer_only(400), id="meal_plan"),
    api("POST", "/api/v1/meals/plans/{id}/duplicate/", trainer_only(201), id="meal_plan"),
    api("GET", "/api/v1/meals/plans/{id}/shopping-list/", trainer_only(), id="meal_plan"),
    api("POST", "/api/v1/meals/plans/{id}/targets/", trainer_only(400), id="meal_plan"),
    api("GET", "/api/v1/meals/recipes/", for_trainers(), shows="recipe"),
    api("POST", "/api/v1/meals/recipes/", for_trainers(400)),
    api("GET", "/api/v1/meals/recipes/tags/", for_trainers()),
    api("DELETE", "/api/v1/meals/recipes/{id}/", trainer_only(204), id="recipe"),
    api("GET", "/api/v1/meals/recipes/{id}/", trainer_only(), id="recipe"),
    api("PATCH", "/api/v1/meals/recipes/{id}/", trainer_only(), id="recipe"),
    api("PUT", "/api/v1/meals/recipes/{id}/", trainer_only(400), id="recipe"),
    api("POST", "/api/v1/meals/recipes/{id}/duplicate/", trainer_only(201), id="recipe"),
    api("GET", "/api/v1/my-data/", for_clients()),
    api("GET", "/api/v1/payments/billing-profile/", for_trainers()),
    api("PATCH", "/api/v1/payments/billing-profile/", for_trainers()),
    api("PUT", "/api/v1/payments/billing-profile/", for_trainers()),
    api("GET", "/api/v1/payments/invoices/", by_role(trainers=200, clients=200), shows="invoice"),
    api("POST", "/api/v1/payments/invoices/", names_a_client(), body={"client": "@client"}),
    api("DELETE", "/api/v1/payments/invoices/{id}/", trainer_only(409), id="invoice"),
    api("GET", "/api/v1/payments/invoices/{id}/", shared(), id="invoice"),
    api("PATCH", "/api/v1/payments/invoices/{id}/", trainer_only(409), id="invoice"),
    api("PUT", "/api/v1/payments/invoices/{id}/", trainer_only(400), id="invoice"),
    api("POST", "/api/v1/payments/invoices/{id}/intent/", shared(400, 400), id="invoice"),
    api("POST", "/api/v1/payments/invoices/{id}/issue/", trainer_only(409), id="invoice"),
    api("POST", "/api/v1/payments/invoices/{id}/mark-uncollectible/", trainer_only(), id="invoice"),
    api("GET", "/api/v1/payments/invoices/{id}/pdf/", shared(), id="invoice"),
    api("GET", "/api/v1/payments/invoices/{id}/payments/", shared(), id="invoice"),
    api("POST", "/api/v1/payments/invoices/{id}/payments/", trainer_only(400), id="invoice"),
    api("POST", "/api/v1/payments/invoices/{id}/send/", trainer_only(), id="invoice"),
    api("POST", "/api/v1/payments/invoices/{id}/void/", trainer_only(), id="invoice"),
    api("GET", "/api/v1/payments/packages/", for_trainers(), shows="package"),
    api("POST", "/api/v1/payments/packages/", for_trainers(400)),
    api("DELETE", "/api/v1/payments/packages/{id}/", trainer_only(204), id="package"),
    api("GET", "/api/v1/payments/packages/{id}/", trainer_only(), id="package"),
    api("PATCH", "/api/v1/payments/packages/{id}/", trainer_only(), id="package"),
    api("PUT", "/api/v1/payments/packages/{id}/", trainer_only(400), id="package"),
    api("POST", "/api/v1/payments/stripe/webhook/", public(400)),
    api("GET", "/api/v1/programs/", for_trainers(), shows="program"),
    api("POST", "/api/v1/programs/", for_trainers(400)),
    api(
        "GET",
        "/api/v1/programs/assignments/",
        by_role(trainers=200, clients=200),
        shows="assignment",
    ),
    api("GET", "/api/v1/programs/assignments/{id}/", shared(), id="assignment"),
    api("POST", "/api/v1/programs/assignments/{id}/end/", trainer_only(), id="assignment"),
    api("DELETE", "/api/v1/programs/{id}/", trainer_only(204), id="program"),
    api("GET", "/api/v1/programs/{id}/", trainer_only(), id="program"),
    api("PATCH", "/api/v1/programs/{id}/", trainer_only(), id="program"),
    api("PUT", "/api/v1/programs/{id}/", trainer_only(400), id="program"),
    api("POST", "/api/v1/programs/{id}/assign/", trainer_only(400), id="program"),
    api("POST", "/api/v1/programs/{id}/copy-day/", trainer_only(400), id="program"),
    api("POST", "/api/v1/programs/{id}/copy-week/", trainer_only(400), id="program"),
    api("POST", "/api/v1/programs/{id}/duplicate/", trainer_only(201), id="program"),
    api("GET", "/api/v1/progress/adherence/", for_trainers(400)),
    api("GET", "/api/v1/progress/check-ins/", by_role(trainers=200, clients=200), shows="check_in"),
    api("POST", "/api/v1/progress/check-ins/", for_clients(400)),
    api("GET", "/api/v1/progress/check-ins/due/", by_role(trainers=400, clients=200)),
    api("GET", "/api/v1/progress/check-ins/{id}/", shared(), id="check_in"),
    api("GET", "/api/v1/progress/check-ins/{id}/replies/", shared(), id="check_in"),
    api("POST", "/api/v1/progress/check-ins/{id}/replies/", shared(400, 400), id="check_in"),
    api("POST", "/api/v1/progress/check-ins/{id}/replies/read/", shared(204, 204), id="check_in"),
    api(
        "GET",
        "/api/v1/progress/custom-measurements/",
        by_role(trainers=200, clients=200),
        shows="custom_measurement",
    ),
    api(
        "POST",
        "/api/v1/progress/custom-measurements/",
        names_a_client(),
        body={"client": "@client", "name": "Neck two"},
    ),
    api(
        "DELETE",
        "/api/v1/progress/custom-measurements/{id}/",
        trainer_only(204),
        id="custom_measurement",
    ),
    api("GET", "/api/v1/progress/custom-measurements/{id}/", shared(), id="custom_measurement"),
    api(
        "GET",
        "/api/v1/progress/exercises/{exercise_id}/history/",
        shared(400, 200),
        exercise_id="exercise",
    ),
    api(
        "GET",
        "/api/v1/progress/measurements/",
        by_role(trainers=200, clients=200),
        shows="measurement",
    ),
    api(
        "POST",
        "/api/v1/progress/measurements/",
        names_a_client(client=201),
        body={"client": "@client", "measured_on": "2026-01-15", "weight_kg": "80.0"},
    ),
    api("DELETE", "/api/v1/progress/measurements/{id}/", shared(204, 204), id="measurement"),
    api("GET", "/api/v1/progress/measurements/{id}/", shared(), id="measurement"),
    api("PATCH", "/api/v1/progress/measurements/{id}/", shared(), id="measurement"),
    api("PUT", "/api/v1/progress/measurements/{id}/", shared(400, 400), id="measurement"),
    api(
        "GET",
        "/api/v1/progress/one-rep-maxes/",
        by_role(trainers=200, clients=200),
        shows="one_rep_max",
    ),
    api(
        "POST",
        "/api/v1/progress/one-rep-maxes/",
        names_a_client(),
        body={"client": "@client", "exercise": "@exercise", "weight_kg": "100.0"},
    ),
    api("DELETE", "/api/v1/progress/one-rep-maxes/{id}/", trainer_only(204), id="one_rep_max"),
    api("GET", "/api/v1/progress/one-rep-maxes/{id}/", shared(), id="one_rep_max"),
    api("PATCH", "/api/v1/progress/one-rep-maxes/{id}/", trainer_only(), id="one_rep_max"),
    api("PUT", "/api/v1/progress/one-rep-maxes/{id}/", trainer_only(400), id="one_rep_max"),
    api("GET", "/api/v1/progress/photos/", by_role(trainers=200, clients=200), shows="photo"),
    api("POST", "/api/v1/progress/photos/", by_role(trainers=400, clients=400)),
    api("DELETE", "/api/v1/progress/photos/{id}/", shared(204, 204), id="photo"),
    api("GET", "/api/v1/progress/photos/{id}/", shared(), id="photo"),
    api("PATCH", "/api/v1/progress/photos/{id}/", shared(), id="photo"),
    api(
        "GET", "/api/v1/progress/photos/{id}/{variant}/", shared(), id="photo", variant="thumbnail"
    ),
    # reports are the trainer's document: clients get 403, another trainer's client a 404
    api("GET", "/api/v1/progress/reports/", for_trainers(), shows="report"),
    api(
        "POST",
        "/api/v1/progress/reports/",
        (202, 404, 403, 403, 401),
        body={"client": "@client", "period_start": "2026-01-01", "period_end": "2026-01-31"},
    ),
    api("GET", "/api/v1/progress/reports/{id}/", trainer_only(), id="report"),
    api("GET", "/api/v1/progress/reports/{id}/file/", trainer_only(), id="report"),
    api("POST", "/api/v1/progress/reports/{id}/retry/", trainer_only(202), id="failed_report"),
    api("GET", "/api/v1/progress/settings/", by_role(trainers=400, clients=200)),
    api("PATCH", "/api/v1/progress/settings/", by_role(trainers=400, clients=200)),
    api("GET", "/api/v1/progress/summary/", by_role(trainers=400, clients=200)),
    api("GET", "/api/v1/progress/today/", for_clients()),
    api(
        "GET",
        "/api/v1/progress/workout-logs/",
        by_role(trainers=200, clients=200),
        shows="workout_log",
    ),
    api(
        "POST",
        "/api/v1/progress/workout-logs/",
        for_clients(400),
        body={"program_day": "@client_day", "performed_on": "2026-01-15"},
    ),
    api("GET", "/api/v1/progress/workout-logs/{id}/", shared(), id="workout_log"),
    api("PATCH", "/api/v1/progress/workout-logs/{id}/", client_writes(), id="workout_log"),
    api("PUT", "/api/v1/progress/workout-logs/{id}/", client_writes(400), id="workout_log"),
    api("GET", "/api/v1/progress/workout-logs/{id}/replies/", shared(), id="workout_log"),
    api("POST", "/api/v1/progress/workout-logs/{id}/replies/", shared(400, 400), id="workout_log"),
    api(
        "POST",
        "/api/v1/progress/workout-logs/{id}/replies/read/",
        shared(204, 204),
        id="workout_log",
    ),
    api("GET", "/api/v1/trainers/me/", for_trainers()),
    api("PATCH", "/api/v1/trainers/me/", for_trainers()),
    api("POST", "/api/v1/uploads/", by_role(trainers=415, clients=415)),
]

PAGES: list[Door] = [
    page("GET", "home", ("/dashboard/", "/dashboard/", "/portal/", "/portal/", SIGN_IN)),
    page("GET", "healthz", public(200)),
    page("GET", "readyz", public(200)),
    # no METRICS_TOKEN and DEBUG off: the endpoint does not exist
    page("GET", "metrics", public(404)),
    page("GET", "trainers:settings", dashboard_page()),
    page("POST", "trainers:settings", dashboard_page()),
    page("GET", "trainers:emails", dashboard_page()),
    page("POST", "trainers:email_resend", dashboard("/dashboard/emails/"), pk="email"),
    page("GET", "trainers:signup", ("/dashboard/", "/dashboard/", "/portal/", "/portal/", 200)),
    page("POST", "trainers:signup", ("/dashboard/", "/dashboard/", "/portal/", "/portal/", 200)),
    page("GET", "trainers:signup_done", public(200)),
    page("GET", "trainers:login", ("/dashboard/", "/dashboard/", "/portal/", "/portal/", 200)),
    page("POST", "trainers:login", ("/dashboard/", "/dashboard/", "/portal/", "/portal/", 200)),
    page("POST", "trainers:logout", public(SIGN_IN)),
    page("GET", "trainers:password_change", signed_in()),
    page("POST", "trainers:password_change", signed_in()),
    page("GET", "trainers:password_change_done", signed_in()),
    page("GET", "trainers:password_reset", public(200)),
    page("POST", "trainers:password_reset", public(200)),
    page("GET", "trainers:password_reset_done", public(200)),
    page("GET", "trainers:password_reset_confirm", public(200), uidb64="MQ", token="set-password"),
    page("POST", "trainers:password_reset_confirm", public(200), uidb64="MQ", token="set-password"),
    page("GET", "trainers:password_reset_complete", public(200)),
    page("GET", "clients:create", dashboard_page()),
    page("POST", "clients:create", dashboard_page()),
    page("GET", "clients:csv_import", dashboard_page()),
    # no file sent: the upload form again, nothing read or created
    page("POST", "clients:csv_import", dashboard_page()),
    # no preview in the session: back to the upload, nothing created
    page("POST", "clients:csv_confirm", dashboard_page("/dashboard/clients/import/")),
    page("GET", "clients:edit", dashboard(), pk="client"),
    page("POST", "clients:edit", dashboard(), pk="client"),
    page("GET", "clients:pin", dashboard(), pk="client"),
    page("GET", "clients:reset_pin", dashboard(), pk="client"),
    page("POST", "clients:reset_pin", dashboard("/dashboard/clients/"), pk="client"),
    page("GET", "clients:archive", dashboard(), pk="client"),
    page("POST", "clients:archive", dashboard("/dashboard/clients/"), pk="client"),
    page("GET", "clients:portal_login", (200, 200, "/portal/", "/portal/", 200)),
    page("POST", "clients:portal_login", (200, 200, "/portal/", "/portal/", 200)),
    page("POST", "clients:portal_logout", public(PORTAL_SIGN_IN)),
    page("POST", "clients:forget_device", public(PORTAL_SIGN_IN)),
    page("GET", "clients:portal_reminders", portal_page()),
    page("POST", "clients:portal_reminders", portal_page()),
    # the link in a reminder email: the token names the client, so a wrong one is a 404
    page("GET", "clients:unsubscribe", public(404), token="not-a-token"),
    page("POST", "clients:unsubscribe", public(404), token="not-a-token"),
    page("GET", "programs:exercise_list", dashboard_page()),
    page("GET", "programs:exercise_create", dashboard_page()),
    page("POST", "programs:exercise_create", dashboard_page()),
    page("GET", "programs:exercise_detail", dashboard(), pk="exercise"),
    page("GET", "programs:exercise_edit", dashboard(), pk="exercise"),
    page("POST", "programs:exercise_edit", dashboard(), pk="exercise"),
    page("GET", "programs:exercise_delete", dashboard(), pk="exercise"),
    page("POST", "programs:exercise_delete", dashboard(409), pk="exercise"),
    page("GET", "programs:list", dashboard_page()),
    page("GET", "programs:create", dashboard_page()),
    page("POST", "programs:create", dashboard_page()),
    page("GET", "programs:from_template", dashboard_page()),
    page("GET", "programs:builder", dashboard(), pk="program"),
    page("GET", "programs:edit", dashboard(), pk="program"),
    page("POST", "programs:edit", dashboard(), pk="program"),
    page("GET", "programs:delete", dashboard(), pk="program"),
    page("POST", "programs:delete", dashboard("/dashboard/programs/"), pk="program"),
    page("POST", "programs:duplicate", dashboard("/dashboard/programs/"), pk="program"),
    page("POST", "programs:mark_template", dashboard("/dashboard/programs/"), pk="program"),
    page("POST", "programs:use_template", dashboard("/dashboard/programs/"), pk="program"),
    page("GET", "programs:assign", dashboard(), pk="program"),
    page("POST", "programs:assign", dashboard(), pk="program"),
    page("GET", "programs:assign_to_client", dashboard(), client_id="client"),
    page("POST", "programs:assign_to_client", dashboard(), client_id="client"),
    page("POST", "programs:day_add", dashboard("/dashboard/programs/"), pk="program"),
    page("GET", "programs:week", dashboard("/dashboard/programs/"), pk="program", week="1"),
    page("GET", "programs:week_copy", dashboard(), pk="program", week="1"),
    page("POST", "programs:week_copy", dashboard(), pk="program", week="1"),
    page("GET", "programs:assignment_end", dashboard(), pk="assignment"),
    page("POST", "programs:assignment_end", dashboard(), pk="assignment"),
    page("GET", "programs:day", dashboard("/dashboard/programs/"), pk="day"),
    page("GET", "programs:day_edit", dashboard(), pk="day"),
    page("POST", "programs:day_edit", dashboard(), pk="day"),
    page("GET", "programs:day_delete", dashboard(), pk="day"),
    page("POST", "programs:day_delete", dashboard("/dashboard/programs/"), pk="day"),
    page("GET", "programs:day_copy", dashboard(), pk="day"),
    page("POST", "programs:day_copy", dashboard(), pk="day"),
    page("GET", "programs:day_exercises", dashboard(), pk="day"),
    page("POST", "programs:day_exercises", dashboard("/dashboard/programs/"), pk="day"),
    page("POST", "programs:day_reorder", dashboard("/dashboard/programs/"), pk="day"),
    page("GET", "programs:prescription", dashboard("/dashboard/programs/"), pk="prescription"),
    page("POST", "programs:prescription", dashboard(), pk="prescription"),
    page(
        "POST", "programs:prescription_move", dashboard("/dashboard/programs/"), pk="prescription"
    ),
    page(
        "POST",
        "programs:prescription_superset",
        dashboard("/dashboard/programs/"),
        pk="prescription",
    ),
    page("GET", "programs:prescription_delete", dashboard(), pk="prescription"),
    page(
        "POST", "programs:prescription_delete", dashboard("/dashboard/programs/"), pk="prescription"
    ),
    page("GET", "nutrition:plans", dashboard_page()),
    page("GET", "nutrition:create", dashboard_page()),
    page("POST", "nutrition:create", dashboard_page()),
    page("GET", "nutrition:from_template", dashboard_page()),
    page("GET", "nutrition:editor", dashboard(), pk="meal_plan"),
    page("GET", "nutrition:edit", dashboard(), pk="meal_plan"),
    page("POST", "nutrition:edit", dashboard(), pk="meal_plan"),
    page("GET", "nutrition:delete", dashboard(), pk="meal_plan"),
    page("POST", "nutrition:delete", dashboard("/dashboard/nutrition/"), pk="meal_plan"),
    page("POST", "nutrition:duplicate", dashboard("/dashboard/nutrition/plans/"), pk="meal_plan"),
    page(
        "POST", "nutrition:mark_template", dashboard("/dashboard/nutrition/plans/"), pk="meal_plan"
    ),
    page(
        "POST", "nutrition:use_template", dashboard("/dashboard/nutrition/plans/"), pk="meal_plan"
    ),
    page("GET", "nutrition:assign", dashboard(), pk="meal_plan"),
    page("POST", "nutrition:assign", dashboard(), pk="meal_plan"),
    page("GET", "nutrition:shopping", dashboard(), pk="meal_plan"),
    page("POST", "nutrition:targets", dashboard("/dashboard/nutrition/plans/"), pk="meal_plan"),
    page("POST", "nutrition:calculate", dashboard(), pk="meal_plan"),
    page("POST", "nutrition:targets_preview", dashboard(), pk="meal_plan"),
    page("POST", "nutrition:slot_add", dashboard("/dashboard/nutrition/plans/"), pk="meal_plan"),
    page("POST", "nutrition:slot_rename", dashboard("/dashboard/nutrition/plans/"), pk="plan_slot"),
    page("POST", "nutrition:slot_move", dashboard("/dashboard/nutrition/plans/"), pk="plan_slot"),
    page("GET", "nutrition:slot_delete", dashboard(), pk="plan_slot"),
    page("POST", "nutrition:slot_delete", dashboard("/dashboard/nutrition/plans/"), pk="plan_slot"),
    page("POST", "nutrition:day_title", dashboard("/dashboard/nutrition/plans/"), pk="plan_day"),
    page("GET", "nutrition:day_items", dashboard(), pk="plan_day", body={"slot": "@plan_slot"}),
    page(
        "POST",
        "nutrition:day_items",
        dashboard("/dashboard/nutrition/plans/"),
        pk="plan_day",
        body={"slot": "@plan_slot", "food": "@food"},
    ),
    page("POST", "nutrition:day_copy", dashboard("/dashboard/nutrition/plans/"), pk="plan_day"),
    page("POST", "nutrition:item", dashboard("/dashboard/nutrition/plans/"), pk="plan_entry"),
    page(
        "POST", "nutrition:item_delete", dashboard("/dashboard/nutrition/plans/"), pk="plan_entry"
    ),
    page("GET", "nutrition:assignment_end", dashboard(), pk="meal_assignment"),
    page("POST", "nutrition:assignment_end", dashboard(), pk="meal_assignment"),
    page("GET", "nutrition:recipe_list", dashboard_page()),
    page("GET", "nutrition:recipe_create", dashboard_page()),
    page("POST", "nutrition:recipe_create", dashboard_page()),
    page("POST", "nutrition:recipe_preview", dashboard_page()),
    page("GET", "nutrition:recipe_food_search", dashboard_page()),
    page("GET", "nutrition:recipe_detail", dashboard(), pk="recipe"),
    page("GET", "nutrition:recipe_edit", dashboard(), pk="recipe"),
    page("POST", "nutrition:recipe_edit", dashboard(), pk="recipe"),
    page(
        "POST",
        "nutrition:recipe_duplicate",
        dashboard("/dashboard/nutrition/recipes/"),
        pk="recipe",
    ),
    page("GET", "nutrition:recipe_delete", dashboard(), pk="recipe"),
    page(
        "POST", "nutrition:recipe_delete", dashboard("/dashboard/nutrition/recipes/"), pk="recipe"
    ),
    page("GET", "nutrition:food_list", dashboard_page()),
    page("GET", "nutrition:food_create", dashboard_page()),
    page("POST", "nutrition:food_create", dashboard_page()),
    page("GET", "nutrition:food_detail", dashboard(), pk="food"),
    page("GET", "nutrition:food_edit", dashboard(), pk="food"),
    page("POST", "nutrition:food_edit", dashboard(), pk="food"),
    page("GET", "nutrition:food_delete", dashboard(), pk="food"),
    page("POST", "nutrition:food_delete", dashboard(409), pk="food"),
    page("GET", "nutrition:client", dashboard(), client_id="client"),
    page("GET", "nutrition:portal_today", portal_page()),
    page(
        "POST", "nutrition:portal_tick", portal("/portal/nutrition/#item-"), pk="client_plan_entry"
    ),
    page("GET", "nutrition:portal_foods", portal_page()),
    page("POST", "nutrition:portal_add_food", portal_page("/portal/nutrition/#add-food")),
    page(
        "POST",
        "nutrition:portal_change_food",
        portal("/portal/nutrition/#extra-"),
        pk="diary_entry",
    ),
    page(
        "POST",
        "nutrition:portal_remove_food",
        portal("/portal/nutrition/#add-food"),
        pk="diary_entry",
    ),
    page("GET", "progress:dashboard", dashboard_page()),
    page("POST", "progress:attention_dismiss", dashboard(404)),
    page("GET", "progress:client_list", dashboard_page()),
    page("GET", "progress:client", dashboard(), pk="client"),
    page("GET", "progress:training", dashboard(), client_id="client"),
    page("GET", "progress:one_rep_maxes", dashboard(), client_id="client"),
    page("POST", "progress:one_rep_maxes", dashboard(), client_id="client"),
    page(
        "POST",
        "progress:one_rep_max_delete",
        dashboard("/dashboard/clients/"),
        client_id="client",
        pk="one_rep_max",
    ),
    page(
        "GET", "progress:training_exercise", dashboard(), client_id="client", exercise_id="exercise"
    ),
    page("GET", "progress:client_progress", dashboard(), client_id="client"),
    page("GET", "progress:measurements", dashboard(), client_id="client"),
    page("POST", "progress:measurements", dashboard(), client_id="client"),
    page("GET", "progress:measurement_edit", dashboard(), client_id="client", pk="measurement"),
    page("POST", "progress:measurement_edit", dashboard(), client_id="client", pk="measurement"),
    page(
        "POST",
        "progress:measurement_delete",
        dashboard("/dashboard/clients/"),
        client_id="client",
        pk="measurement",
    ),
    page("GET", "progress:photos", dashboard(), client_id="client"),
    page("POST", "progress:photos", dashboard(), client_id="client"),
    page(
        "POST",
        "progress:photo_delete",
        dashboard("/dashboard/clients/"),
        client_id="client",
        pk="photo",
    ),
    page("GET", "progress:progress_settings", dashboard(), client_id="client"),
    page("POST", "progress:progress_settings", dashboard(), client_id="client"),
    page("POST", "progress:custom_add", dashboard(), client_id="client"),
    page(
        "POST",
        "progress:custom_remove",
        dashboard("/dashboard/clients/"),
        client_id="client",
        pk="custom_measurement",
    ),
    page("GET", "progress:check_in", dashboard(), client_id="client", pk="check_in"),
    page("POST", "progress:check_in", dashboard(), client_id="client", pk="check_in"),
    page("GET", "progress:workout_thread", dashboard(), client_id="client", pk="workout_log"),
    page("POST", "progress:workout_thread", dashboard(), client_id="client", pk="workout_log"),
    page("GET", "progress:photo_file", (200, 404, 200, 404, SIGN_IN), pk="photo", variant="thumb"),
    page("POST", "progress:report_request", dashboard("/dashboard/clients/"), client_id="client"),
    page("GET", "progress:report_row", dashboard(), client_id="client", pk="report"),
    page(
        "POST",
        "progress:report_retry",
        dashboard("/dashboard/clients/"),
        client_id="client",
        pk="failed_report",
    ),
    # a client reads no reports: their own is a 404 like anyone else's
    page(
        "GET",
        "progress:report_file",
        (200, 404, 404, 404, SIGN_IN),
        client_id="client",
        pk="report",
    ),
    page("GET", "progress:portal_home", portal_page()),
    page("GET", "progress:portal_today", portal_page()),
    page("GET", "progress:portal_log_day", portal(), day_id="client_day"),
    page("POST", "progress:portal_log_day", portal(), day_id="client_day"),
    page("GET", "progress:portal_history", portal_page()),
    page("GET", "progress:portal_workout", portal(), log_id="workout_log"),
    page("GET", "progress:portal_workout_edit", portal(), log_id="workout_log"),
    page("POST", "progress:portal_workout_edit", portal(), log_id="workout_log"),
    page("POST", "progress:portal_workout_reply", portal(400), log_id="workout_log"),
    page("GET", "progress:portal_bests", portal_page()),
    page("GET", "progress:portal_exercise", portal(), exercise_id="exercise"),
    page("GET", "progress:portal_progress", portal_page()),
    page("POST", "progress:portal_weigh_in", portal_page()),
    page("GET", "progress:portal_measurements", portal_page()),
    page("GET", "progress:portal_measurement_add", portal_page()),
    page("POST", "progress:portal_measurement_add", portal_page()),
    page("GET", "progress:portal_measurement_edit", portal(), pk="measurement"),
    page("POST", "progress:portal_measurement_edit", portal(), pk="measurement"),
    page(
        "POST",
        "progress:portal_measurement_delete",
        portal("/portal/progress/measurements/"),
        pk="measurement",
    ),
    page("GET", "progress:portal_photos", portal_page()),
    page("GET", "progress:portal_photo_upload", portal_page()),
    page("POST", "progress:portal_photo_upload", portal_page()),
    page("POST", "progress:portal_photo_delete", portal("/portal/progress/photos/"), pk="photo"),
    page("POST", "progress:portal_photo_consent", portal_page("/portal/progress/photos/")),
    page("GET", "progress:portal_check_ins", portal_page()),
    page("GET", "progress:portal_check_in_new", portal_page()),
    page("POST", "progress:portal_check_in_new", portal_page()),
    page("GET", "progress:portal_check_in", portal(), pk="check_in"),
    page("POST", "progress:portal_check_in", portal(), pk="check_in"),
    page("GET", "billing:home", dashboard_page()),
    page("GET", "billing:invoice_create", dashboard_page()),
    page("POST", "billing:invoice_create", dashboard_page()),
    page("GET", "billing:invoice", dashboard(), pk="invoice"),
    page("GET", "billing:invoice_edit", dashboard(), pk="draft_invoice"),
    page("POST", "billing:invoice_edit", dashboard(), pk="draft_invoice"),
    page("GET", "billing:invoice_delete", dashboard(), pk="draft_invoice"),
    page("POST", "billing:invoice_delete", dashboard("/dashboard/billing/"), pk="draft_invoice"),
    page("POST", "billing:line_add", dashboard(400), pk="draft_invoice"),
    page("POST", "billing:line_remove", dashboard("/dashboard/billing/invoices/"), pk="draft_line"),
    page("GET", "billing:invoice_print", dashboard(), pk="invoice"),
    page("GET", "billing:invoice_pdf", dashboard(), pk="invoice"),
    page("GET", "billing:invoice_issue", dashboard(), pk="draft_invoice"),
    page(
        "POST",
        "billing:invoice_issue",
        dashboard("/dashboard/billing/invoices/"),
        pk="draft_invoice",
    ),
    page("POST", "billing:invoice_send", dashboard("/dashboard/billing/invoices/"), pk="invoice"),
    page("GET", "billing:invoice_void", dashboard(), pk="invoice"),
    page("POST", "billing:invoice_void", dashboard("/dashboard/billing/invoices/"), pk="invoice"),
    page("GET", "billing:invoice_uncollectible", dashboard(), pk="invoice"),
    page(
        "POST",
        "billing:invoice_uncollectible",
        dashboard("/dashboard/billing/invoices/"),
        pk="invoice",
    ),
    page("GET", "billing:payment_create", dashboard(), pk="invoice"),
    page("POST", "billing:payment_create", dashboard(400), pk="invoice"),
    page("GET", "billing:receipt", dashboard(), pk="payment"),
    page("GET", "billing:packages", dashboard_page()),
    page("GET", "billing:package_create", dashboard_page()),
    page("POST", "billing:package_create", dashboard_page()),
    page("GET", "billing:package_edit", dashboard(), pk="package"),
    page("POST", "billing:package_edit", dashboard(), pk="package"),
    page(
        "POST", "billing:package_archive", dashboard("/dashboard/billing/packages/"), pk="package"
    ),
    page("GET", "billing:package_delete", dashboard(), pk="package"),
    page("POST", "billing:package_delete", dashboard("/dashboard/billing/packages/"), pk="package"),
    page("GET", "billing:settings", dashboard_page()),
    page("POST", "billing:settings", dashboard_page()),
    page("GET", "billing:client", dashboard(), client_id="client"),
    page("GET", "billing:portal_invoices", portal_page()),
    page("GET", "billing:portal_invoice", portal(), pk="invoice"),
    page("POST", "billing:portal_pay", portal("/portal/invoices/"), pk="invoice"),
    page("GET", "billing:portal_print", portal(), pk="invoice"),
    page("GET", "billing:portal_invoice_pdf", portal(), pk="invoice"),
    page("GET", "billing:portal_receipt", portal(), pk="payment"),
    page("GET", "portability:data", dashboard_page()),
    page("GET", "portability:export_panel", dashboard_page()),
    page("POST", "portability:export_request", dashboard_page("/dashboard/settings/data/")),
    page("POST", "portability:import_upload", dashboard_page(400)),
    # the ZIP holds every client's data: the trainer's own, a 404 for anyone else
    page("GET", "portability:export_download", (200, 404, 404, 404, SIGN_IN), pk="export"),
    page("GET", "portability:portal_account", portal_page()),
    page("GET", "portability:portal_my_data", portal_page()),
]
