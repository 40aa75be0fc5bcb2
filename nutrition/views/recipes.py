"""Recipes under /dashboard/nutrition/recipes/: list, read, write, duplicate, delete.

The recipe form is one page: the trainer searches the food library and adds a food as
a row (an htmx swap of the ingredient editor, or a plain form post without JavaScript),
types amounts in grams or portions, and the macros per recipe and per serving follow
as they type (`recipe_preview`, which writes nothing). Only "Save" writes, through
nutrition.services.recipes. Lookups go through the recipe getters: another trainer's
recipe is a 404."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.forms import BaseFormSet
from django.http import HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST
from django.views.decorators.vary import vary_on_headers

from fitnesspr.errors import ConflictError
from fitnesspr.forms import add_service_error
from nutrition.forms import row_id
from nutrition.forms.recipes import (
    RecipeForm,
    draft_rows,
    ingredient_formset,
    initial_rows,
    new_row,
    posted_rows,
    servings_from,
)
from nutrition.models import Recipe
from nutrition.selectors.foods import MAX_SEARCH, food_search, foods_by_id
from nutrition.selectors.macros import recipe_macros, total
from nutrition.selectors.recipes import (
    recipe_get,
    recipe_get_for_write,
    recipe_list,
    recipe_tags,
    recipe_usage,
)
from nutrition.services import recipes as services
from trainers.decorators import TrainerRequest, trainer_required

PAGE_SIZE = 25
FORM = "nutrition/recipe_form.html"
ROW_ERROR = re.compile(r"^ingredients\[(\d+)\]\.(\w+)$")
#: service field -> the row's form field it is shown on
ROW_FIELDS = {"grams": "quantity", "quantity": "quantity", "portion": "unit", "note": "note"}


@require_GET
@vary_on_headers("HX-Request")
@trainer_required
def recipe_index(request: TrainerRequest) -> HttpResponse:
    search = request.GET.get("q", "").strip()[:MAX_SEARCH]
    tags = {t.slug: t for t in recipe_tags()}
    tag = request.GET.get("tag", "")
    tag = tag if tag in tags else ""
    recipes = recipe_list(actor=request.actor, search=search, tag=tag)
    page = Paginator(recipes, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(recipe, recipe_macros(recipe).per_serving.rounded()) for recipe in page.object_list]
    template = "nutrition/recipe_list.html"
    if request.htmx and not request.htmx.history_restore_request:
        template += "#recipe-results"
    context = {"page": page, "rows": rows, "search": search, "tag": tag, "tags": tags.values()}
    return render(request, template, context)


@require_GET
@trainer_required
def recipe_detail(request: TrainerRequest, pk: int) -> HttpResponse:
    recipe = recipe_get(actor=request.actor, pk=pk)
    context = {
        "recipe": recipe,
        "macros": recipe_macros(recipe),
        "usage": recipe_usage(recipe=recipe),
    }
    return render(request, "nutrition/recipe_detail.html", context)


def _editor(
    request: TrainerRequest,
    rows: list[dict[str, Any]],
    *,
    servings: int,
    bound: QueryDict | None = None,
) -> dict[str, Any]:
    """The ingredient editor: its rows (bound to the post when saving, to show errors),
    their foods and the live macros."""
    foods = foods_by_id(actor=request.actor, ids=[row["food"] for row in rows])
    if bound is None:
        rows = [row for row in rows if row["food"] in foods]
        formset = ingredient_formset(foods=foods, initial=rows)
    else:
        formset = ingredient_formset(foods=foods, data=bound)
    return {"formset": formset, **_macros(rows, foods, servings)}


def _macros(rows: list[dict[str, Any]], foods: dict[int, Any], servings: int) -> dict[str, Any]:
    drafts = draft_rows(rows, foods)
    whole = total(d.macros for d in drafts)
    return {
        "drafts": drafts,
        "total": whole.rounded(),
        "per_serving": whole.scaled(Decimal(1) / servings).rounded(),
        "servings": servings,
    }


def _row_errors(form: RecipeForm, formset: BaseFormSet, exc: ValidationError) -> list[str]:
    """Put the service's refusal where it belongs: on a row's field, above the rows
    (`ingredients`), or on the recipe's own fields. Returns the messages for the rows."""
    about_rows: list[str] = []
    for key, problems in exc.message_dict.items():
        match = ROW_ERROR.match(key)
        if match and int(match.group(1)) < len(formset.forms):
            row = formset.forms[int(match.group(1))]
            row.add_error(ROW_FIELDS.get(match.group(2)), problems)
        elif key == "ingredients" or match:
            about_rows.extend(problems)
        else:
            add_service_error(form, ValidationError({key: problems}))
    return about_rows


