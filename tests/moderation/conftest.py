import pytest


@pytest.fixture
def app_config(app_config):
    # Most tests post many times in a row; the rate-limit tests turn limits back on.
    return {**app_config, "RATELIMIT_ENABLED": False}
