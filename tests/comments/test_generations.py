"""The per-policy counter behind the triage page's kept counts: every change the page counts
moves it, in the same transaction; what the page does not count (an endorsement) and
another policy's comments leave it."""

import pytest
import sqlalchemy as sa

from consult.comments.flags import flag_comment
from consult.comments.generations import generation_of
from consult.comments.models import Comment, Disposition
from consult.comments.services import toggle_endorsement
from consult.comments.triage import Changes, Decision, annotate, apply
from consult.extensions import db
from consult.moderation.services import hide
from tests.comment_factories import clause_of


@pytest.fixture
def comment(commentable, volunteer, create_comment):
    return create_comment(volunteer, commentable, body="Premier", language="fr")


def moved_by(policy_id: int, change) -> int:
    before = generation_of(policy_id)
    change()
    db.session.commit()
    return generation_of(policy_id) - before


def test_posting_a_comment_moves_its_policy_counter(commentable, volunteer, create_comment):
    policy_id = commentable.policy_id
    assert moved_by(policy_id, lambda: create_comment(volunteer, commentable)) >= 1


def test_flags_hiding_and_staff_records_move_it(comment, create_user, moderator, staff):
    reader = create_user("reader")
    policy_id = comment.policy_id
    assert moved_by(policy_id, lambda: flag_comment(reader, comment, "Rude")) >= 1
    assert moved_by(policy_id, lambda: hide(moderator, comment, "Off topic")) >= 1
    assert moved_by(policy_id, lambda: annotate(staff, comment, "Check this")) >= 1


def test_a_bulk_disposition_moves_it(comment, staff):
    selection = sa.select(Comment.id).where(Comment.id == comment.id)
    policy = comment.revision.policy
    changes = Changes(Decision(Disposition.ACCEPTED))
    assert moved_by(policy.id, lambda: apply(staff, policy, selection, changes)) >= 1


def test_an_endorsement_leaves_it(comment, create_user):
    reader = create_user("reader")
    assert moved_by(comment.policy_id, lambda: toggle_endorsement(reader, comment)) == 0


def test_another_policys_comment_leaves_it(
    comment, create_policy, create_revision, open_window, volunteer, create_comment
):
    other = create_revision(create_policy("other", "Other"))
    open_window(other.policy)
    change = lambda: create_comment(volunteer, clause_of(other))  # noqa: E731
    assert moved_by(comment.policy_id, change) == 0


def test_a_bulk_insert_of_a_policys_first_comments_moves_it(commentable, volunteer):
    """The policy has no counter yet: one is made, so pages kept at 0 are not read again."""
    clause = clause_of(commentable, "purpose")
    row = dict(
        policy_id=commentable.policy_id,
        revision_id=commentable.id,
        clause_id=clause.id,
        clause_key=clause.key,
        author_id=volunteer.id,
        language="en",
        body="Bulk",
    )
    assert (
        moved_by(commentable.policy_id, lambda: db.session.execute(sa.insert(Comment), [row])) >= 1
    )
