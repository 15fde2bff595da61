"""Acceptance 1: the real Contributor Covenant 2.0 → 2.1 and its translations, through the CLI."""

import pytest
import sqlalchemy as sa

from consult.extensions import db
from consult.policies.models import Revision
from consult.policies.services import find_policy
from tests.translating.conftest import states, translation_count

LANGUAGES_20 = ("de", "es", "fr", "ja", "pt-br")
TAGS = {"de": "de", "es": "es", "fr": "fr", "ja": "ja", "pt-br": "pt-BR", "ar": "ar"}


def run(runner, *args):
    result = runner.invoke(args=["drafts", *args])
    assert result.exit_code == 0, result.output
    return result


def revision(number: int) -> Revision:
    db.session.expire_all()
    policy = find_policy("covenant")
    return db.session.scalar(
        sa.select(Revision).where(Revision.policy_id == policy.id, Revision.number == number)
    )


@pytest.fixture
def covenant_20(runner, shared_data):
    """2.0 in English and five translations, imported as revision 1."""
    run(runner, "import", "covenant", str(shared_data / "2.0" / "en.md"), "--publish")
    for language in LANGUAGES_20:
        result = run(
            runner,
            "import-translation",
            "covenant",
            "1",
            language,
            str(shared_data / "2.0" / f"{language}.md"),
        )
        assert "11 clauses translated" in result.output
    return shared_data


def reworded_keys(old: Revision, new: Revision) -> set[str]:
    before = {clause.key: clause.hash for clause in old.clauses}
    return {clause.key for clause in new.clauses if before.get(clause.key) != clause.hash}


def test_translated_files_have_the_english_structure(covenant_20):
    assert translation_count() == 11 * len(LANGUAGES_20)
    for language in LANGUAGES_20:
        assert set(states(revision(1), TAGS[language]).values()) == {"unreviewed"}


def test_publishing_21_outdates_exactly_the_reworded_clauses(runner, covenant_20):
    run(runner, "import", "covenant", str(covenant_20 / "2.1" / "en.md"), "--publish")
    old, new = revision(1), revision(2)
    reworded = reworded_keys(old, new)
    headings = {clause.key: clause.heading for clause in new.clauses}
    # 2.1 changes words in two clauses and only re-wraps (or double-spaces) others.
    assert sorted(headings[key] for key in reworded) == ["Attribution", "Our Pledge"]
    rewrapped = {
        c.key
        for c in new.clauses
        if c.key not in reworded and c.body != next(o.body for o in old.clauses if o.key == c.key)
    }
    assert rewrapped, "2.1 re-wraps clauses without changing their words"
    for language in LANGUAGES_20:
        by_key = states(new, TAGS[language])
        assert {key for key, state in by_key.items() if state == "outdated"} == reworded
        assert all(by_key[key] == "unreviewed" for key in rewrapped)
        # Revision 2.0 still reads as it was translated.
        assert set(states(old, TAGS[language]).values()) == {"unreviewed"}


def test_importing_the_21_translations_makes_all_current(runner, covenant_20):
    run(runner, "import", "covenant", str(covenant_20 / "2.1" / "en.md"), "--publish")
    for language in (*LANGUAGES_20, "ar"):
        run(
            runner,
            "import-translation",
            "covenant",
            "2",
            language,
            str(covenant_20 / "2.1" / f"{language}.md"),
        )
    for language in (*LANGUAGES_20, "ar"):
        assert set(states(revision(2), TAGS[language]).values()) == {"unreviewed"}, language
    # Translations of 2.0 are untouched by the 2.1 import.
    assert translation_count() == 11 * len(LANGUAGES_20) * 2 + 11


def test_reimporting_the_same_file_changes_nothing(runner, covenant_20):
    result = run(
        runner, "import-translation", "covenant", "1", "de", str(covenant_20 / "2.0" / "de.md")
    )
    assert "0 clauses translated into de, 11 already up to date" in result.output
