"""`flask demo load`: accounts for every role and a policy with a history, once."""

import sqlalchemy as sa

from consult import create_app
from consult.accounts.models import Role, User
from consult.accounts.services import authenticate, find_user
from consult.audit.models import AuditEvent
from consult.demo.services import DEMO_PASSWORD, POLICY_SLUG, POLICY_TITLE, demo_text
from consult.drafting.importing import ImportOptions, import_document, parse
from consult.drafting.services import delete_draft, publish
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision, RevisionState
from consult.policies.services import create_policy, current_draft, find_policy, revisions_of

EXPECTED_ACCOUNTS = {
    "admin": ({Role.ADMIN}, set()),
    "staff": ({Role.STAFF}, set()),
    "moderator": ({Role.MODERATOR}, set()),
    "translator": ({Role.TRANSLATOR}, {"fr", "de", "es", "ar"}),
    "reviewer": ({Role.TRANSLATOR}, {"fr", "de"}),
    "layla": ({Role.TRANSLATOR}, {"ar", "fr"}),
    "volunteer": (set(), set()),
}


def load(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    return result


def count(model) -> int:
    return db.session.scalar(sa.select(sa.func.count()).select_from(model))


def demo_revisions() -> list[Revision]:
    return sorted(
        revisions_of(find_policy(POLICY_SLUG), include_drafts=True),
        key=lambda revision: revision.number,
    )


def keys(revision: Revision) -> list[str]:
    return [clause.key for clause in revision.clauses]


def key_of(revision: Revision, heading: str) -> str:
    [key] = [clause.key for clause in revision.clauses if clause.heading == heading]
    return key


def snapshot() -> dict:
    clauses = db.session.execute(
        sa.select(Revision.number, Revision.state, Clause.key, Clause.hash).join(Clause.revision)
    )
    return {
        "counts": [count(model) for model in (User, Policy, Revision, Clause, AuditEvent)],
        "clauses": sorted(map(tuple, clauses)),
    }


def test_creates_one_account_per_role(runner):
    result = load(runner)
    assert count(User) == len(EXPECTED_ACCOUNTS)
    for username, (roles, languages) in EXPECTED_ACCOUNTS.items():
        user = authenticate(username, DEMO_PASSWORD)
        assert user is not None, username
        assert (set(user.roles), set(user.languages)) == (roles, languages)
        assert username in result.output
    assert DEMO_PASSWORD in result.output


def test_creates_three_published_revisions_and_a_draft(runner):
    load(runner)
    assert count(Policy) == 1
    revisions = demo_revisions()
    assert [r.number for r in revisions] == [1, 2, 3, 4]
    assert [r.state for r in revisions] == [RevisionState.PUBLISHED] * 3 + [RevisionState.DRAFT]
    summaries = [r.change_summary for r in revisions[:3]]
    assert all(len(summary) > 40 for summary in summaries) and len(set(summaries)) == 3
    assert {r.publisher.username for r in revisions[:3]} == {"staff"}
    assert revisions[3].base_revision.number == 3
    assert find_policy(POLICY_SLUG).title == POLICY_TITLE


def test_every_revision_has_two_levels_of_clauses(runner):
    load(runner)
    for revision in demo_revisions():
        headed = [clause for clause in revision.clauses if clause.heading]
        assert len(headed) >= 12
        assert any("." in clause.number for clause in headed)
        assert any(clause.number and "." not in clause.number for clause in headed)


def test_unchanged_clauses_keep_their_keys(runner):
    load(runner)
    first, second, third, draft = demo_revisions()
    first_section = next(clause.key for clause in first.clauses if clause.heading)
    assert all(keys(r)[1] == first_section for r in (second, third, draft))
    assert key_of(first, "Raising a concern") == key_of(second, "Reporting a concern")
    assert key_of(second, "Confidentiality") == key_of(third, "Confidentiality")
    assert key_of(second, "Making decisions together") not in keys(third)
    assert key_of(third, "Who handles reports") not in keys(second)
    assert key_of(draft, "Making events accessible") not in keys(third)


def test_rewrapped_clauses_keep_their_hash(runner):
    load(runner)
    first, second = demo_revisions()[:2]
    old = {clause.key: clause for clause in first.clauses}
    rewrapped = [
        clause
        for clause in second.clauses
        if clause.key in old
        and clause.body != old[clause.key].body
        and clause.hash == old[clause.key].hash
    ]
    assert len(rewrapped) >= 2


def test_loading_twice_changes_nothing(runner):
    load(runner)
    before = snapshot()
    result = load(runner)
    assert snapshot() == before
    assert "already loaded" in result.output
    assert "existing" in result.output and DEMO_PASSWORD in result.output


def test_existing_accounts_are_kept(runner, create_user):
    create_user("admin", roles=(Role.ADMIN,), display_name="Real Admin")
    result = load(runner)
    assert count(User) == len(EXPECTED_ACCOUNTS)
    admin = find_user("admin")
    assert admin.display_name == "Real Admin"
    assert authenticate("admin", DEMO_PASSWORD) is None
    assert "admin" not in result.output.split("Accounts created:")[1].split("\n")[0]


def test_a_deleted_draft_is_loaded_again(runner):
    load(runner)
    delete_draft(None, current_draft(find_policy(POLICY_SLUG)))
    db.session.commit()
    result = load(runner)
    assert "Revisions imported: 4." in result.output
    assert [r.state for r in demo_revisions()][-1] == RevisionState.DRAFT


def test_history_published_past_the_demo_is_left_alone(runner):
    load(runner)
    publish(find_user("staff"), current_draft(find_policy(POLICY_SLUG)), "Published by staff.")
    db.session.commit()
    before = snapshot()
    load(runner)
    assert snapshot() == before
    assert current_draft(find_policy(POLICY_SLUG)) is None


def test_someone_elses_draft_stops_the_load_and_nothing_is_stored(runner):
    policy = create_policy(None, POLICY_SLUG, POLICY_TITLE, "en")
    import_document(None, policy, parse(demo_text("revision-1.md")), ImportOptions())
    db.session.commit()
    before = snapshot()
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code != 0
    assert "unpublished draft (revision 1)" in result.output
    assert snapshot() == before


def test_home_page_lists_the_policy(runner, client):
    load(runner)
    page = client.get("/").get_data(as_text=True)
    assert POLICY_TITLE in page
    assert f"/policies/{POLICY_SLUG}" in page


def test_latest_revision_reads_well(runner, client):
    load(runner)
    page = client.get(f"/policies/{POLICY_SLUG}").get_data(as_text=True)
    assert "Who handles reports" in page and "Care Team page" in page
    assert "Making events accessible" not in page


def test_an_empty_database_gets_a_clear_message(tmp_path):
    app = create_app(
        {"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'empty.sqlite3'}"}
    )
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code != 0
    assert "flask db upgrade" in result.output
    with app.app_context():
        db.engine.dispose()
