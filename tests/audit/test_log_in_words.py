"""The audit log reads as words: every action and detail field the code records has a label,
and values are shown in the reader's language — no codes, no Python reprs, no ISO stamps."""

import ast
from datetime import UTC, datetime
from pathlib import Path

from consult.audit.labels import ACTION_LABELS, FIELD_LABELS
from consult.audit.services import record
from consult.extensions import db

SOURCE = Path(__file__).resolve().parents[2] / "consult"
RECORDERS = {"record", "record_many"}


def recorded_actions_and_fields() -> tuple[set[str], set[str]]:
    """What the code passes to `record(…)`: action codes, and the details' keyword names
    (record_many's details are dict literals, read from the dicts in the same function)."""
    actions, fields = set(), set()
    for path in SOURCE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if not isinstance(node, ast.Call) or getattr(node.func, "id", None) not in RECORDERS:
                continue
            if len(node.args) > 1 and isinstance(node.args[1], ast.Constant):
                actions.add(node.args[1].value)
            fields.update(keyword.arg for keyword in node.keywords if keyword.arg)
    return actions, fields


def test_every_recorded_action_and_field_has_a_label():
    actions, fields = recorded_actions_and_fields()
    assert actions - set(ACTION_LABELS) == set()
    assert fields - set(FIELD_LABELS) == set()


def test_the_log_shows_labels_and_localised_values(app, client, auth, staff):
    with app.app_context():
        staff = db.session.merge(staff)
        opens = datetime(2026, 3, 1, 9, 0, tzinfo=UTC).isoformat()
        record(staff, "user.roles_changed", staff, "staff", roles_after=["staff", "moderator"])
        record(staff, "consultation.window_set", staff, "x", opens_at=opens, closes_at=None)
        record(staff, "revision.published", staff, "x", clauses=12345, minor_edits=True)
        db.session.commit()
    auth.login("staff")
    page = client.get("/audit").get_data(as_text=True)
    for words in ("Roles changed", "Roles after", "Staff", "Moderator", "Comment period set"):
        assert words in page
    assert "Revision published" in page and "12,345" in page and "yes" in page
    # In the reader's zone (UTC here), with the zone named.
    assert "3/1/26, 9:00\u202fAM UTC" in page or "3/1/26, 9:00 AM UTC" in page
    assert ">user.roles_changed<" not in page
    for code in ("['staff'", "None", "True", "2026-03-01T09:00"):
        assert code not in page
