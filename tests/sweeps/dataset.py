"""The sweeps' demo-like data set, made with the test factories.

Policy `guidelines` has published revisions 1 and 2 and draft 3, an open consultation,
comments on revision 2 (a volunteer's, a staff reply, a French one by a second admin, a
hidden one, a deleted one, one suggesting a wording) and a French translation awaiting
review; `charter` is published with no draft (something to fork and import into); `secret` has only a draft. One account per role of
the sweeps signs in with PASSWORD. The sweeps name what they need through `DataSet.refs`
("@comment.by_volunteer"), so their tables hold no ids.
"""

from dataclasses import dataclass, field

from consult.accounts.models import Role
from consult.comments.services import delete_comment
from consult.drafting.services import fork_draft
from consult.extensions import db
from consult.moderation.blocks import block
from consult.moderation.services import hide
from consult.translating.services import save_translation
from tests.comment_factories import clause_of
from tests.factories import DOCUMENT

SECOND_REVISION = DOCUMENT.replace("We want a *friendly* place.", "We want a *kind* place.")
FRENCH = """# Règles de la communauté

Bienvenue.

## Objet

Un lieu *bienveillant*.

## Comportement

### Attendu

Soyez aimable.

### Inacceptable

N’importunez personne.

## Signalement

Écrivez à l’équipe.
"""

# Role of the sweeps → (username, roles, translation languages). Staff and admin come from
# the factories' own fixtures; "blocked" translates French too, so blocking — not a missing
# role — is what must refuse its writes.
ACCOUNTS = {
    "volunteer": ("volunteer", (), ()),
    "other_translator": ("greta", (Role.TRANSLATOR,), ("de",)),
    "translator": ("francoise", (Role.TRANSLATOR,), ("fr",)),
    "reviewer": ("rene", (Role.TRANSLATOR,), ("fr",)),
    "moderator": ("moderator", (Role.MODERATOR,), ()),
    "blocked": ("bea", (Role.TRANSLATOR,), ("fr",)),
}


@dataclass
class DataSet:
    usernames: dict[str, str]
    refs: dict[str, object] = field(default_factory=dict)

    def resolve(self, value):
        """ "@name" → the data set's value of that name; anything else as it is."""
        if isinstance(value, str) and value.startswith("@"):
            return self.refs[value[1:]]
        return value


def add_accounts(create_user, staff, admin) -> dict:
    users = {"staff": staff, "admin": admin}
    for role, (username, roles, languages) in ACCOUNTS.items():
        users[role] = create_user(username, roles, languages, display_name=username.title())
    users["root"] = create_user("root", (Role.ADMIN,), display_name="Second Admin")
    return users


def add_policies(create_policy, create_revision, open_window, staff) -> dict:
    first = create_revision(create_policy())
    second = create_revision(first.policy, SECOND_REVISION, summary="Kinder")
    open_window(first.policy)
    draft = fork_draft(staff, first.policy)
    create_revision(create_policy("charter", "Charter"))
    create_revision(create_policy("secret", "Secret plans"), publish=False)
    db.session.commit()
    return {"second": second, "draft": draft}


def add_comments(create_comment, users: dict, revision) -> dict:
    by_volunteer = create_comment(users["volunteer"], revision)
    comments = {
        "by_volunteer": by_volunteer,
        "reply": create_comment(users["staff"], revision, parent=by_volunteer),
        "by_admin": create_comment(users["root"], revision, "Un avis.", language="fr"),
        "hidden": create_comment(users["volunteer"], revision, "Rude words."),
        "deleted": create_comment(users["volunteer"], revision, "Second thoughts."),
        "suggesting": create_comment(
            users["volunteer"], revision, "Kinder still.", suggested_wording="A *gentle* place."
        ),
    }
    hide(users["moderator"], comments["hidden"], "Rude")
    delete_comment(users["volunteer"], comments["deleted"])
    db.session.commit()
    return comments


def add_translation_and_block(users: dict, revision) -> int:
    clause = clause_of(revision, "purpose")
    translation = save_translation(users["translator"], clause, "fr", "Objet", "Un lieu.", 0)
    block(users["moderator"], users["blocked"], "Machine translations")
    db.session.commit()
    return translation.version


def build(factories: dict, staff, admin) -> DataSet:
    users = add_accounts(factories["create_user"], staff, admin)
    revisions = add_policies(
        factories["create_policy"], factories["create_revision"], factories["open_window"], staff
    )
    comments = add_comments(factories["create_comment"], users, revisions["second"])
    version = add_translation_and_block(users, revisions["second"])
    draft = revisions["draft"]
    refs = {f"comment.{name}": comment.id for name, comment in comments.items()}
    refs |= {f"user.{name}": user.id for name, user in users.items()}
    refs |= {
        "translation_version": version,
        "structure_version": draft.structure_version,
        "clause_version": clause_of(draft, "purpose").version,
        "purpose_hash": clause_of(draft, "purpose").hash,
    }
    usernames = {role: user.username for role, user in users.items() if role != "root"}
    return DataSet(usernames, refs)
