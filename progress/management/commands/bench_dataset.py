import time
from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection, transaction

from fitnesspr.models import User
from progress.benchdata.build import (
    CLIENT_PIN,
    EMAIL_DOMAIN,
    TRAINER_PASSWORD,
    Dataset,
    Plan,
    client_email,
    trainer_email,
)
from progress.benchdata.tables import reset_sequences


class Command(BaseCommand):
    help = (
        "Load the large benchmark dataset (200 trainers x 50 clients with a year of history "
        "each by default) in bulk. Run again: nothing is added. --reset empties the database "
        "first (use a database kept for benchmarks)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--trainers", type=int, default=200)
        parser.add_argument("--clients", type=int, default=50, help="clients per trainer")
        parser.add_argument("--weeks", type=int, default=52, help="weeks of history")
        parser.add_argument("--seed", type=int, default=13)
        parser.add_argument(
            "--if-missing",
            action="store_true",
            help="keep a benchmark dataset already loaded, whatever its size (make bench)",
        )
        parser.add_argument(
            "--reset",
            action="store_true",
            help="empty the WHOLE database (flush) and reload the libraries first",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()
        if options["reset"]:
            call_command("flush", interactive=False, verbosity=0)
            call_command("load_exercise_library", verbosity=0)
            call_command("load_food_library", verbosity=0)
            self.stdout.write(f"Emptied the database ({time.perf_counter() - started:.1f} s).")
        plan = Plan(
            trainers=options["trainers"],
            clients=options["clients"],
            weeks=options["weeks"],
            seed=options["seed"],
        )
        if plan.trainers < 1 or plan.clients < 1 or not 1 <= plan.weeks <= 520:
            raise CommandError("--trainers and --clients must be at least 1, --weeks 1 to 520.")
        existing = User.objects.filter(email__endswith=f"@{EMAIL_DOMAIN}", role="trainer").count()
        if existing:
            if existing != plan.trainers and not options["if_missing"]:
                raise CommandError(
                    f"A benchmark dataset with {existing} trainers is already loaded: "
                    "run with --reset to replace it."
                )
            self.stdout.write(f"The benchmark dataset is already loaded ({existing} trainers).")
            self._logins(plan)
            return
        with transaction.atomic():
            fast = self._skip_row_triggers()
            dataset = Dataset(plan, progress=lambda line: self.stdout.write(f"  {line}"))
            written = dataset.run()
            reset_sequences(dataset.base)
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")  # fresh statistics, or the planner guesses
        took = time.perf_counter() - started
        how = " (foreign-key triggers skipped: the ids match by construction)" if fast else ""
        self.stdout.write(
            self.style.SUCCESS(
                f"Benchmark dataset: {sum(written.values()):,} rows in {took:.0f} s{how}."
            )
        )
        self._logins(plan)

    def _skip_row_triggers(self) -> bool:
        """Checking each foreign key row by row would triple the load time; a superuser
        on PostgreSQL can skip those triggers for this transaction (the ids are built
        to match). Anyone else loads with the checks on, slower but the same."""
        if connection.vendor != "postgresql":
            return False
        with connection.cursor() as cursor:
            # The big tables' indexes are built once at the end: let each sort in memory.
            cursor.execute("SET LOCAL maintenance_work_mem = '512MB'")
            cursor.execute("SELECT rolsuper FROM pg_roles WHERE rolname = current_user")
            if not cursor.fetchone()[0]:
                return False
            cursor.execute("SET LOCAL session_replication_role = replica")
        return True

    def _logins(self, plan: Plan) -> None:
        self.stdout.write(
            f"  trainer: {trainer_email(0)} / {TRAINER_PASSWORD}  "
            f"(each has {plan.clients} clients)\n"
            f"  client:  {client_email(0, 0)} + PIN {CLIENT_PIN}"
        )
