"""Identical writes at the same moment: the database keeps one, and every other request gets
a readable 409 (or the form's own refusal), never a 500."""

from collections import Counter
from contextlib import contextmanager

import pytest
import sqlalchemy as sa
from flask import flash
from sqlalchemy.orm import Session

from consult.accounts.models import Role, User
from consult.drafting.services import delete_draft, fork_draft, publish
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision
from consult.translating.models import Translation
from consult.translating.services import save_translation
from tests.factories import DOCUMENT
from tests.live import at_once

CLIENTS, ROUNDS = 4, 3
CONFLICT = "Someone else saved the same thing at the same moment"
DRAFT_EXISTS = "This policy already has a draft"
PUBLISHED = "This revision is published"
TAKEN = "That username is already taken"
TRANSLATION_SAVED = "Someone else saved this translation in the meantime"


@contextmanager
def meanwhile(app, work):
    """Run `work()` as another request (its own session, committed) just before this
    request's next flush: the moment two concurrent requests collide."""

    pending = [work]

    def collide(*_args) -> None:
        if pending:
            with app.app_context():
                pending.pop()()
                db.session.commit()

    sa.event.listen(Session, "before_flush", collide, insert=True)
    try:
        yield
    finally:
        sa.event.remove(Session, "before_flush", collide)


def stored_translations() -> list[tuple[str, str]]:
    db.session.expire_all()
    return list(db.session.execute(sa.select(Translation.language, Translation.body)))


def test_a_duplicate_met_at_flush_is_a_409_that_stores_nothing(
    app, client, auth, published, translator
):
    clause = published.clauses[1]
    path = f"/policies/guidelines/revisions/1/translations/fr/clauses/{clause.key}"

    def theirs() -> None:
        user = db.session.get(User, translator.id)
        save_translation(user, db.session.get(Clause, clause.id), "fr", "", "Leur texte", 0)

    auth.login("translator")
    with meanwhile(app, theirs):
        response = client.post(path, data={"heading": "T", "body": "Mon texte", "version": "0"})
    assert response.status_code == 409
    assert CONFLICT in response.get_data(as_text=True)
    assert stored_translations() == [("fr", "Leur texte")]


def test_a_draft_published_meanwhile_is_a_409(app, client, auth, draft, staff):
    def theirs() -> None:
        revision = db.session.get(Revision, draft.id)
        publish(db.session.get(User, staff.id), revision, "Theirs")

    auth.login()
    with meanwhile(app, theirs):
        response = client.post(
            "/policies/guidelines/revisions/2/publish", data={"change_summary": "Mine"}
        )
    assert response.status_code == 409
    assert PUBLISHED in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(Revision, draft.id).change_summary == "Theirs"


def test_a_collision_met_at_commit_is_a_409_without_the_success_message(
    app, client, auth, published
):
    # A view that leaves its insert to the request's commit (services flush, but the
    # commit in consult/web.py must hold whatever reaches it).
    def unflushed_duplicate():
        db.session.add(Policy(slug="guidelines", title="Again", source_language="en"))
        flash("Policy created.", "success")
        return "created"

    app.add_url_rule("/duplicate", "duplicate", unflushed_duplicate, methods=["POST"])
    response = client.post("/duplicate")
    assert response.status_code == 409
    page = response.get_data(as_text=True)
    assert CONFLICT in page and "Policy created." not in client.get("/").get_data(as_text=True)
    db.session.expire_all()
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Policy)) == 1


def race(visitors, path: str, form: dict, files: dict | None = None, allowed=()) -> Counter:
    """Every visitor posts at once; each one not answered 302 must say why, in words."""
    answers = at_once(lambda visitor: visitor.request("POST", path, form, files), visitors)
    for status, page in answers:
        assert status < 500, page
        assert status in (302, 409, 422), page
        assert status == 302 or any(m in page for m in (CONFLICT, *allowed)), page
    return Counter(status for status, _page in answers)


def signed_in(gunicorn, username: str) -> list:
    visitors = [gunicorn.visitor() for _ in range(CLIENTS)]
    for visitor in visitors:
        visitor.sign_in(username)
    return visitors


@pytest.fixture
def translator(create_user):
    return create_user("translator", roles=(Role.TRANSLATOR,), languages=("fr",))


def test_concurrent_imports(gunicorn, published):
    visitors, seen = signed_in(gunicorn, "staff"), Counter()
    form = {"change_summary": "Same again", "publish": "y"}
    for _round in range(ROUNDS):
        files = {"document": ("doc.md", DOCUMENT.encode())}
        path = "/policies/guidelines/import"
        seen += race(visitors, path, form, files, allowed=[DRAFT_EXISTS])
    assert seen[302] >= ROUNDS, seen


def test_concurrent_publishes(gunicorn, published, staff):
    visitors, seen = signed_in(gunicorn, "staff"), Counter()
    for _round in range(ROUNDS):
        draft = fork_draft(staff, published.policy)
        db.session.commit()
        path = f"/policies/guidelines/revisions/{draft.number}/publish"
        seen += race(visitors, path, {"change_summary": "Once"}, allowed=[PUBLISHED])
    assert seen[302] == ROUNDS, seen


def test_concurrent_forks(gunicorn, published, staff):
    visitors, seen = signed_in(gunicorn, "staff"), Counter()
    for _round in range(ROUNDS):
        seen += race(visitors, "/policies/guidelines/drafts", {}, allowed=[DRAFT_EXISTS])
        db.session.expire_all()
        delete_draft(staff, published.policy.revisions[-1])
        db.session.commit()
    assert seen[302] == ROUNDS, seen


def test_concurrent_registrations(gunicorn, app):
    visitors, seen = [gunicorn.visitor() for _ in range(CLIENTS)], Counter()
    for round_ in range(ROUNDS):
        password = "a long enough passphrase"
        form = {"username": f"newcomer{round_}", "display_name": "New", "password": password}
        seen += race(visitors, "/register", {**form, "confirm": password}, allowed=[TAKEN])
        visitors = [gunicorn.visitor() for _ in range(CLIENTS)]
    assert seen[302] == ROUNDS, seen


def test_concurrent_new_translations(gunicorn, published, translator):
    visitors, seen = signed_in(gunicorn, "translator"), Counter()
    for clause in published.clauses[:ROUNDS]:
        path = f"/policies/guidelines/revisions/1/translations/fr/clauses/{clause.key}"
        form = {"heading": "Titre", "body": "Texte", "version": "0"}
        seen += race(visitors, path, form, allowed=[TRANSLATION_SAVED])
    assert seen[302] == ROUNDS, seen
