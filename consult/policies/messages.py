"""Readable, translatable messages for the policy rules' codes (kernel and drafting)."""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from consult.errors import Counted
from consult.policies.errors import PolicyCode

MESSAGES = {
    # Translators: Form error for an invalid policy address. Read by policy staff.
    PolicyCode.SLUG_INVALID: _l(
        "The address may contain only lower-case letters, digits and single hyphens."
    ),
    # Translators: Form error when the policy address is taken. Read by policy staff.
    PolicyCode.SLUG_TAKEN: _l("A policy with this address already exists."),
    # Translators: Form error when the policy title is empty. Read by policy staff.
    PolicyCode.TITLE_REQUIRED: _l("A title is required."),
    # Translators: Form error for an unknown source language; %(language)s is what was typed; keep the example tags. Read by policy staff.
    PolicyCode.LANGUAGE_UNKNOWN: _l(
        "“%(language)s” is not a language tag we know (try en, fr or pt-BR)."
    ),
    # Translators: Import error; %(language)s and %(expected)s are language names. Read by policy staff.
    PolicyCode.LANGUAGE_MISMATCH: _l(
        "The document is in %(language)s but this policy's source language is %(expected)s. Import translations from the translation workspace."
    ),
    PolicyCode.REVISION_LOCKED: _l(
        "This revision is published. Published text never changes: start a new draft instead."
    ),
    # Translators: Error when a draft already exists; %(revision)s is its revision number. Read by policy staff.
    PolicyCode.DRAFT_EXISTS: _l(
        "This policy already has a draft (revision %(revision)s). Publish or delete it first."
    ),
    # Translators: Generic error when something requested does not exist. Read by policy staff.
    PolicyCode.NOT_FOUND: _l("That does not exist."),
    PolicyCode.TOO_LARGE: Counted(
        "limit",
        # Translators: Error when an uploaded file is too big; %(limit)s is the size limit in bytes (a formatted number). Read by policy staff and translators.
        lambda n, **details: ngettext(
            "The file is too large: the limit is %(limit)s byte.",
            "The file is too large: the limit is %(limit)s bytes.",
            n,
            **details,
        ),
    ),
    # Translators: Upload error; %(position)s is the byte offset of the invalid byte; keep "UTF-8". Read by policy staff.
    PolicyCode.NOT_UTF8: _l(
        "The file is not UTF-8 text (invalid byte at position %(position)s). Save it as UTF-8 and try again."
    ),
    # Translators: Upload error when the file is not text. Read by policy staff.
    PolicyCode.NOT_TEXT: _l("The file contains binary data, not Markdown text."),
    # Translators: Form error when the change summary is empty. Read by policy staff.
    PolicyCode.SUMMARY_REQUIRED: _l("Please describe what changed."),
    # Translators: Error when publishing a revision with no clause. Read by policy staff.
    PolicyCode.NO_CLAUSES: _l("A revision needs at least one clause."),
    # Translators: Error when a clause has no heading. Read by policy staff.
    PolicyCode.HEADING_REQUIRED: _l("A clause needs a heading (only the introduction has none)."),
    # Translators: Error when the introduction is given a heading level without a heading. Read by policy staff.
    PolicyCode.PREAMBLE_HAS_NO_HEADING: _l(
        "The introduction has no heading: choose a heading level or clear the heading."
    ),
    # Translators: Form error for a heading level outside 1 to 6. Read by policy staff.
    PolicyCode.LEVEL_INVALID: _l("Choose a heading level between 1 and 6."),
    # Translators: Error when a clause is already first or last and cannot move. Read by policy staff.
    PolicyCode.CANNOT_MOVE: _l("That clause cannot move further."),
    # Translators: Error when two people edited the same draft at once.
    PolicyCode.STALE: _l(
        "Someone else changed this draft in the meantime. Nothing was overwritten: review their version and apply your change again."
    ),
    # Translators: Form error when no heading numbering option is chosen; "Consult" is the product name. Read by policy staff.
    PolicyCode.HEADING_NUMBERS_INVALID: _l(
        "Choose whose numbers the headings show: the document's, Consult's, or automatic."
    ),
}
