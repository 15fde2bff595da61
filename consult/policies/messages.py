"""Readable, translatable messages for the policy rules' codes (kernel and drafting)."""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from consult.errors import Counted
from consult.policies.errors import PolicyCode

MESSAGES = {
    PolicyCode.SLUG_INVALID: _l(
        "The address may contain only lower-case letters, digits and single hyphens."
    ),
    PolicyCode.SLUG_TAKEN: _l("A policy with this address already exists."),
    PolicyCode.TITLE_REQUIRED: _l("A title is required."),
    PolicyCode.LANGUAGE_UNKNOWN: _l(
        "“%(language)s” is not a language tag we know (try en, fr or pt-BR)."
    ),
    PolicyCode.LANGUAGE_MISMATCH: _l(
        "The document is in %(language)s but this policy's source language is %(expected)s. Import translations from the translation workspace."
    ),
    PolicyCode.REVISION_LOCKED: _l(
        "This revision is published. Published text never changes: start a new draft instead."
    ),
    PolicyCode.DRAFT_EXISTS: _l(
        "This policy already has a draft (revision %(revision)s). Publish or delete it first."
    ),
    PolicyCode.NOT_FOUND: _l("That does not exist."),
    PolicyCode.TOO_LARGE: Counted(
        "limit",
        lambda n, **details: ngettext(
            "The file is too large: the limit is %(limit)s byte.",
            "The file is too large: the limit is %(limit)s bytes.",
            n,
            **details,
        ),
    ),
    PolicyCode.NOT_UTF8: _l(
        "The file is not UTF-8 text (invalid byte at position %(position)s). Save it as UTF-8 and try again."
    ),
    PolicyCode.NOT_TEXT: _l("The file contains binary data, not Markdown text."),
    PolicyCode.SUMMARY_REQUIRED: _l("Please describe what changed."),
    PolicyCode.NO_CLAUSES: _l("A revision needs at least one clause."),
    PolicyCode.HEADING_REQUIRED: _l("A clause needs a heading (only the introduction has none)."),
    PolicyCode.PREAMBLE_HAS_NO_HEADING: _l(
        "The introduction has no heading: choose a heading level or clear the heading."
    ),
    PolicyCode.LEVEL_INVALID: _l("Choose a heading level between 1 and 6."),
    PolicyCode.CANNOT_MOVE: _l("That clause cannot move further."),
    PolicyCode.STALE: _l(
        "Someone else changed this draft in the meantime. Nothing was overwritten: review their version and apply your change again."
    ),
    PolicyCode.HEADING_NUMBERS_INVALID: _l(
        "Choose whose numbers the headings show: the document's, Consult's, or automatic."
    ),
}
