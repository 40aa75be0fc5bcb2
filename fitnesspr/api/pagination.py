from __future__ import annotations

from typing import Any

from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response

from fitnesspr.pagination import page_or_error

PER_PAGE_MESSAGE = "A whole number from 1 (more than 100 counts as 100)."
PAGE_MESSAGE = "A page number, from 1."


class EnvelopePagination(PageNumberPagination):
    """`?page=&per_page=` (per_page capped at 100); answers in the paginated envelope.
    A page past the end is a 404 NOT_FOUND, like any other missing resource. A page that
    exists is one query: its total rides along with its rows (`page_or_error`)."""

    page_size = 20
    page_query_param = "page"
    page_size_query_param = "per_page"
    max_page_size = 100
    page_query_description = "Page number, from 1; a page past the end is a 404."
    page_size_query_description = "Items per page: 20 by default, at most 100."
    invalid_page_message = "There is no page {page_number} ({message})."

    # DRF falls back to the defaults on a bad `per_page` or an empty `page`; an API user
    # who sent one meant something, so both are a 400 VALIDATION_ERROR naming the parameter.
    def get_page_size(self, request: Request) -> int:
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        if not (raw.isascii() and raw.isdigit()) or int(raw) < 1:
            raise ValidationError({self.page_size_query_param: [PER_PAGE_MESSAGE]})
        return min(int(raw), self.max_page_size)

    def paginate_queryset(
        self, queryset: Any, request: Request, view: Any = None
    ) -> list[Any] | None:
        if not isinstance(queryset, QuerySet):
            return super().paginate_queryset(queryset, request, view)
        # DRF's own steps, with the page read in one query
        self.request = request
        page_size = self.get_page_size(request)
        page_number = self.get_page_number(request, Paginator(queryset, page_size))
        try:
            self.page = page_or_error(queryset, page_number, page_size)
        except InvalidPage as exc:
            raise NotFound(
                self.invalid_page_message.format(page_number=page_number, message=str(exc))
            ) from exc
        if self.page.paginator.num_pages > 1 and self.template is not None:
            self.display_page_controls = True
        return list(self.page)

    def get_page_number(self, request: Request, paginator: Any) -> Any:
        if request.query_params.get(self.page_query_param) == "":
            raise ValidationError({self.page_query_param: [PAGE_MESSAGE]})
        return super().get_page_number(request, paginator)

    def get_schema_operation_parameters(self, view: Any) -> list[dict[str, Any]]:
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
        return parameters

    def get_paginated_response(self, data: Any) -> Response:
        assert self.page is not None
        paginator = self.page.paginator
        return Response(
            {
                "success": True,
                "data": data,
                "pagination": {
                    "page": self.page.number,
                    "per_page": paginator.per_page,
                    "total": paginator.count,
                    "pages": paginator.num_pages,
                },
            }
        )

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        return {
            "type": "object",
            "required": ["success", "data", "pagination"],
            "properties": {
                "success": {"type": "boolean", "example": True},
                "data": schema,
                "pagination": {
                    "type": "object",
                    "required": ["page", "per_page", "total", "pages"],
                    "properties": {
                        "page": {"type": "integer", "example": 1},
                        "per_page": {"type": "integer", "example": 20},
                        "total": {"type": "integer", "example": 1},
                        "pages": {"type": "integer", "example": 1},
                    },
                },
            },
        }
