"""A policy through 22 revisions made by scripted real edits — rewrites, moves, removals and
re-additions, nested-list and code edits, re-wraps — imported one after the other as staff
would. Every consecutive redline must cover both revisions exactly, call nothing unchanged
that changed, and keep the key of every clause that survives (or comes back)."""

import textwrap
from collections.abc import Callable
from dataclasses import dataclass, replace

import pytest

import drafts
from consult.extensions import db
from consult.redline.services import compare_revisions


@dataclass(frozen=True)
class Section:
    """One clause as the script sees it: `name` is its identity across the whole history."""

    name: str
    heading: str
    body: str


PARAGRAPH = (
    "Everyone who takes part in the project, in person or online, is expected to treat other "
    "people with respect and to help keep the community a place where people want to stay."
)

START = (
    Section("purpose", "Purpose", PARAGRAPH),
    Section(
        "scope",
        "Scope",
        "These guidelines apply in every space the project runs: the forum, the chat, the "
        "issue tracker and every meeting, whether it is held online or in a room.",
    ),
    Section(
        "behaviour",
        "Expected behaviour",
        "Examples of behaviour that helps:\n\n"
        "- Being kind to newcomers\n"
        "  - answering their first questions\n"
        "  - pointing them at the documentation\n"
        "- Accepting criticism of your work\n"
        "- Focusing on what is best for the community",
    ),
    Section(
        "harassment",
        "Harassment",
        "Harassment includes offensive comments about gender, age, disability, appearance or "
        "religion, deliberate intimidation, stalking and unwelcome attention.",
    ),
    Section(
        "reporting",
        "Reporting",
        "Write to the moderation team at the address below. Every report is read within two "
        "days by at least two moderators.",
    ),
    Section(
        "tools",
        "Tools",
        "Moderators can run the report script:\n\n"
        "    moderation report --since 30d\n"
        "        --format table\n\n"
        "It lists every open report.",
    ),
    Section(
        "confidentiality",
        "Confidentiality",
        "Reports are kept confidential: only the moderators who handle one can read it.",
    ),
    Section(
        "enforcement",
        "Enforcement",
        "1. A private warning\n"
        "2. A temporary ban\n"
        "   1. from the chat\n"
        "   2. from every space\n"
        "3. A permanent ban",
    ),
    Section(
        "acknowledgements",
        "Acknowledgements",
        "These guidelines adapt the Contributor Covenant, version 2.1.",
    ),
)


def document(sections: tuple[Section, ...]) -> str:
    parts = ["# Community Guidelines"]
    parts += [f"## {section.heading}\n\n{section.body}" for section in sections]
    return "\n\n".join(parts) + "\n"


def named(sections, name: str) -> Section:
    return next(section for section in sections if section.name == name)


def edit(sections, name: str, **changes) -> tuple[Section, ...]:
    return tuple(replace(s, **changes) if s.name == name else s for s in sections)


def body_replace(sections, name: str, old: str, new: str) -> tuple[Section, ...]:
    body = named(sections, name).body
    assert old in body, (name, old)
    return edit(sections, name, body=body.replace(old, new))


def without(sections, name: str) -> tuple[Section, ...]:
    return tuple(section for section in sections if section.name != name)


def insert(sections, section: Section, before: str | None) -> tuple[Section, ...]:
    names = [s.name for s in sections]
    at = names.index(before) if before else len(sections)
    return (*sections[:at], section, *sections[at:])


def move(sections, name: str, before: str | None) -> tuple[Section, ...]:
    return insert(without(sections, name), named(sections, name), before)


def rewrap(sections, name: str, width: int) -> tuple[Section, ...]:
    """Plain paragraphs re-wrapped at `width`: no visible change."""

    def wrapped(block: str) -> str:
        plain = not block.lstrip().startswith(("-", "1.", "    ", "#"))
        return "\n".join(textwrap.wrap(" ".join(block.split()), width)) if plain else block

    body = named(sections, name).body
    return edit(sections, name, body="\n\n".join(wrapped(b) for b in body.split("\n\n")))


