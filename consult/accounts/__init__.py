"""Accounts: registration, sign-in, interface language, roles and the `users` command."""

from flask import Flask
from flask_babel import lazy_gettext as _l

from consult.accounts.sessions import load_user
from consult.extensions import login_manager


def register(app: Flask) -> None:
    from consult.accounts.badges import badge_roles
    from consult.accounts.cli import users
    from consult.accounts.labels import ROLE_LABELS
    from consult.accounts.messages import MESSAGES
    from consult.accounts.views import bp
    from consult.audit.labels import register_value_labels
    from consult.errors import register_messages

    app.register_blueprint(bp)
    register_messages(MESSAGES)
    register_value_labels(("roles", "roles_before", "roles_after"), ROLE_LABELS)
    app.add_template_global(badge_roles)
    app.cli.add_command(users)
    login_manager.login_view = "accounts.login"
    # Translators: Message shown to a visitor sent to the sign-in page because the page they wanted requires an account.
    login_manager.login_message = _l("Please sign in to see that page.")
    login_manager.login_message_category = "info"
    # Flashed as plain text in the reader's language: a lazy string would be
    # stored in the session as markup, i.e. trusted HTML.
    login_manager.localize_callback = str
    login_manager.user_loader(load_user)
