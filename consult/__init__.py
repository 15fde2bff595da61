"""Consult: draft a policy in public."""

from collections.abc import Mapping
from typing import Any

from flask import Flask

from consult.config import load_config


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    app = Flask(__name__, instance_relative_config=True)
    load_config(app, config)
    _init_extensions(app)
    _register_converters(app)
    _register_blueprints(app)
    _register_hooks(app)
    return app


def _init_extensions(app: Flask) -> None:
    from consult import hooks, i18n, translate_cli
    from consult.config import PROJECT_ROOT
    from consult.extensions import csrf, db, limiter, login_manager, migrate

    db.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    login_manager.init_app(app)
    limiter.init_app(app)
    i18n.init_app(app)
    hooks.init_app(app)
    translate_cli.init_app(app)
    _import_models()


def _import_models() -> None:
    # Every model must be imported before the metadata is used (migrations,
    # mapper configuration); the packages themselves stay independent.
    import consult.accounts.models
    import consult.audit.models
    import consult.comments.models
    import consult.moderation.models
    import consult.policies.models
    import consult.redline.stored
    import consult.renderings
    import consult.translating.models  # noqa: F401


def _register_converters(app: Flask) -> None:
    # Before any route: a rule takes its converters when it is added.
    from consult import inputs

    inputs.register_converters(app)


def _register_blueprints(app: Flask) -> None:
    from consult.accounts import register as register_accounts
    from consult.api import register as register_api
    from consult.audit import register as register_audit
    from consult.backup import register as register_backup
    from consult.comments import register as register_comments
    from consult.demo import register as register_demo
    from consult.drafting import register as register_drafting
    from consult.moderation import register as register_moderation
    from consult.policies import register as register_policies
    from consult.redline import register as register_redline
    from consult.translating import register as register_translating

    for register in (
        register_accounts,
        register_audit,
        register_policies,
        register_drafting,
        register_redline,
        register_api,
        register_demo,
        register_translating,
        register_comments,
        register_moderation,
        register_backup,
    ):
        register(app)


def _register_hooks(app: Flask) -> None:
    from consult import conflicts, errors, headers, inputs, web

    errors.init_app(app)
    headers.init_app(app)
    conflicts.init_app(app)
    inputs.init_app(app)
    web.init_app(app)