def trailing_spaces(sections, name: str) -> tuple[Section, ...]:
    body = named(sections, name).body
    return edit(sections, name, body="\n".join(f"{line}   " for line in body.split("\n")))


APPEALS = Section("appeals", "Appeals", "Anyone who was sanctioned may appeal once, in writing.")
REMOVED_EARLIER: dict[str, Section] = {}


def keep(sections, name: str) -> tuple[Section, ...]:
    REMOVED_EARLIER[name] = named(sections, name)
    return without(sections, name)


def bring_back(sections, name: str, before: str | None) -> tuple[Section, ...]:
    return insert(sections, REMOVED_EARLIER[name], before)


Edit = Callable[[tuple[Section, ...]], tuple[Section, ...]]

EDITS: tuple[tuple[str, Edit], ...] = (
    ("rewrite a sentence", lambda s: body_replace(s, "purpose", "with respect", "with care")),
    ("re-wrap a paragraph", lambda s: rewrap(s, "scope", 40)),
    ("move a clause up", lambda s: move(s, "reporting", "behaviour")),
    ("remove a clause", lambda s: keep(s, "confidentiality")),
    ("add a clause at the end", lambda s: insert(s, APPEALS, None)),
    (
        "edit a nested list item",
        lambda s: body_replace(s, "behaviour", "their first questions", "their questions"),
    ),
    ("rename a heading", lambda s: edit(s, "reporting", heading="How to report")),
    (
        "add the removed clause back",
        lambda s: bring_back(s, "confidentiality", "enforcement"),
    ),
    (
        "rewrite a clause's heading and text",
        lambda s: edit(
            s,
            "harassment",
            heading="Unacceptable conduct",
            body="Nobody may insult, threaten, stalk or intimidate another person, or single "
            "anyone out for their gender, age, disability, appearance or religion.",
        ),
    ),
    (
        "add a nested list item",
        lambda s: body_replace(
            s,
            "behaviour",
            "  - pointing them at the documentation",
            "  - pointing them at the documentation\n  - introducing them to a mentor",
        ),
    ),
    ("add trailing spaces", lambda s: trailing_spaces(s, "acknowledgements")),
    (
        "split a paragraph",
        lambda s: body_replace(
            s, "purpose", " online, is expected", " online.\n\nThey are expected"
        ),
    ),
    ("move a clause down", lambda s: move(s, "scope", "acknowledgements")),
    ("remove the added clause", lambda s: keep(s, "appeals")),
    (
        "edit indented code",
        lambda s: body_replace(s, "tools", "        --format table", "        --format csv"),
    ),
    (
        "reorder list items",
        lambda s: body_replace(
            s,
            "behaviour",
            "- Accepting criticism of your work\n- Focusing on what is best for the community",
            "- Focusing on what is best for the community\n- Accepting criticism of your work",
        ),
    ),
    (
        "add a clause in the middle",
        lambda s: insert(
            s,
            Section("contact", "Contact", "The team answers at conduct@example.org."),
            "tools",
        ),
    ),
    (
        "rename and modify",
        lambda s: edit(
            s,
            "tools",
            heading="Moderation tools",
            body=named(s, "tools").body.replace("every open report", "every report still open"),
        ),
    ),
    (
        "re-wrap everything",
        lambda s: rewrap(rewrap(rewrap(s, "purpose", 30), "scope", 50), "reporting", 35),
    ),
    (
        "edit a deep ordered item",
        lambda s: body_replace(
            s, "enforcement", "   2. from every space", "   2. from every space we run"
        ),
    ),
    ("bring a clause back elsewhere", lambda s: bring_back(s, "appeals", "acknowledgements")),
    (
        "edit the preamble-free first clause and the last",
        lambda s: body_replace(
            body_replace(s, "purpose", "stay.", "stay and grow."),
            "acknowledgements",
            "version 2.1",
            "version 2.1, and the Django code of conduct",
        ),
    ),
)


