"""The API callers and the signed-in browsers the nutrition tests share with tests/api
and tests/html."""

from tests.api.conftest import client_api, outsider_api, trainer_api
from tests.html.conftest import trainer_client

__all__ = ["client_api", "outsider_api", "trainer_api", "trainer_client"]
