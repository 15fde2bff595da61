"""Translations of clauses: one per (clause row, language), pinned to the source it was made from."""

from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column, relationship

import drafts
from consult.accounts.models import User
from consult.extensions import db
from consult.policies.models import Clause
from consult.types import UTCDateTime, utcnow


class Translation(db.Model):
    """Each revision has its own clause rows, so each has its own translations: publishing
    copies them forward (see carryover), and an old revision keeps what it had."""

    __tablename__ = "translations"
    __table_args__ = (sa.UniqueConstraint("clause_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    clause_id: Mapped[int] = mapped_column(
        sa.ForeignKey("clauses.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(sa.String(35))
    heading: Mapped[str] = mapped_column(sa.Text, default="")
    body: Mapped[str] = mapped_column(sa.Text, default="")
    # The source as it was translated: its hash decides current vs outdated, its text
    # is the "from" side of the redline an outdated translation shows.
    source_hash: Mapped[str] = mapped_column(sa.String(64))
    source_heading: Mapped[str] = mapped_column(sa.Text, default="")
    source_body: Mapped[str] = mapped_column(sa.Text, default="")
    translator_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    translated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    reviewer_id: Mapped[int | None] = mapped_column(sa.ForeignKey("users.id", ondelete="SET NULL"))
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(default=1)

    clause: Mapped[Clause] = relationship()
    translator: Mapped[User | None] = relationship(foreign_keys=[translator_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])

    __mapper_args__ = {"version_id_col": version}

    @property
    def pin(self) -> drafts.Pin:
        return drafts.Pin(self.source_hash, reviewed=self.reviewer_id is not None)

    @property
    def source(self) -> drafts.Clause:
        """The source clause as it read when this was translated."""
        return drafts.Clause(
            level=self.clause.level,
            heading=self.source_heading,
            body=self.source_body,
            key=self.clause.key,
            number=self.clause.number,
        )


class CommentTranslation(db.Model):
    """A human translation of a comment into the policy's source language, shown beside it."""

    __tablename__ = "comment_translations"
    __table_args__ = (sa.UniqueConstraint("comment_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(
        sa.ForeignKey("comments.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(sa.String(35))
    body: Mapped[str] = mapped_column(sa.Text)
    translator_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    translator: Mapped[User | None] = relationship(foreign_keys=[translator_id])


class TitleTranslation(db.Model):
    """A revision's title in one language, pinned like clause translations to the source title."""

    __tablename__ = "title_translations"
    __table_args__ = (sa.UniqueConstraint("revision_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    revision_id: Mapped[int] = mapped_column(
        sa.ForeignKey("revisions.id", ondelete="CASCADE"), index=True
    )
    language: Mapped[str] = mapped_column(sa.String(35))
    title: Mapped[str] = mapped_column(sa.String(300))
    source_title: Mapped[str] = mapped_column(sa.String(300))
    translator_id: Mapped[int | None] = mapped_column(
        sa.ForeignKey("users.id", ondelete="SET NULL")
    )
    translated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    translator: Mapped[User | None] = relationship(foreign_keys=[translator_id])

    def is_current_for(self, source_title: str) -> bool:
        return drafts.normalise(self.source_title) == drafts.normalise(source_title)
