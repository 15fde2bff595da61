"""Demo comments: an open consultation on the latest revision, and a few conversations.

Written by the project for the demo. Comments made on revisions 1 and 2 show
on revision 3 as "on revision N", with the redline where the clause changed. They
are posted through the ordinary services during a comment period of their own
(opened, then closed again), so the audit log tells the story as it happened.
Loaded once: a policy that already has comments, or a window, is left alone.
"""

from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

from consult.accounts.models import User
from consult.accounts.services import find_user
from consult.comments.flags import flag_comment
from consult.comments.models import Comment
from consult.comments.services import Draft, post_comment, reply, toggle_endorsement
from consult.comments.window import clear_revision_window, set_window, stored_window
from consult.extensions import db
from consult.policies.models import Policy, Revision
from consult.policies.services import revisions_of
from consult.types import utcnow

OPEN_FOR = timedelta(days=60)


@dataclass(frozen=True)
class DemoComment:
    revision: int
    heading: str
    author: str
    language: str
    body: str
    suggested_wording: str = ""
    replies: tuple["DemoComment", ...] = ()
    endorsed_by: tuple[str, ...] = ()
    # (account, reason): puts the comment in the moderators' queue.
    flagged_by: tuple[tuple[str, str], ...] = ()


COMMENTS = (
    DemoComment(
        1,
        "Harassment",
        "volunteer",
        "en",
        (
            "Please say plainly that unwanted physical contact is harassment. At the repair café "
            "benches people stand close together, and it happens there more than online."
        ),
        endorsed_by=("translator", "reviewer"),
    ),
    DemoComment(
        1,
        "What happens next",
        "layla",
        "ar",
        ("ثلاثة أيام وعدٌ صعب على فريق من المتطوعين. الأفضل أن نعد بمدة واقعية ونلتزم بها."),
    ),
    DemoComment(
        2,
        "Confidentiality",
        "volunteer",
        "en",
        (
            "People will only report if they trust this part, so it should come **first** in the "
            "section, before the list of ways to report."
        ),
    ),
    DemoComment(
        3,
        "What happens next",
        "reviewer",
        "fr",
        (
            "Quatre semaines, c'est raisonnable pour une équipe de bénévoles. Merci d'avoir précisé "
            "que vous préviendrez la personne si cela prend plus de temps."
        ),
        endorsed_by=("volunteer",),
        replies=(
            DemoComment(
                3,
                "What happens next",
                "staff",
                "en",
                (
                    "Thank you — the Care Team asked for exactly that sentence after the first round."
                ),
            ),
        ),
    ),
    DemoComment(
        3,
        "Who handles reports",
        "translator",
        "de",
        (
            "Gut, dass Mitglieder bei Befangenheit zurücktreten. Wer entscheidet, ob jemand "
            "befangen ist?"
        ),
        suggested_wording=(
            "Reports are handled by the Care Team: four to six volunteers chosen at the annual "
            "members' meeting, who complete training in listening and in handling conflict before "
            "they take on a case. A member who is involved in a report, or close to someone "
            "involved, steps aside from that case; when in doubt, the other members decide."
        ),
    ),
    DemoComment(
        3,
        "Welcoming newcomers",
        "volunteer",
        "id",
        (
            "Saya baru bergabung bulan lalu. Akan sangat membantu jika ada satu orang yang bisa "
            "ditanya pada minggu pertama."
        ),
        endorsed_by=("layla", "reviewer"),
    ),
    DemoComment(
        3,
        "Harassment",
        "layla",
        "es",
        (
            "Me parece bien que se mencione el contacto físico no deseado. ¿Incluye también los "
            "mensajes privados en el foro?"
        ),
    ),
    DemoComment(
        3,
        "Range of responses",
        "volunteer",
        "en",
        (
            "Honestly this whole list is pointless. The people it is aimed at will never read it, "
            "and everyone else already behaves."
        ),
        flagged_by=(
            ("reviewer", "Dismissive of the people this section protects; not about the wording."),
            ("layla", "Not a comment on the text."),
        ),
    ),
)


def clause_named(revision: Revision, heading: str):
    return next(clause for clause in revision.clauses if clause.heading == heading)


def has_comments(policy: Policy) -> bool:
    return (
        db.session.scalar(sa.select(Comment.id).where(Comment.policy_id == policy.id).limit(1))
        is not None
    )


def post(demo: DemoComment, revision: Revision, parent: Comment | None = None) -> Comment:
    author = find_user(demo.author)
    draft = Draft(demo.body, demo.language, demo.suggested_wording)
    if parent is not None:
        return reply(author, parent, draft)
    return post_comment(author, clause_named(revision, demo.heading), draft)


def load_thread(demo: DemoComment, revision: Revision) -> None:
    # An account someone renamed or deleted simply does not take part.
    if find_user(demo.author) is None:
        return
    comment = post(demo, revision)
    for endorser in filter(None, map(find_user, demo.endorsed_by)):
        toggle_endorsement(endorser, comment)
    for name, reason in demo.flagged_by:
        if (flagger := find_user(name)) is not None:
            flag_comment(flagger, comment, reason)
    for answer in demo.replies:
        if find_user(answer.author) is not None:
            post(answer, revision, parent=comment)


def load_period(staff: User, policy: Policy, revision: Revision, latest: Revision) -> None:
    """Post a revision's comments during a window of its own (the latest uses the policy's)."""
    now = utcnow()
    if revision.id != latest.id:
        set_window(staff, policy, revision, now - timedelta(days=30), now + timedelta(minutes=5))
    for demo in COMMENTS:
        if demo.revision == revision.number:
            load_thread(demo, revision)
    if revision.id != latest.id:
        clear_revision_window(staff, policy, revision)


def load_comments(policy: Policy) -> bool:
    """Open the consultation on the latest revision and add the demo comments, once.
    True when something was created."""
    if stored_window(policy, None) is not None or has_comments(policy):
        return False
    staff = find_user("staff")
    published = {r.number: r for r in revisions_of(policy, include_drafts=False)}
    latest = published[max(published)]
    set_window(staff, policy, None, utcnow() - timedelta(days=1), utcnow() + OPEN_FOR)
    for number in sorted({demo.revision for demo in COMMENTS} & set(published)):
        load_period(staff, policy, published[number], latest)
    return True