def _recipe_page(request: TrainerRequest, recipe: Recipe | None) -> HttpResponse:
    url = (
        reverse("nutrition:recipe_edit", args=[recipe.pk])
        if recipe
        else reverse("nutrition:recipe_create")
    )
    context: dict[str, Any] = {"recipe": recipe, "form_url": url, "search": "", "results": None}
    if request.method != "POST":
        form = RecipeForm(initial=RecipeForm.initial_for(recipe) if recipe else None)
        rows = initial_rows(recipe) if recipe else []
        context |= _editor(request, rows, servings=recipe.servings if recipe else 1)
        return render(request, FORM, {**context, "form": form})

    rows = posted_rows(request.POST)
    servings = servings_from(request.POST.get("servings"))
    action = _action(request.POST)
    if action == "save":
        form = RecipeForm(request.POST)
        context |= _editor(request, rows, servings=servings, bound=request.POST)
        formset = context["formset"]
        if form.is_valid() & formset.is_valid():
            items = [row.service_item() for row in formset.forms]
            fields = {**form.cleaned_data, "ingredients": items}
            try:
                saved = (
                    services.recipe_update(recipe=recipe, **fields)
                    if recipe
                    else services.recipe_create(trainer=request.trainer, **fields)
                )
            except ConflictError as exc:
                add_service_error(form, exc)
            except ValidationError as exc:
                context["ingredients_errors"] = _row_errors(form, formset, exc)
            else:
                messages.success(request, f"“{saved.name}” is saved.")
                return redirect("nutrition:recipe_detail", pk=saved.pk)
        if recipe is not None:
            recipe.refresh_from_db()
        return render(request, FORM, {**context, "form": form})

    # Adding, removing or searching: show the rows again, nothing is saved.
    error = ""
    search = request.POST.get("food_q", "").strip()[:MAX_SEARCH]
    if action == "add":
        chosen = foods_by_id(actor=request.actor, ids=[_int(request.POST.get("add_food"))])
        if chosen:
            rows.append(new_row(next(iter(chosen.values()))))
            context["added"] = len(rows) - 1
            search = ""
        else:
            error = "Pick a food from your library."
    elif action == "remove":
        index = _int(request.POST.get("remove_row"))
        if 0 <= index < len(rows):
            rows.pop(index)
    elif action == "search":
        context["results"] = food_search(actor=request.actor, q=search)
    context |= _editor(request, rows, servings=servings)
    context |= {"search": search, "picker_error": error}
    if request.htmx:
        return render(request, f"{FORM}#ingredient-editor", context)
    form = RecipeForm(initial=RecipeForm.initial_from(request.POST))
    return render(request, FORM, {**context, "form": form})


def _action(data: QueryDict) -> str:
    if "add_food" in data:
        return "add"
    if "remove_row" in data:
        return "remove"
    if "search_food" in data:
        return "search"
    return "save"


def _int(value: Any) -> int:
    return row_id(value) or -1


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@trainer_required
def recipe_create(request: TrainerRequest) -> HttpResponse:
    return _recipe_page(request, None)


@require_http_methods(["GET", "POST"])
@vary_on_headers("HX-Request")
@trainer_required
def recipe_edit(request: TrainerRequest, pk: int) -> HttpResponse:
    return _recipe_page(request, recipe_get_for_write(actor=request.actor, pk=pk))


@require_GET
@trainer_required
def recipe_food_search(request: TrainerRequest) -> HttpResponse:
    """The ingredient picker's results (htmx, as the trainer types)."""
    search = request.GET.get("food_q", "").strip()[:MAX_SEARCH]
    recipe_id = _int(request.GET.get("for"))
    url = (
        reverse("nutrition:recipe_edit", args=[recipe_id])
        if recipe_id > 0
        else reverse("nutrition:recipe_create")
    )
    context = {
        "search": search,
        "results": food_search(actor=request.actor, q=search),
        "form_url": url,
    }
    return render(request, f"{FORM}#food-results", context)


@require_POST
@trainer_required
def recipe_preview(request: TrainerRequest) -> HttpResponse:
    """The macros of the form as typed, not saved (htmx, on every change)."""
    rows = posted_rows(request.POST)
    foods = foods_by_id(actor=request.actor, ids=[row["food"] for row in rows])
    context = _macros(rows, foods, servings_from(request.POST.get("servings")))
    return render(request, f"{FORM}#recipe-macros", context)


@require_POST
@trainer_required
def recipe_duplicate(request: TrainerRequest, pk: int) -> HttpResponse:
    recipe = recipe_get_for_write(actor=request.actor, pk=pk)
    copy = services.recipe_duplicate(recipe=recipe)
    messages.success(
        request, f"Duplicated as “{copy.name}”: change it without touching the original."
    )
    return redirect("nutrition:recipe_edit", pk=copy.pk)


@require_http_methods(["GET", "POST"])
@trainer_required
def recipe_delete(request: TrainerRequest, pk: int) -> HttpResponse:
    recipe = recipe_get_for_write(actor=request.actor, pk=pk)
    usage = recipe_usage(recipe=recipe)
    error, status = "", 200
    if request.method == "POST":
        try:
            services.recipe_delete(recipe=recipe)
        except ConflictError as exc:
            error, status = exc.message, 409
        else:
            messages.success(request, f"“{recipe.name}” is deleted.")
            return redirect("nutrition:recipe_list")
    context = {"recipe": recipe, "usage": usage, "error": error}
    return render(request, "nutrition/recipe_confirm_delete.html", context, status=status)
