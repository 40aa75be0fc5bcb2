from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from decimal import Decimal
from typing import TYPE_CHECKING, Self

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.db.models.lookups import LessThanOrEqual

from fitnesspr.actor import Actor, ActorKind
from fitnesspr.constraints import between, choices_check, not_blank, range_check
from fitnesspr.tenancy import LibraryQuerySet, TrainerScopedQuerySet
from fitnesspr.text import TEXT_MAX, text_cap

from .amounts import protected_link, quantity_field

if TYPE_CHECKING:
    from clients.models import Client
    from trainers.models import Trainer

# Pure fat is 9 kcal/g, so no food carries more than 900 kcal per 100 g.
MAX_KCAL_PER_100G = 900


#: energy per gram (Atwater factors): what labels and our checks use
KCAL_PER_G = {"protein": 4, "carbs": 4, "fat": 9, "alcohol": 7}


def _macro_field() -> models.DecimalField[Decimal, Decimal]:
    return models.DecimalField(
        max_digits=5, decimal_places=2, default=Decimal(0), validators=between(0, 100)
    )


def search_key(text: str) -> str:
    """Text as search compares it: accents stripped ("crème" -> "creme"), case folded,
    spaces collapsed. Stored beside a food's names and applied to what people type, so
    the match is the same on SQLite and PostgreSQL."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(plain.casefold().split())


def split_aliases(aliases: Iterable[str] | str) -> list[str]:
    """Other names as a clean list: trimmed, blanks and repeats (ignoring case) dropped."""
    if isinstance(aliases, str):
        aliases = aliases.split(",")
    seen: dict[str, str] = {}
    for alias in aliases:
        alias = alias.strip()
        if alias and alias.casefold() not in seen:
            seen[alias.casefold()] = alias
    return list(seen.values())


class FoodCategory(models.TextChoices):
    MEAT = "meat", "Meat"
    POULTRY = "poultry", "Poultry"
    FISH = "fish-seafood", "Fish and seafood"
    EGGS_DAIRY = "eggs-dairy", "Eggs and dairy"
    PLANT_PROTEIN = "plant-protein", "Plant protein"
    GRAINS = "grains-starches", "Grains and starches"
    VEGETABLES = "vegetables", "Vegetables"
    FRUITS = "fruits", "Fruits"
    NUTS_SEEDS = "nuts-seeds", "Nuts and seeds"
    FATS_OILS = "fats-oils", "Fats and oils"
    CONDIMENTS = "condiments-sauces", "Condiments and sauces"
    SNACKS = "snacks-sweets", "Snacks and sweets"
    BEVERAGES = "beverages", "Drinks"
    SUPPLEMENTS = "supplements", "Supplements"
    PREPARED = "prepared", "Prepared dishes"
    OTHER = "other", "Other"


class FoodQuerySet(LibraryQuerySet):
    trainer_path = "trainer"
    read_only_message = "Foods from the shared library can't be changed. Add your own food instead."


class Food(models.Model):
    """A food with its nutrition per 100 g. Global rows (trainer null) are the shared
    library; a trainer adds their own."""

    trainer = models.ForeignKey(
        "trainers.Trainer",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="foods",
        help_text="Empty for the global library.",
    )
    name = models.CharField(max_length=160)
    brand = models.CharField(max_length=120, blank=True)
    aliases = models.CharField(
        max_length=500, blank=True, help_text="Other names, comma-separated; used by search."
    )
    category = models.CharField(
        max_length=20, choices=FoodCategory.choices, default=FoodCategory.OTHER
    )
    kcal = models.DecimalField(
        "kcal per 100 g",
        max_digits=5,
        decimal_places=1,
        validators=between(0, MAX_KCAL_PER_100G),
    )
    protein_g = _macro_field()
    carbs_g = _macro_field()
    fat_g = _macro_field()
    fiber_g = _macro_field()
    alcohol_g = _macro_field()
    #: names, brand and aliases as `search_key` folds them (kept by the services)
    search_text = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = FoodQuerySet.as_manager()

    class Meta:
        ordering = ["name", "brand"]
        indexes = [models.Index(fields=["trainer", "category"], name="food_trainer_category")]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                Lower("brand"),
                condition=models.Q(trainer__isnull=True),
                name="food_global_name_unique",
                violation_error_message="The global library already has this food.",
            ),
            models.UniqueConstraint(
                Lower("name"),
                Lower("brand"),
                "trainer",
                condition=models.Q(trainer__isnull=False),
                name="food_trainer_name_unique",
                violation_error_message="You already have this food.",
            ),
            not_blank("name", name="food_name_set"),
            range_check("kcal", 0, MAX_KCAL_PER_100G, name="food_kcal_range"),
            range_check("protein_g", 0, 100, name="food_protein_range"),
            range_check("carbs_g", 0, 100, name="food_carbs_range"),
            range_check("fat_g", 0, 100, name="food_fat_range"),
            range_check("fiber_g", 0, 100, name="food_fiber_range"),
            range_check("alcohol_g", 0, 100, name="food_alcohol_range"),
            choices_check("category", FoodCategory.values, name="food_category_valid"),
            # SQLite compares decimals as floats, so an exact 100.00 can come out a hair
            # over; the slack is below the 0.01 g precision. clean() applies the exact rule.
            models.CheckConstraint(
                condition=LessThanOrEqual(
                    models.F("protein_g") + models.F("carbs_g") + models.F("fat_g"),
                    Decimal("100.001"),
                ),
                name="food_macros_within_100g",
                violation_error_message="Protein, carbs and fat can't add up to more than 100 g.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.brand})" if self.brand else self.name

    def clean(self) -> None:
        super().clean()
        macros = [self.protein_g, self.carbs_g, self.fat_g]
        if all(m is not None for m in macros) and sum(macros, Decimal(0)) > 100:
            raise ValidationError("Protein, carbs and fat can't add up to more than 100 g.")
        complete = all(m is not None for m in macros) and self.alcohol_g is not None
        if complete and sum(macros, self.alcohol_g) > 100:
            raise ValidationError(
                {"alcohol_g": "Protein, carbs, fat and alcohol can't add up to more than 100 g."}
            )

    @property
    def is_global(self) -> bool:
        return self.trainer_id is None

    @property
    def alias_list(self) -> list[str]:
        return split_aliases(self.aliases)


def food_search_text(food: Food) -> str:
    """What search matches a food on: its name first (search ranks a name that starts
    with the words typed above one that merely contains them), then brand and aliases."""
    parts = [food.name, food.brand, *split_aliases(food.aliases)]
    return " | ".join(search_key(p) for p in parts if p.strip())


class FoodPortionQuerySet(LibraryQuerySet):
    """A portion belongs to its food: the library's rule, one step further along."""

    trainer_path = "food__trainer"
    read_only_message = FoodQuerySet.read_only_message

    def for_trainer(self, trainer: Trainer) -> Self:
        return self.filter(models.Q(food__trainer__isnull=True) | models.Q(food__trainer=trainer))

    def for_client(self, client: Client) -> Self:
        return self.filter(
            models.Q(food__trainer__isnull=True) | models.Q(food__trainer_id=client.trainer_id)
        )

    def writable_by(self, actor: Actor) -> Self:
        if actor.kind is ActorKind.STAFF:
            return self.all()
        if actor.kind is ActorKind.TRAINER and actor.trainer is not None:
            return self.filter(food__trainer=actor.trainer)
        return self.none()


