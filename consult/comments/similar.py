"""Similar comments: near-identical top-level comments of a policy (a campaign's copies, a
pasted text) share a group, so staff read one and give them all a disposition at once.

Grouping is incremental: a comment posted or edited stores its signature and band hashes
(drafts.likeness), finds candidates by an indexed lookup of those hashes within its
policy, confirms them by their signatures and joins (or merges) their groups. A group's id
is its first comment's. `regroup` recomputes a policy's groups from the texts: for comments
written before grouping existed, and to split a group whose linking comment was edited
away. Replies are conversation, not submissions: they are never grouped. Nothing commits.
"""

from collections.abc import Iterable, Iterator

import sqlalchemy as sa

from consult.audit.services import record
from consult.comments.models import Comment, CommentBand, CommentSignature, CommentStatus
from consult.extensions import db
from consult.policies.models import Policy
from drafts import likeness

# Groups (or lone comments) sharing a band with a new comment that are compared with it:
# a real copy shares most of its bands, so it ranks among the first.
CANDIDATES = 50
CHUNK = 500


def text_of(body: str, suggested_wording: str | None) -> str:
    return "\n".join(filter(None, (body, suggested_wording)))


def comparable(comment: Comment) -> bool:
    return comment.parent_id is None and comment.status is not CommentStatus.DELETED


def place(comment: Comment) -> None:
    """After a comment is posted, edited or deleted: store its signature anew and put it
    in the group of the comments it is alike to (or in none)."""
    forget(comment)
    text = text_of(comment.body, comment.suggested_wording)
    signature = likeness.signature(text) if comparable(comment) else None
    if signature is None:
        return
    store(comment.policy_id, {comment.id: signature})
    found = candidates(comment, signature)
    keys = [key for key, other in found if likeness.alike(signature, other)]
    if keys:
        join(comment, keys)


def forget(comment: Comment) -> None:
    """Drop the comment's signature and take it out of its group."""
    db.session.execute(sa.delete(CommentBand).where(CommentBand.comment_id == comment.id))
    db.session.execute(sa.delete(CommentSignature).where(CommentSignature.comment_id == comment.id))
    leave_group(comment)


def chunked(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def store(policy_id: int, signatures: dict[int, bytes]) -> None:
    """Insert the signatures and their band hashes (a few statements for any number)."""
    rows = [{"comment_id": i, "signature": s} for i, s in signatures.items()]
    bands = [
        {"comment_id": i, "band": band, "policy_id": policy_id, "hash": value}
        for i, s in signatures.items()
        for band, value in enumerate(likeness.bands(s))
    ]
    for part in chunked(rows):
        db.session.execute(sa.insert(CommentSignature), part)
    for part in chunked(bands, CHUNK * likeness.BANDS):
        db.session.execute(sa.insert(CommentBand), part)


def candidates(comment: Comment, signature: bytes) -> list[tuple[int, bytes]]:
    """(group key, signature) of the member sharing the most bands with `signature`, per
    group or lone comment that shares any (its key: the group's id, or its own): one
    indexed query, at most CANDIDATES rows however large a campaign grows."""
    shared = sa.or_(
        *(
            sa.and_(CommentBand.band == band, CommentBand.hash == value)
            for band, value in enumerate(likeness.bands(signature))
        )
    )
    hits = (
        sa.select(CommentBand.comment_id, sa.func.count().label("hits"))
        .where(CommentBand.policy_id == comment.policy_id, CommentBand.comment_id != comment.id)
        .where(shared)
        .group_by(CommentBand.comment_id)
        .subquery()
    )
    key = sa.func.coalesce(Comment.similar_group_id, Comment.id)
    rank = sa.func.row_number().over(partition_by=key, order_by=(hits.c.hits.desc(), Comment.id))
    ranked = (
        sa.select(key.label("key"), hits.c.hits, CommentSignature.signature, rank.label("rank"))
        .join(Comment, Comment.id == hits.c.comment_id)
        .join(CommentSignature, CommentSignature.comment_id == Comment.id)
        .subquery()
    )
    rows = db.session.execute(
        sa.select(ranked.c.key, ranked.c.signature)
        .where(ranked.c.rank == 1)
        .order_by(ranked.c.hits.desc(), ranked.c.key)
        .limit(CANDIDATES)
    )
    return [(key, bytes(signature)) for key, signature in rows]


def join(comment: Comment, keys: list[int]) -> None:
    """Put the comment, the groups named by `keys` and the lone comments among them in one
    group, named by the smallest id of all."""
    group = min(*keys, comment.id)
    db.session.execute(
        sa.update(Comment)
        .where(
            Comment.policy_id == comment.policy_id,
            sa.or_(Comment.similar_group_id.in_(keys), Comment.id.in_([*keys, comment.id])),
        )
        .values(similar_group_id=group)
    )


def leave_group(comment: Comment) -> None:
    """Take the comment out of its group; a group left with one comment is no group, and a
    group that lost its first comment is named after the next."""
    group = comment.similar_group_id
    if group is None:
        return
    db.session.execute(
        sa.update(Comment).where(Comment.id == comment.id).values(similar_group_id=None)
    )
    in_group = (Comment.policy_id == comment.policy_id, Comment.similar_group_id == group)
    count, first = db.session.execute(
        sa.select(sa.func.count(), sa.func.min(Comment.id)).where(*in_group)
    ).one()
    renamed = first if count > 1 else None
    if renamed != group:
        db.session.execute(
            sa.update(Comment).where(*in_group).values(similar_group_id=renamed),
        )


# --- Recomputing a policy's groups ----------------------------------------------------------


def signatures_of(policy: Policy) -> dict[int, bytes]:
    rows = db.session.execute(
        sa.select(Comment.id, Comment.body, Comment.suggested_wording)
        .where(
            Comment.policy_id == policy.id,
            Comment.parent_id.is_(None),
            Comment.status != CommentStatus.DELETED,
        )
        .execution_options(yield_per=CHUNK)
    )
    found = {}
    for comment_id, body, wording in rows:
        signature = likeness.signature(text_of(body, wording))
        if signature is not None:
            found[comment_id] = signature
    return found


def clear(policy: Policy) -> None:
    db.session.execute(sa.delete(CommentBand).where(CommentBand.policy_id == policy.id))
    of_policy = sa.select(Comment.id).where(Comment.policy_id == policy.id)
    db.session.execute(
        sa.delete(CommentSignature).where(CommentSignature.comment_id.in_(of_policy))
    )
    db.session.execute(
        sa.update(Comment)
        .where(Comment.policy_id == policy.id, Comment.similar_group_id.is_not(None))
        .values(similar_group_id=None),
        execution_options={"synchronize_session": False},
    )


def assign_groups(groups: Iterable[list[int]]) -> None:
    rows = [{"id": i, "similar_group_id": group[0]} for group in groups for i in group]
    for part in chunked(rows):
        db.session.execute(sa.update(Comment), part)


def regroup(policy: Policy) -> list[list[int]]:
    """Recompute the policy's signatures and groups from its comments' texts, and audit
    it; returns the groups (comment ids, first first)."""
    signatures = signatures_of(policy)
    clear(policy)
    store(policy.id, signatures)
    groups = likeness.clusters(signatures)
    assign_groups(groups)
    db.session.expire_all()
    grouped = sum(len(group) for group in groups)
    record(None, "comment.regrouped", policy, policy.slug, groups=len(groups), comments=grouped)
    return groups
