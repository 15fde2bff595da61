"""Demo comments: an open consultation on the latest revision, and a few conversations.

Written by the project for the demo. Comments made on revisions 1 and 2 show
on revision 3 as "on revision N", with the redline where the clause changed. They
are posted through the ordinary services during a comment period of their own
(opened, then closed again), so the audit log tells the story as it happened.
Once every period is loaded, staff triage them (dispositions, public responses,
an assignee and an internal note), adopt one suggested wording into the draft, and a
volunteer answers a revision 1 comment from revision 3, where the conversation continues.
A small letter campaign (copies of one text, each signed) is left open: staff find it as a
group of similar comments.
Loaded once: a policy that already has comments, or a window, is left alone.
"""

from dataclasses import dataclass
from datetime import timedelta

import sqlalchemy as sa

from consult.accounts.models import User
from consult.accounts.services import find_user
from consult.comments.adoption import Request, adopt, plan_for
from consult.comments.flags import flag_comment
from consult.comments.models import Comment, Disposition
from consult.comments.services import Draft, post_comment, reply, toggle_endorsement
from consult.comments.triage import Changes, Decision, annotate, apply
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
    # What staff made of it: public disposition and response, internal assignee and note.
    disposition: Disposition | None = None
    response: str = ""
    assignee: str = ""
    note: str = ""
    # Replies written once the latest revision is open (the conversation moved there).
    later_replies: tuple["DemoComment", ...] = ()
    # A duplicate names the earlier demo comment it repeats: (revision, heading, author).
    original: tuple[int, str, str] | None = None
    # Staff adopt its suggested wording into the draft (accepted unless `disposition` says).
    adopted: bool = False


# A letter campaign: several people send the same text, each signing it. Staff find the
# copies as one group of similar comments on the triage page, to answer them at once.
CAMPAIGN = (
    "Please write into this clause that the tool library stays free for every member. A "
    "deposit or a fee would shut out the families who need the tools most, and the commons "
    "belongs to all of us. Keep the library free!"
)
SIGNED = (
    ("volunteer", "— Val"),
    ("reviewer", "Rosa, allotment 12"),
    ("translator", "Signed, Tariq"),
    ("layla", "Layla, tool library team"),
)


