"""Demo translations: French begun on revision 1 and carried forward (two clauses have been
reworded since, so they show as outdated), Arabic begun on revision 3, and a second Arabic
translator to review it. Written for Consult, in its own words, like the rest of the demo.

Loaded once: when the demo policy already has any translation, translators' work is left alone.
"""

from dataclasses import dataclass

import sqlalchemy as sa

from consult.accounts.models import Role, User
from consult.accounts.services import create_account, find_user
from consult.comments.models import Comment
from consult.extensions import db
from consult.policies.models import Clause, Policy, Revision, RevisionState
from consult.translating.carryover import carry_over
from consult.translating.comments import save_comment_translation
from consult.translating.models import CommentTranslation, Translation
from consult.translating.services import review_translation, save_translation
from consult.translating.titles import save_title

SECOND_TRANSLATOR = ("layla", "Layla Haddad", ("ar", "fr"))
TITLES = {
    "fr": "Règles de participation à la communauté Riverbank Commons",
    "ar": "إرشادات المشاركة المجتمعية في ريفربانك كومنز",
}


@dataclass(frozen=True)
class DemoTranslation:
    key: str
    heading: str
    body: str
    reviewer: str | None = None


FRENCH_ON_REVISION_1 = (
    DemoTranslation(
        "purpose-and-scope",
        "Objet et champ d'application",
        (
            "Ces règles existent pour que chaque personne qui participe à Riverbank Commons puisse le "
            "faire en sécurité et dans la dignité, quels que soient son âge, son parcours ou son "
            "expérience. Elles disent ce que nous attendons les uns des autres, ce que nous "
            "n'acceptons pas, et comment les inquiétudes sont signalées et traitées."
        ),
        "reviewer",
    ),
    DemoTranslation(
        "care-for-people",
        "Prendre soin des personnes",
        (
            "Nous veillons les uns sur les autres. Nous remarquons quand quelqu'un est laissé de côté, "
            "fatigué ou mal à l'aise, et nous agissons. Nous partons du principe que chacun fait de "
            "son mieux, et nous proposons notre aide avant de critiquer. Nous n'oublions pas que la "
            "plupart des bénévoles donnent le temps qui leur reste après le travail, les études et "
            "leur famille : ce temps est un cadeau."
        ),
    ),
    DemoTranslation(
        "harassment",
        "Harcèlement",
        (
            "Le harcèlement comprend l'attention sexuelle non désirée, l'intimidation, la traque, le "
            "fait de suivre quelqu'un, le mégenrage délibéré et les contacts répétés après qu'une "
            "personne a demandé qu'ils cessent. Il comprend aussi la perturbation persistante de la "
            "participation de quelqu'un, et le fait d'encourager d'autres personnes à agir ainsi."
        ),
        "reviewer",
    ),
    DemoTranslation(
        "what-happens-next",
        "Et ensuite ?",
        (
            "Un membre de l'équipe d'écoute accuse réception de votre signalement sous trois jours. "
            "Il vous écoute, vous demande quelle issue vous espérez et vous explique les options. Si "
            "nécessaire, il s'entretient avec les personnes concernées et avec les témoins. Nous "
            "visons une décision sous trois semaines, et nous vous prévenons si cela doit prendre "
            "plus de temps."
        ),
    ),
    DemoTranslation(
        "appeals",
        "Recours",
        (
            "Toute personne visée par une décision peut faire appel une fois, par écrit, dans le mois "
            "qui suit. L'appel est examiné par deux coordinateurs qui n'ont pas pris part à la "
            "décision initiale. Ils lisent les notes de l'équipe d'écoute, peuvent parler à toute "
            "personne concernée, et peuvent confirmer, modifier ou annuler la décision. Leur décision "
            "est définitive et ils l'expliquent par écrit."
        ),
        "reviewer",
    ),
)

