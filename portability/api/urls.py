from django.urls import path

from portability.api.views import ExportDetailView, ExportFileView, ExportListView

urlpatterns = [
    path("exports/", ExportListView.as_view(), name="data-export-list"),
    path("exports/<int:pk>/", ExportDetailView.as_view(), name="data-export-detail"),
    path("exports/<int:pk>/file/", ExportFileView.as_view(), name="data-export-file"),
]
