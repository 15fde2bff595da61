"""Real data: the Contributor Covenant, three versions and their translations.

Contributor Covenant, https://www.contributor-covenant.org, licensed CC BY 4.0.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from drafts import Alignment, Clause, Document, MatchReason, align, normalise, parse_document

COVENANT = Path(__file__).resolve().parents[3] / "shared/data/contributor-covenant"
TITLE = "Contributor Covenant Code of Conduct"
GUIDELINES = [
    "Enforcement Guidelines",
    "1. Correction",
    "2. Warning",
    "3. Temporary Ban",
    "4. Permanent Ban",
]

pytestmark = pytest.mark.skipif(
    not COVENANT.is_dir(), reason=f"Contributor Covenant texts not available at {COVENANT}"
)


def covenant(version: str, language: str = "en") -> Document:
    return parse_document((COVENANT / version / f"{language}.md").read_text(encoding="utf-8"))


def keyed(version: str) -> tuple[Clause, ...]:
    return align([], covenant(version).clauses).clauses


def by_heading(clauses: tuple[Clause, ...]) -> dict[str, Clause]:
    return {clause.heading: clause for clause in clauses}


def translations() -> list[tuple[str, str]]:
    if not COVENANT.is_dir():
        return []
    return sorted(
        (path.parent.name, path.stem)
        for path in COVENANT.glob("*/*.md")
        if path.stem != "en" and (path.parent / "en.md").is_file()
    )


@pytest.mark.parametrize(("version", "count"), [("1.4", 6), ("2.0", 11), ("2.1", 11)])
def test_english_versions(version: str, count: int) -> None:
    document = covenant(version)
    assert document.title == TITLE
    assert len(document.clauses) == count
    assert document.front_matter["version"] == version
    assert all(
        "+++" not in clause.body and "version =" not in clause.body for clause in document.clauses
    )


def test_outline_of_2_0() -> None:
    clauses = covenant("2.0").clauses
    assert [c.number for c in clauses] == [
        "1",
        "2",
        "3",
        "4",
        "5",
        "6",
        "6.1",
        "6.2",
        "6.3",
        "6.4",
        "7",
    ]
    assert [c.heading for c in clauses][5:10] == GUIDELINES


def test_align_1_4_to_2_0() -> None:
    old = keyed("1.4")
    alignment = align(old, covenant("2.0").clauses)
    new = by_heading(alignment.clauses)
    reasons = {alignment.clauses[m.new_index].heading: m.reason for m in alignment.matches}
    assert new["Enforcement Responsibilities"].key == by_heading(old)["Our Responsibilities"].key
    assert reasons["Enforcement Responsibilities"] is MatchReason.SIMILARITY
    old_keys = {c.key for c in old}
    for heading in GUIDELINES:
        assert reasons[heading] is MatchReason.NEW
        assert new[heading].key not in old_keys
    for heading in ["Our Pledge", "Our Standards", "Scope", "Enforcement", "Attribution"]:
        assert reasons[heading] is MatchReason.HEADING
        assert new[heading].key == by_heading(old)[heading].key


def test_align_2_0_to_2_1_keeps_every_key() -> None:
    old = keyed("2.0")
    alignment: Alignment = align(old, covenant("2.1").clauses)
    assert [c.key for c in alignment.clauses] == [c.key for c in old]
    assert all(m.old_index == m.new_index for m in alignment.matches)


def test_rewrapping_between_2_0_and_2_1_is_no_change() -> None:
    old, new = by_heading(covenant("2.0").clauses), by_heading(covenant("2.1").clauses)
    for heading in ["Our Standards", "2. Warning", "4. Permanent Ban"]:
        assert old[heading].body != new[heading].body, "expected a re-wrapped source"
        assert old[heading].hash == new[heading].hash, heading
    assert old["Scope"].hash == new["Scope"].hash
    for heading in ["Our Pledge", "Attribution"]:
        assert old[heading].hash != new[heading].hash, heading


def test_clauses_with_the_same_words_normalise_the_same() -> None:
    old, new = covenant("2.0").clauses, covenant("2.1").clauses
    same_words = [(a, b) for a, b in zip(old, new) if a.body.split() == b.body.split()]
    assert len(same_words) == 9
    for a, b in same_words:
        assert normalise(a.body) == normalise(b.body), a.heading


def test_content_hash_changes_between_versions() -> None:
    assert covenant("2.0").content_hash != covenant("2.1").content_hash


@pytest.mark.parametrize(("version", "language"), translations())
def test_translations_have_the_english_structure(version: str, language: str) -> None:
    translation, original = covenant(version, language), covenant(version)
    assert len(translation.clauses) == 11
    assert [c.level for c in translation.clauses] == [c.level for c in original.clauses]
    assert [c.number for c in translation.clauses] == [c.number for c in original.clauses]
    assert translation.title


def test_translations_are_found() -> None:
    found = set(translations())
    assert {("2.0", "de"), ("2.0", "ja"), ("2.0", "pt-br"), ("2.1", "ar")} <= found


def test_translated_headings_give_readable_keys() -> None:
    keys = [c.key for c in align([], covenant("2.1", "ja").clauses).clauses]
    assert keys[0] == "私たちの約束"
    assert len(set(keys)) == len(keys)
