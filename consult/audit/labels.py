"""The audit log in words: each action, target and detail field has a label, and each
recorded value is shown in the reader's language (no codes, no Python reprs).

Events store codes ("comment.hidden", "roles_after": ["staff"]); areas above the audit log
add the words for their own values (roles, dispositions) with `register_value_labels`."""

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from babel.lists import format_list
from flask_babel import format_number, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from consult.i18n import language_name_in_interface
from consult.zones import moment_text

ACTION_LABELS = {
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff adopted a comment's suggested wording into a draft.
    "comment.adopted": _l("Suggested wording adopted"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a comment was assigned to a staff member.
    "comment.assigned": _l("Comment assigned"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a comment was hidden automatically because several people flagged it.
    "comment.auto_hidden": _l("Comment hidden after flags"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a comment was deleted by its author.
    "comment.deleted": _l("Comment deleted"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff set what was done with a comment (accepted, rejected, etc.).
    "comment.disposition_set": _l("Disposition set"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a comment's author edited it.
    "comment.edited": _l("Comment edited"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a volunteer endorsed (supported) a comment.
    "comment.endorsed": _l("Comment endorsed"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a volunteer withdrew their endorsement of a comment.
    "comment.endorsement_withdrawn": _l("Endorsement withdrawn"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: someone flagged a comment for moderators.
    "comment.flagged": _l("Comment flagged"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a moderator dismissed the flags on a comment.
    "comment.flags_dismissed": _l("Flags dismissed"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a moderator hid a comment.
    "comment.hidden": _l("Comment hidden"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff wrote an internal note on a comment.
    "comment.note_set": _l("Staff note set"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a volunteer posted a comment.
    "comment.posted": _l("Comment posted"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff grouped similar comments together.
    "comment.regrouped": _l("Similar comments grouped"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: someone replied to a comment.
    "comment.replied": _l("Reply posted"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff wrote the official response to a comment.
    "comment.response_set": _l("Response set"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a moderator made a hidden comment visible again.
    "comment.restored": _l("Comment restored"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a translator saved a translation of a comment.
    "comment.translated": _l("Comment translated"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff downloaded the comments as a file.
    "comments.exported": _l("Comments exported"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff removed the consultation window (the dates comments are open).
    "consultation.window_cleared": _l("Comment period cleared"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff set the consultation window (the dates comments are open).
    "consultation.window_set": _l("Comment period set"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff created a new policy.
    "policy.created": _l("Policy created"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff changed how a policy's headings are numbered.
    "policy.heading_numbers": _l("Heading numbers changed"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff deleted an unpublished draft revision.
    "revision.deleted": _l("Draft deleted"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff started a new draft revision from the latest one.
    "revision.forked": _l("Draft started"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff imported a document as a new revision.
    "revision.imported": _l("Revision imported"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: staff published a revision.
    "revision.published": _l("Revision published"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a translator imported a translated document.
    "translation.imported": _l("Translation imported"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a translator marked a clause's translation as reviewed.
    "translation.reviewed": _l("Translation reviewed"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a translator saved a clause's translation.
    "translation.saved": _l("Translation saved"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a translator saved a policy title's translation.
    "translation.title_saved": _l("Translated title saved"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: an administrator or moderator blocked an account.
    "user.blocked": _l("Account blocked"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: someone registered an account.
    "user.created": _l("Account created"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a user changed their password.
    "user.password_changed": _l("Password changed"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a user's display name was changed.
    "user.renamed": _l("Display name changed"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: an administrator changed a user's roles.
    "user.roles_changed": _l("Roles changed"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: a user signed out of all their devices.
    "user.signed_out_everywhere": _l("Signed out everywhere"),
    # Translators: Entry in the audit log's action column, read by administrators and policy staff; a short past-tense event name: an account was unblocked.
    "user.unblocked": _l("Account unblocked"),
}

TARGET_LABELS = {
    "comments": _l("Comment"),
    # Translators: Type of the thing an audit log entry is about (a policy document), in the audit log's target column; read by administrators and policy staff.
    "policies": _l("Policy"),
    # Translators: Label of the revision filter and a column heading in the revision history. Read by policy staff.
    "revisions": _l("Revision"),
    # Translators: Type of the thing an audit log entry is about (a user account), in the audit log's target column; read by administrators and policy staff.
    "users": _l("Account"),
}

FIELD_LABELS = {
    "after": _l("After"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the staff member a comment was assigned to.
    "assignee": _l("Assignee"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the revision number a new draft was started from.
    "base": _l("Based on revision"),
    "before": _l("Before"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; whether the text changed since an earlier revision.
    "changed_since": _l("Changed since"),
    # Translators: Column heading and filter label: a clause (a numbered section) of a policy. Read by everyone: the report and statistics are public.
    "clause": _l("Clause"),
    "clauses": _l("Clauses"),
    "closes_at": _l("Closes"),
    "comments": _l("Comments"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; a checksum identifying the exact text of a revision; technical.
    "content_hash": _l("Content fingerprint"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the number of the draft revision concerned.
    "draft": _l("Draft"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the comment that this comment was grouped with as similar.
    "duplicate_of": _l("Duplicate of"),
    "flags": _l("Flags"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the file format of an export or import (e.g. CSV, Markdown).
    "format": _l("Format"),
    # Translators: Label of the picker of the earlier revision to compare. Read by everyone comparing revisions.
    "from": _l("From"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the groups of similar comments that were formed.
    "groups": _l("Groups"),
    "language": _l("Language"),
    "languages": _l("Languages"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; a translator's languages after the change.
    "languages_after": _l("Languages after"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; a translator's languages before the change.
    "languages_before": _l("Languages before"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; how a translation's headings were paired with the revision's clauses.
    "matching": _l("Headings paired"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; whether the change was marked as minor edits only.
    "minor_edits": _l("Minor edits"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the internal staff note written on a comment.
    "note": _l("Note"),
    "opens_at": _l("Opens"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the comment a reply answers.
    "parent": _l("In reply to"),
    "reason": _l("Reason"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the official response staff wrote to a comment.
    "response": _l("Response"),
    "revision": _l("Revision"),
    "roles": _l("Roles"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the user's roles after the change.
    "roles_after": _l("Roles after"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; the user's roles before the change.
    "roles_before": _l("Roles before"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; how many items were saved.
    "saved": _l("Saved"),
    "to": _l("To"),
    # Translators: Field label in an audit log entry's details (followed by a colon and the recorded value), read by administrators and policy staff; how many clauses were left untranslated.
    "untranslated": _l("Untranslated"),
}

DATETIME_FIELDS = frozenset({"opens_at", "closes_at"})
LANGUAGE_FIELDS = frozenset({"language", "languages", "languages_after", "languages_before"})
# Codes of the audit's own making; areas register theirs (roles, dispositions …).
_VALUE_LABELS: dict[str, dict[str, Any]] = {
    "matching": {
        # Translators: Value of 'Headings paired' in the audit log: the translation had the same headings as the revision; read by administrators and policy staff.
        "exact": _l("Same headings"),
        # Translators: Value of 'Headings paired' in the audit log: the translation's headings were paired with clauses by their order; read by administrators and policy staff.
        "by_order": _l("By order"),
        # Translators: Value of 'Headings paired' in the audit log: a translator paired the headings with clauses by hand; read by administrators and policy staff.
        "mapped": _l("Paired by hand"),
    },
}


def register_value_labels(fields: Iterable[str], labels: Mapping[Any, Any]) -> None:
    """Words for the codes a field records, e.g. roles: {"staff": "Staff"}."""
    for field in fields:
        _VALUE_LABELS.setdefault(field, {}).update({str(k): v for k, v in labels.items()})


def action_label(action: str) -> str:
    label = ACTION_LABELS.get(action)
    return str(label) if label is not None else action


def target_label(target_type: str) -> str:
    label = TARGET_LABELS.get(target_type)
    return str(label) if label is not None else target_type


def field_label(name: str) -> str:
    label = FIELD_LABELS.get(name)
    return str(label) if label is not None else name


def shown_details(details: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(label, value) of an event's details, each value in the reader's words."""
    return [(field_label(name), shown_value(name, details[name])) for name in sorted(details)]


def shown_value(name: str, value: Any) -> str:
    if value is None or value == "" or value == []:
        return "—"
    if value is True:
        # Translators: A recorded true value in an audit log entry's details (e.g. 'Minor edits: yes'); lower case, read by administrators and policy staff.
        return _("yes")
    if value is False:
        # Translators: A recorded false value in an audit log entry's details (e.g. 'Minor edits: no'); lower case, read by administrators and policy staff.
        return _("no")
    if isinstance(value, (int, float)):
        return format_number(value)
    if isinstance(value, (list, tuple)):
        return format_list([shown_value(name, item) for item in value], locale=get_locale())
    if isinstance(value, dict):
        return "; ".join(f"{field_label(k)}: {shown_value(k, v)}" for k, v in sorted(value.items()))
    return shown_text(name, str(value))


def shown_text(name: str, value: str) -> str:
    labels = _VALUE_LABELS.get(name, {})
    if value in labels:
        return str(labels[value])
    if name in DATETIME_FIELDS:
        return shown_datetime(value)
    if name in LANGUAGE_FIELDS:
        return language_name_in_interface(value)
    return value


def shown_datetime(value: str) -> str:
    try:
        return moment_text(datetime.fromisoformat(value), "short")
    except ValueError:
        return value
