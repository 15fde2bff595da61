"""Safe HTML from user-supplied Markdown, as template-ready Markup."""

from markupsafe import Markup

from consult.renderings import rendered
from drafts import CLAUSE_PROFILE, COMMENT_PROFILE


def clause_html(text: str) -> Markup:
    return Markup(rendered(text or "", CLAUSE_PROFILE))


def comment_html(text: str) -> Markup:
    return Markup(rendered(text or "", COMMENT_PROFILE))


def inline_html(text: str) -> Markup:
    return Markup(rendered(text or "", inline=True))
