"""The large benchmark dataset (`manage.py bench_dataset`): many trainers with a year of
history each, written in bulk (COPY on PostgreSQL, bulk_create elsewhere)."""
