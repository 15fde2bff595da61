"""A request that ends in a rollback keeps nothing, savepoints included.

Flagging and endorsing insert inside a savepoint (a concurrent duplicate must not abort the
request). On SQLite, pysqlite opened no transaction before a SAVEPOINT, so the savepoint was
the outermost transaction and its RELEASE committed: the row outlived the rollback.
"""

import sqlalchemy as sa

from consult.comments.flags import flag_comment
from consult.comments.models import Comment, Endorsement, Flag
from consult.comments.services import toggle_endorsement
from consult.extensions import db


def rows(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def test_a_rolled_back_flag_and_endorsement_leave_nothing(
    commentable, volunteer, moderator, create_comment
):
    comment = create_comment(moderator, commentable)
    flag_comment(volunteer, comment, "Spam")
    toggle_endorsement(volunteer, comment)
    db.session.rollback()
    assert (rows(Flag), rows(Endorsement)) == (0, 0)
    assert db.session.get(Comment, comment.id).endorsement_count == 0