def history() -> list[tuple[str, tuple[Section, ...]]]:
    REMOVED_EARLIER.clear()
    steps, sections = [("start", START)], START
    for description, change in EDITS:
        sections = change(sections)
        steps.append((description, sections))
    return steps


def clause_sides(item: drafts.ClauseComparison) -> tuple[str, str, str, str]:
    return (
        item.heading.old_text,
        item.body.old_text,
        item.heading.new_text,
        item.body.new_text,
    )


def check_exact(old, new, comparison: drafts.Comparison) -> list[str]:
    """Each side of every clause's redline rebuilds that revision's clause text."""
    problems = []
    old_clauses = {c.key: drafts_clause(c) for c in old.clauses}
    new_clauses = {c.key: drafts_clause(c) for c in new.clauses}
    assert {item.key for item in comparison.clauses} == old_clauses.keys() | new_clauses.keys()
    for item in comparison.clauses:
        before, after = old_clauses.get(item.key), new_clauses.get(item.key)
        expected = (
            before.normalised_heading if before else "",
            before.normalised_body if before else "",
            after.normalised_heading if after else "",
            after.normalised_body if after else "",
        )
        if clause_sides(item) != expected:
            problems.append(f"{item.key}: the redline does not rebuild both sides")
        if before and after and item.kind is drafts.ClauseKind.UNCHANGED:
            if (before.normalised_heading, before.normalised_body) != (
                after.normalised_heading,
                after.normalised_body,
            ):
                problems.append(f"{item.key}: changed but shown as unchanged")
    return problems


def drafts_clause(row) -> drafts.Clause:
    return drafts.Clause(row.level, row.heading, row.body, row.key)


def keys_by_name(revision, sections) -> dict[str, str]:
    """The clause keys of a revision by section name (its clauses follow the document's
    order: the title is the preamble-free first heading, then one clause per section)."""
    clauses = [c for c in sorted(revision.clauses, key=lambda c: c.position) if c.level == 2]
    assert [c.heading for c in clauses] == [s.heading for s in sections]
    return {section.name: clause.key for section, clause in zip(sections, clauses)}


def test_twenty_revisions_of_real_edits_keep_exact_redlines_and_keys(
    create_policy, create_revision
):
    policy = create_policy("history", "Community Guidelines")
    steps = history()
    assert len(steps) >= 21
    known: dict[str, str] = {}
    previous = None
    problems = []
    for number, (description, sections) in enumerate(steps, start=1):
        revision = create_revision(policy, document(sections), summary=description)
        db.session.refresh(revision)
        assert revision.number == number
        keys = keys_by_name(revision, sections)
        for name, key in keys.items():
            if known.setdefault(name, key) != key:
                problems.append(f"revision {number} ({description}): {name} {known[name]} → {key}")
        if previous is not None:
            comparison = compare_revisions(previous, revision)
            found = check_exact(previous, revision, comparison)
            problems += [f"revision {number} ({description}): {p}" for p in found]
            problems += unchanged_steps_show_nothing(description, comparison)
        previous = revision
    assert problems == []


INVISIBLE = {"re-wrap a paragraph", "add trailing spaces", "re-wrap everything"}


def unchanged_steps_show_nothing(description: str, comparison: drafts.Comparison) -> list[str]:
    if description not in INVISIBLE or not comparison.changed:
        return []
    return [f"{description}: {[item.key for item in comparison.changed]} shown as changed"]


@pytest.mark.parametrize("step", [d for d, _ in EDITS if d not in INVISIBLE])
def test_every_visible_edit_shows_in_the_redline(step, create_policy, create_revision):
    """The other half of "calls nothing unchanged that changed": each real edit is seen."""
    steps = history()
    index = next(i for i, (d, _) in enumerate(steps) if d == step)
    policy = create_policy("history", "Community Guidelines")
    old = create_revision(policy, document(steps[index - 1][1]))
    new = create_revision(policy, document(steps[index][1]))
    assert compare_revisions(old, new).changed, step
