"""Readable, translatable messages for what can be wrong with an imported document
(the drafts library's codes)."""

from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from consult.errors import Counted
from drafts import DocumentErrorCode

MESSAGES = {
    DocumentErrorCode.EMPTY: _l("The document is empty."),
    DocumentErrorCode.FRONT_MATTER_UNCLOSED: _l(
        "The front matter block at the top is never closed."
    ),
    DocumentErrorCode.FRONT_MATTER_YAML: _l("The YAML front matter is malformed%(where)s."),
    DocumentErrorCode.FRONT_MATTER_TOML: _l("The TOML front matter is malformed%(where)s."),
    DocumentErrorCode.FRONT_MATTER_NOT_MAPPING: _l(
        "The front matter must be a set of key: value pairs."
    ),
    DocumentErrorCode.FRONT_MATTER_TOO_LARGE: Counted(
        "limit",
        lambda n, **details: ngettext(
            "The front matter is too long: use at most %(limit)s character.",
            "The front matter is too long: use at most %(limit)s characters.",
            n,
            **details,
        ),
    ),
    DocumentErrorCode.FRONT_MATTER_TOO_DEEP: Counted(
        "limit",
        lambda n, **details: ngettext(
            "The front matter nests values too deeply: at most %(limit)s level is allowed.",
            "The front matter nests values too deeply: at most %(limit)s levels are allowed.",
            n,
            **details,
        ),
    ),
    DocumentErrorCode.FRONT_MATTER_ALIAS: _l(
        "The YAML front matter uses an anchor or an alias (& or *)%(where)s. Write each value out in full."
    ),
}
