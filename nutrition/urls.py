"""The nutrition app's pages: meal plans, recipes and foods under /dashboard/nutrition/,
a client's Nutrition tab under /dashboard/clients/<id>/nutrition/, and the client's
meals under /portal/nutrition/."""

from django.urls import path

from nutrition.views import client, editor, foods, plans, recipes, shopping
from nutrition.views_portal import today as portal

app_name = "nutrition"

D = "dashboard/nutrition/"

urlpatterns = [
    # meal plans
    path(D, plans.plan_list, name="plans"),
    path(f"{D}plans/new/", plans.plan_create, name="create"),
    path(f"{D}plans/from-template/", plans.plan_from_template, name="from_template"),
    path(f"{D}plans/<int:pk>/", editor.editor, name="editor"),
    path(f"{D}plans/<int:pk>/edit/", plans.plan_edit, name="edit"),
    path(f"{D}plans/<int:pk>/delete/", plans.plan_delete, name="delete"),
    path(f"{D}plans/<int:pk>/duplicate/", plans.plan_duplicate, name="duplicate"),
    path(f"{D}plans/<int:pk>/template/", plans.plan_mark_template, name="mark_template"),
    path(f"{D}plans/<int:pk>/use/", plans.plan_use_template, name="use_template"),
    path(f"{D}plans/<int:pk>/assign/", plans.plan_assign, name="assign"),
    path(f"{D}plans/<int:pk>/shopping/", shopping.shopping, name="shopping"),
    path(f"{D}plans/<int:pk>/targets/", editor.targets_typed, name="targets"),
    path(f"{D}plans/<int:pk>/targets/calculate/", editor.targets_calculate, name="calculate"),
    path(f"{D}plans/<int:pk>/targets/preview/", editor.targets_preview, name="targets_preview"),
    path(f"{D}plans/<int:pk>/meals/", editor.slot_add, name="slot_add"),
    path(f"{D}meals/<int:pk>/", editor.slot_rename, name="slot_rename"),
    path(f"{D}meals/<int:pk>/move/", editor.slot_move, name="slot_move"),
    path(f"{D}meals/<int:pk>/delete/", editor.slot_delete, name="slot_delete"),
    path(f"{D}days/<int:pk>/title/", editor.day_title, name="day_title"),
    path(f"{D}days/<int:pk>/items/", editor.day_items, name="day_items"),
    path(f"{D}days/<int:pk>/copy/", editor.day_copy, name="day_copy"),
    path(f"{D}items/<int:pk>/", editor.item_update, name="item"),
    path(f"{D}items/<int:pk>/delete/", editor.item_delete, name="item_delete"),
    path(f"{D}assignments/<int:pk>/end/", plans.assignment_end, name="assignment_end"),
    # recipes
    path(f"{D}recipes/", recipes.recipe_index, name="recipe_list"),
    path(f"{D}recipes/new/", recipes.recipe_create, name="recipe_create"),
    path(f"{D}recipes/preview/", recipes.recipe_preview, name="recipe_preview"),
    path(f"{D}recipes/foods/", recipes.recipe_food_search, name="recipe_food_search"),
    path(f"{D}recipes/<int:pk>/", recipes.recipe_detail, name="recipe_detail"),
    path(f"{D}recipes/<int:pk>/edit/", recipes.recipe_edit, name="recipe_edit"),
    path(f"{D}recipes/<int:pk>/duplicate/", recipes.recipe_duplicate, name="recipe_duplicate"),
    path(f"{D}recipes/<int:pk>/delete/", recipes.recipe_delete, name="recipe_delete"),
    # foods
    path(f"{D}foods/", foods.food_list, name="food_list"),
    path(f"{D}foods/new/", foods.food_create, name="food_create"),
    path(f"{D}foods/<int:pk>/", foods.food_detail, name="food_detail"),
    path(f"{D}foods/<int:pk>/edit/", foods.food_edit, name="food_edit"),
    path(f"{D}foods/<int:pk>/delete/", foods.food_delete, name="food_delete"),
    # a client's Nutrition tab
    path("dashboard/clients/<int:client_id>/nutrition/", client.client_nutrition, name="client"),
    # the client's portal
    path("portal/nutrition/", portal.today, name="portal_today"),
    path("portal/nutrition/items/<int:pk>/", portal.tick, name="portal_tick"),
    path("portal/nutrition/foods/", portal.food_results, name="portal_foods"),
    path("portal/nutrition/foods/add/", portal.add_food, name="portal_add_food"),
    path("portal/nutrition/diary/<int:pk>/", portal.change_food, name="portal_change_food"),
    path("portal/nutrition/diary/<int:pk>/remove/", portal.remove_food, name="portal_remove_food"),
]
