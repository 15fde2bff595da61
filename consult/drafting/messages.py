"""Readable, translatable messages for the policy workflow's error codes."""

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from consult.policies.errors import PolicyError

MESSAGES = {
    "slug_invalid": _l(
        "The address may contain only lower-case letters, digits and single hyphens."
    ),
    "slug_taken": _l("A policy with this address already exists."),
    "title_required": _l("A title is required."),
    "language_unknown": _l("“%(language)s” is not a language tag we know (try en, fr or pt-BR)."),
    "language_mismatch": _l(
        "The document is in %(language)s but this policy's source language is %(expected)s. Import translations from the translation workspace."
    ),
    "revision_locked": _l(
        "This revision is published. Published text never changes: start a new draft instead."
    ),
    "draft_exists": _l(
        "This policy already has a draft (revision %(revision)s). Publish or delete it first."
    ),
    "not_found": _l("That does not exist."),
    "too_large": _l("The file is too large: %(size)s bytes, the limit is %(limit)s bytes."),
    "not_utf8": _l(
        "The file is not UTF-8 text (invalid byte at position %(position)s). Save it as UTF-8 and try again."
    ),
    "not_text": _l("The file contains binary data, not Markdown text."),
    "empty": _l("The document is empty."),
    "front_matter_unclosed": _l("The front matter block at the top is never closed."),
    "front_matter_yaml": _l("The YAML front matter is malformed%(where)s."),
    "front_matter_toml": _l("The TOML front matter is malformed%(where)s."),
    "front_matter_not_mapping": _l("The front matter must be a set of key: value pairs."),
    "front_matter_too_large": _l(
        "The front matter is too long: %(size)s characters, the limit is %(limit)s."
    ),
    "front_matter_too_deep": _l(
        "The front matter nests values too deeply: at most %(limit)s levels are allowed."
    ),
    "front_matter_alias": _l(
        "The YAML front matter uses an anchor or an alias (& or *)%(where)s. Write each value out in full."
    ),
    "summary_required": _l("Please describe what changed."),
    "no_clauses": _l("A revision needs at least one clause."),
    "heading_required": _l("A clause needs a heading (only the introduction has none)."),
    "preamble_has_no_heading": _l(
        "The introduction has no heading: choose a heading level or clear the heading."
    ),
    "level_invalid": _l("Choose a heading level between 1 and 6."),
    "cannot_move": _l("That clause cannot move further."),
    "stale": _l(
        "Someone else changed this draft in the meantime. Nothing was overwritten: review their version and apply your change again."
    ),
}


def error_message(error: PolicyError) -> str:
    template = MESSAGES.get(error.code)
    if template is None:
        return _("That could not be done (%(code)s).", code=error.code)
    details = {
        name: error.details.get(name, "?")
        for name in ("language", "expected", "revision", "size", "limit", "position")
    }
    line = error.details.get("line")
    details["where"] = _(" (line %(line)s)", line=line) if line else ""
    return str(template) % details
