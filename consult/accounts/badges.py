"""The role badges shown next to a writer's name."""

from consult.accounts.labels import ROLE_LABELS
from consult.accounts.models import Role, User
from consult.accounts.services import granted_roles

# Roles that speak for the platform, highest first: the badges next to a writer's name.
BADGE_ROLES = (Role.ADMIN, Role.STAFF, Role.MODERATOR, Role.TRANSLATOR)


def badge_roles(user: User | None) -> list[tuple[str, str]]:
    """(role, translated label) of each badge `user` carries; none for a volunteer."""
    held = granted_roles().get(user.id, frozenset()) if user is not None else frozenset()
    return [(role.value, str(ROLE_LABELS[role])) for role in BADGE_ROLES if role in held]