class FoodPortion(models.Model):
    """A common measure of a food: "1 large egg" = 50 g, "1 cup" = 158 g."""

    food = models.ForeignKey(Food, on_delete=models.CASCADE, related_name="portions")
    name = models.CharField(max_length=80)
    grams = models.DecimalField(
        max_digits=6, decimal_places=1, validators=between(Decimal("0.1"), 2000)
    )
    order = models.PositiveSmallIntegerField(default=0)

    objects = FoodPortionQuerySet.as_manager()

    class Meta:
        ordering = ["food", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                "food",
                Lower("name"),
                name="foodportion_name_unique",
                violation_error_message="This food already has a portion by this name.",
            ),
            not_blank("name", name="foodportion_name_set"),
            models.CheckConstraint(
                condition=models.Q(grams__gt=0, grams__lte=2000),
                name="foodportion_grams_range",
                violation_error_message="A portion weighs more than 0 g and at most 2000 g.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.grams:f} g)"


class RecipeTag(models.Model):
    """Shared reference data (vegetarian, high-protein…), loaded by a migration."""

    slug = models.SlugField(max_length=40, unique=True)
    name = models.CharField(max_length=60, unique=True)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]

    def __str__(self) -> str:
        return self.name


class RecipeQuerySet(TrainerScopedQuerySet):
    trainer_path = "trainer"
    client_path = "meal_plan_entries__day__plan__client"

    def for_client(self, client: Client) -> Self:
        """A client reads the recipes in their own meal plans, nothing else. A subquery
        rather than the join, so a recipe used twice is listed once."""
        from .plans import MealPlanEntry

        used = MealPlanEntry.objects.filter(day__plan__client=client, recipe__isnull=False)
        return self.filter(pk__in=used.values("recipe_id"))


