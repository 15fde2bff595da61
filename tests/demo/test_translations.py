"""The demo's translations: French carried from revision 1 (some outdated), Arabic on revision 3."""

import re

import sqlalchemy as sa

from consult.demo.services import POLICY_SLUG
from consult.extensions import db
from consult.policies.models import Revision
from consult.policies.services import find_policy
from consult.translating.models import Translation
from consult.translating.services import revision_statuses


def load(runner):
    result = runner.invoke(args=["demo", "load"])
    assert result.exit_code == 0, result.output
    db.session.expire_all()
    return result


def demo_revision(number: int) -> Revision:
    policy = find_policy(POLICY_SLUG)
    return db.session.scalar(
        sa.select(Revision).where(Revision.policy_id == policy.id, Revision.number == number)
    )


def states(number: int, language: str) -> dict[str, str]:
    return {
        s.clause.key: str(s.state)
        for s in revision_statuses(demo_revision(number), language)
        if s.translation is not None
    }


def test_french_shows_every_state_on_revision_3(runner):
    load(runner)
    assert states(3, "fr") == {
        "purpose-and-scope": "reviewed",
        "care-for-people": "unreviewed",
        "harassment": "outdated",
        "what-happens-next": "outdated",
        "appeals": "reviewed",
    }
    assert set(states(1, "fr").values()) == {"reviewed", "unreviewed"}


def test_arabic_is_current_and_reviewed_by_a_second_translator(runner):
    load(runner)
    assert states(3, "ar") == {
        "purpose-and-scope": "reviewed",
        "care-for-people": "unreviewed",
        "harassment": "unreviewed",
    }
    reviewed = db.session.scalars(
        sa.select(Translation).where(
            Translation.language == "ar", Translation.reviewer_id.is_not(None)
        )
    ).one()
    assert reviewed.reviewer.username == "layla" and reviewed.translator.username == "translator"


def test_loading_again_adds_no_translation(runner):
    load(runner)
    before = db.session.scalar(sa.select(sa.func.count()).select_from(Translation))
    load(runner)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(Translation)) == before


def test_reading_the_demo_in_arabic(runner, client):
    load(runner)
    html = client.get(f"/policies/{POLICY_SLUG}?lang=ar").get_data(as_text=True)
    assert re.search(
        r'id="clause-harassment".*?<div class="clause-body" lang="ar" dir="rtl">', html, re.S
    )
    assert '<h1 lang="ar" dir="rtl">إرشادات المشاركة المجتمعية في ريفربانك كومنز</h1>' in html
    html = client.get(f"/policies/{POLICY_SLUG}?lang=fr").get_data(as_text=True)
    assert (
        '<h1 lang="fr" dir="ltr">Règles de participation à la communauté Riverbank Commons</h1>'
        in html
    )


def test_some_demo_comments_carry_an_english_translation(runner, client):
    from consult.translating.models import CommentTranslation

    load(runner)
    rows = db.session.scalars(sa.select(CommentTranslation)).all()
    assert sorted((row.language, row.translator.username) for row in rows) == [
        ("en", "reviewer"),
        ("en", "translator"),
        ("en", "translator"),
    ]
    french = next(row for row in rows if row.body.startswith("Four weeks"))
    html = client.get(f"/comments/{french.comment_id}").get_data(as_text=True)
    assert (
        'Translated into English by <bdi>Tariq Translator</bdi> <span class="badge role-badge '
        'role-translator">Translator</span>, a human translator.' in html
    )
    load(runner)
    assert db.session.scalar(sa.select(sa.func.count()).select_from(CommentTranslation)) == 3
