from typing import Any

from django.core.management.base import BaseCommand

from fitnesspr.demo import demo_seed
from fitnesspr.links import site_url


class Command(BaseCommand):
    help = "Create (or refresh) the demo trainer, clients and staff user; print their logins."

    def handle(self, *args: Any, **options: Any) -> None:
        logins = demo_seed()
        base = site_url()
        self.stdout.write(
            "\n".join(
                [
                    self.style.SUCCESS("Demo data ready. Sign in with:"),
                    "",
                    f"  Trainer dashboard  {base}/accounts/login/",
                    f"    email     {logins.trainer_email}",
                    f"    password  {logins.trainer_password}",
                    "",
                    f"  Client portal      {base}/portal/login/",
                    f"    email     {logins.client_email}",
                    f"    PIN       {logins.client_pin}   (a new PIN is issued at every run)",
                    "",
                    f"  Staff admin        {base}/admin/",
                    f"    email     {logins.staff_email}",
                    f"    password  {logins.staff_password}",
                    "",
                ]
            )
        )
