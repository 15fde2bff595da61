"""Publishing carries translations forward along clause keys.

Every revision has its own clause rows, so the new revision gets copies: the
old revision keeps reading as it did. A copy keeps the source hash it was made
from, so it is current exactly when the clause's normalised text is unchanged
(re-wrapping included) and outdated otherwise — unless staff marked the edit
minor, which re-pins a translation that was current to the new text.
"""

from collections.abc import Collection

import sqlalchemy as sa

from consult.extensions import db
from consult.policies.models import Clause, Revision, RevisionState
from consult.translating.models import Translation
from consult.translating.titles import carry_over_titles

COPIED = (
    "language",
    "heading",
    "body",
    "source_hash",
    "source_heading",
    "source_body",
    "translator_id",
    "translated_at",
    "reviewer_id",
    "reviewed_at",
)


def base_translations(base: Revision) -> list[tuple[Translation, Clause]]:
    return list(
        db.session.execute(
            sa.select(Translation, Clause)
            .join(Clause, Translation.clause_id == Clause.id)
            .where(Clause.revision_id == base.id)
        )
    )


def restored_translations(revision: Revision, base: Revision) -> list[tuple[Translation, Clause]]:
    """Translations of the clauses `revision` brings back: keys its base does not hold, as the
    last earlier published revision holding each left them."""
    held = {clause.key for clause in base.clauses}
    missing = [clause.key for clause in revision.clauses if clause.key not in held]
    if not missing:
        return []
    last = (
        sa.select(Clause.key, sa.func.max(Revision.number).label("number"))
        .join(Revision)
        .where(
            Revision.policy_id == revision.policy_id,
            Revision.state == RevisionState.PUBLISHED,
            Revision.number < revision.number,
            Clause.key.in_(missing),
        )
        .group_by(Clause.key)
        .subquery()
    )
    return list(
        db.session.execute(
            sa.select(Translation, Clause)
            .join(Clause, Translation.clause_id == Clause.id)
            .join(Revision, Clause.revision_id == Revision.id)
            .join(last, sa.and_(last.c.key == Clause.key, last.c.number == Revision.number))
            .where(Revision.policy_id == revision.policy_id)
        )
    )


def copy_of(translation: Translation, clause: Clause) -> Translation:
    return Translation(clause_id=clause.id, **{name: getattr(translation, name) for name in COPIED})


def keep_current(copy: Translation, old_clause: Clause, clause: Clause) -> None:
    # Only a translation that was current before the minor edit stays current after it.
    if copy.source_hash == old_clause.hash:
        copy.source_hash = clause.hash
        copy.source_heading, copy.source_body = clause.heading, clause.body


def carry_over(revision: Revision, minor_keys: Collection[str] = ()) -> list[Translation]:
    """Copy the base revision's translations onto `revision`'s clauses with the same keys
    (and, for a clause brought back, those of the last revision that held it)."""
    base = revision.base_revision
    if base is None:
        return []
    clauses = {clause.key: clause for clause in revision.clauses}
    copies = []
    for translation, old_clause in base_translations(base) + restored_translations(revision, base):
        clause = clauses.get(old_clause.key)
        if clause is None:
            continue
        copy = copy_of(translation, clause)
        if clause.key in minor_keys:
            keep_current(copy, old_clause, clause)
        copies.append(copy)
    db.session.add_all(copies)
    carry_over_titles(base, revision)
    db.session.flush()
    return copies
