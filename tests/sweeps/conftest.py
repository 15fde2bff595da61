import pytest

from tests.sweeps.dataset import DataSet, build


@pytest.fixture
def dataset(
    create_user, staff, admin, create_policy, create_revision, open_window, create_comment
) -> DataSet:
    """The data set of tests/sweeps/dataset.py, in the test's fresh database."""
    factories = {
        "create_user": create_user,
        "create_policy": create_policy,
        "create_revision": create_revision,
        "open_window": open_window,
        "create_comment": create_comment,
    }
    return build(factories, staff, admin)
