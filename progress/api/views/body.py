"""/api/v1/progress/ measurements, custom measurements, photos (and their files),
settings and summary, and /api/v1/uploads/. A client acts on their own records; a
trainer on their clients' (naming the client). Writes go through progress.services."""

from __future__ import annotations

from datetime import date
from typing import Any

import django_filters
from django.db.models import QuerySet
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from rest_framework import mixins, serializers
from rest_framework.exceptions import ValidationError
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from clients.models import Client
from fitnesspr.actor import Actor
from fitnesspr.api.filters import FilterBackend, FilterSet, WindowDateFilter, scoped_choices
from fitnesspr.api.permissions import IsTrainerOrClient, IsTrainerOrReadOnlyClient
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ActorAPIView, ScopedGenericViewSet
from fitnesspr.storage import private_file_response
from progress.api.schema import body as schema
from progress.api.serializers.body import (
    CLIENT_SETTINGS,
    STANDARD_VALUES,
    TRAINER_SETTINGS,
    ClientRangeQuerySerializer,
    CustomMeasurementSerializer,
    MeasurementSerializer,
    PhotoChangeSerializer,
    PhotoSerializer,
    SettingsSerializer,
    SummarySerializer,
    UploadSerializer,
)
from progress.models import BodyMeasurement, CustomMeasurement, PhotoPose, ProgressPhoto
from progress.selectors.body import default_window, photo_get, progress_settings
from progress.selectors.series import TREND_WINDOW_DAYS, period_of, progress_summary, weight_change
from progress.services import body as services
from progress.services.photos import photo_add, photo_delete, photo_update

CLIENT_REQUIRED = "Trainers name the client: one of yours."


def today_of(actor: Actor) -> date:
    """Today on the calendar of the actor's trainer (staff: the server's)."""
    return actor.trainer.today() if actor.trainer is not None else timezone.localdate()


def target_client(actor: Actor, named: Client | None) -> Client:
    """Whose record a write is about: a client's own; a trainer's named client."""
    if actor.is_client and actor.client is not None:
        return actor.client
    if named is None:
        raise ValidationError({"client": [CLIENT_REQUIRED]})
    return named


def client_in_query(request: Request, actor: Actor) -> Client:
    """The client a read is about: yourself as a client, `?client=` as a trainer."""
    query = ClientRangeQuerySerializer(data=request.query_params, context={"request": request})
    query.is_valid(raise_exception=True)
    return target_client(actor, query.validated_data.get("client"))


class DateRangeFilter(FilterSet):
    """`?client=` (trainers: one of their clients) and, with with_date_range, `?from=`
    and `?to=`."""

    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="Trainers: one client's rows."
    )


def with_date_range(filterset: type[django_filters.FilterSet], field: str, what: str) -> None:
    # `from` is a Python keyword, so these can't be class attributes.
    filterset.base_filters["from"] = WindowDateFilter(
        field_name=field, lookup_expr="gte", help_text=f"{what} on or after (YYYY-MM-DD)."
    )
    filterset.base_filters["to"] = WindowDateFilter(
        field_name=field, lookup_expr="lte", help_text=f"{what} on or before (YYYY-MM-DD)."
    )


class MeasurementFilter(DateRangeFilter):
    class Meta:
        model = BodyMeasurement
        fields = ["client"]


with_date_range(MeasurementFilter, "measured_on", "Measured")


def _custom(data: dict[str, Any]) -> dict[CustomMeasurement, Any]:
    return {item["measurement"]: item["value_cm"] for item in data.get("custom_values", [])}


