"""Policies, their revisions and the clauses of each revision."""

import enum
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

import drafts
from consult.accounts.models import User
from consult.extensions import db
from consult.types import UTCDateTime, utcnow


class RevisionState(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class Policy(db.Model):
    __tablename__ = "policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(sa.String(80), unique=True)
    title: Mapped[str] = mapped_column(sa.String(300))
    source_language: Mapped[str] = mapped_column(sa.String(35))
    summary: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    # Whose numbers the headings show (a drafts.NumberingStyle value): a heading that carries
    # its own number ("1. Correction") is shown with one number, never two.
    heading_numbers: Mapped[str] = mapped_column(
        sa.String(20), default="auto", server_default="auto"
    )

    revisions: Mapped[list["Revision"]] = relationship(
        back_populates="policy",
        order_by="Revision.number",
        foreign_keys="Revision.policy_id",
    )


# One draft per policy, kept by the database: of two concurrent forks or imports, the
# second meets the index instead of leaving two drafts.
DRAFT_ONLY = sa.text("state = 'draft'")


class Revision(db.Model):
    __tablename__ = "revisions"
    __table_args__ = (
        sa.UniqueConstraint("policy_id", "number"),
        sa.Index(
            "uq_revisions_one_draft_per_policy",
            "policy_id",
            unique=True,
            sqlite_where=DRAFT_ONLY,
            postgresql_where=DRAFT_ONLY,
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    policy_id: Mapped[int] = mapped_column(sa.ForeignKey("policies.id"))
    number: Mapped[int]
    state: Mapped[RevisionState] = mapped_column(
        sa.Enum(
            RevisionState,
            name="revision_state",
            native_enum=False,
            create_constraint=True,
            values_callable=lambda states: [s.value for s in states],
            length=20,
        ),
        default=RevisionState.DRAFT,
    )
    title: Mapped[str] = mapped_column(sa.String(300))
    change_summary: Mapped[str] = mapped_column(sa.Text, default="")
    # What the importer typed as the change summary of a draft: offered on its publish form,
    # while `change_summary` is only ever the summary it was published with.
    proposed_summary: Mapped[str] = mapped_column(sa.Text, default="", server_default="")
    front_matter: Mapped[dict[str, Any]] = mapped_column(sa.JSON, default=dict)
    base_revision_id: Mapped[int | None] = mapped_column(sa.ForeignKey("revisions.id"))
    created_by_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    publisher_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    published_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    content_hash: Mapped[str | None] = mapped_column(sa.String(64))
    # Covers the content hash and the previous published revision's chain hash
    # (see consult.policies.integrity), so no earlier text can change unnoticed.
    chain_hash: Mapped[str | None] = mapped_column(sa.String(64))
    # The formula (drafts.text) by which its clause, content and chain hashes were
    # computed; rows older than the column were hashed by formula 1.
    hash_formula: Mapped[int] = mapped_column(default=drafts.CURRENT_FORMULA, server_default="1")
    # Bumped by every structural edit (add, delete, reorder) so a form built
    # on an older structure is refused instead of reordering the wrong clause.
    structure_version: Mapped[int] = mapped_column(default=1)

    policy: Mapped[Policy] = relationship(back_populates="revisions", foreign_keys=[policy_id])
    base_revision: Mapped["Revision | None"] = relationship(remote_side=[id])
    publisher: Mapped[User | None] = relationship(foreign_keys=[publisher_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    clauses: Mapped[list["Clause"]] = relationship(
        back_populates="revision",
        order_by="Clause.position",
        cascade="all, delete-orphan",
        passive_deletes=True,
    )

    @property
    def is_published(self) -> bool:
        return self.state is RevisionState.PUBLISHED

    @property
    def is_draft(self) -> bool:
        return self.state is RevisionState.DRAFT


class Clause(db.Model):
    __tablename__ = "clauses"
    __table_args__ = (sa.UniqueConstraint("revision_id", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(sa.ForeignKey("revisions.id", ondelete="CASCADE"))
    key: Mapped[str] = mapped_column(sa.String(64))
    position: Mapped[int]
    level: Mapped[int]
    number: Mapped[str] = mapped_column(sa.String(32), default="")
    heading: Mapped[str] = mapped_column(sa.Text, default="")
    body: Mapped[str] = mapped_column(sa.Text, default="")
    hash: Mapped[str] = mapped_column(sa.String(64))
    version: Mapped[int] = mapped_column(default=1)

    revision: Mapped[Revision] = relationship(back_populates="clauses")

    # Versioned by hand: only a text change bumps `version`, so reordering
    # never invalidates someone's open edit, but every UPDATE still checks it.
    __mapper_args__ = {"version_id_col": version, "version_id_generator": False}
