import pytest
import sqlalchemy as sa

from consult.comments.flags import flag_comment
from consult.comments.models import Comment, Disposition
from consult.comments.services import delete_comment, toggle_endorsement
from consult.comments.triage import Changes, Decision, annotate, apply
from consult.extensions import db
from consult.moderation.services import hide

NOTE = "Ask legal first NOTE-91c2"


@pytest.fixture
def app_config(app_config):
    # Most tests post many times in a row; the rate-limit tests turn limits back on.
    return {**app_config, "RATELIMIT_ENABLED": False}


def just(comment: Comment):
    return sa.select(sa.literal(comment.id))


@pytest.fixture
def discussion(commentable, create_user, volunteer, staff, moderator, create_comment):
    """An answered and accepted comment (endorsed, flagged, assigned, with a note and a
    wording), a reply, a hidden comment, a deleted one, and one by a deleted account."""
    other = create_user("other", display_name="Olga Other")
    policy = commentable.policy
    answered = create_comment(volunteer, commentable, "Name *caste*.", suggested_wording="Add it.")
    reply = create_comment(staff, commentable, "Thanks, we will.", parent=answered)
    hidden = create_comment(other, commentable, "Rude words.", language="fr")
    deleted = create_comment(other, commentable, "Changed my mind.")
    toggle_endorsement(staff, answered)
    flag_comment(other, answered, "Off topic?")
    decision = Decision(Disposition.ACCEPTED)
    apply(staff, policy, just(answered), Changes(decision, True, staff, "We *agree*."))
    annotate(staff, answered, NOTE)
    apply(staff, policy, just(deleted), Changes(Decision(Disposition.DUPLICATE, answered.id)))
    hide(moderator, hidden, "Insults")
    delete_comment(other, deleted)
    db.session.commit()
    return {c.id: c for c in db.session.scalars(sa.select(Comment))}, (
        answered.id,
        reply.id,
        hidden.id,
        deleted.id,
    )
