"""Readable, translatable messages for what can be wrong with an imported document
(the drafts library's codes)."""

from flask_babel import lazy_gettext as _l

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
    DocumentErrorCode.FRONT_MATTER_TOO_LARGE: _l(
        "The front matter is too long: %(size)s characters, the limit is %(limit)s."
    ),
    DocumentErrorCode.FRONT_MATTER_TOO_DEEP: _l(
        "The front matter nests values too deeply: at most %(limit)s levels are allowed."
    ),
    DocumentErrorCode.FRONT_MATTER_ALIAS: _l(
        "The YAML front matter uses an anchor or an alias (& or *)%(where)s. Write each value out in full."
    ),
}
