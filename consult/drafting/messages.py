"""Readable, translatable messages for what can be wrong with an imported document
(the drafts library's codes)."""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from consult.errors import Counted
from drafts import DocumentErrorCode

MESSAGES = {
    # Translators: Import error when the uploaded document has no text. Read by policy staff.
    DocumentErrorCode.EMPTY: _l("The document is empty."),
    # Translators: Import error when the document's front matter (metadata block at the top) has no closing line. Read by policy staff.
    DocumentErrorCode.FRONT_MATTER_UNCLOSED: _l(
        "The front matter block at the top is never closed."
    ),
    # Translators: Import error about the YAML metadata block; %(where)s is either empty or a mention of the line number such as " (line 3)", attached directly after "malformed"; keep "YAML". Read by policy staff.
    DocumentErrorCode.FRONT_MATTER_YAML: _l("The YAML front matter is malformed%(where)s."),
    # Translators: Import error about the TOML metadata block; %(where)s is either empty or a mention of the line number such as " (line 3)", attached directly after "malformed"; keep "TOML". Read by policy staff.
    DocumentErrorCode.FRONT_MATTER_TOML: _l("The TOML front matter is malformed%(where)s."),
    # Translators: Import error when the front matter is not a list of key: value pairs. Read by policy staff.
    DocumentErrorCode.FRONT_MATTER_NOT_MAPPING: _l(
        "The front matter must be a set of key: value pairs."
    ),
    DocumentErrorCode.FRONT_MATTER_TOO_LARGE: Counted(
        "limit",
        # Translators: Error when importing a document whose front matter (the key: value block at the top) is too long; %(limit)s is the maximum number of characters. Read by policy staff.
        lambda n, **details: ngettext(
            "The front matter is too long: use at most %(limit)s character.",
            "The front matter is too long: use at most %(limit)s characters.",
            n,
            **details,
        ),
    ),
    DocumentErrorCode.FRONT_MATTER_TOO_DEEP: Counted(
        "limit",
        # Translators: Error when importing a document whose front matter (the key: value block at the top) is nested too deeply; %(limit)s is the maximum number of levels. Read by policy staff.
        lambda n, **details: ngettext(
            "The front matter nests values too deeply: at most %(limit)s level is allowed.",
            "The front matter nests values too deeply: at most %(limit)s levels are allowed.",
            n,
            **details,
        ),
    ),
    # Translators: Import error; %(where)s is either empty or a mention of the line number such as " (line 3)"; keep "&" and "*". Read by policy staff.
    DocumentErrorCode.FRONT_MATTER_ALIAS: _l(
        "The YAML front matter uses an anchor or an alias (& or *)%(where)s. Write each value out in full."
    ),
}
