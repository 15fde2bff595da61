"""Readable, translatable messages for the codes of adopting a suggested wording."""

from flask_babel import lazy_gettext as _l

from consult.comments.adoption import AdoptionCode

MESSAGES = {
    # Translators: Error for staff trying to adopt wording from a comment that does not suggest any.
    AdoptionCode.NO_SUGGESTION: _l("This comment suggests no wording to adopt."),
    # Translators: Error for staff adopting a comment's wording; %(clause)s is the clause's number and heading, which no longer exists in the draft.
    AdoptionCode.CLAUSE_NOT_IN_DRAFT: _l(
        "The draft has no clause “%(clause)s” any more: add it back before adopting wording "
        "into it."
    ),
    # Translators: Warning for staff adopting a suggestion into a clause that changed; %(revision)s is the revision number the comment was written on.
    AdoptionCode.NOT_CONFIRMED: _l(
        "The clause has changed since revision %(revision)s, which the comment was written "
        "against. Compare the three texts and confirm that the suggestion replaces the "
        "draft's text."
    ),
    # Translators: Error for staff when the draft changed while they reviewed a suggestion to adopt.
    AdoptionCode.DRAFT_CHANGED: _l(
        "The draft changed while you were reading this page. Check the texts below and adopt again."
    ),
}
