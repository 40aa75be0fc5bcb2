from rest_framework.routers import SimpleRouter

from programs.api.views_assignments import AssignmentViewSet
from programs.api.views_exercises import ExerciseViewSet
from programs.api.views_programs import ProgramViewSet

router = SimpleRouter()
router.register("exercises", ExerciseViewSet, basename="exercise")
router.register("programs/assignments", AssignmentViewSet, basename="program-assignment")
router.register("programs", ProgramViewSet, basename="program")

urlpatterns = router.urls
