"""Roles, and the checks views make on them: 401 → sign-in page, missing role → 403.

The roles live here, below every area, because every area checks them
(accounts stores who has which; `consult.accounts.models` re-exports Role).
"""

import enum
from collections.abc import Callable
from functools import wraps

from flask import abort
from flask_login import current_user, login_required


class Role(enum.StrEnum):
    VOLUNTEER = "volunteer"
    TRANSLATOR = "translator"
    STAFF = "staff"
    MODERATOR = "moderator"
    ADMIN = "admin"


def role_required(role: Role) -> Callable:
    def decorator(view: Callable) -> Callable:
        @wraps(view)
        @login_required
        def wrapped(*args, **kwargs):
            if not current_user.has_role(role):
                abort(403)
            return view(*args, **kwargs)

        return wrapped

    return decorator


staff_required = role_required(Role.STAFF)
admin_required = role_required(Role.ADMIN)


def is_staff() -> bool:
    return current_user.is_authenticated and current_user.is_staff
