"""Published revisions survive SQLite's REPLACE and PostgreSQL's TRUNCATE.

SQLite: `INSERT OR REPLACE` (and `UPDATE OR REPLACE`) removes the row it
collides with without firing its DELETE triggers (they fire on a REPLACE
only under `PRAGMA recursive_triggers`, which nobody can be relied on to set),
so a published revision could be swapped for a draft copy, its clauses edited
and the row swapped back with the same stored hash. These triggers refuse a
write that would collide with a published revision, or with a clause of one,
before SQLite gets to remove it.

PostgreSQL: row triggers never fire on TRUNCATE, so each protected table gets
a statement-level BEFORE TRUNCATE trigger, refusing while any revision is
published. A maintenance session may truncate after `SET LOCAL
consult.maintenance = 'on'` (the test suite empties its database between tests
that way). Like the triggers themselves, this stops mistakes and careless
code, not the database owner, who could drop the triggers anyway.

Revision ID: 3f1d2c7a9b10
Revises: 9993c6cfd4cd
Create Date: 2026-12-03 09:10:00

"""

from alembic import op

revision = "3f1d2c7a9b10"
down_revision = "9993c6cfd4cd"
branch_labels = None
depends_on = None

MESSAGE = "published revisions are immutable"

PUBLISHED_REVISION_COLLIDING = """
    SELECT 1 FROM revisions AS existing
    WHERE existing.state = 'published'
      AND (existing.id = NEW.id
           OR (existing.policy_id = NEW.policy_id AND existing.number = NEW.number))"""

PUBLISHED_CLAUSE_COLLIDING = """
    SELECT 1 FROM clauses AS existing
    JOIN revisions ON revisions.id = existing.revision_id
    WHERE existing.id = NEW.id AND revisions.state = 'published'"""

SQLITE_TRIGGERS = {
    "revisions_published_no_replace": f"""
        CREATE TRIGGER revisions_published_no_replace BEFORE INSERT ON revisions
        WHEN EXISTS ({PUBLISHED_REVISION_COLLIDING})
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "revisions_published_no_replace_by_update": f"""
        CREATE TRIGGER revisions_published_no_replace_by_update BEFORE UPDATE ON revisions
        WHEN EXISTS ({PUBLISHED_REVISION_COLLIDING} AND existing.id <> OLD.id)
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "clauses_published_no_replace": f"""
        CREATE TRIGGER clauses_published_no_replace BEFORE INSERT ON clauses
        WHEN EXISTS ({PUBLISHED_CLAUSE_COLLIDING})
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "clauses_published_no_replace_by_update": f"""
        CREATE TRIGGER clauses_published_no_replace_by_update BEFORE UPDATE ON clauses
        WHEN EXISTS ({PUBLISHED_CLAUSE_COLLIDING} AND existing.id <> OLD.id)
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
}

POSTGRESQL_TRUNCATE_FUNCTION = f"""
CREATE FUNCTION consult_refuse_truncating_published() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF current_setting('consult.maintenance', true) IS DISTINCT FROM 'on'
       AND EXISTS (SELECT 1 FROM revisions WHERE state = 'published') THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NULL;
END $$;
"""

PROTECTED_TABLES = ("revisions", "clauses")


def truncate_trigger(table: str) -> str:
    return f"""
        CREATE TRIGGER {table}_published_no_truncate BEFORE TRUNCATE ON {table}
        FOR EACH STATEMENT EXECUTE FUNCTION consult_refuse_truncating_published()"""


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRESQL_TRUNCATE_FUNCTION)
        for table in PROTECTED_TABLES:
            op.execute(truncate_trigger(table))
        return
    for statement in SQLITE_TRIGGERS.values():
        op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for table in PROTECTED_TABLES:
            op.execute(f"DROP TRIGGER {table}_published_no_truncate ON {table}")
        op.execute("DROP FUNCTION consult_refuse_truncating_published()")
        return
    for name in SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
