"""Readable, translatable messages for the demo's error codes."""

from flask_babel import lazy_gettext as _l

from consult.demo.services import DemoCode

MESSAGES = {
    # Translators: Command-line error when the demo cannot load; %(revision)s is the draft's revision number.
    DemoCode.DRAFT_IN_THE_WAY: _l(
        "The demo policy has an unpublished draft (revision %(revision)s) that the demo would "
        "have to replace. Publish or delete it, then run this command again."
    ),
}
