"""Each published revision stores a chain hash linking it to the ones before it.

`chain_hash = sha256_hex(previous chain_hash + content_hash)` over a policy's
published revisions in order (`drafts.chain_hash`); revisions published before
this migration get theirs here. Filling them in is the one write to published
rows ever allowed, so the update trigger steps aside for it and is restored
with the same definition (the column is added without a batch rebuild, which
would drop every trigger on SQLite).

Revision ID: 7c4e9a2b5d31
Revises: 3f1d2c7a9b10
Create Date: 2026-12-03 09:20:00

"""

import hashlib

import sqlalchemy as sa
from alembic import op

revision = "7c4e9a2b5d31"
down_revision = "3f1d2c7a9b10"
branch_labels = None
depends_on = None

# As created by 2026-11-25_0930_published_revisions_immutable.
SQLITE_UPDATE_TRIGGER = """
    CREATE TRIGGER revisions_published_no_update BEFORE UPDATE ON revisions
    WHEN OLD.state = 'published'
    BEGIN SELECT RAISE(ABORT, 'published revisions are immutable'); END"""

PUBLISHED = sa.text(
    "SELECT id, policy_id, content_hash FROM revisions"
    " WHERE state = 'published' ORDER BY policy_id, number"
)
SET_CHAIN_HASH = sa.text("UPDATE revisions SET chain_hash = :chain_hash WHERE id = :id")


def chain_hashes(rows) -> list[dict]:
    previous: dict[int, str] = {}
    updates = []
    for revision_id, policy_id, content_hash in rows:
        text = previous.get(policy_id, "") + (content_hash or "")
        previous[policy_id] = hashlib.sha256(text.encode("utf-8")).hexdigest()
        updates.append({"id": revision_id, "chain_hash": previous[policy_id]})
    return updates


def fill_chain_hashes(bind) -> None:
    updates = chain_hashes(bind.execute(PUBLISHED).all())
    if updates:
        bind.execute(SET_CHAIN_HASH, updates)


def upgrade():
    op.add_column("revisions", sa.Column("chain_hash", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        op.execute("ALTER TABLE revisions DISABLE TRIGGER revisions_published_immutable")
        fill_chain_hashes(bind)
        op.execute("ALTER TABLE revisions ENABLE TRIGGER revisions_published_immutable")
        return
    op.execute("DROP TRIGGER revisions_published_no_update")
    fill_chain_hashes(bind)
    op.execute(SQLITE_UPDATE_TRIGGER)


def downgrade():
    op.drop_column("revisions", "chain_hash")
