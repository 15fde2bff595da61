"""Similar comments: near-identical top-level comments of a policy share a group as they
are posted and edited; `flask comments regroup` recomputes the groups from the texts."""

import pytest
import sqlalchemy as sa

from consult.audit.models import AuditEvent
from consult.comments.models import Comment, CommentBand, CommentSignature
from consult.comments.services import Draft, delete_comment, edit_comment
from consult.extensions import db
from drafts import likeness
from tests.comments.helpers import reloaded
from tests.drafts.test_drafts_likeness import CAMPAIGN, JAPANESE, OTHER

WORDS = " ".join(f"w{i}" for i in range(100))


def variant(first: int, last: int) -> str:
    """WORDS with words first..last replaced: 100 words, differing from WORDS in a run."""
    words = WORDS.split()
    return " ".join(f"x{i}" if first <= i <= last else word for i, word in enumerate(words))


def groups() -> dict[str, int | None]:
    db.session.expire_all()
    return dict(db.session.execute(sa.select(Comment.body, Comment.similar_group_id)).all())


@pytest.fixture
def post(commentable, create_user, create_comment):
    people = iter(create_user(f"writer{i}") for i in range(20))

    def post_(body: str, language: str = "en", **kwargs) -> Comment:
        return create_comment(next(people), commentable, body=body, language=language, **kwargs)

    return post_


def test_copies_share_the_group_of_the_first_and_other_texts_stay_alone(post):
    first = post(CAMPAIGN + " Alice")
    post(OTHER)
    post(CAMPAIGN + " Bob")
    post(CAMPAIGN + " Carol")
    assert groups() == {
        CAMPAIGN + " Alice": first.id,
        OTHER: None,
        CAMPAIGN + " Bob": first.id,
        CAMPAIGN + " Carol": first.id,
    }
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CommentSignature)) == 4
    bands = db.session.scalar(sa.select(sa.func.count()).select_from(CommentBand))
    assert bands == 4 * likeness.BANDS


def test_chinese_and_japanese_copies_are_grouped(post):
    first = post(JAPANESE, "ja")
    post(JAPANESE + "田中より", "ja")
    chinese = "这项政策应当把河边草地排除在新道路计划之外。那里有珍稀鸟类，孩子们夏天在那里玩耍。"
    other = post(chinese, "zh")
    post(chinese + "王", "zh")
    found = groups()
    assert found[JAPANESE] == found[JAPANESE + "田中より"] == first.id
    assert found[chinese] == found[chinese + "王"] == other.id


def test_short_comments_and_replies_are_never_grouped(post, create_comment, volunteer):
    first = post("I agree.")
    post("I agree.")
    parent = post(CAMPAIGN)
    create_comment(volunteer, parent.revision, body=CAMPAIGN + " Yes", parent=parent)
    assert set(groups().values()) == {None}
    assert reloaded(first).similar_group_id is None


def test_a_comment_linking_two_groups_merges_them(post):
    start = post(variant(0, 7))
    post(variant(92, 99))
    assert groups()[variant(92, 99)] is None  # the two ends are too different
    post(WORDS)
    assert set(groups().values()) == {start.id}


def test_an_edit_joins_or_leaves_a_group(app, post):
    first, second = post(CAMPAIGN + " Alice"), post(OTHER)
    edit_comment(second.author, second, Draft(CAMPAIGN + " Bob", "en"))
    db.session.commit()
    assert set(groups().values()) == {first.id}
    edit_comment(second.author, reloaded(second), Draft(OTHER, "en"))
    db.session.commit()
    assert set(groups().values()) == {None}  # a group of one is no group


def test_a_group_losing_its_first_comment_is_named_after_the_next(app, post):
    first, second, third = (post(CAMPAIGN + name) for name in (" A", " B", " C"))
    delete_comment(first.author, first)
    db.session.commit()
    found = groups()
    assert found[""] is None and found[CAMPAIGN + " B"] == found[CAMPAIGN + " C"] == second.id
    assert reloaded(third).similar_group_id == second.id
    assert db.session.get(CommentSignature, first.id) is None


def insert_unsigned(revision, author, bodies: list[str]) -> list[int]:
    """Comments as they were before grouping existed: no signature, no group."""
    clause = revision.clauses[0]
    rows = [
        dict(
            policy_id=revision.policy_id,
            revision_id=revision.id,
            clause_id=clause.id,
            clause_key=clause.key,
            author_id=author.id,
            language="en",
            body=body,
        )
        for body in bodies
    ]
    db.session.execute(sa.insert(Comment), rows)
    db.session.commit()
    return list(db.session.scalars(sa.select(Comment.id).order_by(Comment.id)))


def test_regroup_groups_existing_comments_and_new_ones_join(runner, commentable, volunteer, post):
    ids = insert_unsigned(commentable, volunteer, [CAMPAIGN + " A", OTHER, CAMPAIGN + " B"])
    result = runner.invoke(args=["comments", "regroup"])
    assert result.exit_code == 0, result.output
    assert "guidelines: 1 groups of similar comments (2 comments)." in result.output
    assert groups() == {CAMPAIGN + " A": ids[0], OTHER: None, CAMPAIGN + " B": ids[0]}
    event = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action == "comment.regrouped")
    ).one()
    assert event.details == {"groups": 1, "comments": 2} and event.actor_id is None
    post(CAMPAIGN + " C")
    assert groups()[CAMPAIGN + " C"] == ids[0]


def test_regroup_splits_a_group_whose_link_was_edited_away(app, runner, post):
    start, end = post(variant(0, 7)), post(variant(92, 99))
    link = post(WORDS)
    edit_comment(link.author, link, Draft(OTHER, "en"))
    db.session.commit()
    assert groups()[variant(92, 99)] == start.id  # incremental grouping never splits
    assert runner.invoke(args=["comments", "regroup", "guidelines"]).exit_code == 0
    assert set(groups().values()) == {None}
    assert reloaded(end).similar_group_id is None


def test_regroup_names_an_unknown_policy(runner, commentable):
    result = runner.invoke(args=["comments", "regroup", "nowhere"])
    assert result.exit_code != 0 and "nowhere" in result.output
