"""Background jobs of the progress app: reports (reports.py), reminders and summaries (reminders.py)."""