ARABIC_ON_REVISION_3 = (
    DemoTranslation(
        "purpose-and-scope",
        "الغرض والنطاق",
        (
            "وُضعت هذه الإرشادات لكي يتمكّن كل من يشارك في ريفربانك كومنز من المشاركة بأمان وكرامة، "
            "مهما كان عمره أو خلفيته أو خبرته. وهي تشرح ما نتوقعه بعضنا من بعض، وما لا نقبله، "
            "وكيف تُرفع المخاوف وكيف تُعالج."
        ),
        "layla",
    ),
    DemoTranslation(
        "care-for-people",
        "العناية بالناس",
        (
            "نهتمّ بعضنا ببعض. نلاحظ حين يُترك أحدٌ جانبًا أو يتعب أو يشعر بالضيق، ونتصرّف. نفترض أن "
            "الناس يبذلون أفضل ما لديهم، ونعرض المساعدة قبل أن نوجّه النقد. ونتذكّر أن معظم المتطوعين "
            "يقدّمون ما يتبقّى من وقتهم بعد العمل والدراسة ورعاية أسرهم، وأن وقتهم هديّة."
        ),
    ),
    DemoTranslation(
        "harassment",
        "التحرّش",
        (
            "يشمل التحرّش الاهتمام الجنسي غير المرغوب فيه، والتلامس الجسدي غير المرغوب فيه، "
            "والترهيب، والملاحقة، وتتبّع أحدهم، والتعمّد في مخاطبة الشخص بغير جنسه، وتكرار التواصل "
            "بعد أن يوضّح الشخص أنه لا يريده. ويشمل أيضًا تعطيل مشاركة أحدهم بشكل متواصل، وتشجيع "
            "الآخرين على أيٍّ من ذلك."
        ),
    ),
)


def published_revisions(policy: Policy) -> dict[int, Revision]:
    rows = db.session.scalars(
        sa.select(Revision).where(
            Revision.policy_id == policy.id, Revision.state == RevisionState.PUBLISHED
        )
    )
    return {revision.number: revision for revision in rows}


def has_translations(policy: Policy) -> bool:
    return (
        db.session.scalar(
            sa.select(sa.func.count())
            .select_from(Translation)
            .join(Clause, Translation.clause_id == Clause.id)
            .join(Revision)
            .where(Revision.policy_id == policy.id)
        )
        > 0
    )


def second_translator(report, password: str) -> User:
    username, name, languages = SECOND_TRANSLATOR
    user = find_user(username)
    if user is None:
        user = create_account(None, username, password, name, (Role.TRANSLATOR,), languages)
        report.users_created.append(username)
    report.users.append(user)
    return user


def translate(revision: Revision, language: str, items, translator: User) -> None:
    clauses = {clause.key: clause for clause in revision.clauses}
    for item in items:
        if item.key not in clauses:
            continue
        translation = save_translation(
            translator, clauses[item.key], language, item.heading, item.body, 0
        )
        if item.reviewer:
            review_translation(find_user(item.reviewer), translation)


def load_translations(report, password: str) -> None:
    """Called by `load_demo` once the demo revisions exist."""
    second_translator(report, password)
    policy, translator = report.policy, find_user("translator")
    revisions = published_revisions(policy) if policy is not None else {}
    if translator is None or not {1, 2, 3} <= set(revisions) or has_translations(policy):
        return
    translate(revisions[1], "fr", FRENCH_ON_REVISION_1, translator)
    save_title(translator, revisions[1], "fr", TITLES["fr"])
    # As if revisions 2 and 3 had been published after the French work began.
    carry_over(revisions[2])
    carry_over(revisions[3])
    translate(revisions[3], "ar", ARABIC_ON_REVISION_3, translator)
    save_title(translator, revisions[3], "ar", TITLES["ar"])


# (comment language, opening words, translator, English translation)
COMMENT_TRANSLATIONS = (
    (
        "fr",
        "Quatre semaines",
        "translator",
        (
            "Four weeks is reasonable for a team of volunteers. Thank you for saying that you will "
            "let the person know if it takes longer."
        ),
    ),
    (
        "de",
        "Gut, dass Mitglieder",
        "reviewer",
        (
            "It is good that members step aside when they are not impartial. Who decides whether "
            "someone is?"
        ),
    ),
    (
        "ar",
        "ثلاثة أيام",
        "translator",
        (
            "Three days is a hard promise for a team of volunteers. Better to promise a time we can "
            "really keep, and keep it."
        ),
    ),
)


def demo_comment(policy: Policy, language: str, opening: str) -> Comment | None:
    return db.session.scalar(
        sa.select(Comment)
        .where(
            Comment.policy_id == policy.id,
            Comment.language == language,
            Comment.body.startswith(opening),
        )
        .limit(1)
    )


def load_comment_translations(policy: Policy | None) -> None:
    """English translations of some demo comments, once (after the demo comments exist)."""
    if (
        policy is None
        or db.session.scalar(
            sa.select(CommentTranslation.id)
            .join(Comment, CommentTranslation.comment_id == Comment.id)
            .where(Comment.policy_id == policy.id)
            .limit(1)
        )
        is not None
    ):
        return
    for language, opening, username, body in COMMENT_TRANSLATIONS:
        comment, translator = demo_comment(policy, language, opening), find_user(username)
        if comment is not None and translator is not None:
            save_comment_translation(translator, comment, body)
