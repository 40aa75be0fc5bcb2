from django.urls import path
from rest_framework.routers import SimpleRouter

from nutrition.api.views.diary import ComplianceView, DiaryViewSet
from nutrition.api.views.foods import FoodViewSet
from nutrition.api.views.plans import MealPlanAssignmentViewSet, MealPlanViewSet
from nutrition.api.views.recipes import RecipeViewSet

router = SimpleRouter()
router.register("meals/foods", FoodViewSet, basename="meal-food")
router.register("meals/recipes", RecipeViewSet, basename="meal-recipe")
router.register("meals/plans", MealPlanViewSet, basename="meal-plan")
router.register("meals/assignments", MealPlanAssignmentViewSet, basename="meal-assignment")
router.register("meals/diary", DiaryViewSet, basename="meal-diary")

urlpatterns = [
    path("meals/compliance/", ComplianceView.as_view(), name="meal-compliance"),
    *router.urls,
]
