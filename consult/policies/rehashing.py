"""Rehashing every stored hash by another hash formula (see drafts.text), for the migrations
that change formula: clause hashes, the content hash of every revision that stores one and
the chain of every policy's published revisions, and each translation's pin (the source
hash it was made from) moved with them, so that no translation changes state:

- a pin equal to its clause's old hash (current) becomes the clause's new hash;
- any other pin (outdated) becomes the hash of the source text it was made from by the
  new formula, unless that would equal the clause's new hash (the new formula is blind to
  something the old one saw); then, as when the text it was made from is not what it
  pins, it stays as it was, which no hash by the new formula equals.

Published rows are immutable, so the update triggers step aside for this one rewrite and
are restored with their definitions. Migrations run this: it reads and writes through
plain SQL on the migration's connection, never through the models, and what it does to a
database at a given migration must not change.
"""

from dataclasses import dataclass

import sqlalchemy as sa

from drafts.text import chain_hash, clause_hash, recomputed_content_hash

MESSAGE = "published revisions are immutable"

# As created by 2026-11-25_0930_published_revisions_immutable.
SQLITE_UPDATE_TRIGGERS = {
    "revisions_published_no_update": f"""
        CREATE TRIGGER revisions_published_no_update BEFORE UPDATE ON revisions
        WHEN OLD.state = 'published'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "clauses_published_no_update": f"""
        CREATE TRIGGER clauses_published_no_update BEFORE UPDATE ON clauses
        WHEN (SELECT state FROM revisions WHERE id = OLD.revision_id) = 'published'
          OR (SELECT state FROM revisions WHERE id = NEW.revision_id) = 'published'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
}
POSTGRESQL_TRIGGERS = {
    "revisions": "revisions_published_immutable",
    "clauses": "clauses_published_immutable",
}

REVISIONS = sa.text(
    "SELECT id, policy_id, state, title, content_hash FROM revisions ORDER BY policy_id, number"
)
CLAUSES = sa.text(
    "SELECT id, revision_id, level, heading, body, hash FROM clauses ORDER BY position"
)
TRANSLATIONS = sa.text(
    "SELECT id, clause_id, source_hash, source_heading, source_body FROM translations"
)
SET_CLAUSE_HASH = sa.text("UPDATE clauses SET hash = :hash WHERE id = :id")
SET_REVISION_HASHES = sa.text(
    "UPDATE revisions SET hash_formula = :formula, content_hash = :content_hash,"
    " chain_hash = :chain_hash WHERE id = :id"
)
SET_PIN = sa.text("UPDATE translations SET source_hash = :source_hash WHERE id = :id")


@dataclass(frozen=True)
class Hashed:
    """A clause as content_hash reads it."""

    level: int
    heading: str
    body: str


def clause_hashes(bind, formula: int) -> tuple[dict[int, str], dict[int, list]]:
    """Every clause's hash by ``formula`` (by clause id) and the clauses of each revision."""
    hashes: dict[int, str] = {}
    by_revision: dict[int, list] = {}
    for row in bind.execute(CLAUSES):
        hashes[row.id] = clause_hash(row.heading, row.body, formula)
        by_revision.setdefault(row.revision_id, []).append(row)
    return hashes, by_revision


def rehash_clauses(bind, hashes: dict[int, str], old: dict[int, str]) -> None:
    updates = [{"id": id_, "hash": hash_} for id_, hash_ in hashes.items() if old[id_] != hash_]
    if updates:
        bind.execute(SET_CLAUSE_HASH, updates)


def rehash_revisions(bind, formula: int, by_revision: dict[int, list]) -> None:
    """Content hashes (where stored) and each policy's chain, in publication order."""
    previous: dict[int, str | None] = {}
    updates = []
    for row in bind.execute(REVISIONS).all():
        clauses = [Hashed(c.level, c.heading, c.body) for c in by_revision.get(row.id, [])]
        content = row.content_hash and recomputed_content_hash(row.title, clauses, formula)
        chain = None
        if row.state == "published":
            chain = chain_hash(previous.get(row.policy_id), content or "")
            previous[row.policy_id] = chain
        updates.append(
            {"id": row.id, "formula": formula, "content_hash": content, "chain_hash": chain}
        )
    if updates:
        bind.execute(SET_REVISION_HASHES, updates)


def moved_pin(row, old_clause: str, new_clause: str, old_formula: int, formula: int) -> str:
    """The pin by the new formula that keeps the translation in the state it was in."""
    if row.source_hash == old_clause:
        return new_clause
    if clause_hash(row.source_heading, row.source_body, old_formula) != row.source_hash:
        return row.source_hash
    moved = clause_hash(row.source_heading, row.source_body, formula)
    return row.source_hash if moved == new_clause else moved


def move_pins(
    bind, old: dict[int, str], new: dict[int, str], old_formula: int, formula: int
) -> None:
    updates = []
    for row in bind.execute(TRANSLATIONS).all():
        pin = moved_pin(row, old[row.clause_id], new[row.clause_id], old_formula, formula)
        if pin != row.source_hash:
            updates.append({"id": row.id, "source_hash": pin})
    if updates:
        bind.execute(SET_PIN, updates)


def rehash(bind, old_formula: int, formula: int) -> None:
    old = {row.id: row.hash for row in bind.execute(CLAUSES)}
    new, by_revision = clause_hashes(bind, formula)
    rehash_clauses(bind, new, old)
    rehash_revisions(bind, formula, by_revision)
    move_pins(bind, old, new, old_formula, formula)


def rehash_stored_hashes(bind: sa.Connection, old_formula: int, formula: int) -> None:
    """Every stored hash rehashed from ``old_formula`` to ``formula`` (see the module)."""
    if bind.dialect.name == "postgresql":
        for table, trigger in POSTGRESQL_TRIGGERS.items():
            bind.execute(sa.text(f"ALTER TABLE {table} DISABLE TRIGGER {trigger}"))
        rehash(bind, old_formula, formula)
        for table, trigger in POSTGRESQL_TRIGGERS.items():
            bind.execute(sa.text(f"ALTER TABLE {table} ENABLE TRIGGER {trigger}"))
        return
    for name in SQLITE_UPDATE_TRIGGERS:
        bind.execute(sa.text(f"DROP TRIGGER {name}"))
    rehash(bind, old_formula, formula)
    for statement in SQLITE_UPDATE_TRIGGERS.values():
        bind.execute(sa.text(statement))
