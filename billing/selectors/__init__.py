"""Reads of the billing app: packages, invoices (with the dashboard's totals and the
overdue list), payments and the trainer's billing profile."""
