"""The food library under /dashboard/nutrition/foods/. Lookups go through the food
getters (nutrition.selectors.foods): another trainer's food is a 404; a global one can be
read but not changed (403)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils.functional import SimpleLazyObject
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from nutrition.forms.foods import FoodForm, portion_formset, portions_from
from nutrition.models import Food, FoodCategory
from nutrition.selectors import foods as selectors
from nutrition.services import foods as services
from trainers.decorators import TrainerRequest, trainer_required

PAGE_SIZE = 25


def _filters(params: QueryDict) -> selectors.FoodFilters:
    category = params.get("category", "")
    owner = params.get("owner", "")
    return {
        "search": params.get("q", "").strip()[: selectors.MAX_SEARCH],
        "category": category if category in FoodCategory.values else "",
        "owner": owner if owner in selectors.OWNER_FILTERS else "",
    }


@require_GET
@vary_on_headers("HX-Request")
@trainer_required
def food_list(request: TrainerRequest) -> HttpResponse:
    """The page and its results are cached as rendered, per version of the trainer's
    view of the library (`selectors.library_version`) and query: the foods are read
    only when the template's cache misses."""
    filters = _filters(request.GET)
    foods = selectors.food_list(actor=request.actor, **filters)
    page_number = request.GET.get("page")
    template = "nutrition/food_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#food-results"
    context: dict[str, Any] = {
        "page": SimpleLazyObject(lambda: Paginator(foods, PAGE_SIZE).get_page(page_number)),
        "cache_query": request.GET.urlencode(),  # the pagination links repeat it
        "library_version": selectors.library_version(trainer=request.trainer),
        "cache_seconds": selectors.CACHE_SECONDS,
        "filters": filters,
        "filtered": any(filters.values()),
        "categories": FoodCategory.choices,
        "owner_filters": selectors.OWNER_FILTERS,
    }
    return render(request, template, context)


@require_GET
@trainer_required
def food_detail(request: TrainerRequest, pk: int) -> HttpResponse:
    food = selectors.food_get(actor=request.actor, pk=pk)
    context = {"food": food, "own": food.trainer_id == request.trainer.pk}
    return render(request, "nutrition/food_detail.html", context)


def _save(request: TrainerRequest, food: Food | None) -> tuple[FoodForm, Any, Food | None]:
    """The form and its portions; on a valid POST, the saved food (None when refused)."""
    initial = FoodForm.initial_for(food) if food else None
    if food is not None:
        initial["aliases"] = ", ".join(food.alias_list)  # type: ignore[index]
    form = FoodForm(request.POST or None, initial=initial)
    portions = portion_formset(request.POST or None, food)
    if request.method != "POST" or not (form.is_valid() & portions.is_valid()):
        return form, portions, None
    fields = {**form.service_fields(), "portions": portions_from(portions)}
    try:
        with transaction.atomic():
            if food is None:
                return form, portions, services.food_create(trainer=request.trainer, **fields)
            return form, portions, services.food_update(actor=request.actor, food=food, **fields)
    except (ValidationError, ConflictError) as exc:
        if food is not None:
            food.refresh_from_db()  # the service set the refused values on it
        add_service_error(form, exc)
    return form, portions, None


def _food_page(request: TrainerRequest, food: Food | None) -> HttpResponse:
    form, portions, saved = _save(request, food)
    if saved is not None:
        done = "is saved" if food else "is in your foods"
        messages.success(request, f"“{saved.name}” {done}.")
        return redirect("nutrition:food_detail", pk=saved.pk)
    context = {"form": form, "portions": portions, "food": food}
    return render(request, "nutrition/food_form.html", context)


@require_http_methods(["GET", "POST"])
@trainer_required
def food_create(request: TrainerRequest) -> HttpResponse:
    return _food_page(request, None)


@require_http_methods(["GET", "POST"])
@trainer_required
def food_edit(request: TrainerRequest, pk: int) -> HttpResponse:
    return _food_page(request, selectors.food_get_for_write(actor=request.actor, pk=pk))


@require_http_methods(["GET", "POST"])
@trainer_required
def food_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    food = selectors.food_get_for_write(actor=request.actor, pk=pk)
    usage = selectors.food_usage(food=food)
    error, status = "", 200
    if request.method == "POST":
        try:
            services.food_delete(actor=request.actor, food=food)
        except ConflictError as exc:
            error, status = exc.message, 409
        else:
            messages.success(request, f"“{food.name}” is deleted.")
            return redirect("nutrition:food_list")
    context = {"food": food, "usage": usage, "error": error}
    return render(request, "nutrition/food_confirm_delete.html", context, status=status)
