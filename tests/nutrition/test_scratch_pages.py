import datetime as dt
from decimal import Decimal
import pytest
from nutrition.models import Food
from nutrition.services.plans import plan_create, entry_add, plan_calculate_targets
from nutrition.services.recipes import recipe_create
from nutrition.services.assignments import plan_assign
from nutrition.services.diary import diary_add_food
from tests.factories.core import ClientFactory

pytestmark = pytest.mark.django_db

def test_pages(client, trainer):
    carol = ClientFactory(trainer=trainer, height_cm=Decimal(170), date_of_birth=dt.date(1990,1,1))
    oats = Food.objects.get(name__iexact="rolled oats")
    egg = Food.objects.get(name__iexact="egg, whole, raw")
    recipe = recipe_create(trainer=trainer, name="Porridge", servings=2, ingredients=[{"food": oats, "grams": 80}, {"food": egg, "portion": egg.portions.first().pk, "quantity": 2}])
    plan = plan_create(trainer=trainer, name="Week", target_kcal=2000)
    day = plan.days.first()
    entry_add(day=day, slot=plan.slots.first(), recipe=recipe)
    entry_add(day=day, slot=plan.slots.last(), food=egg)
    plan_calculate_targets(plan=plan, sex="female", age=35, weight_kg=Decimal(65), height_cm=Decimal(168), activity="moderate", goal="lose")
    a = plan_assign(plan=plan, client=carol, start_date=trainer.today())
    diary_add_food(client=carol, on=trainer.today(), meal="Snacks", food=oats, grams=30)
    client.force_login(trainer.user)
    urls = ["/dashboard/nutrition/", "/dashboard/nutrition/?kind=templates", "/dashboard/nutrition/?kind=assigned",
            f"/dashboard/nutrition/plans/{plan.pk}/", f"/dashboard/nutrition/plans/{a.meal_plan_id}/",
            f"/dashboard/nutrition/plans/{plan.pk}/shopping/", f"/dashboard/nutrition/plans/{plan.pk}/assign/",
            f"/dashboard/nutrition/plans/{plan.pk}/edit/", "/dashboard/nutrition/plans/new/", "/dashboard/nutrition/plans/from-template/",
            "/dashboard/nutrition/recipes/", "/dashboard/nutrition/recipes/new/", f"/dashboard/nutrition/recipes/{recipe.pk}/",
            f"/dashboard/nutrition/recipes/{recipe.pk}/edit/", f"/dashboard/nutrition/recipes/{recipe.pk}/delete/",
            "/dashboard/nutrition/foods/", "/dashboard/nutrition/foods/?q=creme", f"/dashboard/nutrition/foods/{oats.pk}/", "/dashboard/nutrition/foods/new/",
            f"/dashboard/clients/{carol.pk}/nutrition/", f"/dashboard/clients/{carol.pk}/", f"/dashboard/nutrition/days/{day.pk}/items/?slot={plan.slots.first().pk}&q=oat",
            f"/dashboard/nutrition/meals/{plan.slots.first().pk}/delete/"]
    for url in urls:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
        open(f"/tmp/scratch/{url.strip('/').replace('/','_').replace('?','_')}.html","w").write(r.text)
    client.force_login(carol.user)
    for url in ["/portal/", "/portal/nutrition/", "/portal/nutrition/foods/?q=banana"]:
        r = client.get(url)
        assert r.status_code == 200, (url, r.status_code)
        open(f"/tmp/scratch/{url.strip('/').replace('/','_').replace('?','_')}.html","w").write(r.text)
