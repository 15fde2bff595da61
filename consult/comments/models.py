"""Comments on a clause, their earlier versions, endorsements and flags, and the
consultation window during which people may write them."""

import enum
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.accounts.models import User
from consult.extensions import db
from consult.permissions import Role
from consult.policies.models import Revision
from consult.types import UTCDateTime, utcnow


class CommentStatus(enum.StrEnum):
    PUBLISHED = "published"
    HIDDEN = "hidden"
    DELETED = "deleted"


class Disposition(enum.StrEnum):
    """What staff decided about a comment; public, like the response."""

    OPEN = "open"
    ACCEPTED = "accepted"
    PARTLY_ACCEPTED = "partly_accepted"
    DECLINED = "declined"
    NOTED = "noted"
    DUPLICATE = "duplicate"


# A clause that changed after one of these was decided "addressed" the comment.
ADDRESSING = frozenset({Disposition.ACCEPTED, Disposition.PARTLY_ACCEPTED})


def _enum(kind: type[enum.StrEnum], name: str, constraint: bool = True) -> sa.Enum:
    return sa.Enum(
        kind,
        name=name,
        native_enum=False,
        create_constraint=constraint,
        values_callable=lambda members: [m.value for m in members],
        length=20,
    )


class Comment(db.Model):
    __tablename__ = "comments"
    __table_args__ = (
        sa.Index("ix_comments_thread", "revision_id", "clause_key", "created_at"),
        sa.Index("ix_comments_policy_clause", "policy_id", "clause_key"),
        sa.Index("ix_comments_policy_disposition", "policy_id", "disposition"),
        # The public report and statistics count from these alone (comments/report.py,
        # comments/statistics.py): each aggregate reads an index, never the table.
        sa.Index(
            "ix_comments_revision_tally",
            "revision_id",
            "status",
            "clause_key",
            "language",
            "disposition",
        ),
        sa.Index("ix_comments_policy_created", "policy_id", "status", "created_at"),
        sa.Index(
            "ix_comments_policy_disposed", "policy_id", "status", "disposed_at", "disposition"
        ),
        sa.Index(
            "ix_comments_revision_responses",
            *("revision_id", "status", "clause_key", "responded_at"),
            *("responder_id", "responder_role", "id"),
            # responded_at is set exactly when a response is (comments/triage.py), and is in
            # the index: SQLite reads a partial index alone only if its condition is too.
            sqlite_where=sa.text("responded_at IS NOT NULL"),
            postgresql_where=sa.text("responded_at IS NOT NULL"),
        ),
        sa.Index(
            "ix_comments_revision_suggestions",
            *("revision_id", "status", "disposition", "clause_key", "id"),
            sqlite_where=sa.text("suggested_wording IS NOT NULL"),
            postgresql_where=sa.text("suggested_wording IS NOT NULL"),
        ),
        sa.Index("ix_comments_policy_similar_group", "policy_id", "similar_group_id"),
        # The triage page's sorts (comments/sieve.py SORTS): read in index order, a page of
        # 50 stops after 50 rows instead of sorting every comment of the policy.
        sa.Index("ix_comments_policy_newest", "policy_id", "created_at", "id"),
        sa.Index("ix_comments_policy_endorsed", "policy_id", "endorsement_count", "id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    # Denormalised from the revision so a clause's comments across every
    # revision of a policy are one indexed lookup.
    policy_id: Mapped[int] = mapped_column(sa.ForeignKey("policies.id"))
    revision_id: Mapped[int] = mapped_column(sa.ForeignKey("revisions.id"))
    clause_id: Mapped[int] = mapped_column(sa.ForeignKey("clauses.id"))
    clause_key: Mapped[str] = mapped_column(sa.String(64))
    author_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    language: Mapped[str] = mapped_column(sa.String(35))
    body: Mapped[str] = mapped_column(sa.Text)
    suggested_wording: Mapped[str | None] = mapped_column(sa.Text)
    parent_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    # 0 for a top-level comment; replies are limited in depth.
    depth: Mapped[int] = mapped_column(default=0)
    status: Mapped[CommentStatus] = mapped_column(
        _enum(CommentStatus, "comment_status"), default=CommentStatus.PUBLISHED
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    edited_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    deleted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    hidden_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    hidden_by_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    hidden_reason: Mapped[str | None] = mapped_column(sa.Text)
    # Kept up to date in the same statement as the endorsement row, so sorting
    # by "most endorsed" needs no aggregate over thousands of rows.
    endorsement_count: Mapped[int] = mapped_column(default=0)
    # Staff triage, all public: what staff decided (a duplicate names the earlier comment
    # it repeats), the revision whose change addressed an accepted comment, and the
    # response with the role its author answered in. What only staff may read (note,
    # assignee) lives apart, in CommentTriage. The disposition column predates triage and
    # has no CHECK (adding one rebuilds the table on SQLite): the Enum type checks values.
    disposition: Mapped[Disposition] = mapped_column(
        _enum(Disposition, "disposition", constraint=False),
        nullable=True,
        default=Disposition.OPEN,
    )
    disposed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Comments and published revisions are never deleted, so these need no ON DELETE.
    duplicate_of_id: Mapped[int | None] = mapped_column(sa.ForeignKey("comments.id"))
    addressed_revision_id: Mapped[int | None] = mapped_column(sa.ForeignKey("revisions.id"))
    response: Mapped[str | None] = mapped_column(sa.Text)
    responded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    responder_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    responder_role: Mapped[Role | None] = mapped_column(
        _enum(Role, "responder_role", constraint=False)
    )
    # Near-identical top-level comments of the policy (consult/comments/similar.py) share
    # the id of the group's first comment, which is always the smallest: None when alone.
    similar_group_id: Mapped[int | None] = mapped_column(sa.ForeignKey("comments.id"))

    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    hidden_by: Mapped[User | None] = relationship(foreign_keys=[hidden_by_id])
    parent: Mapped["Comment | None"] = relationship(remote_side=[id], foreign_keys=[parent_id])
    responder: Mapped[User | None] = relationship(foreign_keys=[responder_id])
    revision: Mapped[Revision] = relationship(foreign_keys=[revision_id])
    addressed_revision: Mapped[Revision | None] = relationship(foreign_keys=[addressed_revision_id])

    @property
    def is_hidden(self) -> bool:
        return self.status is CommentStatus.HIDDEN

    @property
    def is_deleted(self) -> bool:
        return self.status is CommentStatus.DELETED


class CommentTriage(db.Model):
    """Staff's working record of a comment, read only on staff pages: an internal note
    and the staff account assigned to it. A comment without one has neither."""

    __tablename__ = "comment_triage"

    comment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True
    )
    note: Mapped[str] = mapped_column(sa.Text, default="")
    assignee_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL"), index=True
    )
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    assignee: Mapped[User | None] = relationship(foreign_keys=[assignee_id])


class CommentSignature(db.Model):
    """A comment's MinHash signature (drafts.likeness), to confirm a candidate found by
    its bands. Only top-level comments, not deleted and long enough to compare, have one."""

    __tablename__ = "comment_signatures"

    comment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True
    )
    signature: Mapped[bytes] = mapped_column(sa.LargeBinary)


