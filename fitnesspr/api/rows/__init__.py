"""Read-only lists without DRF's machinery per row and per field.

DRF writes a list row by row and field by field: for each field `get_attribute`, the None
check and `to_representation`, and a nested serializer per nested row. On a page of 20
workout logs with 20 sets each that is some 5,000 field calls, most of the request's CPU.

A `RowPlan` is worked out once per serializer class from the serializer's own fields, so
the keys, their order and the schema stay the serializer's: for each readable field,
where its value is read (an attribute path on a model instance, or a key of a `values()`
row) and how DRF would write it (a decimal quantized the same way, a date in ISO format,
a related object as its id...). A field the plan has no shortcut for is written by the
field itself; a `SerializerMethodField` calls the serializer's method, with the request's
context. `RowListSerializer` (a serializer's `Meta.list_serializer_class`) writes lists
with the plan; detail, create and update responses keep the serializer as it is. A view
may fetch a nested list or a to-many field for the whole page itself, in one query of
`values()` rows, and give it in the context (`GIVEN`) instead of one model row each.
`tests/api/test_row_lists.py` compares both on varied data."""

from fitnesspr.api.rows.plan import GIVEN, RowListSerializer, RowPlan, row_plan

__all__ = ["GIVEN", "RowListSerializer", "RowPlan", "row_plan"]