@schema.measurement_viewset
class MeasurementViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, ScopedGenericViewSet
):
    model = BodyMeasurement
    serializer_class = MeasurementSerializer
    permission_classes = [IsTrainerOrClient]
    filter_backends = [FilterBackend]
    filterset_class = MeasurementFilter
    success_messages = {
        "create": "Measurements saved.",
        "update": "Measurements changed.",
        "partial_update": "Measurements changed.",
        "destroy": "Measurements deleted.",
    }

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        ordered = queryset.order_by("-measured_on", "-pk")
        # a list shows the client by id only; one row's changes read its trainer's day
        return ordered if self.action == "list" else ordered.select_related("client__trainer")

    def filter_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        queryset = super().filter_queryset(queryset)
        asked = {"from", "to"} & set(self.request.query_params)
        if self.action == "list" and not asked:
            start, end = default_window(today_of(self.actor))
            queryset = queryset.filter(measured_on__range=(start, end))
        return queryset

    def get_serializer_context(self) -> dict[str, Any]:
        kinds = CustomMeasurement.objects.for_actor(self.actor).values_list("pk", "name")
        # read once a row has a custom value to name (most rows have none)
        names = SimpleLazyObject(lambda: dict(kinds))
        return {**super().get_serializer_context(), "custom_kinds": names}

    def _read(self, row: BodyMeasurement, *, status: int = 200, action: str) -> Response:
        data = MeasurementSerializer(row, context=self.get_serializer_context()).data
        return envelope(data, message=self.success_messages[action], status=status)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        row = services.measurement_log(
            client=target_client(self.actor, data.get("client")),
            measured_on=data["measured_on"],
            notes=data.get("notes", ""),
            custom=_custom(data),
            merge=False,
            **{name: data.get(name) for name in STANDARD_VALUES},  # type: ignore[arg-type]
        )
        return self._read(row, status=201, action="create")

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        partial = bool(kwargs.pop("partial", False))
        row = self.get_object()
        serializer = self.get_serializer(row, data=request.data, partial=partial)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if "client" in data and data["client"].pk != row.client_id:
            raise ValidationError({"client": ["A measurement stays with its client."]})
        values = {name: data.get(name) for name in STANDARD_VALUES if name in data or not partial}
        row = services.measurement_update(
            measurement=row,
            measured_on=data.get("measured_on"),
            notes=data.get("notes"),
            custom=_custom(data),
            **values,  # type: ignore[arg-type]
        )
        return self._read(row, action="update")

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return self.update(request, *args, partial=True, **kwargs)

    def perform_destroy(self, instance: BodyMeasurement) -> None:
        services.measurement_delete(measurement=instance)


class CustomMeasurementFilter(FilterSet):
    client = django_filters.ModelChoiceFilter(
        queryset=scoped_choices(Client), help_text="Trainers: one client's measurements."
    )

    class Meta:
        model = CustomMeasurement
        fields = ["client"]


@schema.custom_measurement_viewset
class CustomMeasurementViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, ScopedGenericViewSet
):
    model = CustomMeasurement
    serializer_class = CustomMeasurementSerializer
    permission_classes = [IsTrainerOrReadOnlyClient]
    filter_backends = [FilterBackend]
    filterset_class = CustomMeasurementFilter
    success_messages = {"create": "Measurement added.", "destroy": "Measurement removed."}

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.select_related("client").order_by("client_id", "name", "pk")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        kind = services.custom_measurement_add(client=data["client"], name=data["name"])
        body = CustomMeasurementSerializer(kind, context=self.get_serializer_context()).data
        return envelope(body, message=self.success_messages["create"], status=201)

    def perform_destroy(self, instance: CustomMeasurement) -> None:
        services.custom_measurement_remove(kind=instance)


class PhotoFilter(DateRangeFilter):
    pose = django_filters.ChoiceFilter(choices=PhotoPose.choices)

    class Meta:
        model = ProgressPhoto
        fields = ["client", "pose"]


with_date_range(PhotoFilter, "taken_on", "Taken")


def _store_upload(request: Request, actor: Actor) -> ProgressPhoto:
    """A multipart upload (UploadSerializer) stored as a progress photo."""
    upload = UploadSerializer(data=request.data, context={"request": request})
    upload.is_valid(raise_exception=True)
    data = upload.validated_data
    client = target_client(actor, data.get("client"))
    return photo_add(
        client=client,
        upload=data["file"],
        pose=data["pose"],
        taken_on=data.get("taken_on") or client.trainer.today(),
        uploaded_by=actor.user,
        notes=data.get("notes", ""),
    )


def _photo_body(photo: ProgressPhoto, request: Request) -> Any:
    return PhotoSerializer(photo, context={"request": request}).data


