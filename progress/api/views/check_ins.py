"""/api/v1/progress/check-ins/ (with their replies and this week's due date) and the
replies on a logged workout. Clients send their own check-ins; both sides reply."""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, QuerySet
from rest_framework import mixins
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from fitnesspr.api.filters import FilterBackend
from fitnesspr.api.permissions import IsTrainerOrClient
from fitnesspr.api.responses import envelope
from fitnesspr.api.viewsets import ActorAPIView, ScopedGenericViewSet
from progress.api.schema import check_ins as schema
from progress.api.serializers.body import CheckInDueSerializer, CheckInSerializer, ReplySerializer
from progress.api.views.body import DateRangeFilter, client_in_query, today_of, with_date_range
from progress.models import SCORES, CheckIn, ProgressPhoto, Reply, WorkoutLog
from progress.selectors.body import progress_settings
from progress.selectors.check_ins import (
    check_in_due,
    check_in_get,
    workout_log_get,
    workout_thread,
)
from progress.services.check_ins import check_in_submit, reply_add, thread_mark_read


class CheckInFilter(DateRangeFilter):
    class Meta:
        model = CheckIn
        fields = ["client"]


with_date_range(CheckInFilter, "due_on", "Due")


@schema.check_in_viewset
class CheckInViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedGenericViewSet):
    model = CheckIn
    serializer_class = CheckInSerializer
    permission_classes = [IsTrainerOrClient]
    filter_backends = [FilterBackend]
    filterset_class = CheckInFilter
    success_messages = {"create": "Check-in sent.", "replies": "Reply sent."}

    def scope_queryset(self, queryset: QuerySet[Any]) -> QuerySet[Any]:
        return queryset.prefetch_related(
            Prefetch("replies", queryset=Reply.objects.select_related("author")),
            Prefetch("photos", queryset=ProgressPhoto.objects.order_by("pose", "pk")),
        ).order_by("-due_on", "-pk")

    def _body(self, check_in: CheckIn) -> Any:
        fresh = self.get_queryset().get(pk=check_in.pk)
        return CheckInSerializer(fresh, context=self.get_serializer_context()).data

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        client = self.client  # a trainer's token: 403
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        check_in = check_in_submit(
            client=client,
            photos=data.get("photo_ids", []),
            weight_kg=data.get("weight_kg"),
            comment=data.get("comment", ""),
            **{name: data[name] for name in SCORES},  # type: ignore[arg-type]
        )
        return envelope(self._body(check_in), message=self.success_messages["create"], status=201)

    @schema.check_in_due
    @action(detail=False, methods=["get"])
    def due(self, request: Request) -> Response:
        client = client_in_query(request, self.actor)
        weekday = progress_settings(client=client).check_in_weekday
        due = check_in_due(client=client, today=today_of(self.actor))
        body = {
            "check_in_weekday": weekday,
            "due_on": due.due_on if due else None,
            "days_left": due.days_left if due else None,
            "submitted": due.submitted.pk if due and due.submitted else None,
        }
        return envelope(CheckInDueSerializer(body).data)

    @schema.check_in_replies_get
    @schema.check_in_replies_post
    @action(
        detail=True,
        methods=["get", "post"],
        serializer_class=ReplySerializer,
        pagination_class=None,
    )
    def replies(self, request: Request, pk: str) -> Response:
        # Both sides write in the thread: the client's own check-in, the trainer's client's.
        return _thread(request, self.actor, check_in=self.get_object())

    @schema.check_in_replies_read
    @action(
        detail=True,
        methods=["post"],
        url_path="replies/read",
        url_name="replies-read",
        serializer_class=None,
        pagination_class=None,
    )
    def replies_read(self, request: Request, pk: str) -> Response:
        # Whoever may read the thread marks it read (the read getter, as the GET).
        check_in = check_in_get(actor=self.actor, pk=int(pk))
        thread_mark_read(actor=self.actor, check_in=check_in)
        return Response(status=204)


def _thread(
    request: Request, actor: Any, *, check_in: CheckIn | None = None, log: WorkoutLog | None = None
) -> Response:
    """GET: the thread (it writes nothing: `…/replies/read/` marks it read); POST: a reply."""
    if request.method == "GET":
        replies = (
            list(check_in.replies.all()) if check_in is not None else workout_thread(log=log)  # type: ignore[arg-type]
        )
        return envelope(ReplySerializer(replies, many=True).data)
    serializer = ReplySerializer(data=request.data)
    serializer.is_valid(raise_exception=True)
    reply = reply_add(
        actor=actor, body=serializer.validated_data["body"], check_in=check_in, workout_log=log
    )
    return envelope(ReplySerializer(reply).data, message="Reply sent.", status=201)


class WorkoutRepliesView(ActorAPIView):
    """The conversation on a logged workout (the trainer answers the client's notes)."""

    permission_classes = [IsTrainerOrClient]
    success_messages = {"post": "Reply sent."}

    @schema.workout_replies_get
    def get(self, request: Request, pk: int) -> Response:
        return _thread(request, self.actor, log=workout_log_get(actor=self.actor, pk=pk))

    @schema.workout_replies_post
    def post(self, request: Request, pk: int) -> Response:
        return _thread(request, self.actor, log=workout_log_get(actor=self.actor, pk=pk))


class WorkoutRepliesReadView(ActorAPIView):
    """The read receipt of a workout's thread: what an app sends once it has shown it."""

    permission_classes = [IsTrainerOrClient]

    @schema.workout_replies_read
    def post(self, request: Request, pk: int) -> Response:
        log = workout_log_get(actor=self.actor, pk=pk)
        thread_mark_read(actor=self.actor, workout_log=log)
        return Response(status=204)