class CommentBand(db.Model):
    """One band hash of a comment's signature: comments sharing one are candidates."""

    __tablename__ = "comment_bands"
    __table_args__ = (sa.Index("ix_comment_bands_lookup", "policy_id", "band", "hash"),)

    comment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True
    )
    band: Mapped[int] = mapped_column(sa.SmallInteger, primary_key=True, autoincrement=False)
    # Denormalised from the comment: copies are looked for within one policy.
    policy_id: Mapped[int] = mapped_column(sa.ForeignKey("policies.id"))
    hash: Mapped[int] = mapped_column(sa.BigInteger)


class CommentVersion(db.Model):
    """The text a comment had before an edit; only moderators read these."""

    __tablename__ = "comment_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(sa.Text)
    suggested_wording: Mapped[str | None] = mapped_column(sa.Text)
    written_at: Mapped[datetime] = mapped_column(UTCDateTime())
    replaced_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Endorsement(db.Model):
    __tablename__ = "endorsements"

    comment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), primary_key=True
    )
    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True, index=True
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)


class Flag(db.Model):
    __tablename__ = "comment_flags"
    __table_args__ = (sa.UniqueConstraint("comment_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    user_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(sa.Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Set when a moderator has dealt with the flag (hid or restored the comment, or dismissed).
    resolved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User | None] = relationship(foreign_keys=[user_id])


class ConsultationWindow(db.Model):
    """When a policy takes comments; a row with a revision overrides the policy's own."""

    __tablename__ = "consultation_windows"
    __table_args__ = (
        sa.Index("ix_consultation_windows_policy_revision", "policy_id", "revision_id"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(sa.ForeignKey("policies.id", ondelete="CASCADE"))
    revision_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("revisions.id", ondelete="CASCADE")
    )
    opens_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closes_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )

    def is_open(self, moment: datetime) -> bool:
        if self.opens_at is None or moment < self.opens_at:
            return False
        return self.closes_at is None or moment < self.closes_at


class CommentAdoption(db.Model):
    """A comment's suggested wording put into a clause of a draft by staff: the comment
    says which draft (later: which revision) took its wording, the clause whose comment
    its wording came from. Owned by comments, so drafting never needs to know; deleting
    the draft or the clause deletes the link with it."""

    __tablename__ = "comment_adoptions"
    __table_args__ = (sa.UniqueConstraint("comment_id", "revision_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(sa.ForeignKey("comments.id", ondelete="CASCADE"))
    revision_id: Mapped[int] = mapped_column(
        sa.ForeignKey("revisions.id", ondelete="CASCADE"), index=True
    )
    clause_id: Mapped[int] = mapped_column(
        sa.ForeignKey("clauses.id", ondelete="CASCADE"), index=True
    )
    # The clause's text as adopted: a later revision whose clause reads the same still
    # shows where its wording came from; one edited since no longer does.
    clause_hash: Mapped[str] = mapped_column(sa.String(64))
    adopted_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    adopted_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    comment: Mapped[Comment] = relationship(foreign_keys=[comment_id])
    revision: Mapped[Revision] = relationship(foreign_keys=[revision_id])
