"""Readable, translatable messages for the translation workflow's error codes."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from consult.drafting.messages import error_message as drafting_message
from consult.policies.errors import PolicyError

MESSAGES = {
    "language_unknown": _l("“%(language)s” is not a language tag we know (try de, ar or pt-BR)."),
    "not_translator": _l(
        "You are not a translator of %(language)s. An administrator can grant you that language."
    ),
    # The wording moderation gives every refusal of a blocked account.
    "blocked": _l("Your account has been blocked from posting by a moderator."),
    "self_review": _l(
        "You translated this clause yourself: a second translator of the language has to review it."
    ),
    "review_outdated": _l(
        "This translation is outdated: update it to the current source before it can be reviewed."
    ),
    "review_missing": _l("There is no translation to review yet."),
    "revision_not_published": _l(
        "Revision %(revision)s is a draft: translations start once it is published."
    ),
    "same_as_source": _l(
        "%(language)s is this policy's source language: there is nothing to translate."
    ),
    "translation_empty": _l("The translation is empty."),
    "structure_mismatch": _l(
        "The document's headings do not match the revision's (same headings, same order, same levels are needed). The first difference is at heading %(position)s."
    ),
    "stale": _l(
        "Someone else saved this translation in the meantime. Nothing was overwritten: review their version and apply your change again."
    ),
}


def error_message(error: PolicyError) -> str:
    template = MESSAGES.get(error.code)
    if template is None:
        return drafting_message(error)
    details = {name: error.details.get(name, "?") for name in ("language", "revision")}
    details["position"] = error.details.get("position", 0) + 1
    return str(template) % details


def outline_line(item) -> str:
    heading = item.heading or _("(introduction)")
    return f"{item.number} {'#' * item.level} {heading}".strip()


def error_lines(error: PolicyError) -> list[str]:
    """The message, and for a structure mismatch the headings expected and found, side by side."""
    lines = [error_message(error)]
    if error.code == "structure_mismatch":
        lines.append(_("Expected headings:"))
        lines += [f"  {outline_line(item)}" for item in error.details["expected"]]
        lines.append(_("Found headings:"))
        lines += [f"  {outline_line(item)}" for item in error.details["found"]]
    return lines
