"""`flask demo load`: a ready-to-explore site for trying Consult out."""

import click
import sqlalchemy as sa
from flask import current_app
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _

from consult.accounts.labels import ROLE_LABELS
from consult.accounts.models import Role, User
from consult.demo.services import DEMO_PASSWORD, DemoReport, load_demo
from consult.errors import ConsultError, message_of
from consult.extensions import db

demo_cli = AppGroup("demo", help="Demo accounts and content.")


@demo_cli.command("load")
def load_command() -> None:
    """Create the demo accounts and policy; what already exists is kept as it is."""
    # Outside a request there is no reader to ask for a language: use the site's.
    with force_locale(current_app.config["BABEL_DEFAULT_LOCALE"]):
        report = run_load()
        for line in summary_lines(report) + [""] + accounts_table(report):
            click.echo(line)


def require_schema() -> None:
    # Without this, an empty database fails deep inside with "no such table".
    if not sa.inspect(db.engine).has_table("users"):
        raise click.ClickException(
            # Translators: Command-line error for an administrator loading the demo; keep “flask db upgrade” as it is.
            _("The database has no tables yet. Run “flask db upgrade” first, then load the demo.")
        )


def run_load() -> DemoReport:
    require_schema()
    try:
        report = load_demo()
    except ConsultError as error:
        db.session.rollback()
        raise click.ClickException(
            # Translators: Command-line error after loading the demo failed; %(reason)s is the error message, a full sentence.
            _("%(reason)s Nothing was loaded.", reason=message_of(error))
        ) from error
    db.session.commit()
    return report


def summary_lines(report: DemoReport) -> list[str]:
    if not report.changed:
        # Translators: Command-line message when the demo was already loaded.
        return [_("The demo is already loaded; nothing was changed.")]
    lines = []
    if report.users_created:
        # Translators: Command-line message; %(names)s is a comma-separated list of usernames.
        lines.append(_("Accounts created: %(names)s.", names=", ".join(report.users_created)))
    if report.policy_created and report.policy is not None:
        lines.append(
            # Translators: Command-line message; %(title)s is the demo policy's title and %(slug)s its address, keep the path.
            _(
                "Policy created: %(title)s (/policies/%(slug)s).",
                title=report.policy.title,
                slug=report.policy.slug,
            )
        )
    if report.revisions_created:
        lines.append(
            # Translators: Command-line message; %(numbers)s is a list of revision numbers.
            _(
                "Revisions imported: %(numbers)s.",
                numbers=", ".join(str(n) for n in report.revisions_created),
            )
        )
    return lines


def roles_text(user: User) -> str:
    return ", ".join(str(ROLE_LABELS[role]) for role in sorted(user.roles)) or str(
        ROLE_LABELS[Role.VOLUNTEER]
    )


def accounts_table(report: DemoReport) -> list[str]:
    header = [
        _("Username"),
        _("Password"),
        _("Roles"),
        _("Languages"),
        # Translators: Column heading in the demo's account table on the command line: whether each account was created now or already existed.
        _("Status"),
    ]
    rows = [
        [
            user.username,
            DEMO_PASSWORD,
            roles_text(user),
            ", ".join(sorted(user.languages)),
            # Translators: Value in the Status column of the demo's account table: the account was created now. Read by administrators at the command line.
            _("created")
            if user.username in report.users_created
            # Translators: Value in the Status column of the demo's account table: the account already existed. Read by administrators at the command line.
            else _("existing"),
        ]
        for user in report.users
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    lines = [format_row(header, widths), format_row(["-" * w for w in widths], widths)]
    lines += [format_row(row, widths) for row in rows]
    if len(rows) > len(report.users_created):
        lines += [
            "",
            # Translators: Command-line note for an administrator after loading the demo.
            _(
                "Existing accounts were left as they were: their password is the one "
                "above unless someone changed it."
            ),
        ]
    return lines


def format_row(cells: list[str], widths: list[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths)).rstrip()