def campaign_copy(author: str, signature: str) -> DemoComment:
    return DemoComment(
        3, "Looking after shared resources", author, "en", f"{CAMPAIGN}\n\n{signature}"
    )


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
        disposition=Disposition.ACCEPTED,
        response=(
            "Thank you. Revision 2 names **unwanted physical contact** in the list, and the Care "
            "Team will mention it at the next repair café briefing."
        ),
        later_replies=(
            DemoComment(
                3,
                "Harassment",
                "volunteer",
                "en",
                "Thank you — I have read the new wording, and it is what I hoped for.",
            ),
        ),
    ),
    DemoComment(
        1,
        "What happens next",
        "layla",
        "ar",
        ("ثلاثة أيام وعدٌ صعب على فريق من المتطوعين. الأفضل أن نعد بمدة واقعية ونلتزم بها."),
        disposition=Disposition.PARTLY_ACCEPTED,
        response=(
            "We agree that three days was more than volunteers can promise. Revision 2 says five "
            "working days to acknowledge a report and four weeks to decide; we kept a firm time "
            "limit, so that people know when to expect an answer."
        ),
    ),
    DemoComment(
        1,
        "What happens next",
        "reviewer",
        "fr",
        (
            "Trois jours, c'est trop court pour une équipe de bénévoles : mieux vaut promettre un "
            "délai que l'on peut vraiment tenir."
        ),
        disposition=Disposition.DUPLICATE,
        original=(1, "What happens next", "layla"),
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
        disposition=Disposition.ACCEPTED,
        response="Done in revision 3: *Confidentiality* now opens the section.",
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
        assignee="staff",
        note="Ask the Care Team whether 'the other members decide' matches how they work now.",
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
        disposition=Disposition.NOTED,
        response=(
            "Thank you. The clause already pairs newcomers with someone experienced for their "
            "first workday; we have asked the volunteer coordinators to name that person for the "
            "whole first week."
        ),
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
        "Looking after shared resources",
        "layla",
        "es",
        (
            "¿Qué hago si una herramienta se rompe mientras la uso? ¿La devuelvo igualmente o "
            "aviso antes? Estaría bien que el texto lo dijera."
        ),
        suggested_wording=(
            "When you borrow a tool, return it clean and on time. If it breaks or gets damaged "
            "while you have it, stop using it and tell the tool library volunteers the same day, "
            "so that nobody else gets hurt. In the garden, follow the planting plan and the "
            "safety notices on the shed door. Keep receipts for anything you buy on behalf of "
            "the community, and never spend shared funds without the approval described in the "
            "[spending policy](https://riverbank.example/spending)."
        ),
        endorsed_by=("volunteer",),
        response="Thank you — draft 4 takes your wording, word for word.",
        adopted=True,
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
    *(campaign_copy(author, signature) for author, signature in SIGNED),
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


def load_thread(demo: DemoComment, revision: Revision) -> Comment | None:
    # An account someone renamed or deleted simply does not take part.
    if find_user(demo.author) is None:
        return None
    comment = post(demo, revision)
    for endorser in filter(None, map(find_user, demo.endorsed_by)):
        toggle_endorsement(endorser, comment)
    for name, reason in demo.flagged_by:
        if (flagger := find_user(name)) is not None:
            flag_comment(flagger, comment, reason)
    for answer in demo.replies:
        if find_user(answer.author) is not None:
            post(answer, revision, parent=comment)
    return comment


def load_period(
    staff: User, policy: Policy, revision: Revision, latest: Revision
) -> list[tuple[DemoComment, Comment]]:
    """Post a revision's comments during a window of its own (the latest uses the policy's)."""
    now = utcnow()
    if revision.id != latest.id:
        set_window(staff, policy, revision, now - timedelta(days=30), now + timedelta(minutes=5))
    posted = [
        (demo, load_thread(demo, revision)) for demo in COMMENTS if demo.revision == revision.number
    ]
    if revision.id != latest.id:
        clear_revision_window(staff, policy, revision)
    return [(demo, comment) for demo, comment in posted if comment is not None]


def triage(
    staff: User, policy: Policy, demo: DemoComment, comment: Comment, original: Comment | None
) -> None:
    """What staff made of the comment, through the triage services (and so audited)."""
    selection = sa.select(Comment.id).where(Comment.id == comment.id)
    assignee = find_user(demo.assignee) if demo.assignee else None
    decision = None
    if demo.disposition and (demo.disposition is not Disposition.DUPLICATE or original):
        decision = Decision(demo.disposition, original.id if original else None)
    changes = Changes(decision, assignee is not None, assignee, demo.response or None)
    if decision or assignee or demo.response:
        apply(staff, policy, selection, changes)
    if demo.note:
        annotate(staff, comment, demo.note)


def adopt_wording(staff: User, demo: DemoComment, comment: Comment) -> None:
    """Staff adopt the wording into the demo's draft, as the adopt page would (confirmed);
    with no draft open (staff published it) the demo starts none."""
    plan = plan_for(comment)
    if plan.draft is None or plan.current is None:
        return
    disposition = demo.disposition or Disposition.ACCEPTED
    adopt(staff, comment, Request(disposition, plan.draft.number, plan.current.hash, True))


def follow_up(staff: User, policy: Policy, posted: list[tuple[DemoComment, Comment]]) -> None:
    by_place = {(demo.revision, demo.heading, demo.author): comment for demo, comment in posted}
    for demo, comment in posted:
        triage(staff, policy, demo, comment, by_place.get(demo.original))
        if demo.adopted:
            adopt_wording(staff, demo, comment)
        for answer in demo.later_replies:
            if find_user(answer.author) is not None:
                post(answer, comment.revision, parent=comment)


def load_comments(policy: Policy) -> bool:
    """Open the consultation on the latest revision and add the demo comments, once.
    True when something was created."""
    if stored_window(policy, None) is not None or has_comments(policy):
        return False
    staff = find_user("staff")
    published = {r.number: r for r in revisions_of(policy, include_drafts=False)}
    latest = published[max(published)]
    set_window(staff, policy, None, utcnow() - timedelta(days=1), utcnow() + OPEN_FOR)
    posted = []
    for number in sorted({demo.revision for demo in COMMENTS} & set(published)):
        posted += load_period(staff, policy, published[number], latest)
    follow_up(staff, policy, posted)
    return True
