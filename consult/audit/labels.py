"""The audit log in words: each action, target and detail field has a label, and each
recorded value is shown in the reader's language (no codes, no Python reprs).

Events store codes ("comment.hidden", "roles_after": ["staff"]); areas above the audit log
add the words for their own values (roles, dispositions) with `register_value_labels`."""

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from babel import Locale, UnknownLocaleError
from babel.lists import format_list
from flask_babel import format_datetime, format_number, get_locale
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

ACTION_LABELS = {
    "comment.adopted": _l("Suggested wording adopted"),
    "comment.assigned": _l("Comment assigned"),
    "comment.auto_hidden": _l("Comment hidden after flags"),
    "comment.deleted": _l("Comment deleted"),
    "comment.disposition_set": _l("Disposition set"),
    "comment.edited": _l("Comment edited"),
    "comment.endorsed": _l("Comment endorsed"),
    "comment.endorsement_withdrawn": _l("Endorsement withdrawn"),
    "comment.flagged": _l("Comment flagged"),
    "comment.flags_dismissed": _l("Flags dismissed"),
    "comment.hidden": _l("Comment hidden"),
    "comment.note_set": _l("Staff note set"),
    "comment.posted": _l("Comment posted"),
    "comment.regrouped": _l("Similar comments grouped"),
    "comment.replied": _l("Reply posted"),
    "comment.response_set": _l("Response set"),
    "comment.restored": _l("Comment restored"),
    "comment.translated": _l("Comment translated"),
    "comments.exported": _l("Comments exported"),
    "consultation.window_cleared": _l("Comment period cleared"),
    "consultation.window_set": _l("Comment period set"),
    "policy.created": _l("Policy created"),
    "policy.heading_numbers": _l("Heading numbers changed"),
    "revision.deleted": _l("Draft deleted"),
    "revision.forked": _l("Draft started"),
    "revision.imported": _l("Revision imported"),
    "revision.published": _l("Revision published"),
    "translation.imported": _l("Translation imported"),
    "translation.reviewed": _l("Translation reviewed"),
    "translation.saved": _l("Translation saved"),
    "translation.title_saved": _l("Translated title saved"),
    "user.blocked": _l("Account blocked"),
    "user.created": _l("Account created"),
    "user.password_changed": _l("Password changed"),
    "user.renamed": _l("Display name changed"),
    "user.roles_changed": _l("Roles changed"),
    "user.signed_out_everywhere": _l("Signed out everywhere"),
    "user.unblocked": _l("Account unblocked"),
}

TARGET_LABELS = {
    "comments": _l("Comment"),
    "policies": _l("Policy"),
    "revisions": _l("Revision"),
    "users": _l("Account"),
}

FIELD_LABELS = {
    "after": _l("After"),
    "assignee": _l("Assignee"),
    "base": _l("Based on revision"),
    "before": _l("Before"),
    "changed_since": _l("Changed since"),
    "clause": _l("Clause"),
    "clauses": _l("Clauses"),
    "closes_at": _l("Closes"),
    "comments": _l("Comments"),
    "content_hash": _l("Content fingerprint"),
    "draft": _l("Draft"),
    "duplicate_of": _l("Duplicate of"),
    "flags": _l("Flags"),
    "format": _l("Format"),
    "from": _l("From"),
    "groups": _l("Groups"),
    "language": _l("Language"),
    "languages": _l("Languages"),
    "languages_after": _l("Languages after"),
    "languages_before": _l("Languages before"),
    "matching": _l("Headings paired"),
    "minor_edits": _l("Minor edits"),
    "note": _l("Note"),
    "opens_at": _l("Opens"),
    "parent": _l("In reply to"),
    "reason": _l("Reason"),
    "response": _l("Response"),
    "revision": _l("Revision"),
    "roles": _l("Roles"),
    "roles_after": _l("Roles after"),
    "roles_before": _l("Roles before"),
    "saved": _l("Saved"),
    "to": _l("To"),
    "untranslated": _l("Untranslated"),
}

DATETIME_FIELDS = frozenset({"opens_at", "closes_at"})
LANGUAGE_FIELDS = frozenset({"language", "languages", "languages_after", "languages_before"})
# Codes of the audit's own making; areas register theirs (roles, dispositions …).
_VALUE_LABELS: dict[str, dict[str, Any]] = {
    "matching": {
        "exact": _l("Same headings"),
        "by_order": _l("By order"),
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
    if isinstance(value, bool):
        return _("yes") if value else _("no")
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
        return language_in_interface(value)
    return value


def shown_datetime(value: str) -> str:
    try:
        return format_datetime(datetime.fromisoformat(value), "short")
    except ValueError:
        return value


def language_in_interface(tag: str) -> str:
    """A language's name in the reader's interface language ("German", "allemand")."""
    try:
        return Locale.parse(tag, sep="-").get_display_name(get_locale()) or tag
    except (ValueError, TypeError, UnknownLocaleError):
        return tag
