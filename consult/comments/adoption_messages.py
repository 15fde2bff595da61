"""Readable, translatable messages for the codes of adopting a suggested wording."""

from flask_babel import lazy_gettext as _l

from consult.comments.adoption import AdoptionCode

MESSAGES = {
    AdoptionCode.NO_SUGGESTION: _l("This comment suggests no wording to adopt."),
    AdoptionCode.CLAUSE_NOT_IN_DRAFT: _l(
        "The draft has no clause “%(clause)s” any more: add it back before adopting wording "
        "into it."
    ),
    AdoptionCode.NOT_CONFIRMED: _l(
        "The clause has changed since revision %(revision)s, which the comment was written "
        "against. Compare the three texts and confirm that the suggestion replaces the "
        "draft's text."
    ),
    AdoptionCode.DRAFT_CHANGED: _l(
        "The draft changed while you were reading this page. Check the texts below and adopt again."
    ),
}
