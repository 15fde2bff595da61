"""Publishing carries translations forward: current when the words are unchanged, outdated
otherwise, current again on a revert, and kept current for edits staff call minor."""

from consult.drafting import editing
from consult.drafting.services import fork_draft
from consult.extensions import db
from consult.translating.models import Translation
from tests.translating.conftest import clause_of, states

TEXT = "# G\n\n## Purpose\n\nWe want a friendly place.\n\n## Scope\n\nEveryone, everywhere.\n"


def publish_text(create_revision, policy, purpose: str, scope: str = "Everyone, everywhere."):
    return create_revision(
        policy, f"# G\n\n## Purpose\n\n{purpose}\n\n## Scope\n\n{scope}\n", summary="Next"
    )


def test_rewrapping_keeps_translations_current(create_policy, create_revision, greta, translate):
    first = create_revision(create_policy(), TEXT)
    translate(greta, first, "purpose", "Ein freundlicher Ort.")
    second = publish_text(create_revision, first.policy, "We want\n  a friendly   place.")
    assert states(second, "de") == {"purpose": "unreviewed", "scope": "missing"}


def test_rewording_outdates_and_reverting_makes_current_again(
    create_policy, create_revision, greta, dieter, translate, client, auth
):
    first = create_revision(create_policy(), TEXT)
    translate(greta, first, "purpose", "Ein freundlicher Ort.")
    auth.login("dieter")
    client.post("/policies/guidelines/revisions/1/translations/de/clauses/purpose/review")
    second = publish_text(create_revision, first.policy, "We want a kind place.")
    assert states(second, "de")["purpose"] == "outdated"
    third = publish_text(create_revision, first.policy, "We want a friendly place.")
    assert states(third, "de")["purpose"] == "reviewed"


def test_each_revision_keeps_its_own_translation(create_policy, create_revision, greta, translate):
    first = create_revision(create_policy(), TEXT)
    translate(greta, first, "purpose", "Ein freundlicher Ort.")
    second = publish_text(create_revision, first.policy, "We want a kind place.")
    translate(greta, second, "purpose", "Ein gütiger Ort.")
    db.session.expire_all()
    bodies = {t.clause.revision.number: t.body for t in db.session.query(Translation)}
    assert bodies == {1: "Ein freundlicher Ort.", 2: "Ein gütiger Ort."}
    assert states(first, "de")["purpose"] == "unreviewed"


def test_minor_edit_keeps_translations_current_from_the_publish_form(
    create_policy, create_revision, greta, translate, client, auth, staff
):
    first = create_revision(create_policy(), TEXT)
    translate(greta, first, "purpose", "Ein freundlicher Ort.")
    translate(greta, first, "scope", "Alle, überall.")
    draft = fork_draft(staff, first.policy)
    for key, body in (("purpose", "We want a friendly place!"), ("scope", "Everyone, anywhere.")):
        clause = clause_of(draft, key)
        editing.edit_clause(
            staff,
            draft,
            key,
            clause.version,
            editing.ClauseText(clause.heading, clause.level, body),
        )
    db.session.commit()
    auth.login("staff")
    page = client.get(f"/policies/guidelines/revisions/{draft.number}/publish").get_data(
        as_text=True
    )
    assert 'name="minor" value="purpose"' in page and 'name="minor" value="scope"' in page
    response = client.post(
        f"/policies/guidelines/revisions/{draft.number}/publish",
        data={"change_summary": "Typo", "minor": ["purpose", "nonexistent"]},
    )
    assert response.status_code == 302
    assert states(draft, "de") == {"purpose": "unreviewed", "scope": "outdated"}
    pinned = db.session.query(Translation).filter_by(clause_id=clause_of(draft, "purpose").id).one()
    assert pinned.source_body == "We want a friendly place!"


def test_minor_edit_does_not_revive_an_already_outdated_translation(
    create_policy, create_revision, greta, translate, staff
):
    from consult.drafting.services import publish

    first = create_revision(create_policy(), TEXT)
    translate(greta, first, "purpose", "Ein freundlicher Ort.")
    second = publish_text(create_revision, first.policy, "We want a kind place.")
    draft = fork_draft(staff, second.policy)
    clause = clause_of(draft, "purpose")
    editing.edit_clause(
        staff,
        draft,
        "purpose",
        clause.version,
        editing.ClauseText(clause.heading, clause.level, "We want a kind place!"),
    )
    publish(staff, draft, "Typo", minor_keys={"purpose"})
    db.session.commit()
    assert states(draft, "de")["purpose"] == "outdated"


def test_an_outdated_translation_cannot_be_reviewed(
    create_policy, create_revision, greta, dieter, translate, client, auth
):
    first = create_revision(create_policy(), TEXT)
    translate(greta, first, "purpose", "Ein freundlicher Ort.")
    publish_text(create_revision, first.policy, "We want a kind place.")
    auth.login("dieter")
    response = client.post(
        "/policies/guidelines/revisions/2/translations/de/clauses/purpose/review"
    )
    assert response.status_code == 409
    assert "update it to the current source" in response.get_data(as_text=True)
    assert "Mark reviewed" not in client.get(
        "/policies/guidelines/revisions/2/translations/de/clauses/purpose"
    ).get_data(as_text=True)


def test_a_clause_brought_back_brings_its_translations_back(
    create_policy, create_revision, greta, translate
):
    first = create_revision(create_policy(), TEXT)
    translate(greta, first, "scope", "Alle, überall.")
    create_revision(first.policy, "# G\n\n## Purpose\n\nWe want a friendly place.\n", summary="-")
    third = create_revision(first.policy, TEXT, summary="Scope back")
    assert states(third, "de") == {"purpose": "missing", "scope": "unreviewed"}
    copies = db.session.query(Translation).filter_by(clause_id=clause_of(third, "scope").id)
    assert [t.body for t in copies] == ["Alle, überall."]
