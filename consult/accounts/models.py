"""Accounts and roles."""

import secrets
from datetime import datetime

import sqlalchemy as sa
from flask_login import UserMixin
from sqlalchemy.orm import Mapped, mapped_column, relationship

from consult.extensions import db
from consult.permissions import Role
from consult.types import UTCDateTime, utcnow

# Roles stored as rows; volunteer is what everyone is, so it is never stored.
GRANTABLE_ROLES = (Role.TRANSLATOR, Role.STAFF, Role.MODERATOR, Role.ADMIN)


def new_session_token() -> str:
    return secrets.token_urlsafe(24)


class User(UserMixin, db.Model):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(sa.String(40), unique=True)
    display_name: Mapped[str] = mapped_column(sa.String(80))
    password_hash: Mapped[str] = mapped_column(sa.String(255))
    # Part of every session's user id: a new token ends every session signed in before it.
    session_token: Mapped[str] = mapped_column(
        sa.String(64), default=new_session_token, server_default=""
    )
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    # Preferences that follow the person to every device; None: this browser's.
    locale: Mapped[str | None] = mapped_column(sa.String(16))
    timezone: Mapped[str | None] = mapped_column(sa.String(64))

    role_grants: Mapped[list["UserRole"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )
    language_grants: Mapped[list["UserLanguage"]] = relationship(
        back_populates="user", cascade="all, delete-orphan", lazy="selectin"
    )

    @property
    def roles(self) -> frozenset[Role]:
        return frozenset(grant.role for grant in self.role_grants)

    @property
    def languages(self) -> frozenset[str]:
        return frozenset(grant.language for grant in self.language_grants)

    def has_role(self, role: Role) -> bool:
        """Admins hold every role but translator, which needs languages."""
        if role is Role.VOLUNTEER or role in self.roles:
            return True
        return Role.ADMIN in self.roles and role is not Role.TRANSLATOR

    @property
    def is_staff(self) -> bool:
        return self.has_role(Role.STAFF)

    def get_id(self) -> str:
        """What Flask-Login keeps in the session (see `consult.accounts.sessions`)."""
        return f"{self.id}:{self.session_token}"

    def __repr__(self) -> str:
        return f"<User {self.username}>"


class UserRole(db.Model):
    __tablename__ = "user_roles"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    role: Mapped[Role] = mapped_column(
        sa.Enum(
            Role,
            name="role",
            native_enum=False,
            create_constraint=True,
            values_callable=lambda roles: [r.value for r in roles],
            length=20,
        ),
        primary_key=True,
    )
    user: Mapped[User] = relationship(back_populates="role_grants")


class UserLanguage(db.Model):
    """A language a translator may write."""

    __tablename__ = "user_languages"

    user_id: Mapped[int] = mapped_column(
        sa.ForeignKey("users.id", ondelete="CASCADE"), primary_key=True
    )
    language: Mapped[str] = mapped_column(sa.String(35), primary_key=True)
    user: Mapped[User] = relationship(back_populates="language_grants")
