"""Readable, translatable messages for the translation workflow's error codes."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from consult.errors import message_of
from consult.policies.errors import PolicyError
from consult.translating.errors import TranslationCode
from drafts import StructureErrorCode

MESSAGES = {
    TranslationCode.LANGUAGE_UNKNOWN: _l(
        "“%(language)s” is not a language tag we know (try de, ar or pt-BR)."
    ),
    TranslationCode.NOT_TRANSLATOR: _l(
        "You are not a translator of %(language)s. An administrator can grant you that language."
    ),
    # The wording moderation gives every refusal of a blocked account.
    TranslationCode.BLOCKED: _l("Your account has been blocked from posting by a moderator."),
    TranslationCode.SELF_REVIEW: _l(
        "You translated this clause yourself: a second translator of the language has to review it."
    ),
    TranslationCode.REVIEW_OUTDATED: _l(
        "This translation is outdated: update it to the current source before it can be reviewed."
    ),
    TranslationCode.REVISION_NOT_PUBLISHED: _l(
        "Revision %(revision)s is a draft: translations start once it is published."
    ),
    TranslationCode.SAME_AS_SOURCE: _l(
        "%(language)s is this policy's source language: there is nothing to translate."
    ),
    TranslationCode.TRANSLATION_EMPTY: _l("The translation is empty."),
    TranslationCode.STALE: _l(
        "Someone else saved this translation in the meantime. Nothing was overwritten: review their version and apply your change again."
    ),
    StructureErrorCode.MISMATCH: _l(
        "The document's headings do not match the revision's (same headings, same order, same levels are needed). The first difference is at heading %(position)s."
    ),
    StructureErrorCode.LEVELS_DIFFER: _l(
        "The document has the revision's headings in the same order, but not all at the same levels. The first difference is at heading %(position)s."
    ),
    StructureErrorCode.MAPPING_INVALID: _l(
        "Heading %(position)s is not paired with a clause of this revision: choose a clause for it or skip it."
    ),
    StructureErrorCode.MAPPING_REPEATED: _l(
        "Headings %(first)s and %(position)s are paired with the same clause: a clause takes one heading at most."
    ),
}
# Codes whose message is followed by the headings expected and found.
OUTLINE_CODES = frozenset({StructureErrorCode.MISMATCH, StructureErrorCode.LEVELS_DIFFER})


def outline_line(item) -> str:
    heading = item.heading or _("(introduction)")
    return f"{item.number} {'#' * item.level} {heading}".strip()


def error_lines(error: PolicyError) -> list[str]:
    """The message, and for a structure mismatch the headings expected and found, side by side."""
    lines = [message_of(error)]
    if error.code in OUTLINE_CODES:
        lines.append(_("Expected headings:"))
        lines += [f"  {outline_line(item)}" for item in error.details["expected"]]
        lines.append(_("Found headings:"))
        lines += [f"  {outline_line(item)}" for item in error.details["found"]]
    return lines
