"""Readable, translatable messages for the translation workflow's error codes."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from consult.errors import message_of
from consult.policies.errors import PolicyError
from consult.translating.errors import TranslationCode
from drafts import StructureErrorCode

MESSAGES = {
    # Translators: Form error for an unknown language; %(language)s is what was given; keep the example tags. Read by translators.
    TranslationCode.LANGUAGE_UNKNOWN: _l(
        "“%(language)s” is not a language tag we know (try de, ar or pt-BR)."
    ),
    # Translators: Error for a translator without that language; %(language)s is a language name.
    TranslationCode.NOT_TRANSLATOR: _l(
        "You are not a translator of %(language)s. An administrator can grant you that language."
    ),
    # The wording moderation gives every refusal of a blocked account.
    TranslationCode.BLOCKED: _l("Your account has been blocked from posting by a moderator."),
    # Translators: Error when translators try to review their own translation.
    TranslationCode.SELF_REVIEW: _l(
        "You translated this clause yourself: a second translator of the language has to review it."
    ),
    # Translators: Error when reviewing an outdated translation. Read by translators.
    TranslationCode.REVIEW_OUTDATED: _l(
        "This translation is outdated: update it to the current source before it can be reviewed."
    ),
    # Translators: Error when translating a draft; %(revision)s is the draft's revision number. Read by translators.
    TranslationCode.REVISION_NOT_PUBLISHED: _l(
        "Revision %(revision)s is a draft: translations start once it is published."
    ),
    # Translators: Error when translating into the source language; %(language)s is a language name. Read by translators.
    TranslationCode.SAME_AS_SOURCE: _l(
        "%(language)s is this policy's source language: there is nothing to translate."
    ),
    # Translators: Form error for an empty translation. Read by translators.
    TranslationCode.TRANSLATION_EMPTY: _l("The translation is empty."),
    # Translators: Error when two translators saved the same translation at once.
    TranslationCode.STALE: _l(
        "Someone else saved this translation in the meantime. Nothing was overwritten: review their version and apply your change again."
    ),
    # Translators: Import error; %(position)s is the number of the first heading that differs. Read by translators.
    StructureErrorCode.MISMATCH: _l(
        "The document's headings do not match the revision's (same headings, same order, same levels are needed). The first difference is at heading %(position)s."
    ),
    # Translators: Import error; %(position)s is the number of the first heading at another level. Read by translators.
    StructureErrorCode.LEVELS_DIFFER: _l(
        "The document has the revision's headings in the same order, but not all at the same levels. The first difference is at heading %(position)s."
    ),
    # Translators: Import error; %(position)s is a heading's number in the document. Read by translators.
    StructureErrorCode.MAPPING_INVALID: _l(
        "Heading %(position)s is not paired with a clause of this revision: choose a clause for it or skip it."
    ),
    # Translators: Import error; %(first)s and %(position)s are heading numbers in the document. Read by translators.
    StructureErrorCode.MAPPING_REPEATED: _l(
        "Headings %(first)s and %(position)s are paired with the same clause: a clause takes one heading at most."
    ),
}
# Codes whose message is followed by the headings expected and found.
OUTLINE_CODES = frozenset({StructureErrorCode.MISMATCH, StructureErrorCode.LEVELS_DIFFER})


def outline_line(item) -> str:
    # Translators: Shown in place of a heading for the untitled introduction of a policy, in parentheses. Read by translators.
    heading = item.heading or _("(introduction)")
    return f"{item.number} {'#' * item.level} {heading}".strip()


def error_lines(error: PolicyError) -> list[str]:
    """The message, and for a structure mismatch the headings expected and found, side by side."""
    lines = [message_of(error)]
    if error.code in OUTLINE_CODES:
        # Translators: Label before the list of headings the revision has, in an import error. Read by translators.
        lines.append(_("Expected headings:"))
        lines += [f"  {outline_line(item)}" for item in error.details["expected"]]
        # Translators: Label before the list of headings found in the document, in an import error. Read by translators.
        lines.append(_("Found headings:"))
        lines += [f"  {outline_line(item)}" for item in error.details["found"]]
    return lines
