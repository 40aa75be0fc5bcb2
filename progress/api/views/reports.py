"""/api/v1/progress/reports/: a trainer asks for a client's progress report (202: it is
made in the background), follows its status and downloads the PDF. Reports are the
trainer's: a client's token gets 403 on every endpoint, another trainer's report or
client is a 404."""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import QuerySet
from django.http.response import HttpResponseBase
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from clients.models import Client
from clients.selectors import client_get_for_write
from fitnesspr.api.filters import FilterBackend, FilterSet, scoped_choices
from fitnesspr.api.permissions import IsTrainer
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ScopedGenericViewSet
from progress.api.schema import reports as schema
from progress.api.serializers.reports import ReportRequestSerializer, ReportSerializer
from progress.models import ProgressReport
from progress.selectors.reports import report_download
from progress.services.reports import report_request, report_retry


class ReportFilter(FilterSet):
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="One client's reports."
    )

    class Meta:
        model = ProgressReport
        fields = ["client", "status"]


@schema.report_viewset
class ReportViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedGenericViewSet):
    model = ProgressReport
    serializer_class = ReportSerializer
    permission_classes = [IsTrainer]
    filter_backends = [FilterBackend]
    filterset_class = ReportFilter
    success_messages = {
        "create": "The report is being made.",
        "retry": "The report is being made again.",
    }

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.select_related("client__user").order_by("-created_at", "-pk")

    def _body(self, report: ProgressReport) -> Any:
        return ReportSerializer(report, context=self.get_serializer_context()).data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        data = ReportRequestSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        fields = data.validated_data
        client = client_get_for_write(actor=self.actor, pk=fields["client"])  # others': 404
        report = report_request(
            client=client,
            period_start=fields["period_start"],
            period_end=fields["period_end"],
            requested_by=self.actor.user,
        )
        return envelope(self._body(report), message=self.success_messages["create"], status=202)

    @schema.report_retry
    @action(detail=True, methods=["post"])
    def retry(self, request: Request, pk: str) -> Response:
        report = report_retry(report=self.get_object())
        return envelope(self._body(report), message=self.success_messages["retry"], status=202)

    @schema.report_file
    @action(detail=True, methods=["get"], url_path="file", url_name="file")
    def file(self, request: Request, pk: str) -> HttpResponseBase:
        return report_download(self.get_object())
