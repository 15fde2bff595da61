"""Safe HTML from user-supplied Markdown, as template-ready Markup."""

from markupsafe import Markup

from drafts import CLAUSE_PROFILE, COMMENT_PROFILE, render_inline, render_markdown


def clause_html(text: str) -> Markup:
    return Markup(render_markdown(text or "", CLAUSE_PROFILE))


def comment_html(text: str) -> Markup:
    return Markup(render_markdown(text or "", COMMENT_PROFILE))


def inline_html(text: str) -> Markup:
    return Markup(render_inline(text or ""))
