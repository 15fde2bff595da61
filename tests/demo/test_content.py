"""The demo documents themselves: shaped like a real policy, changing like one."""

import re

import pytest

import drafts
from consult.demo.services import DRAFT, POLICY_TITLE, PUBLISHED, demo_text

FILES = [demo.filename for demo in PUBLISHED] + [DRAFT]


def document(filename: str) -> drafts.Document:
    return drafts.parse_document(demo_text(filename))


def body_words(filename: str) -> int:
    # Front matter is metadata, not part of what a reader reads.
    return len(demo_text(filename).split("---", 2)[2].split())


@pytest.mark.parametrize("filename", FILES)
def test_front_matter_and_title(filename):
    doc = document(filename)
    assert doc.front_matter["title"] == POLICY_TITLE
    assert doc.front_matter["language"] == "en"
    assert doc.title == POLICY_TITLE


@pytest.mark.parametrize("filename", FILES)
def test_length_and_structure(filename):
    doc = document(filename)
    headed = [clause for clause in doc.clauses if not clause.is_preamble]
    assert 1500 <= body_words(filename) <= 2500
    assert len(headed) >= 12
    assert {clause.level for clause in headed} == {2, 3}
    assert any("." in clause.number for clause in headed)


@pytest.mark.parametrize("filename", FILES)
def test_uses_lists_emphasis_and_links(filename):
    text = demo_text(filename)
    assert re.search(r"^- ", text, re.M) and re.search(r"^1\. ", text, re.M)
    assert re.search(r"\*[a-z]+\*", text)
    assert re.search(r"\]\((https|mailto):", text)


def headings(filename: str) -> list[str]:
    return [clause.heading for clause in document(filename).clauses]


def test_revision_2_renames_adds_and_rewraps():
    old, new = headings("revision-1.md"), headings("revision-2.md")
    assert "Raising a concern" in old and "Raising a concern" not in new
    assert "Reporting a concern" in new
    assert set(new) - set(old) == {"Reporting a concern", "Welcoming newcomers"}
    first, second = document("revision-1.md").clauses, document("revision-2.md").clauses
    rewrapped = [a for a, b in zip(first, second) if a.body != b.body and a.hash == b.hash]
    assert len(rewrapped) >= 2


def test_revision_3_moves_removes_and_adds():
    old, new = headings("revision-2.md"), headings("revision-3.md")
    assert set(old) - set(new) == {"Making decisions together"}
    assert set(new) - set(old) == {"Who handles reports"}
    assert old.index("Confidentiality") > old.index("How to report")
    assert new.index("Confidentiality") < new.index("How to report")


def test_draft_adds_a_clause_and_changes_a_few_words():
    old, new = document("revision-3.md").clauses, document(DRAFT).clauses
    assert {c.heading for c in new} - {c.heading for c in old} == {"Making events accessible"}
    changed = {c.heading for c in new} & {c.heading for c in old} - {
        c.heading for c in new if c.hash in {o.hash for o in old}
    }
    assert 1 <= len(changed) <= 4
