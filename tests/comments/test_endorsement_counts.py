"""An endorsement count never disagrees with its rows, whatever runs at the same time."""

import sqlalchemy as sa
from alembic.script import ScriptDirectory
from flask_migrate import downgrade, upgrade

from consult.accounts.models import User
from consult.comments.models import Comment, Endorsement
from consult.comments.services import toggle_endorsement
from consult.config import PROJECT_ROOT
from consult.extensions import db
from tests.live import at_once

ROUNDS, CLIENTS = 15, 4
RECOUNT = "048fd7715a07"  # migrations/versions/…_endorsement_counts_from_rows.py


def before_migration(revision: str) -> str:
    scripts = ScriptDirectory(str(PROJECT_ROOT / "migrations"))
    return scripts.get_revision(revision).down_revision


def count_and_rows(comment: Comment) -> tuple[int, int]:
    db.session.expire_all()
    rows = sa.select(sa.func.count()).where(Endorsement.comment_id == comment.id)
    return db.session.get(Comment, comment.id).endorsement_count, db.session.scalar(rows)


def test_a_withdrawal_that_finds_the_row_gone_counts_nothing(
    app, commentable, volunteer, moderator, create_comment
):
    # The race, replayed with two sessions: this request has seen the endorsement,
    # another request withdraws it and commits, then this one toggles.
    comment = create_comment(moderator, commentable)
    toggle_endorsement(volunteer, comment)
    db.session.commit()
    seen = db.session.get(Endorsement, (comment.id, volunteer.id))
    assert seen is not None
    with app.app_context():  # another request: its own session
        toggle_endorsement(db.session.get(User, volunteer.id), db.session.get(Comment, comment.id))
        db.session.commit()
    toggle_endorsement(volunteer, comment)
    db.session.commit()
    assert count_and_rows(comment) == (1, 1)


def test_concurrent_toggles_by_one_person_keep_the_count_equal_to_the_rows(
    gunicorn, commentable, volunteer, moderator, create_comment
):
    comment = create_comment(moderator, commentable)
    visitors = [gunicorn.visitor() for _ in range(CLIENTS)]
    for visitor in visitors:
        visitor.sign_in("volunteer")
    endorse = f"/comments/{comment.id}/endorse"
    statuses, seen = [], []
    for _round in range(ROUNDS):
        statuses += at_once(lambda visitor: visitor.request("POST", endorse)[0], visitors)
        seen.append(count_and_rows(comment))
    assert set(statuses) == {302}
    drift = " ".join(f"{count}/{rows}" for count, rows in seen)
    assert all(count == rows and rows in (0, 1) for count, rows in seen), f"count/rows: {drift}"


def test_upgrade_recounts_counts_that_drifted(
    app, commentable, volunteer, moderator, create_comment
):
    comment = create_comment(moderator, commentable)
    toggle_endorsement(volunteer, comment)
    db.session.execute(sa.update(Comment).values(endorsement_count=-8))
    db.session.commit()
    downgrade(revision=before_migration(RECOUNT))
    upgrade()
    assert count_and_rows(comment) == (1, 1)
