"""Published revisions and their clauses can never change: the database refuses.

The application refuses too (services and an ORM flush hook), but triggers also
stop raw SQL and any future code path. SQLite batch migrations rebuild tables
and drop their triggers: a later migration that alters `revisions` or `clauses`
in batch mode must create these triggers again.

Revision ID: a1c0ffee0004
Revises: a1c0ffee0003
Create Date: 2026-11-25 09:30:00

"""

from alembic import op

revision = "a1c0ffee0004"
down_revision = "a1c0ffee0003"
branch_labels = None
depends_on = None

MESSAGE = "published revisions are immutable"

SQLITE_TRIGGERS = {
    "revisions_published_no_update": f"""
        CREATE TRIGGER revisions_published_no_update BEFORE UPDATE ON revisions
        WHEN OLD.state = 'published'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "revisions_published_no_delete": f"""
        CREATE TRIGGER revisions_published_no_delete BEFORE DELETE ON revisions
        WHEN OLD.state = 'published'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "clauses_published_no_insert": f"""
        CREATE TRIGGER clauses_published_no_insert BEFORE INSERT ON clauses
        WHEN (SELECT state FROM revisions WHERE id = NEW.revision_id) = 'published'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "clauses_published_no_update": f"""
        CREATE TRIGGER clauses_published_no_update BEFORE UPDATE ON clauses
        WHEN (SELECT state FROM revisions WHERE id = OLD.revision_id) = 'published'
          OR (SELECT state FROM revisions WHERE id = NEW.revision_id) = 'published'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
    "clauses_published_no_delete": f"""
        CREATE TRIGGER clauses_published_no_delete BEFORE DELETE ON clauses
        WHEN (SELECT state FROM revisions WHERE id = OLD.revision_id) = 'published'
        BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END""",
}

POSTGRESQL_FUNCTIONS = f"""
CREATE FUNCTION consult_refuse_published_revision_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF OLD.state = 'published' THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;

CREATE FUNCTION consult_refuse_published_clause_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP <> 'INSERT' AND EXISTS (
        SELECT 1 FROM revisions WHERE id = OLD.revision_id AND state = 'published'
    ) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP <> 'DELETE' AND EXISTS (
        SELECT 1 FROM revisions WHERE id = NEW.revision_id AND state = 'published'
    ) THEN
        RAISE EXCEPTION '{MESSAGE}' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN RETURN OLD; END IF;
    RETURN NEW;
END $$;

CREATE TRIGGER revisions_published_immutable BEFORE UPDATE OR DELETE ON revisions
FOR EACH ROW EXECUTE FUNCTION consult_refuse_published_revision_change();

CREATE TRIGGER clauses_published_immutable BEFORE INSERT OR UPDATE OR DELETE ON clauses
FOR EACH ROW EXECUTE FUNCTION consult_refuse_published_clause_change();
"""


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute(POSTGRESQL_FUNCTIONS)
        return
    for statement in SQLITE_TRIGGERS.values():
        op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        op.execute("DROP TRIGGER clauses_published_immutable ON clauses")
        op.execute("DROP TRIGGER revisions_published_immutable ON revisions")
        op.execute("DROP FUNCTION consult_refuse_published_clause_change()")
        op.execute("DROP FUNCTION consult_refuse_published_revision_change()")
        return
    for name in SQLITE_TRIGGERS:
        op.execute(f"DROP TRIGGER {name}")
