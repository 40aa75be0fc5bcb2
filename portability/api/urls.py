from django.urls import path

from portability.api.views import (
    ExportDetailView,
    ExportFileView,
    ExportListView,
    ImportView,
    MyDataView,
)

urlpatterns = [
    path("exports/", ExportListView.as_view(), name="data-export-list"),
    path("exports/<int:pk>/", ExportDetailView.as_view(), name="data-export-detail"),
    path("imports/", ImportView.as_view(), name="data-import"),
    path("my-data/", MyDataView.as_view(), name="my-data"),
    path("exports/<int:pk>/file/", ExportFileView.as_view(), name="data-export-file"),
]