@schema.photo_viewset
class PhotoViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, ScopedGenericViewSet
):
    model = ProgressPhoto
    serializer_class = PhotoSerializer
    permission_classes = [IsTrainerOrClient]
    parser_classes = [MultiPartParser, FormParser, JSONParser]
    filter_backends = [FilterBackend]
    filterset_class = PhotoFilter
    success_messages = {
        "create": "Photo saved.",
        "partial_update": "Photo changed.",
        "destroy": "Photo deleted.",
    }

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.select_related("client__trainer").order_by("-taken_on", "pose", "-pk")

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        photo = _store_upload(request, self.actor)
        return envelope(
            _photo_body(photo, request), message=self.success_messages["create"], status=201
        )

    def partial_update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        photo = self.get_object()
        change = PhotoChangeSerializer(data=request.data)
        change.is_valid(raise_exception=True)
        photo = photo_update(photo=photo, **change.validated_data)
        return envelope(
            _photo_body(photo, request), message=self.success_messages["partial_update"]
        )

    def perform_destroy(self, instance: ProgressPhoto) -> None:
        photo_delete(photo=instance)


class PhotoFileView(ActorAPIView):
    """The bytes of a photo (or, on S3, a redirect to a short-lived signed URL), for
    whoever may read it; never cached by shared caches."""

    FIELDS = {"image": "image", "thumbnail": "thumbnail"}

    @schema.photo_file_get
    def get(self, request: Request, pk: int, variant: str) -> Any:
        if variant not in self.FIELDS:
            raise serializers.ValidationError({"variant": ["Ask for image or thumbnail."]})
        photo = photo_get(actor=self.actor, pk=pk)
        stored = getattr(photo, self.FIELDS[variant]) or photo.image
        filename = f"progress-{photo.taken_on:%Y-%m-%d}-{photo.pose}-{variant}.jpg"
        return private_file_response(stored, content_type="image/jpeg", filename=filename)


class UploadView(ActorAPIView):
    """POST /api/v1/uploads/: files come in here (multipart)."""

    permission_classes = [IsTrainerOrClient]
    parser_classes = [MultiPartParser, FormParser]
    success_message = "Photo saved."

    @schema.upload_post
    def post(self, request: Request) -> Response:
        photo = _store_upload(request, self.actor)
        return envelope(_photo_body(photo, request), message=self.success_message, status=201)


class SettingsView(ActorAPIView):
    permission_classes = [IsTrainerOrClient]
    success_message = "Settings saved."

    @schema.settings_get
    def get(self, request: Request) -> Response:
        client = client_in_query(request, self.actor)
        return envelope(SettingsSerializer(progress_settings(client=client)).data)

    @schema.settings_patch
    def patch(self, request: Request) -> Response:
        client = client_in_query(request, self.actor)
        current = progress_settings(client=client)
        change = SettingsSerializer(current, data=request.data, partial=True)
        change.is_valid(raise_exception=True)
        data = change.validated_data
        mine, theirs = (
            (CLIENT_SETTINGS, TRAINER_SETTINGS)
            if self.actor.is_client
            else (TRAINER_SETTINGS, CLIENT_SETTINGS)
        )
        refused = sorted(set(data) & set(theirs))
        if refused:
            who = "your trainer" if self.actor.is_client else "the client"
            raise ValidationError({name: [f"Only {who} sets this."] for name in refused})
        if self.actor.is_client:
            if "photos_in_reports" in data:
                current = services.photo_consent_set(
                    client=client, allowed=data["photos_in_reports"]
                )
            if "weekly_report" in data:
                current = services.weekly_report_set(client=client, wanted=data["weekly_report"])
        elif set(data) & set(mine):
            current = services.progress_settings_update(
                client=client,
                check_in_weekday=data.get("check_in_weekday", current.check_in_weekday),
                weight_goal=data.get("weight_goal", current.weight_goal),
                target_weight_kg=data.get("target_weight_kg", current.target_weight_kg),
            )
        return envelope(SettingsSerializer(current).data, message=self.success_message)


class SummaryView(ActorAPIView):
    permission_classes = [IsTrainerOrClient]

    @schema.summary_get
    def get(self, request: Request) -> Response:
        query = ClientRangeQuerySerializer(data=request.query_params, context={"request": request})
        query.is_valid(raise_exception=True)
        client = target_client(self.actor, query.validated_data.get("client"))
        today = client.trainer.today()
        period = period_of(query.validated_data["range"], today=today)
        summary = progress_summary(client=client, period=period)
        recent = [p for p in summary.weight.points if (today - p.on).days < TREND_WINDOW_DAYS]
        body = {
            "client": client.pk,
            "period": summary.period,
            "weight": summary.weight,
            "weight_change_4_weeks_kg": weight_change(recent),
            "measurements": summary.measurements,
            "volume": summary.volume,
            "lifts": summary.lifts,
        }
        return envelope(SummarySerializer(body).data)
