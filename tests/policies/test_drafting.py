"""The staff drafting workflow over HTTP: create, import, fork, edit, publish, delete."""

import io

import pytest
import sqlalchemy as sa

from consult.audit.models import AuditEvent
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision
from tests.factories import DOCUMENT


def clause(revision_id: int, key: str) -> Clause:
    db.session.expire_all()
    return db.session.scalar(
        sa.select(Clause).where(Clause.revision_id == revision_id, Clause.key == key)
    )


def keys(revision_id: int) -> list[str]:
    db.session.expire_all()
    return list(
        db.session.scalars(
            sa.select(Clause.key).where(Clause.revision_id == revision_id).order_by(Clause.position)
        )
    )


def upload(client, slug: str, data: bytes, **fields):
    form = {"document": (io.BytesIO(data), "doc.md"), **fields}
    return client.post(f"/policies/{slug}/import", data=form, content_type="multipart/form-data")


def test_create_policy_then_import_and_publish(client, auth, staff):
    auth.login()
    response = client.post(
        "/policies/new",
        data={
            "slug": "guidelines",
            "title": "Guidelines",
            "source_language": "en",
            "summary": "Ours",
        },
    )
    assert response.status_code == 302
    response = upload(client, "guidelines", DOCUMENT.encode(), change_summary="First")
    assert response.status_code == 302
    revision = db.session.scalar(sa.select(Revision))
    assert revision.is_draft and len(revision.clauses) == 6
    assert revision.title == "Community Guidelines"
    page = client.get("/policies/guidelines/revisions/1/publish").get_data(as_text=True)
    assert "This revision has 6 clauses. Once published" in page
    response = client.post(
        "/policies/guidelines/revisions/1/publish", data={"change_summary": "First public draft"}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert revision.is_published and revision.publisher_id == staff.id
    assert revision.content_hash and revision.published_at


def test_volunteers_cannot_draft(client, auth, create_user, published):
    create_user("vol")
    auth.login("vol")
    assert client.get("/policies/new").status_code == 403
    assert client.post("/policies/guidelines/drafts").status_code == 403
    auth.logout()
    assert client.get("/policies/new").status_code == 302


def test_fork_copies_clauses_and_keys(client, auth, published):
    auth.login()
    response = client.post("/policies/guidelines/drafts")
    assert response.status_code == 302
    draft = db.session.scalar(sa.select(Revision).where(Revision.number == 2))
    assert draft.is_draft and draft.base_revision_id == published.id
    assert keys(draft.id) == keys(published.id)
    assert client.post("/policies/guidelines/drafts").status_code == 409


def test_edit_clause_recomputes_hash_and_number(client, auth, draft):
    auth.login()
    before = clause(draft.id, "purpose")
    old_hash, old_version = before.hash, before.version
    response = client.post(
        "/policies/guidelines/revisions/2/clauses/purpose/edit",
        data={
            "heading": "Purpose",
            "level": "3",
            "body": "New words.",
            "version": str(old_version),
        },
    )
    assert response.status_code == 302
    after = clause(draft.id, "purpose")
    assert after.body == "New words." and after.hash != old_hash
    assert after.version == old_version + 1
    assert (after.level, after.number) == (3, "1")


def test_stale_save_gets_409_and_loses_nothing(client, auth, draft):
    auth.login()
    seen = clause(draft.id, "purpose").version
    url = "/policies/guidelines/revisions/2/clauses/purpose/edit"
    first = client.post(
        url, data={"heading": "Purpose", "level": "2", "body": "First save.", "version": str(seen)}
    )
    assert first.status_code == 302
    second = client.post(
        url, data={"heading": "Purpose", "level": "2", "body": "Second save.", "version": str(seen)}
    )
    assert second.status_code == 409
    page = second.get_data(as_text=True)
    assert "First save." in page and "Second save." in page
    assert clause(draft.id, "purpose").body == "First save."


def test_add_move_delete_clauses(client, auth, draft):
    auth.login()
    base = "/policies/guidelines/revisions/2"
    response = client.post(
        f"{base}/clauses",
        data={
            "heading": "Appeals",
            "level": "2",
            "body": "You may appeal.",
            "after": "reporting",
            "structure_version": "1",
        },
    )
    assert response.status_code == 302
    assert keys(draft.id)[-1] == "appeals"
    assert (
        client.post(
            f"{base}/clauses/appeals/move", data={"structure_version": "2", "direction": "up"}
        ).status_code
        == 302
    )
    assert keys(draft.id)[-2:] == ["appeals", "reporting"]
    assert (
        client.post(f"{base}/clauses/purpose/delete", data={"structure_version": "3"}).status_code
        == 302
    )
    assert "purpose" not in keys(draft.id)
    numbers = [clause(draft.id, key).number for key in keys(draft.id)]
    assert numbers == ["", "1", "1.1", "1.2", "2", "3"]


def test_every_clause_edit_is_audited_with_its_actor(client, auth, draft, staff):
    auth.login()
    base = "/policies/guidelines/revisions/2/clauses"
    version = clause(draft.id, "purpose").version
    edit = {"heading": "Purpose", "level": "2", "body": "Edited.", "version": str(version)}
    added = {"heading": "Appeals", "level": "2", "body": "Appeal.", "after": "reporting"}
    steps = [
        (f"{base}/purpose/edit", edit),
        (base, {**added, "structure_version": "1"}),
        (f"{base}/appeals/move", {"structure_version": "2", "direction": "up"}),
        (f"{base}/appeals/delete", {"structure_version": "3"}),
    ]
    for url, data in steps:
        assert client.post(url, data=data).status_code == 302
    events = db.session.scalars(
        sa.select(AuditEvent).where(AuditEvent.action.like("clause.%")).order_by(AuditEvent.id)
    ).all()
    assert [event.action for event in events] == [
        "clause.edited",
        "clause.added",
        "clause.moved",
        "clause.deleted",
    ]
    assert {event.actor_id for event in events} == {staff.id}
    assert [event.target_label for event in events] == [
        "guidelines #2 purpose",
        *["guidelines #2 appeals"] * 3,
    ]


def test_structure_edit_on_stale_structure_is_refused(client, auth, draft):
    auth.login()
    base = "/policies/guidelines/revisions/2"
    assert (
        client.post(
            f"{base}/clauses/purpose/move", data={"structure_version": "1", "direction": "down"}
        ).status_code
        == 302
    )
    before = keys(draft.id)
    response = client.post(f"{base}/clauses/reporting/delete", data={"structure_version": "1"})
    assert response.status_code == 409
    assert keys(draft.id) == before


def test_moving_past_the_end_is_refused(client, auth, draft):
    auth.login()
    response = client.post(
        "/policies/guidelines/revisions/2/clauses/reporting/move",
        data={"structure_version": "1", "direction": "down"},
    )
    assert response.status_code == 422
    db.session.expire_all()
    assert db.session.get(Revision, draft.id).structure_version == 1


def test_reimport_keeps_keys_and_never_reuses_removed_ones(client, auth, draft, staff):
    auth.login()
    client.post("/policies/guidelines/revisions/2/delete")
    changed = DOCUMENT.replace("## Reporting\n\nWrite to the team.\n", "")
    assert (
        upload(
            client, "guidelines", changed.encode(), publish="y", change_summary="Drop reporting"
        ).status_code
        == 302
    )
    # Another heading and another text: another clause, though its key would read the same.
    readded = changed + "\n## Reporting!\n\nSomething entirely different now.\n"
    assert (
        upload(
            client, "guidelines", readded.encode(), publish="y", change_summary="Re-add"
        ).status_code
        == 302
    )
    third = db.session.scalar(sa.select(Revision).where(Revision.number == 3))
    assert keys(third.id)[:5] == ["preamble", "purpose", "behaviour", "expected", "unacceptable"]
    assert keys(third.id)[5] == "reporting-2"


def test_delete_draft_and_audit_trail(client, auth, draft):
    auth.login()
    draft_id = draft.id
    assert client.post("/policies/guidelines/revisions/2/delete").status_code == 302
    db.session.expunge_all()
    assert db.session.get(Revision, draft_id) is None
    actions = set(db.session.scalars(sa.select(AuditEvent.action)))
    assert {
        "policy.created",
        "revision.imported",
        "revision.published",
        "revision.forked",
        "revision.deleted",
    } <= actions
    page = client.get("/audit").get_data(as_text=True)
    assert "revision.deleted" in page and "guidelines #2" in page


def test_audit_log_is_for_staff(client, auth, create_user, published):
    create_user("vol")
    auth.login("vol")
    assert client.get("/audit").status_code == 403


def test_only_one_draft_at_a_time(client, auth, draft):
    auth.login()
    response = upload(client, "guidelines", DOCUMENT.encode())
    assert response.status_code == 422
    assert "already has a draft" in response.get_data(as_text=True)
    assert db.session.scalar(sa.select(sa.func.count(Revision.id))) == 2
    assert db.session.scalar(sa.select(sa.func.count(Policy.id))) == 1


def test_the_database_keeps_one_draft_per_policy(draft):
    # What two concurrent forks would store if both passed the service's check.
    db.session.add(Revision(policy=draft.policy, number=3, title="A second draft"))
    with pytest.raises(sa.exc.IntegrityError):
        db.session.flush()
