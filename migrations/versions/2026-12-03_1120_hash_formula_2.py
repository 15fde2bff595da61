"""Hash formula 2: every stored hash recomputed so that indentation that is structure counts.

Each revision records the formula its hashes use (`revisions.hash_formula`, see
drafts.text; rows older than the column used formula 1). Upgrading recomputes
every clause hash, the content hash of every revision that stores one and the
chain of every policy's published revisions by formula 2, and moves each
translation's pin (the source hash it was made from) with them, so that no
translation changes state:

- a pin equal to its clause's old hash (current) becomes the clause's new hash;
- any other pin (outdated) becomes the hash of the source text it was made from
  by the new formula, unless that would equal the clause's new hash (the new
  formula is blind to something the old one saw, such as trailing blanks in
  code); then, as when the text it was made from is not what it pins, it stays
  as it was, which no hash by the new formula equals.

Downgrading does the same towards formula 1. Published rows are immutable, so
the update triggers step aside for this one rewrite and are restored with their
definitions (columns are added and dropped without a batch rebuild, which would
drop every trigger on SQLite).

Revision ID: 17706c662828
Revises: a7d3c91e4b25
Create Date: 2026-12-03 11:20:00

"""

import sqlalchemy as sa
from alembic import op

from consult.policies.rehashing import rehash_stored_hashes

revision = "17706c662828"
down_revision = "a7d3c91e4b25"
branch_labels = None
depends_on = None


def upgrade():
    op.add_column(
        "revisions",
        sa.Column("hash_formula", sa.Integer(), nullable=False, server_default="1"),
    )
    rehash_stored_hashes(op.get_bind(), 1, 2)


def downgrade():
    rehash_stored_hashes(op.get_bind(), 2, 1)
    op.drop_column("revisions", "hash_formula")
