"""Scripts written without spaces are known in one place, and alike to alignment and word diff."""

from __future__ import annotations

from pathlib import Path

import pytest

from drafts import Clause, MatchReason, OpKind, align, diff_text, tokens

PACKAGE = Path(__file__).resolve().parents[2] / "drafts"
# Ten letters of each script, no combining marks between them: to ``\w`` a single word.
RUNS = {
    "thai": "กขคงจฉชซญฐ",
    "lao": "ກຂຄງຈສຊຍດຕ",
    "myanmar": "ကခဂဃငစဆဇဈည",
    "khmer": "កខគឃងចឆជឈញ",
    "japanese": "あいうえおかきくけこ",
}


def _one_letter_changed(run: str) -> str:
    return run[:5] + run[9] + run[6:]


@pytest.mark.parametrize("run", RUNS.values(), ids=RUNS.keys())
def test_a_clause_with_one_letter_changed_keeps_its_key(run: str) -> None:
    old = [Clause(2, "Respect", run, key="respect")]
    new = [Clause(2, "Mutual respect", _one_letter_changed(run))]
    alignment = align(old, new)
    assert alignment.matches[0].reason == MatchReason.SIMILARITY
    assert alignment.clauses[0].key == "respect"


@pytest.mark.parametrize("run", RUNS.values(), ids=RUNS.keys())
def test_the_word_diff_changes_one_letter(run: str) -> None:
    changed = _one_letter_changed(run)
    assert tokens(run) == list(run)
    assert [(op.kind, op.text) for op in diff_text(run, changed).ops] == [
        (OpKind.EQUAL, run[:5]),
        (OpKind.DELETE, run[5]),
        (OpKind.INSERT, run[9]),
        (OpKind.EQUAL, run[6:]),
    ]


def test_unspaced_ranges_are_written_only_in_drafts_scripts() -> None:
    # The first code point of the Thai block opens every copy of the ranges.
    copies = [
        path.name
        for path in PACKAGE.glob("*.py")
        if path.name != "scripts.py" and "\\u0e00" in path.read_text(encoding="utf-8")
    ]
    assert not copies
