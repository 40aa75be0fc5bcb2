app_name = "trainers"

urlpatterns: list = []