class Recipe(models.Model):
    """A trainer's recipe. Its macros are computed from the ingredients
    (nutrition.selectors.recipe_macros), never stored, so they can't go stale."""

    trainer = models.ForeignKey(
        "trainers.Trainer", on_delete=models.CASCADE, related_name="recipes"
    )
    name = models.CharField(max_length=160)
    description = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    instructions = models.TextField(max_length=TEXT_MAX, validators=[text_cap], blank=True)
    servings = models.PositiveSmallIntegerField(default=1, validators=between(1, 100))
    prep_minutes = models.PositiveSmallIntegerField(default=0, validators=between(0, 1440))
    cook_minutes = models.PositiveSmallIntegerField(default=0, validators=between(0, 1440))
    tags = models.ManyToManyField(RecipeTag, blank=True, related_name="recipes")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RecipeQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                Lower("name"),
                "trainer",
                name="recipe_trainer_name_unique",
                violation_error_message="You already have a recipe by this name.",
            ),
            not_blank("name", name="recipe_name_set"),
            range_check("servings", 1, 100, name="recipe_servings_range"),
            range_check("prep_minutes", 0, 1440, name="recipe_prep_range"),
            range_check("cook_minutes", 0, 1440, name="recipe_cook_range"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def total_minutes(self) -> int:
        return self.prep_minutes + self.cook_minutes


class RecipeIngredientQuerySet(TrainerScopedQuerySet):
    trainer_path = "recipe__trainer"
    client_path = "recipe__meal_plan_entries__day__plan__client"

    def for_client(self, client: Client) -> Self:
        return self.filter(recipe__in=Recipe.objects.for_client(client))


class RecipeIngredient(models.Model):
    recipe = models.ForeignKey(Recipe, on_delete=models.CASCADE, related_name="ingredients")
    food = models.ForeignKey(Food, on_delete=models.PROTECT, related_name="recipe_ingredients")
    grams = models.DecimalField(
        max_digits=7, decimal_places=1, validators=between(Decimal("0.1"), 10000)
    )
    #: measured in a portion ("2 x 1 large egg"): grams = quantity x the portion's grams
    portion = protected_link(FoodPortion, "recipe_ingredients")
    quantity = quantity_field()
    order = models.PositiveSmallIntegerField(default=0)
    note = models.CharField(max_length=120, blank=True, help_text="e.g. finely chopped")

    objects = RecipeIngredientQuerySet.as_manager()

    class Meta:
        ordering = ["recipe", "order", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(grams__gt=0, grams__lte=10000),
                name="ingredient_grams_range",
                violation_error_message="Grams must be more than 0 and at most 10000.",
            ),
            models.CheckConstraint(
                condition=models.Q(portion__isnull=True, quantity__isnull=True)
                | models.Q(portion__isnull=False, quantity__gt=0),
                name="ingredient_portion_has_quantity",
                violation_error_message="A portion needs a quantity (and a quantity a portion).",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.grams} g {self.food}"

    def clean(self) -> None:
        super().clean()
        if self.food_id and self.recipe_id:
            trainer_id = self.recipe.trainer_id
            if not LibraryQuerySet.usable_by(self.food, trainer_id=trainer_id):
                raise ValidationError({"food": "Pick a food from your library."})
        check_portion(self.portion, self.food_id)


def check_portion(portion: FoodPortion | None, food_id: int | None) -> None:
    """A measure of this food, not of another one."""
    if portion is not None and food_id is not None and portion.food_id != food_id:
        raise ValidationError({"portion": "Pick a portion of this food."})
