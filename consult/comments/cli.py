"""`flask comments regroup`: recompute the groups of similar comments from their texts."""

import click
import sqlalchemy as sa
from flask.cli import AppGroup

from consult.comments.similar import regroup
from consult.extensions import db
from consult.policies.models import Policy

comments_cli = AppGroup("comments", help="Comments on policies.")


def policies_named(slugs: tuple[str, ...]) -> list[Policy]:
    query = sa.select(Policy).order_by(Policy.id)
    if slugs:
        query = query.where(Policy.slug.in_(slugs))
    found = list(db.session.scalars(query))
    missing = set(slugs) - {policy.slug for policy in found}
    if missing:
        raise click.ClickException(f"There is no policy “{', '.join(sorted(missing))}”.")
    return found


@comments_cli.command("regroup")
@click.argument("slugs", nargs=-1, metavar="[SLUG]...")
def regroup_command(slugs: tuple[str, ...]) -> None:
    """Group near-identical comments anew, for the named policies (default: every one).

    Comments written before grouping existed get their signatures here; a group whose
    linking comment was edited away is split."""
    for policy in policies_named(slugs):
        groups = regroup(policy)
        # Each policy in its own transaction: a long run keeps what it has done.
        db.session.commit()
        grouped = sum(len(group) for group in groups)
        click.echo(f"{policy.slug}: {len(groups)} groups of similar comments ({grouped} comments).")
