"""A site whose every user-text field holds hostile text, built through the services.

The payloads are split into groups that fit a title (300 characters); each group gets
a policy of its own in which every field holds the group's payloads: joined where a
field holds one value (policy title and summary, revision titles and change summaries,
title translations), one record per payload where a field repeats (clause headings and
bodies, comments, suggested wordings, replies, flag and moderation reasons, clause and
comment translations, display names, block reasons, staff responses), and also all at once
in the first clause and in two comments, for the pages that show one record; one of those
comments has its wording adopted into the draft, which then names it and its author.
tests/browser/test_xss_sweep.py lists the pages that show them.
"""

from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

import drafts
from consult.accounts.models import Role, User
from consult.accounts.services import create_user
from consult.comments.adoption import Request, adopt, plan_for
from consult.comments.flags import flag_comment
from consult.comments.models import Comment, Disposition
from consult.comments.services import Draft, edit_comment, post_comment, reply
from consult.comments.triage import Changes, Decision, apply
from consult.comments.window import set_window
from consult.drafting.editing import ClauseText, edit_clause
from consult.drafting.services import fork_draft, new_draft, publish
from consult.extensions import db
from consult.moderation.blocks import block, unblock
from consult.moderation.services import dismiss_flags, hide, restore
from consult.policies.models import Policy, Revision
from consult.policies.services import create_policy
from consult.translating.comments import save_comment_translation
from consult.translating.services import find_translation as find_clause_translation
from consult.translating.services import review_translation, save_translation
from consult.translating.titles import save_title
from consult.types import utcnow
from tests.browser.payloads import chunks, one_line
from tests.factories import PASSWORD

LANGUAGE = "de"  # clause, title and comment translations
TITLE_LIMIT = 300
NAME_LIMIT = 80


@dataclass
class PolicyPages:
    """The records of one policy that pages are about. Revision 1 and 2 are published,
    3 is a draft; the first clause and the comments named here hold every payload of
    the policy at once (the other clauses and comments hold one each)."""

    slug: str
    key: str = ""  # the first clause, in every revision
    comment: int = 0  # on revision 2: edited, flagged, replied to, translated
    hidden_comment: int = 0  # on revision 2: hidden with a reason
    own_comment: int = 0  # the boss's, on revision 2


@dataclass
class HostileSite:
    boss: User
    people: list[User]
    policies: list[PolicyPages]


def create_people(payloads: list[str]) -> list[User]:
    """One translator of LANGUAGE per payload, named by it."""
    people = [
        create_user(
            f"person{i}", PASSWORD, one_line(p)[:NAME_LIMIT], (Role.TRANSLATOR,), (LANGUAGE,)
        )
        for i, p in enumerate(payloads)
    ]
    db.session.commit()
    return people


def create_boss(name: str) -> User:
    """Admin, staff, moderator and translator at once: every page is open to them."""
    roles = (Role.ADMIN, Role.STAFF, Role.MODERATOR, Role.TRANSLATOR)
    boss = create_user("boss", PASSWORD, one_line(name)[:NAME_LIMIT], roles, (LANGUAGE,))
    db.session.commit()
    return boss


def rotated(texts: list[str], by: int) -> list[str]:
    by %= len(texts)
    return texts[by:] + texts[:by]


def joined(texts: list[str]) -> tuple[str, str]:
    """Every payload in one single-line value and in one block of Markdown."""
    return " ".join(map(one_line, texts)), "\n\n".join(texts)


def contents(texts: list[str]) -> list[tuple[str, str]]:
    """Clause headings and bodies: all the payloads in the first clause, then one each."""
    return [joined(texts)] + [(one_line(text), text) for text in texts]


def published_revision(boss: User, policy: Policy, texts: list[str]) -> Revision:
    clauses, taken = [], set()
    for heading, body in contents(texts):
        key = drafts.make_key(heading, taken)
        taken.add(key)
        clauses.append(drafts.Clause(level=2, heading=heading, body=body, key=key))
    line, block_text = joined(texts)
    return publish(boss, new_draft(boss, policy, line, clauses, None), block_text)


def forked_with(boss: User, policy: Policy, texts: list[str]) -> Revision:
    """A draft of the next revision: the same clauses (keys kept) holding `texts`."""
    draft = fork_draft(boss, policy)
    for clause, (heading, body) in zip(list(draft.clauses), contents(texts)):
        edit_clause(boss, draft, clause.key, clause.version, ClauseText(heading, 2, body))
    return draft


def translate(revision: Revision, people: list[User], texts: list[str], skip: int = 0) -> None:
    """Translate every clause but every `skip`-th (0: none skipped); review every other one."""
    for index, (clause, (heading, body)) in enumerate(zip(revision.clauses, contents(texts))):
        if skip and index % skip == 0:
            continue
        translator = people[index % len(people)]
        existing = find_clause_translation(clause, LANGUAGE)
        version = existing.version if existing else 0
        translation = save_translation(translator, clause, LANGUAGE, heading, body, version)
        if index % 2 and translation is not None:
            review_translation(people[(index + 1) % len(people)], translation)


