"""Hash formula 3: every stored hash recomputed by formula 3, formula 2 made idempotent
where a line is indented less than its list item's content (see drafts.text).

Only texts with such a line hash differently; the rest keep their hashes. Each revision
records formula 3, translation pins move with their clauses so that no translation changes
state (consult.policies.rehashing), and hashes published under formula 2 stay checkable
against the text by formula 2. Downgrading does the same towards formula 2.

Revision ID: 6c2e8b4f1a97
Revises: 3f9a6d2c8e15
Create Date: 2026-12-03 20:10:00

"""

from alembic import op

from consult.policies.rehashing import rehash_stored_hashes

revision = "6c2e8b4f1a97"
down_revision = "3f9a6d2c8e15"
branch_labels = None
depends_on = None


def upgrade():
    rehash_stored_hashes(op.get_bind(), 2, 3)


def downgrade():
    rehash_stored_hashes(op.get_bind(), 3, 2)
