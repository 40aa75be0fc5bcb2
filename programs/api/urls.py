from rest_framework.routers import SimpleRouter

from programs.api.views.assignments import AssignmentViewSet
from programs.api.views.exercises import ExerciseViewSet
from programs.api.views.programs import ProgramViewSet

router = SimpleRouter()
router.register("exercises", ExerciseViewSet, basename="exercise")
router.register("programs/assignments", AssignmentViewSet, basename="program-assignment")
router.register("programs", ProgramViewSet, basename="program")

urlpatterns = router.urls