def discuss(revision: Revision, people: list[User], texts: list[str]) -> list[Comment]:
    """Per payload, on the first clause: a comment in LANGUAGE with a suggested wording,
    a reply and a flag."""
    clause, comments = revision.clauses[0], []
    for index, text in enumerate(texts):
        author, other = people[index], people[(index + 1) % len(people)]
        comment = post_comment(author, clause, Draft(text, LANGUAGE, text))
        reply(other, comment, Draft(text, "en", ""))
        flag_comment(other, comment, text)
        comments.append(comment)
    return comments


def moderate(boss: User, people: list[User], comments: list[Comment], texts: list[str]) -> None:
    """Translate, edit, hide, restore and dismiss, each with a payload as its text or reason."""
    for index, (comment, text) in enumerate(zip(comments, texts)):
        save_comment_translation(people[(index + 2) % len(people)], comment, text)
        if index % 3 == 0:
            edit_comment(people[index], comment, Draft(f"{text}\n\n{text}", LANGUAGE, text))
        elif index % 3 == 1:
            hide(boss, comment, text)
        else:
            dismiss_flags(boss, comment, text)
            flag_comment(people[(index + 2) % len(people)], comment, text)
    hide(boss, comments[0], texts[0])
    restore(boss, comments[0], texts[-1])


def answer(boss: User, policy: Policy, comments: list[Comment], texts: list[str]) -> None:
    """Accept each comment (its suggested wording then shows on the report) with its text
    as the public response."""
    for comment, text in zip(comments, texts):
        selection = sa.select(Comment.id).where(Comment.id == comment.id)
        apply(boss, policy, selection, Changes(Decision(Disposition.ACCEPTED), response=text))


def combined_comments(boss: User, revision: Revision, people: list[User], texts: list[str]):
    """Two comments holding every payload: one edited, replied to, translated and flagged
    by everyone; one flagged by everyone and hidden."""
    line, block_text = joined(texts)
    earlier, _ = joined(rotated(texts, 1))
    author, clause = people[0], revision.clauses[0]
    shown = post_comment(author, clause, Draft(joined(rotated(texts, 1))[1], LANGUAGE, earlier))
    edit_comment(author, shown, Draft(block_text, LANGUAGE, block_text))
    reply(people[1], shown, Draft(block_text, "en", block_text))
    save_comment_translation(people[1], shown, block_text)
    hidden = post_comment(people[1], clause, Draft(block_text, LANGUAGE, block_text))
    for person, text in zip(people[1:] + people[:1], texts):
        flag_comment(person, shown, text)
        flag_comment(person, hidden, text)
    hide(boss, hidden, line)
    return shown, hidden


def adopt_confirmed(boss: User, comment) -> None:
    """The comment's wording (every payload) adopted into the draft, over its changes: the
    clause then names the comment and its author."""
    plan = plan_for(comment)
    adopt(boss, comment, Request(Disposition.ACCEPTED, plan.draft_number, plan.current.hash, True))


def build_policy(boss: User, slug: str, texts: list[str], people: list[User]) -> PolicyPages:
    line, block_text = joined(texts)
    policy = create_policy(boss, slug, line, "en", block_text)
    first = published_revision(boss, policy, texts)
    now = utcnow()
    set_window(boss, policy, None, now - timedelta(hours=1), now + timedelta(days=1))
    translate(first, people, texts)
    save_title(people[0], first, LANGUAGE, line)
    answer(boss, policy, discuss(first, people, texts), texts)
    second = publish(boss, forked_with(boss, policy, rotated(texts, 1)), block_text)
    translate(second, people, rotated(texts, 1), skip=2)
    save_title(people[-1], second, LANGUAGE, joined(rotated(texts, 1))[0])
    discussed = discuss(second, people, texts)
    moderate(boss, people, discussed, texts)
    shown, hidden = combined_comments(boss, second, people, texts)
    answer(boss, policy, [*discussed, shown], [*texts, block_text])
    own = post_comment(boss, second.clauses[0], Draft(block_text, "en", block_text))
    forked_with(boss, policy, rotated(texts, 2))
    adopt_confirmed(boss, shown)
    db.session.commit()
    return PolicyPages(slug, first.clauses[0].key, shown.id, hidden.id, own.id)


def block_everyone(boss: User, people: list[User], payloads: list[str]) -> None:
    """Blocks with payload reasons (half of them lifted again, with a reason too)."""
    for index, (person, text) in enumerate(zip(people, payloads)):
        block(boss, person, text)
        if index % 2:
            unblock(boss, person, text)
    db.session.commit()


def build_site(payloads: list[str]) -> HostileSite:
    people = create_people(payloads)
    boss = create_boss(payloads[0])
    policies = [
        build_policy(boss, f"hostile-{n}", group, people[start : start + len(group)])
        for n, (start, group) in enumerate(starts(chunks(payloads, TITLE_LIMIT)), start=1)
    ]
    block_everyone(boss, people, payloads)
    return HostileSite(boss, people, policies)


def starts(groups: list[list[str]]):
    start = 0
    for group in groups:
        yield start, group
        start += len(group)
