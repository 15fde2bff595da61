"""Acceptance 1: posting, flagging and signing in are rate-limited per account and per IP;
over the limit the answer is 429 with Retry-After and a readable page."""

import uuid

import pytest
import redis

from consult.extensions import db
from tests.comment_factories import clause_of
from tests.comments.helpers import comment_count, thread_path

REDIS_URL = "redis://127.0.0.1:6379"


def limits(**overrides):
    settings = {
        "RATELIMIT_ENABLED": True,
        "RATELIMIT_COMMENT": "2 per minute",
        "RATELIMIT_COMMENT_IP": "100 per minute",
        "RATELIMIT_FLAG": "1 per minute",
        "RATELIMIT_LOGIN": "3 per minute",
        "RATELIMIT_LOGIN_IP": "100 per minute",
    }
    return {**settings, **overrides}


@pytest.fixture
def app_config(app_config, request):
    overrides = getattr(request, "param", {})
    return {**app_config, **limits(**overrides)}


def post(client, revision, body="Hello", address="127.0.0.1"):
    return client.post(
        thread_path(revision, clause_of(revision).key),
        data={"body": body, "language": "en"},
        environ_base={"REMOTE_ADDR": address},
    )


def assert_readable_429(response):
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0
    text = response.get_data(as_text=True)
    assert "<h1>Too many requests</h1>" in text and "Please wait a moment" in text


def test_posting_is_limited_per_account(client, auth, commentable, volunteer):
    auth.login("volunteer")
    assert [post(client, commentable).status_code for _ in range(2)] == [302, 302]
    assert_readable_429(post(client, commentable, "One too many"))
    assert comment_count() == 2


def test_the_account_limit_is_shared_by_replies(
    client, auth, commentable, volunteer, moderator, create_comment
):
    parent = create_comment(moderator, commentable)
    auth.login("volunteer")
    post(client, commentable)
    client.post(f"/comments/{parent.id}/reply", data={"body": "r", "language": "en"})
    response = client.post(f"/comments/{parent.id}/reply", data={"body": "r2", "language": "en"})
    assert_readable_429(response)
    assert comment_count() == 3


def test_another_account_is_not_slowed_down(client, auth, commentable, volunteer, create_user):
    auth.login("volunteer")
    for _ in range(3):
        post(client, commentable)
    create_user("other")
    auth.logout()
    auth.login("other")
    assert post(client, commentable).status_code == 302


@pytest.mark.parametrize(
    "app_config",
    [{"RATELIMIT_COMMENT_IP": "2 per minute", "RATELIMIT_COMMENT": "100 per minute"}],
    indirect=True,
)
def test_posting_is_limited_per_ip_across_accounts(
    client, auth, commentable, volunteer, create_user
):
    auth.login("volunteer")
    post(client, commentable, address="10.0.0.7")
    create_user("other")
    auth.logout()
    auth.login("other")
    assert post(client, commentable, address="10.0.0.7").status_code == 302
    assert_readable_429(post(client, commentable, address="10.0.0.7"))
    assert post(client, commentable, address="10.0.0.8").status_code == 302


def test_flagging_is_limited(client, auth, commentable, moderator, volunteer, create_comment):
    first, second = (create_comment(moderator, commentable) for _ in range(2))
    auth.login("volunteer")
    assert client.post(f"/comments/{first.id}/flag", data={"reason": "x"}).status_code == 302
    assert_readable_429(client.post(f"/comments/{second.id}/flag", data={"reason": "y"}))


def test_sign_in_is_limited_per_account(client, staff):
    for _ in range(3):
        client.post("/login", data={"username": "staff", "password": "wrong"})
    response = client.post(
        "/login", data={"username": "staff", "password": "correct horse battery"}
    )
    assert_readable_429(response)
    other_account = client.post("/login", data={"username": "nobody", "password": "x"})
    assert other_account.status_code == 422  # refused, but not rate-limited


@pytest.mark.parametrize("app_config", [{"RATELIMIT_LOGIN_IP": "2 per minute"}], indirect=True)
def test_sign_in_is_limited_per_ip(client, staff):
    for name in ("one", "two"):
        client.post("/login", data={"username": name, "password": "x"})
    assert_readable_429(client.post("/login", data={"username": "three", "password": "x"}))


def test_reading_is_never_limited(client, commentable):
    path = thread_path(commentable, clause_of(commentable).key)
    assert {client.get(path).status_code for _ in range(5)} == {200}


def redis_available() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.exceptions.ConnectionError:
        return False


@pytest.fixture
def redis_address():
    """An address of this run only, so counters of other runs (alive for a minute) never mix in."""
    from tests.conftest import skip_or_fail

    if not redis_available():
        skip_or_fail(f"no Redis at {REDIS_URL}: the Redis rate-limit storage cannot be tested")
    address = "10.{}.{}.{}".format(*uuid.uuid4().bytes[:3])
    yield address
    client = redis.Redis.from_url(REDIS_URL)
    for key in client.scan_iter(f"*/{address}/*"):
        client.delete(key)


def test_redis_storage_counts_across_app_instances(
    redis_address, app_config, commentable, volunteer
):
    from consult import create_app

    config = {
        **app_config,
        **limits(
            RATELIMIT_COMMENT="100 per minute",
            RATELIMIT_COMMENT_IP="2 per minute",
            RATELIMIT_LOGIN="100 per minute",
        ),
        "RATELIMIT_STORAGE_URI": REDIS_URL,
    }
    statuses = []
    for _worker in range(3):  # three "workers": only shared storage can count them together
        app = create_app(config)
        client = app.test_client()
        client.post(
            "/login",
            data={"username": "volunteer", "password": "correct horse battery"},
            environ_base={"REMOTE_ADDR": redis_address},
        )
        statuses.append(post(client, commentable, address=redis_address).status_code)
        with app.app_context():
            db.engine.dispose()
    assert statuses == [302, 302, 429]
    assert any(redis.Redis.from_url(REDIS_URL).scan_iter(f"*/{redis_address}/comment-ip/*"))
